package search

// Probing many common words at once. A prefix being typed ("security
// co") can expand to dozens of common words, each with bit sets, and
// probing them one at a time walks every surviving candidate once per
// word. probeAll walks the candidates' 64-article blocks once instead:
// in each block the expansions' scores are taken best first, each
// claiming the candidates it covers that no better score has claimed.

import (
	"math/bits"
	"slices"
)

// probeLevel is one score a probed expansion gives: to the articles
// with both its bits (kind both), the body bit alone (bodyOnly) or the
// title bit alone (titleOnly).
type probeLevel struct {
	score      float32
	any, title []uint64
	kind       uint8
}

const (
	both = iota
	bodyOnly
	titleOnly
)

func (l *probeLevel) block(w int) uint64 {
	switch l.kind {
	case both:
		return l.any[w] & l.title[w]
	case bodyOnly:
		return l.any[w] &^ l.title[w]
	}
	return l.title[w] &^ l.any[w]
}

// probeAll does what probe does for each of es, in one pass: every
// candidate of s.prev gets in s.best the best of its s.best and of what
// probe would give it for each expansion.
func (ix *Index) probeAll(es []expansion, s *scratch) {
	if len(es) < 2 {
		for _, e := range es {
			ix.probe(e, ix.dense[e.w], s)
		}
		return
	}
	levels := make([]probeLevel, 0, 3*len(es))
	for _, e := range es {
		b := ix.dense[e.w]
		body := e.weight * tfScore[1]
		title := e.weight * titleWeight
		// probe's has*body + inTitle*title for each pair of bits.
		levels = append(levels,
			probeLevel{body + title, b.any, b.title, both},
			probeLevel{body, b.any, b.title, bodyOnly},
			probeLevel{title, b.any, b.title, titleOnly})
	}
	slices.SortStableFunc(levels, func(a, b probeLevel) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	nw := (len(ix.arts) + 63) / 64
	if len(s.blocks) != nw {
		s.blocks = make([]uint64, nw)
	}
	pm := s.blocks
	for _, d := range s.prev {
		pm[d>>6] |= 1 << (d & 63)
	}
	best := s.best
	for w, rem := range pm {
		if rem == 0 {
			continue
		}
		pm[w] = 0
		for i := 0; i < len(levels) && rem != 0; i++ {
			m := rem & levels[i].block(w)
			if m == 0 {
				continue
			}
			rem &^= m
			sc := levels[i].score
			for ; m != 0; m &= m - 1 {
				d := w<<6 | bits.TrailingZeros64(m)
				if sc > best[d] {
					best[d] = sc
				}
			}
		}
	}
}
