package common

import (
	"sort"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
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
