package load

// The order of a refresh
//
// A reopen after a hundred files changed used to sort all 100,000
// articles again (0.15 s of stable merges of 200-byte structs). The
// cache's articles are already in date order, so the kept ones are too:
// only the few new ones are sorted, and merged in. The result is the
// sort's when no two articles compare equal (corpus.Oldest breaks date
// ties by ID, and a load's IDs are unique): the order is then the only
// one there is. The merge checks that as it goes, every article strictly
// after the one before; on a tie, or a cache whose articles are not in
// order, it gives up and the caller sorts everything, as before.

import "dossier/corpus"

// mergeByDate returns base's articles that keep marks (base in date
// order) and add's, together in corpus.SortByDate's order, with from[d]
// the index in base of the result's article d, or -1 for one of add's.
// add is sorted in place. ok is false when the merge cannot vouch for the
// order (two articles compare equal, or base's kept ones are out of
// order): then the caller must sort.
func mergeByDate(base []corpus.Article, keep []bool, add []corpus.Article) (out []corpus.Article, from []int32, ok bool) {
	corpus.SortByDate(add)
	n := len(add)
	for i := range base {
		if keep[i] {
			n++
		}
	}
	out = make([]corpus.Article, 0, n)
	from = make([]int32, 0, n)
	var last *corpus.Article
	emit := func(a *corpus.Article, o int32) bool {
		if last != nil && corpus.Oldest(last, a) >= 0 {
			return false
		}
		out = append(out, *a)
		from = append(from, o)
		last = &out[len(out)-1]
		return true
	}
	j := 0
	for i := range base {
		if !keep[i] {
			continue
		}
		a := &base[i]
		for j < len(add) && corpus.Oldest(&add[j], a) < 0 {
			if !emit(&add[j], -1) {
				return nil, nil, false
			}
			j++
		}
		if !emit(a, int32(i)) {
			return nil, nil, false
		}
	}
	for ; j < len(add); j++ {
		if !emit(&add[j], -1) {
			return nil, nil, false
		}
	}
	return out, from, true
}
