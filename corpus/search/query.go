package search

// Queries: a typed line cut into words, each expanded to the indexed words
// it may mean (itself, its prefixes, its near misses).

import (
	"math"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// qword is a folded query word and how it may match.
type qword struct {
	text   string
	runes  []rune
	prefix bool // the word being typed: longer vocabulary words match
	dist   int  // typo distance allowed
	mask   uint64
	key    string // Key(text) when matched across spellings, else ""
}

// expansion is a vocabulary word a query word matched, with its weight:
// kind × idf.
type expansion struct {
	w      uint32
	weight float32
}

// tfScore is the body part of a posting's score by its capped count.
var tfScore = func() (t [8]float32) {
	for c := 1; c < 8; c++ {
		t[c] = 1 + tfWeight*float32(math.Log(float64(c)))
	}
	return t
}()

func (ix *Index) idf(w uint32) float32 {
	return float32(math.Log(1 + float64(len(ix.arts))/float64(max(ix.df[w], 1))))
}

// find returns the vocabulary id of w.
func (ix *Index) find(w string) (uint32, bool) {
	n := len(ix.df)
	i := sort.Search(n, func(i int) bool { return ix.word(uint32(i)) >= w })
	return uint32(i), i < n && ix.word(uint32(i)) == w
}

// expand returns the vocabulary words q matches, best first, within the
// caps of the header comment, and the best idf among them.
func (ix *Index) expand(q qword, rbuf []rune) ([]expansion, float32) {
	var out []expansion
	lo, exact := ix.find(q.text)
	if exact {
		out = append(out, expansion{lo, ix.idf(lo)})
	}
	if q.prefix {
		n := len(ix.df)
		start := int(lo)
		if exact {
			start++
		}
		end := start + sort.Search(n-start, func(i int) bool { return !strings.HasPrefix(ix.word(uint32(start+i)), q.text) })
		ids := make([]uint32, 0, end-start)
		for i := start; i < end; i++ {
			ids = append(ids, uint32(i))
		}
		limit := prefixCap
		switch len(q.runes) {
		case 1:
			limit = shortPrefixCap
		case 2:
			limit = 2 * shortPrefixCap
		}
		if len(ids) > limit {
			sort.Slice(ids, func(i, j int) bool { return ix.df[ids[i]] > ix.df[ids[j]] })
			ids = ids[:limit]
		}
		for _, id := range ids {
			out = append(out, expansion{id, prefixWeight * ix.idf(id)})
		}
	}
	seen := make(map[uint32]bool, len(out))
	for _, e := range out {
		seen[e.w] = true
	}
	if q.key != "" {
		out = ix.expandKey(q, out, seen)
	}
	if q.dist > 0 {
		typos := len(out)
		for l := max(1, len(q.runes)-q.dist); l <= min(maxWordRunes, len(q.runes)+q.dist); l++ {
			for _, id := range ix.byLen[l] {
				m := ix.wmask[id]
				if bits.OnesCount64(m&^q.mask) > q.dist || bits.OnesCount64(q.mask&^m) > q.dist {
					continue
				}
				if seen[id] {
					continue
				}
				w := ix.word(id)
				rbuf = rbuf[:0]
				for _, r := range w {
					rbuf = append(rbuf, r)
				}
				if d := osa(q.runes, rbuf, q.dist); d > 0 && d <= q.dist {
					k := float32(typoWeight)
					if d == 2 {
						k = typo2Weight
					}
					out = append(out, expansion{id, k * ix.idf(id)})
				}
			}
		}
		sort.Slice(out[typos:], func(i, j int) bool { return out[typos+i].weight > out[typos+j].weight })
	}
	// The posting budget: the best expansions first, at least one.
	best := float32(0)
	total := 0
	for i, e := range out {
		total += int(ix.df[e.w])
		if i > 0 && total > postingBudget {
			out = out[:i]
			break
		}
	}
	for _, e := range out {
		best = max(best, ix.idf(e.w))
	}
	return out, best
}

// maxCaseEnding is the longest case ending (in key letters) that a
// Cyrillic word may carry beyond the key of the word typed.
const maxCaseEnding = 2

// expandKey adds the words that share q's key (or, while q is typed,
// whose key starts with it): the same name in another script or spelling,
// and in Cyrillic the same name with a case ending (Жапарова, "of Japarov").
// They come from the key table and from the vocabulary itself, where a
// word that is its own key sits.
func (ix *Index) expandKey(q qword, out []expansion, seen map[uint32]bool) []expansion {
	add := func(id uint32, exact bool) {
		if seen[id] {
			return
		}
		seen[id] = true
		k := float32(keyWeight)
		if !exact {
			k *= prefixWeight
		}
		out = append(out, expansion{id, k * ix.idf(id)})
	}
	nk := len(ix.kword)
	lo := sort.Search(nk, func(i int) bool { return ix.key(i) >= q.key })
	for i, n := lo, 0; i < nk && n < prefixCap; i, n = i+1, n+1 {
		k := ix.key(i)
		switch {
		case k == q.key:
			add(ix.kword[i], true)
		case !strings.HasPrefix(k, q.key):
			n = prefixCap
		case q.prefix:
			add(ix.kword[i], false)
		case len(k)-len(q.key) <= maxCaseEnding && ix.word(ix.kword[i])[0] >= utf8.RuneSelf:
			// Жапарова, Кыргызстане: a Russian or Kyrgyz case ending on
			// the name typed in the nominative.
			add(ix.kword[i], true)
		}
	}
	if q.key != q.text {
		nw := len(ix.df)
		lo := sort.Search(nw, func(i int) bool { return ix.word(uint32(i)) >= q.key })
		for i, n := lo, 0; i < nw && n < prefixCap; i, n = i+1, n+1 {
			w := ix.word(uint32(i))
			if w == q.key {
				add(uint32(i), true)
			} else if q.prefix && strings.HasPrefix(w, q.key) {
				add(uint32(i), false)
			} else {
				break
			}
		}
	}
	return out
}

// osa returns the optimal-string-alignment distance of a and b (edits,
// with an adjacent swap counting as one), or max+1 once it must exceed max.
func osa(a, b []rune, maxd int) int {
	if d := len(a) - len(b); d > maxd || -d > maxd {
		return maxd + 1
	}
	var buf [3][maxWordRunes + 2]int
	if len(b) > maxWordRunes {
		return maxd + 1
	}
	pp, p, c := buf[0][:len(b)+1], buf[1][:len(b)+1], buf[2][:len(b)+1]
	for j := range p {
		p[j] = j
	}
	for i := 1; i <= len(a); i++ {
		c[0] = i
		low := c[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(p[j]+1, c[j-1]+1, p[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, pp[j-2]+1)
			}
			c[j] = v
			low = min(low, v)
		}
		if low > maxd {
			return maxd + 1
		}
		pp, p, c = p, c, pp
	}
	return p[len(b)]
}
