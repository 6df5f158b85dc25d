package load

import (
	"dossier/corpus"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestMergeByDate holds the merge of a refresh to the full sort it
// replaces: for articles kept, changed (dropped from the base, back among
// the added), gone and added, dated to the day or the year or undated, it
// gives the sort's order and the base's numbers; when two articles compare
// equal or the base is out of order it refuses, so the caller sorts.
func TestMergeByDate(t *testing.T) {
	date := func(r *rand.Rand) corpus.Date {
		switch r.IntN(6) {
		case 0:
			return corpus.Date{} // undated: last
		case 1:
			return corpus.YearDate(2019 + r.IntN(3))
		}
		return corpus.Date{Year: 2019 + r.IntN(3), Month: 1 + r.IntN(12), Day: 1 + r.IntN(3), Prec: corpus.PrecDay}
	}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := r.IntN(300)
		base := make([]corpus.Article, n)
		for i := range base {
			// Few distinct dates, so most neighbours tie on the date
			// and are ordered by ID.
			base[i] = corpus.Article{ID: fmt.Sprintf("a%04d", r.IntN(100000)), Date: date(r)}
		}
		corpus.SortByDate(base)
		base = uniqueIDs(base)
		keep := make([]bool, len(base))
		var add, all []corpus.Article
		for i := range base {
			switch r.IntN(10) {
			case 0: // gone
			case 1: // changed: the same ID, perhaps another date
				a := base[i]
				a.Title, a.Date = "changed", date(r)
				add = append(add, a)
				all = append(all, a)
			default:
				keep[i] = true
				all = append(all, base[i])
			}
		}
		for k := range r.IntN(20) {
			a := corpus.Article{ID: fmt.Sprintf("new%03d", k), Date: date(r)}
			add = append(add, a)
			all = append(all, a)
		}
		r.Shuffle(len(add), func(i, j int) { add[i], add[j] = add[j], add[i] })
		want := append([]corpus.Article(nil), all...)
		corpus.SortByDate(want)
		got, from, ok := mergeByDate(base, keep, add)
		if !ok {
			t.Fatalf("seed %d: merge refused distinct articles", seed)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: merged order is not the sort's", seed)
		}
		for d, o := range from {
			if o >= 0 && (!keep[o] || !reflect.DeepEqual(base[o], got[d])) {
				t.Fatalf("seed %d: article %d said to be base's %d", seed, d, o)
			}
			if o < 0 && got[d].Title != "changed" && got[d].ID[:3] != "new" {
				t.Fatalf("seed %d: kept article %d not numbered", seed, d)
			}
		}
	}

	day := corpus.Date{Year: 2020, Month: 5, Day: 1, Prec: corpus.PrecDay}
	a := corpus.Article{ID: "a", Date: day}
	b := corpus.Article{ID: "b", Date: day}
	c := corpus.Article{ID: "c"}
	for _, tc := range []struct {
		name      string
		base, add []corpus.Article
	}{
		{"a tie between kept and added", []corpus.Article{a, c}, []corpus.Article{a}},
		{"a tie among the added", []corpus.Article{c}, []corpus.Article{b, b}},
		{"a tie in the base", []corpus.Article{a, a, c}, nil},
		{"the base out of order", []corpus.Article{c, b, a}, nil},
		{"undated in the base before dated", []corpus.Article{c, a}, []corpus.Article{b}},
	} {
		keep := make([]bool, len(tc.base))
		for i := range keep {
			keep[i] = true
		}
		if _, _, ok := mergeByDate(tc.base, keep, tc.add); ok {
			t.Errorf("%s: merged, want a refusal", tc.name)
		}
	}
}

// uniqueIDs is sorted arts without the later articles of an ID already
// seen: a load's IDs are unique.
func uniqueIDs(arts []corpus.Article) []corpus.Article {
	seen := map[string]bool{}
	out := arts[:0]
	for _, a := range arts {
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}
