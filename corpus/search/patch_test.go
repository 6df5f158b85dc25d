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
	// In place, every kept article keeps its number: edits that keep the
	// date, the last articles gone, new ones dated after all.
	last := func(i int) corpus.Article {
		a := extra(1000 + i)
		a.Date = corpus.Date{Year: 2100, Month: 1, Day: 1 + i%28, Prec: corpus.PrecDay}
		return a
	}
	for _, tc := range []struct {
		name                string
		remove, change, add int
		edit, dropLast      int // edits that keep most words; the last articles gone
		addLast             int
	}{
		{name: "unchanged"},
		{name: "removed", remove: 40},
		{name: "changed", change: 100},
		{name: "added", add: 100},
		{name: "all three", remove: 30, change: 70, add: 50},
		{name: "every article gone", remove: 3000},
		{name: "edited in place", edit: 100},
		{name: "edited and changed in place", edit: 60, change: 40},
		{name: "edited, the last gone", edit: 50, dropLast: 70},
		{name: "edited, new ones last", edit: 50, addLast: 90},
		{name: "the first gone, one new last", remove: 1, addLast: 1},
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
				case tc.remove == len(base) || (i%75 == 0 && i/75 < tc.remove) || i >= len(base)-tc.dropLast:
					continue
				case i%31 == 1 && i/31 < tc.edit:
					// A word or two more; and titles dropped or
					// given, which moves their words' title flags.
					a.Paragraphs = append(append([]string(nil), a.Paragraphs...), fmt.Sprintf("Updated, take %d.", i%3))
					if i%4 == 1 {
						a.Title = ""
					} else if i%4 == 3 {
						a.Title += " minister"
					}
					changed[a.ID] = true
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
			for i := range tc.addLast {
				arts = append(arts, last(i))
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

// BenchmarkPatch is the patch of a reopen after files were edited in
// place: 100 of the articles changed (every article keeps its number),
// the rest as they were.
func BenchmarkPatch(b *testing.B) {
	const n, changed = 30000, 100
	base := synthArticles(n)
	corpus.SortByDate(base)
	ix := search.NewIndex(base)
	arts := append([]corpus.Article(nil), base...)
	oldOf := make([]int32, n)
	for d := range oldOf {
		oldOf[d] = int32(d)
		if d%(n/changed) == 0 {
			arts[d].Paragraphs = append(append([]string(nil), arts[d].Paragraphs...), "Updated, take 1.")
			oldOf[d] = -1
		}
	}
	b.ResetTimer()
	for range b.N {
		if ix.Patch(arts, oldOf) == nil {
			b.Fatal("patch refused")
		}
	}
}

// TestPatchGrows: new articles dated between old ones that hold a word
// lengthen the word's gaps, past a byte each (seven to eight), so its list
// comes out longer than it was, by more than the room the new postings
// make (the lists outgrow the buffer they are written in); the patch is
// still the built index.
func TestPatchGrows(t *testing.T) {
	day := func(i int) corpus.Date {
		return corpus.Date{Year: 2000 + i/336, Month: 1 + i/28%12, Day: 1 + i%28, Prec: corpus.PrecDay}
	}
	art := func(id string, i int, words string) corpus.Article {
		return corpus.Article{ID: id, Title: "Report " + id, Date: day(i), Paragraphs: []string{words}}
	}
	var base []corpus.Article
	for i := range 3000 {
		words := "common words of every report"
		if i%7 == 0 {
			for k := range 50 {
				words += fmt.Sprintf(" periodic%c%c", 'a'+k/26, 'a'+k%26)
			}
		}
		base = append(base, art(fmt.Sprintf("old%05d", i), 2*i, words))
	}
	ix := search.NewIndex(base)
	arts := append([]corpus.Article(nil), base...)
	for i := range 3000 {
		if i%7 == 3 {
			a := art(fmt.Sprintf("new%05d", i), 2*i+1, "fresh")
			a.Title = ""
			arts = append(arts, a)
		}
	}
	corpus.SortByDate(arts)
	oldOf := make([]int32, len(arts))
	for d := range arts {
		oldOf[d] = -1
		var o int32
		if _, err := fmt.Sscanf(arts[d].ID, "old%05d", &o); err == nil {
			oldOf[d] = o
		}
	}
	got := ix.Patch(arts, oldOf)
	g, _ := got.MarshalBinary()
	w, _ := search.NewIndex(arts).MarshalBinary()
	if !bytes.Equal(g, w) {
		t.Errorf("patched index (%d bytes) is not the built one (%d bytes)", len(g), len(w))
	}
}
