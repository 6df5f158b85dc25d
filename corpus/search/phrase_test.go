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
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
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
