package search_test

import (
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/corpus"
	"dossier/corpus/hostile"
)

func hitIDs(arts []corpus.Article, hits []search.Hit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, arts[h.Doc].ID[:3])
	}
	sort.Strings(ids)
	return ids
}

func TestSearchSeeds(t *testing.T) {
	arts := parse.Embedded()
	ix := search.NewIndex(arts)
	if ix.Len() != len(arts) {
		t.Fatalf("Len = %d, want %d", ix.Len(), len(arts))
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"imankulov", []string{"000", "002"}},
		{"Imankulov", []string{"000", "002"}},
		{"japarov", []string{"001"}},
		{"crocus", []string{"004"}},
		{"masadykov", []string{"004"}},
		{"taalatbek", []string{"004"}},
		{"imankulv", []string{"000", "002"}},  // a letter dropped
		{"imnakulov", []string{"000", "002"}}, // two swapped
		{"japarv", []string{"001"}},           // a letter dropped
		{"jpaarov", []string{"001"}},          // two swapped
		{"masadykv", []string{"004"}},         // a letter dropped
		{"masdaykov", []string{"004"}},        // two swapped
		{"crocsu", []string{"004"}},           // two swapped
		{"crocus city", []string{"004"}},      // two words, AND
		{"marat imankulov", []string{"000", "002"}},
	} {
		got := hitIDs(arts, ix.Search(tc.q, 10))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
	// As-you-type: every prefix of a name from its third letter on finds it.
	for _, q := range []string{"imankulov", "masadykov"} {
		for i := 3; i <= len(q); i++ {
			found := false
			for _, h := range ix.Search(q[:i], 50) {
				if strings.Contains(strings.ToLower(arts[h.Doc].Title+" "+strings.Join(arts[h.Doc].Paragraphs, " ")), q) {
					found = true
				}
			}
			if !found {
				t.Errorf("Search(%q) found no article naming %s", q[:i], q)
			}
		}
	}
	if hits := ix.Search("zzyzx qqq", 10); len(hits) != 0 {
		t.Errorf("nonsense query found %v", hitIDs(arts, hits))
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ТTaalatbek", "ttaalatbek"}, // Cyrillic Т in a Latin word
		{"Ёлка", "елка"},
		{"ёж Ё", "еж е"},
		{"Café", "cafe"},
		{"ÉCOLE Über", "ecole uber"},
		{"a\u00a0b\u2009c", "a b c"},
		{"Moсква", "москва"}, // Latin M, o in a Cyrillic word
		{"йод", "йод"},       // й is a letter of its own, not и with a mark
		{"ﬁle", "file"},      // NFKC
		{"ＣＳＴＯ", "csto"},
	} {
		if got := search.Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	s := "Café «ТTaalatbek»\u00a0soft\u00adhyphen, 2024"
	toks := search.Tokenize(s)
	want := []string{"cafe", "ttaalatbek", "softhyphen", "2024"}
	if len(toks) != len(want) {
		t.Fatalf("Tokenize(%q) = %v", s, toks)
	}
	for i, tk := range toks {
		if tk.Word != want[i] {
			t.Errorf("token %d = %q, want %q", i, tk.Word, want[i])
		}
		if got := search.Fold(s[tk.Start:tk.End]); strings.ReplaceAll(got, "\u00ad", "") != tk.Word {
			t.Errorf("token %d spans %q, which folds to %q, not %q", i, s[tk.Start:tk.End], got, tk.Word)
		}
	}
}

// checkHit holds a hit's positions to the bytes they name: every title
// position starts a rune of a title word whose folded form is a matched
// term, every snippet span folds to a term, and the snippet is one line of
// at most 160 bytes.
func checkHit(t *testing.T, a *corpus.Article, h search.Hit) {
	t.Helper()
	terms := map[string]bool{}
	for _, w := range h.Terms {
		terms[w] = true
	}
	toks := search.Tokenize(a.Title)
	for _, p := range h.TitlePos {
		if p < 0 || p >= len(a.Title) || !utf8.RuneStart(a.Title[p]) {
			t.Errorf("%s: title position %d is not a rune start", a.ID, p)
			continue
		}
		in := false
		for _, tk := range toks {
			if p >= tk.Start && p < tk.End && terms[tk.Word] {
				in = true
			}
		}
		if !in && len(terms) > 0 {
			t.Errorf("%s: title position %d (%q) is in no matched word of %v", a.ID, p, a.Title[p:], h.Terms)
		}
	}
	if len(h.Snippet) > 160 || strings.ContainsAny(h.Snippet, "\n\t") || !utf8.ValidString(h.Snippet) {
		t.Errorf("%s: snippet %q is not one short line", a.ID, h.Snippet)
	}
	for _, sp := range h.SnippetPos {
		if sp[0] < 0 || sp[1] > len(h.Snippet) || sp[0] >= sp[1] {
			t.Errorf("%s: snippet span %v out of %q", a.ID, sp, h.Snippet)
			continue
		}
		if w := search.Fold(h.Snippet[sp[0]:sp[1]]); !terms[w] {
			t.Errorf("%s: snippet span %q folds to %q, not a matched term %v", a.ID, h.Snippet[sp[0]:sp[1]], w, h.Terms)
		}
	}
}

func TestHitPositions(t *testing.T) {
	arts := parse.Embedded()
	ix := search.NewIndex(arts)
	for _, q := range []string{"imankulov", "csto sco", "security council", "crocsu", "taalatbek", "president japarov", "s", "secur"} {
		hits := ix.Search(q, 10)
		if len(hits) == 0 {
			t.Errorf("Search(%q) found nothing", q)
		}
		for _, h := range hits {
			checkHit(t, &arts[h.Doc], h)
		}
	}
	// The highlighted title of 001 is exactly its name. (The title is the
	// headline once the parser skips the currency ticker above it.)
	for _, h := range ix.Search("japarov", 1) {
		a := &arts[h.Doc]
		if !strings.Contains(a.Title, "Japarov") {
			continue
		}
		var b strings.Builder
		for _, p := range h.TitlePos {
			b.WriteByte(a.Title[p])
		}
		if b.String() != "Japarov" {
			t.Errorf("title positions of japarov in %q spell %q", a.Title, b.String())
		}
		if len(h.SnippetPos) == 0 {
			t.Errorf("no snippet positions in %q", h.Snippet)
		}
	}
}

func TestFind(t *testing.T) {
	arts := parse.Embedded()
	var a *corpus.Article
	for i := range arts {
		if strings.HasPrefix(arts[i].ID, "004") {
			a = &arts[i]
		}
	}
	if a == nil {
		t.Fatal("no seed 004")
	}
	spans := search.Find(a, "taalatbek")
	var texts []string
	for i, sp := range spans {
		texts = append(texts, a.Paragraphs[sp.Para][sp.Start:sp.End])
		if i > 0 && (sp.Para < spans[i-1].Para || sp.Para == spans[i-1].Para && sp.Start < spans[i-1].End) {
			t.Errorf("spans out of reading order: %v", spans)
		}
	}
	if !slices.Contains(texts, "ТTaalatbek") || !slices.Contains(texts, "Taalatbek") {
		t.Errorf("Find(taalatbek) = %q, want the plain and the Cyrillic-Т spelling", texts)
	}
	if got := search.Find(a, "crocus city"); len(got) < 4 {
		t.Errorf("Find(crocus city) = %v, want both words twice", got)
	}
	if got := search.Find(a, ""); got != nil {
		t.Errorf("Find(empty) = %v", got)
	}
	if got := search.Find(nil, "x"); got != nil {
		t.Errorf("Find(nil) = %v", got)
	}
}

var synthCorpus = search.SynthCorpus

// TestSearchRecall holds the index to a plain scan: for a sample of words
// of every frequency, every article holding the word verbatim is found.
func TestSearchRecall(t *testing.T) {
	arts := synthCorpus(2000)
	ix := search.NewIndex(arts)
	docs := map[string]map[int]bool{}
	for i := range arts {
		a := &arts[i]
		for _, s := range append([]string{a.Title}, a.Paragraphs...) {
			for _, tk := range search.Tokenize(s) {
				if docs[tk.Word] == nil {
					docs[tk.Word] = map[int]bool{}
				}
				docs[tk.Word][i] = true
			}
		}
	}
	words := make([]string, 0, len(docs))
	for w := range docs {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if len(docs[words[i]]) != len(docs[words[j]]) {
			return len(docs[words[i]]) > len(docs[words[j]])
		}
		return words[i] < words[j]
	})
	if len(words) < 2000 {
		t.Fatalf("only %d distinct words in 2000 articles", len(words))
	}
	r := rand.New(rand.NewPCG(1, 1))
	sample := append([]string{"imankulov", "japarov", "csto", "security", "the"}, words[:10]...)
	for range 60 {
		sample = append(sample, words[r.IntN(len(words))])
	}
	for _, w := range sample {
		for _, q := range []string{w, w + " "} { // as a prefix and as a whole word
			found := map[int]bool{}
			for _, h := range ix.Search(q, len(arts)) {
				found[h.Doc] = true
			}
			missed := 0
			for d := range docs[w] {
				if !found[d] {
					missed++
				}
			}
			if missed > 0 {
				t.Errorf("Search(%q) missed %d of the %d articles holding it", q, missed, len(docs[w]))
			}
		}
	}
	// Two words of one article find it together.
	for range 30 {
		d := r.IntN(len(arts))
		toks := search.Tokenize(arts[d].Paragraphs[0])
		q := toks[r.IntN(len(toks))].Word + " " + toks[r.IntN(len(toks))].Word
		found := false
		for _, h := range ix.Search(q, len(arts)) {
			found = found || h.Doc == d
		}
		if !found {
			t.Errorf("Search(%q) did not find article %d that holds both", q, d)
		}
	}
	// Positions hold on a larger corpus too.
	for _, q := range []string{"imankulov", "security council", "csto sco", "imankulv"} {
		for _, h := range ix.Search(q, 30) {
			checkHit(t, &arts[h.Doc], h)
		}
	}
}

