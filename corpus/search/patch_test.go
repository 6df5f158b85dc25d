package search_test

import (
	"bytes"
	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"dossier/corpus/synth"
	"fmt"
	"testing"
)

// TestPatch holds Patch to NewIndex: after articles are removed, changed
// and added, the patched index is the built one, byte for byte.
func TestPatch(t *testing.T) {
	base := synthCorpus(3000)
	// Tags, which the synthetic texts have none of: a few, repeated
	// within an article too, some on most articles and some on one.
	tags := func(i int) []string {
		switch i % 7 {
		case 0:
			return nil
		case 1:
			return []string{"politics", "politics", fmt.Sprint("only-", i)}
		}
		return []string{fmt.Sprint("t", i%5), "politics"}
	}
	for i := range base {
		base[i].Tags = tags(i)
	}
	corpus.SortByDate(base)
	ix := search.NewIndex(base)
	extra := func(i int) corpus.Article {
		name, text := synth.Text(99, i)
		a := parse.Text(fmt.Sprint("new-", i), name, string(text), nil)
		a.Tags = tags(i + 1)
		return a
	}
	for _, tc := range []struct {
		name                string
		remove, change, add int
	}{
		{name: "unchanged"},
		{name: "removed", remove: 40},
		{name: "changed", change: 100},
		{name: "added", add: 100},
		{name: "all three", remove: 30, change: 70, add: 50},
		{name: "every article gone", remove: 3000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pos := map[string]int32{}
			for i := range base {
				pos[base[i].ID] = int32(i)
			}
			var arts []corpus.Article
			changed := map[string]bool{}
			for i := range base {
				a := base[i]
				switch {
				case tc.remove == len(base) || (i%75 == 0 && i/75 < tc.remove):
					continue
				case i%29 == 0 && i/29 < tc.change:
					a.Title = "Changed: " + a.Title
					a.Tags, a.Source = tags(i+3), fmt.Sprint("Source ", i%4)
					a.Paragraphs = append([]string{"A paragraph added to a changed article about zhaparov."}, a.Paragraphs...)
					changed[a.ID] = true
				}
				arts = append(arts, a)
			}
			for i := range tc.add {
				arts = append(arts, extra(i))
			}
			corpus.SortByDate(arts)
			oldOf := make([]int32, len(arts))
			for d := range arts {
				oldOf[d] = -1
				if o, ok := pos[arts[d].ID]; ok && !changed[arts[d].ID] {
					oldOf[d] = o
				}
			}
			got := ix.Patch(arts, oldOf)
			if got == nil {
				t.Fatal("Patch refused a valid map")
			}
			want := search.NewIndex(arts)
			g, _ := got.MarshalBinary()
			w, _ := want.MarshalBinary()
			if !bytes.Equal(g, w) {
				t.Errorf("patched index (%d bytes, %d words) is not the built one (%d bytes, %d words)", len(g), got.VocabLen(), len(w), want.VocabLen())
			}
		})
	}
	// Maps that are not of the same articles in the same order.
	if ix.Patch(base, make([]int32, 3)) != nil {
		t.Error("a map of the wrong length accepted")
	}
	rev := make([]int32, len(base))
	for i := range rev {
		rev[i] = int32(len(base) - 1 - i)
	}
	if ix.Patch(base, rev) != nil {
		t.Error("kept articles out of order accepted")
	}
	out := make([]int32, len(base))
	out[0] = int32(len(base))
	if ix.Patch(base, out) != nil {
		t.Error("an article out of range accepted")
	}
}
