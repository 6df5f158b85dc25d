package search

import (
	"fmt"
	"reflect"
	"testing"
	"unicode"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/synth"

	"github.com/sahilm/fuzzy"
)

// memoCorpus parses n generated articles.
func memoCorpus(n int) []corpus.Article {
	arts := make([]corpus.Article, n)
	for i := range arts {
		name, text := synth.Text(7, i)
		arts[i] = parse.Text(fmt.Sprint(i), name, string(text), nil)
	}
	return arts
}

// TestFoldBitOrbits: runes sahilm/fuzzy takes for one another share a
// bit, or the fold mask would hide a match.
func TestFoldBitOrbits(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if foldBit(f) != foldBit(r) {
				t.Fatalf("foldBit(%U) = %d, foldBit(%U) = %d", r, foldBit(r), f, foldBit(f))
			}
		}
	}
}

type fieldSource []field

func (f fieldSource) String(i int) string { return f[i].s }
func (f fieldSource) Len() int            { return len(f) }

// TestFuzzyMaskKeepsMatches: sahilm over the fields the mask lets
// through finds what it finds over all of them, for every prefix of the
// queries typed in the benchmarks and some that fold.
func TestFuzzyMaskKeepsMatches(t *testing.T) {
	ix := NewIndex(memoCorpus(400))
	fm := ix.memo()
	queries := []string{"imankulov", "Иманкулов", "marat imnkulov", "security council", "interfax", "24.kg", "KYRGYZ",
		"ſecurity", "\u212Aabar", "csto", "akipress", "жапаров", "Sadyr Japarov"}
	found := 0
	for _, q := range queries {
		rs := []rune(q)
		for n := 1; n <= len(rs); n++ {
			raw := string(rs[:n])
			qmask := foldMask(raw)
			for _, fs := range []struct {
				f     []field
				masks []uint64
			}{{ix.speakers, fm.spkMask}, {ix.sources, fm.srcMask}} {
				want := fuzzy.FindFromNoSort(raw, fieldSource(fs.f))
				var got fuzzy.Matches
				for i, m := range fs.masks {
					if m&qmask != qmask {
						continue
					}
					for _, x := range fuzzy.FindNoSort(raw, []string{fs.f[i].s}) {
						x.Index = i
						got = append(got, x)
					}
				}
				found += len(want)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%q: masked fuzzy found %v, want %v", raw, got, want)
				}
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d fuzzy matches: the test checks little", found)
	}
}

// TestSpeakerKeysMemo: the filter's memoised keys are NameMatches'.
func TestSpeakerKeysMemo(t *testing.T) {
	ix := NewIndex(memoCorpus(400))
	fm := ix.memo()
	for _, typed := range []string{"imankulov", "Иманкулов", "marat i", "Marat", "japarov", "жапаров", "x"} {
		tw := keysOf(typed)
		for i, f := range ix.speakers {
			if got, want := keysMatch(tw, fm.spkKeys[i]), NameMatches(typed, f.s); got != want {
				t.Errorf("%q on %q: memo says %v, NameMatches %v", typed, f.s, got, want)
			}
		}
	}
}