func art(id, title, body string, year int) corpus.Article {
	return corpus.Article{ID: id, Title: title, Paragraphs: strings.Split(body, "\n\n"),
		Date: corpus.Date{Year: year, Month: 1, Day: 1, Prec: corpus.PrecDay}}
}

func TestRanking(t *testing.T) {
	filler := strings.Repeat("the meeting of the council was held in the city. ", 3)
	for _, tc := range []struct {
		name  string
		q     string
		arts  []corpus.Article
		first string
	}{
		{"title over body", "zorbulat", []corpus.Article{
			art("body", "A meeting", filler+"zorbulat spoke", 2020),
			art("title", "Zorbulat speaks", filler, 2020),
		}, "title"},
		{"exact over typo", "kadyrov ", []corpus.Article{
			art("typo", "News", filler+"kadyrow spoke", 2024),
			art("exact", "News", filler+"kadyrov spoke", 2019),
		}, "exact"},
		{"exact over prefix", "osh", []corpus.Article{
			art("prefix", "News", filler+"oshoba spoke", 2024),
			art("exact", "News", filler+"osh spoke", 2019),
		}, "exact"},
		{"rare word over common", "zorbulat meeting", []corpus.Article{
			art("common", "News", filler+"meeting meeting zorbulat", 2020),
			art("rare", "News", filler+"zorbulat zorbulat meeting", 2020),
			art("other1", "News", "a meeting", 2020),
			art("other2", "News", "a meeting", 2020),
		}, "rare"},
		{"phrase over scattered", "security council", []corpus.Article{
			art("far", "News", "security is a word. "+filler+" a word at the end council", 2024),
			art("near", "News", "the security council met. "+filler, 2020),
		}, "near"},
		{"newer on a tie", "zorbulat", []corpus.Article{
			art("old", "News", "zorbulat", 2019),
			art("new", "News", "zorbulat", 2023),
		}, "new"},
	} {
		ix := search.NewIndex(tc.arts)
		// Limit 1: the best hit must be ranked first by the words alone,
		// without the fuzzy title fallback that runs for thin results.
		hits := ix.Search(tc.q, 1)
		if len(hits) == 0 || tc.arts[hits[0].Doc].ID != tc.first {
			var got []string
			for _, h := range hits {
				got = append(got, fmt.Sprintf("%s:%d", tc.arts[h.Doc].ID, h.Score))
			}
			t.Errorf("%s: Search(%q) = %v, want %s first", tc.name, tc.q, got, tc.first)
		}
	}
}

