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
