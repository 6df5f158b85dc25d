package search

// What searches derive from the index's short fields, worked out once on
// the first search that needs it rather than on every keystroke: the
// Keys of each speaker's words (a speaker: filter compares them with the
// typed name's) and a fold mask of each speaker and source (the fuzzy
// bonus skips a field that lacks a letter of the query). It is derived
// from fields the index already holds, so an index built, patched or
// restored from a file fills it the same way.

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

type fieldMemo struct {
	once    sync.Once
	spkKeys [][]string // keysOf(speakers[i].s)
	spkMask []uint64   // foldMask(speakers[i].s)
	srcMask []uint64   // foldMask(sources[i].s)
}

func (ix *Index) memo() *fieldMemo {
	m := &ix.fields
	m.once.Do(func() {
		m.spkKeys = make([][]string, len(ix.speakers))
		m.spkMask = make([]uint64, len(ix.speakers))
		for i, f := range ix.speakers {
			m.spkKeys[i] = keysOf(f.s)
			m.spkMask[i] = foldMask(f.s)
		}
		m.srcMask = make([]uint64, len(ix.sources))
		for i, f := range ix.sources {
			m.srcMask[i] = foldMask(f.s)
		}
	})
	return m
}

// foldMask is a letter mask (see letterMask) of s's runes up to case:
// runes that sahilm/fuzzy takes for one another (the same
// unicode.SimpleFold orbit: k, K and the Kelvin sign) set the same bit.
// So a pattern whose mask is not within a string's cannot match it.
func foldMask(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= 1 << foldBit(r)
	}
	return m
}

func foldBit(r rune) uint {
	if r >= utf8.RuneSelf {
		// The smallest rune of r's orbit stands for all of it.
		lo := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			lo = min(lo, f)
		}
		r = lo
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return runeBit(r)
}
