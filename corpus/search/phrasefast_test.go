package search

import (
	"fmt"
	"maps"
	"math/bits"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"dossier/corpus"
)

// checkASCIIPhrase holds asciiPhrase to hasPhrase on s, where it answers.
func checkASCIIPhrase(t *testing.T, s string, p []string, pre bool) (answered bool) {
	t.Helper()
	found, ok := asciiPhrase(s, p, pre)
	if !ok {
		return false
	}
	if want := hasPhrase(s, p, pre); found != want {
		t.Fatalf("asciiPhrase(%q, %q, %v) = %v, hasPhrase says %v", s, p, pre, found, want)
	}
	return true
}

// TestASCIIPhraseIsHasPhrase: on texts built from pieces that fold in
// every way the index folds, and from words too long to be words, the
// fast path answers as the full check does, or not at all.
func TestASCIIPhraseIsHasPhrase(t *testing.T) {
	long := strings.Repeat("security", 9) // 72 bytes: no word
	pieces := []string{"security", "Security", "SECURITY", "sécurité", "secu\u00adrity", "ѕecurity", "ｓｅｃｕｒｉｔｙ",
		"council", "Council", "COUNCIL", "coun\u200dcil", "councils", "«", "»", "—", "“", "”", " ", "\u00a0", ".", ",", "-",
		"the", "The", "Совет", "x", "se", "curity", "2022", "g20", long, long[:64], "\xff", "e\u0301", "\u0301", "\n", "'s"}
	rng := rand.New(rand.NewSource(11))
	phrases := [][]string{{"security", "council"}, {"security"}, {"security", "co"}, {"the", "council"}, {"the", "the"},
		{"security", "security", "council"}, {"g20", "security"}, {"securitysecuritysecuritysecuritysecuritysecuritysecuritysecurity"},
		{"council", "s"}, {"2022", "the", "council"}}
	answered, total := 0, 0
	for i := 0; i < 40000; i++ {
		s := pieceText(rng, pieces, 10)
		for _, p := range phrases {
			for _, pre := range []bool{false, true} {
				total++
				if checkASCIIPhrase(t, s, p, pre) {
					answered++
				}
			}
		}
	}
	if answered < total/4 {
		t.Fatalf("the fast path answered %d of %d: it saves little", answered, total)
	}
	// Not folded ASCII words: always the general path.
	for _, p := range [][]string{{"Security", "council"}, {"совет", "безопасности"}, {"security", ""}, {}} {
		if _, ok := asciiPhrase("Security council", p, false); ok {
			t.Errorf("asciiPhrase answered for %q", p)
		}
	}
}

// TestASCIIPhraseOnCorpus: over the paragraphs of generated articles, for
// phrases cut from their own text (so that many hold) and the benchmarks'
// phrases, the fast path answers as the full check does.
func TestASCIIPhraseOnCorpus(t *testing.T) {
	arts := SynthCorpus(300)
	rng := rand.New(rand.NewSource(3))
	fixed := [][]string{{"security", "council"}, {"security", "c"}, {"security", "cou"}, {"prime", "minister"}, {"the", "president"}}
	answered, held := 0, 0
	for i := range arts {
		texts := append([]string{arts[i].Title}, arts[i].Paragraphs...)
		for _, s := range texts {
			toks := Tokenize(s)
			ps := fixed
			if len(toks) > 3 {
				j := rng.Intn(len(toks) - 2)
				n := 1 + rng.Intn(3)
				var p []string
				for _, tk := range toks[j : j+n] {
					p = append(p, tk.Word)
				}
				q := append([]string(nil), p...)
				q[len(q)-1] = q[len(q)-1][:1+rng.Intn(len(q[len(q)-1]))]
				ps = append(ps[:len(ps):len(ps)], p, q)
			}
			for _, p := range ps {
				for _, pre := range []bool{false, true} {
					if checkASCIIPhrase(t, s, p, pre) {
						answered++
						if hasPhrase(s, p, pre) {
							held++
						}
					}
				}
			}
		}
	}
	if answered == 0 || held == 0 {
		t.Fatalf("fast path answered %d checks, %d held: the test checks little", answered, held)
	}
}

// TestInertRunesSeparate: an inert rune is never part of a word, so the
// fast path may treat it as a space.
func TestInertRunesSeparate(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if inertRune(r) && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || ignorable(r)) {
			t.Errorf("inert rune %U can be part of a word", r)
		}
	}
}

// TestScanFastIsScanWords: cutting ASCII texts without scanWords finds
// the same matches, windows and terms, on generated articles and on
// texts of folding-hostile pieces, for term sets of one to three words.
func TestScanFastIsScanWords(t *testing.T) {
	arts := SynthCorpus(300)
	long := strings.Repeat("council", 10)
	pieces := []string{"security", "Security", "SECURITY", "sécurité", "secu\u00adrity", "council", "Council", "«", "»", "—",
		" ", "\u00a0", ".", "the", "Совет", "2022", long, "\xff", "e\u0301", "\n", "councils", "secure"}
	rng := rand.New(rand.NewSource(5))
	for i := range 300 {
		var a corpus.Article
		for range 1 + rng.Intn(4) {
			var b strings.Builder
			for range 1 + rng.Intn(12) {
				b.WriteString(pieces[rng.Intn(len(pieces))])
				b.WriteByte(' ')
			}
			a.Paragraphs = append(a.Paragraphs, b.String())
		}
		a.Title = a.Paragraphs[0]
		a.ID = fmt.Sprint("p", i)
		arts = append(arts, a)
	}
	fixed := []map[string]uint8{{"security": 1, "council": 2}, {"security": 1, "councils": 2, "council": 2}, {"the": 1},
		{"2022": 1, "security": 2, "secure": 2, "sovet": 4}, {"совет": 1}}
	fastOnes := 0
	for i := range arts {
		a := &arts[i]
		sets := fixed
		if toks := Tokenize(a.Title + " " + strings.Join(a.Paragraphs, " ")); len(toks) > 0 {
			r := map[string]uint8{}
			nq := 1 + rng.Intn(3)
			for k := range nq {
				for range 1 + rng.Intn(3) {
					r[toks[rng.Intn(len(toks))].Word] |= 1 << k
				}
			}
			for k := range nq {
				if !slices.ContainsFunc(slices.Collect(maps.Values(r)), func(b uint8) bool { return b&(1<<k) != 0 }) {
					r["zzz"] |= 1 << k
				}
			}
			sets = append(sets[:len(sets):len(sets)], r)
		}
		for _, terms := range sets {
			nq := 0
			for _, b := range terms {
				nq = max(nq, bits.Len8(b))
			}
			want, got := scanWith(a, terms, nq, false), scanWith(a, terms, nq, true)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("article %d, terms %v: fast scan %+v, want %+v", i, terms, got, want)
			}
		}
		if inertASCII(a.Title) {
			fastOnes++
		}
	}
	if fastOnes < 100 {
		t.Fatalf("only %d texts take the fast path", fastOnes)
	}
}
