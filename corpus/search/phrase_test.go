package search

import (
	"dossier/corpus"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestMayHoldNeverHidesAPhrase: the shortcut only ever says no where the
// full check says no, over texts built from pieces that fold in every
// way the index folds: case, diacritics, soft hyphens, Cyrillic
// look-alikes, fullwidth letters, typographic punctuation.
func TestMayHoldNeverHidesAPhrase(t *testing.T) {
	pieces := []string{"security", "Security", "SECURITY", "sécurité", "secu\u00adrity", "ѕecurity", "ｓｅｃｕｒｉｔｙ",
		"council", "Council", "coun\u200dcil", "«", "»", "—", "“", "”", " ", "\u00a0", ".", ",", "the", "Совет", "x", "se", "curity"}
	rng := rand.New(rand.NewSource(7))
	words := [][]string{{"security"}, {"council"}, {"security", "council"}, {"securi"}, {"the", "council"}}
	checked, skipped := 0, 0
	for i := 0; i < 20000; i++ {
		s := pieceText(rng, pieces, 8)
		for _, p := range words {
			for _, pre := range []bool{false, true} {
				full := hasPhrase(s, p, pre)
				if !holdsPhrase(s, p, pre) && full {
					t.Fatalf("%q holds %q (prefix %v) but the shortcut said no", s, p, pre)
				}
				checked++
				if !full && !mayHold(s, p[len(p)-1]) {
					skipped++
				}
			}
		}
	}
	if skipped == 0 {
		t.Fatalf("the shortcut never skipped a text (%d checked): it saves nothing", checked)
	}
}

// TestOpenPhraseShortPrefix: a phrase whose last word is one or two
// letters typed still holds every hit to the phrase, that word a prefix.
func TestOpenPhraseShortPrefix(t *testing.T) {
	arts := []corpus.Article{
		{ID: "a", Title: "One", Paragraphs: []string{"The Security Council met."}},
		{ID: "b", Title: "Two", Paragraphs: []string{"Security matters; the council met."}},
		{ID: "c", Title: "Three", Paragraphs: []string{"security cooperation grows"}},
		{ID: "d", Title: "Four", Paragraphs: []string{"security forces"}},
	}
	ix := NewIndex(arts)
	for q, want := range map[string]string{`"security c`: "ac", `"security co`: "ac", `"security cou`: "a", `"security f`: "d"} {
		pq, err := ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, h := range ix.Run(pq, 10) {
			got += arts[h.Doc].ID
		}
		if sorted := sortString(got); sorted != want {
			t.Errorf("%s: %q, want %q", q, sorted, want)
		}
	}
}

func sortString(s string) string {
	b := []byte(s)
	slices.Sort(b)
	return string(b)
}

// TestSelectionKeepsRankOrder: selectBest and the batched phrase filter give
// what a full sort does (the best k in order; the first limit in rank
// order that pass, among the best maxPhraseChecks), with the ties in score
// a real corpus has and dates that rise with the article number, which
// was a bounded heap's worst case.
func TestSelectionKeepsRankOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for iter := 0; iter < 300; iter++ {
		n := rng.Intn(9000)
		if iter%3 == 0 {
			n = rng.Intn(40)
		}
		rk := make([]ranked, n)
		for i := range rk {
			date := int64(rng.Intn(50))
			if iter%2 == 0 {
				date = int64(i / 7) // rising with the article
			}
			rk[i] = ranked{doc: uint32(i), score: float32(rng.Intn(1 + iter%20)), date: date}
		}
		rng.Shuffle(n, func(i, j int) { rk[i], rk[j] = rk[j], rk[i] })
		want := slices.Clone(rk)
		sortRanked(want)
		k := rng.Intn(n + 10)
		got := slices.Clone(rk)
		selectBest(got, k)
		got = got[:min(k, n)]
		sortRanked(got)
		if !slices.Equal(got, want[:min(k, n)]) {
			t.Fatalf("n=%d k=%d: selectBest differs from a sort", n, k)
		}

		// Phrase filtering over a fake corpus: the article holds the
		// phrase when its number is in pass.
		share := rng.Intn(101)
		arts := make([]corpus.Article, n)
		for i := range arts {
			if rng.Intn(100) < share {
				arts[i].Paragraphs = []string{"the Security Council met"}
			} else {
				arts[i].Paragraphs = []string{"security matters to the council"}
			}
		}
		ix := &Index{arts: arts}
		limit := 1 + rng.Intn(1200)
		phrase := [][]string{{"security", "council"}}
		var wantP []ranked
		for i, r := range want {
			if len(wantP) >= limit || i >= maxPhraseChecks {
				break
			}
			if strings.Contains(arts[r.doc].Paragraphs[0], "Security Council") {
				wantP = append(wantP, r)
			}
		}
		if got := ix.withPhrases(slices.Clone(rk), phrase, false, limit); !slices.Equal(got, wantP) {
			t.Fatalf("n=%d limit=%d share=%d%%: withPhrases gave %d hits, want %d, or another order", n, limit, share, len(got), len(wantP))
		}
	}
}

// pieceText joins one to most pieces drawn by rng, each followed by a
// space two times in three.
func pieceText(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for n := rng.Intn(most); n >= 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
		if rng.Intn(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