func TestSearchEdges(t *testing.T) {
	var nilIx *search.Index
	if nilIx.Search("x", 10) != nil || nilIx.Len() != 0 {
		t.Error("nil index answered")
	}
	empty := search.NewIndex(nil)
	if empty.Search("x", 10) != nil {
		t.Error("empty index answered")
	}
	ix := search.NewIndex(parse.Embedded())
	for _, q := range []string{"", " ", "«»—…", strings.Repeat("a", 10000), strings.Repeat("csto ", 50), "\x00\xff", "ё", "i", "e"} {
		_ = ix.Search(q, 10)
		_ = ix.Search(q, 0)
		_ = ix.Search(q, -1)
	}
	if got := ix.Search("csto", 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d hits", len(got))
	}
}

func FuzzSearch(f *testing.F) {
	arts := parse.Embedded()
	ix := search.NewIndex(arts)
	for _, s := range []string{"imankulov", "csto sco", "ТTaalatbek", "Ёлка", "crocsu "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, h := range ix.Search(q, 5) {
			if h.Doc < 0 || h.Doc >= len(arts) {
				t.Fatalf("hit %d out of range", h.Doc)
			}
			checkHit(t, &arts[h.Doc], h)
		}
		for _, a := range arts {
			for _, sp := range search.Find(&a, q) {
				if sp.Para < 0 || sp.Para >= len(a.Paragraphs) || sp.Start < 0 || sp.End > len(a.Paragraphs[sp.Para]) || sp.Start >= sp.End {
					t.Fatalf("span %v out of range", sp)
				}
			}
		}
		_ = search.Fold(q)
	})
}

// TestSearchHostile indexes attacker-controlled texts as they come, not
// even sanitised, and searches them: nothing may panic, and the visible
// words around each payload are still found.
func TestSearchHostile(t *testing.T) {
	m, err := hostile.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var arts []corpus.Article
	for _, p := range m.Payloads {
		arts = append(arts, parse.Text(p.Name, p.Name, p.Body, nil))
	}
	ix := search.NewIndex(arts)
	for i, p := range m.Payloads {
		for _, q := range []string{p.Before, p.After, p.Title} {
			if strings.TrimSpace(q) == "" {
				continue
			}
			found := false
			for _, h := range ix.Search(q, len(arts)) {
				found = found || h.Doc == i
			}
			if !found {
				t.Errorf("%s: Search(%q) did not find it", p.Name, q)
			}
			_ = search.Find(&arts[i], q)
		}
	}
}
