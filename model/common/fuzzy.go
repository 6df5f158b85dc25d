package common

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"dossier/corpus/search"
)

// WordStartsFirst reorders a fuzzy filter's matches over a list kept
// most-important first (speakers by quotes, sources by articles): those
// whose match is one run at the start of a word ("iman" in Marat
// Imankulov) come first, in the list's own order; looser matches follow
// in fuzzy's. sahilm/fuzzy alone ranks a match at the very first letter
// above one after a space, so a rare "Imankulov Aibek" would lead.
func WordStartsFirst(ms fuzzy.Matches) {
	sort.SliceStable(ms, func(i, j int) bool {
		wi, wj := wordStart(ms[i]), wordStart(ms[j])
		if wi != wj {
			return wi
		}
		return wi && ms[i].Index < ms[j].Index
	})
}

// wordStart reports a match that is one run of letters at the start of a
// word of the string.
func wordStart(r fuzzy.Match) bool {
	ix := r.MatchedIndexes
	if len(ix) == 0 || ix[0] >= len(r.Str) {
		return false
	}
	for k := 1; k < len(ix); k++ {
		_, n := utf8.DecodeRuneInString(r.Str[ix[k-1]:]) // the indexes are of bytes
		if ix[k] != ix[k-1]+n {
			return false
		}
	}
	if ix[0] == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(r.Str[:ix[0]])
	return prev == ' ' || prev == '-' || prev == '.' || prev == '_'
}

// NameFilter is a fuzzy filter over names that come in several scripts and
// spellings: typed "иманк" or "imank", it finds Marat Imankulov whichever
// way the corpus spells him. Each item is matched by its shown name, by
// its other spellings, and by the spelling-independent key of each
// (search.NameKey), the typed filter as it is and as its key. Built once
// per list, filtered per keystroke.
type NameFilter struct {
	entries []string
	owner   []int  // entries[e] belongs to item owner[e]
	shown   []bool // entries[e] is the item's shown name: its matches can be highlighted
	start   []int  // item i's entries are entries[start[i]:start[i+1]]
}

// NewNameFilter takes n items; forms(i) is item i's shown name first, then
// any other spellings of it.
func NewNameFilter(n int, forms func(i int) []string) NameFilter {
	f := NameFilter{start: make([]int, 1, n+1)}
	for i := range n {
		fs := forms(i)
		mark := len(f.entries)
		add := func(s string, shown bool) {
			if s == "" || slices.Contains(f.entries[mark:], s) {
				return
			}
			f.entries, f.owner, f.shown = append(f.entries, s), append(f.owner, i), append(f.shown, shown)
		}
		for j, s := range fs {
			add(s, j == 0)
		}
		for _, s := range fs {
			add(search.NameKey(s), false)
		}
		f.start = append(f.start, len(f.entries))
	}
	return f
}

// Subset is the filter over some of f's items, keep[i] becoming item i,
// without the keys worked out again: a list narrowed by a scope filters
// as it is shown.
func (f NameFilter) Subset(keep []int) NameFilter {
	g := NameFilter{start: make([]int, 1, len(keep)+1)}
	for i, o := range keep {
		from, to := f.start[o], f.start[o+1]
		g.entries = append(g.entries, f.entries[from:to]...)
		g.shown = append(g.shown, f.shown[from:to]...)
		for range to - from {
			g.owner = append(g.owner, i)
		}
		g.start = append(g.start, len(g.entries))
	}
	return g
}

// Filter returns the items q matches, in the order WordStartsFirst gives
// (the list's own order for names a word of which starts with q), with
// the matched byte offsets in each shown name, nil where the match was in
// another spelling.
func (f NameFilter) Filter(q string) (rows []int, pos [][]int) {
	ms := fuzzy.Find(q, f.entries)
	if k := search.NameKey(q); k != "" && k != q {
		ms = append(ms, fuzzy.Find(k, f.entries)...)
		sort.Stable(ms) // best score first, over both
	}
	WordStartsFirst(ms)
	at := map[int][]int{} // the item's highlight, from a match in its shown name
	for _, m := range ms {
		if o := f.owner[m.Index]; f.shown[m.Index] && at[o] == nil {
			at[o] = m.MatchedIndexes
		}
	}
	seen := map[int]bool{}
	for _, m := range ms {
		if o := f.owner[m.Index]; !seen[o] {
			seen[o] = true
			rows, pos = append(rows, o), append(pos, at[o])
		}
	}
	return rows, pos
}
