package common

import (
	"slices"
	"testing"

	"github.com/sahilm/fuzzy"
)

func TestWordStartsFirst(t *testing.T) {
	// Most important first, as the panes keep their lists.
	list := []string{"Marat Imankulov", "Kabar", "Imangali Tasmagambetov", "Ivan Mankov", "Imankulov Aibek", "Марат Иманкулов"}
	order := func(q string) []string {
		ms := fuzzy.Find(q, list)
		WordStartsFirst(ms)
		var out []string
		for _, m := range ms {
			out = append(out, m.Str)
		}
		return out
	}
	if got := order("iman"); !slices.Equal(got[:3], []string{"Marat Imankulov", "Imangali Tasmagambetov", "Imankulov Aibek"}) || got[3] != "Ivan Mankov" {
		t.Fatalf("iman: %v", got)
	}
	if got := order("иман"); len(got) != 1 || got[0] != "Марат Иманкулов" {
		t.Fatalf("иман: %v", got)
	}
	if got := order("mnkv"); len(got) == 0 {
		t.Fatal("a loose match is still found")
	}
}

// TestNameFilter: a name is found whichever script or spelling is typed,
// only its shown name is highlighted, and a spelling does not pull in
// unrelated names.
func TestNameFilter(t *testing.T) {
	people := [][]string{
		{"Marat Imankulov", "Иманкулов", "Imankulov"},
		{"Sadyr Japarov"},
		{"Жээнбеков"},
		{"Ivan Mankov"},
	}
	f := NewNameFilter(len(people), func(i int) []string { return people[i] })
	for _, c := range []struct {
		q    string
		want []int
		lit  bool // the first row's match is in its shown name
	}{
		{"iman", []int{0, 3}, true}, // Ivan Mankov as a loose fuzzy match, after
		{"иманкулов", []int{0}, true},
		{"imankulow", []int{0}, true}, // its key, "imankulov", is in the shown name
		{"zhaparov", []int{1}, true},
		{"dschaparow", []int{1}, true},
		{"japa", []int{1}, true},
		{"jeenbekov", []int{2}, false},
		{"jenbekow", []int{2}, false},
		{"жээн", []int{2}, true},
		{"qqq", nil, false},
	} {
		rows, pos := f.Filter(c.q)
		if !slices.Equal(rows, c.want) {
			t.Errorf("%s: rows %v, want %v", c.q, rows, c.want)
			continue
		}
		if len(rows) > 0 && (pos[0] != nil) != c.lit {
			t.Errorf("%s: highlight %v, want one: %v", c.q, pos[0], c.lit)
		}
	}
}

// TestNameFilterSubset: a subset filters as a filter built on those
// items alone would, in the subset's numbering.
func TestNameFilterSubset(t *testing.T) {
	people := [][]string{{"Marat Imankulov", "Иманкулов"}, {"Sadyr Japarov"}, {"Жээнбеков"}}
	all := NewNameFilter(len(people), func(i int) []string { return people[i] })
	keep := []int{2, 0}
	sub := all.Subset(keep)
	alone := NewNameFilter(len(keep), func(i int) []string { return people[keep[i]] })
	for _, q := range []string{"iman", "иман", "jenbekov", "жээн", "japarov", "a"} {
		r1, p1 := sub.Filter(q)
		r2, p2 := alone.Filter(q)
		if !slices.Equal(r1, r2) || len(p1) != len(p2) {
			t.Errorf("%s: subset %v %v, built alone %v %v", q, r1, p1, r2, p2)
		}
	}
}
