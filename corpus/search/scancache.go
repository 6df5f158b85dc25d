package search

// Re-reads and phrase checks kept from one keystroke to the next. While a query's words
// stay the same (a phrase closed, an operator being typed after it) the
// best articles are mostly the same too, and re-reading them for
// proximity and snippets was a large share of such a keystroke. A scan
// depends only on the article and on the terms it looks for, so the
// index keeps the last search's scans under a key of its terms and the
// next search with the same terms takes them from there. The phrase
// checks are kept the same way, under a key of the phrases.

import (
	"slices"
	"strings"
)

// maxRecentScans bounds the scans kept.
const maxRecentScans = 1024

// recentScans are the scans of the last search, by article, for the
// terms of key. It is never changed once stored: searches share it.
type recentScans struct {
	key  string
	docs map[uint32]docScan
}

// termsKey names terms (word → bits of the query words it serves) and nq
// exactly: folded words hold no NUL.
func termsKey(terms map[string]uint8, nq int) string {
	ws := make([]string, 0, len(terms))
	for w := range terms {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	var b strings.Builder
	b.WriteByte(byte(nq))
	for _, w := range ws {
		b.WriteString(w)
		b.WriteByte(0)
		b.WriteByte(terms[w])
	}
	return b.String()
}

// scanner hands out the scans of a search for terms, from the last
// search's when it had the same terms; keep stores what it handed out
// for the next.
type scanner struct {
	ix    *Index
	terms map[string]uint8
	nq    int
	key   string
	prev  map[uint32]docScan
	got   map[uint32]docScan
}

func (ix *Index) scanner(terms map[string]uint8, nq int) *scanner {
	s := &scanner{ix: ix, terms: terms, nq: nq, key: termsKey(terms, nq), got: map[uint32]docScan{}}
	if r := ix.recent.Load(); r != nil && r.key == s.key {
		s.prev = r.docs
	}
	return s
}

func (s *scanner) scan(d uint32) docScan {
	if sc, ok := s.got[d]; ok {
		return sc
	}
	sc, ok := s.prev[d]
	if !ok {
		sc = scan(&s.ix.arts[d], s.terms, s.nq)
	}
	s.got[d] = sc
	return sc
}

// keep stores the scans handed out, with the last search's when they
// were for the same terms, for the next search.
func (s *scanner) keep() {
	docs := s.got
	if s.prev != nil && len(s.prev)+len(s.got) <= maxRecentScans {
		docs = make(map[uint32]docScan, len(s.prev)+len(s.got))
		for d, sc := range s.prev {
			docs[d] = sc
		}
		for d, sc := range s.got {
			docs[d] = sc
		}
	}
	if len(docs) <= maxRecentScans {
		s.ix.recent.Store(&recentScans{key: s.key, docs: docs})
	}
}

// recentPhrases are the phrase checks of the last search with phrases,
// for the phrases of key: checked and held are bit sets by article. It
// is never changed once stored.
type recentPhrases struct {
	key           string
	checked, held []uint64
}

func phrasesKey(phrases [][]string, open bool) string {
	var b strings.Builder
	if open {
		b.WriteByte(1)
	}
	for _, p := range phrases {
		b.WriteByte(0)
		for _, w := range p {
			b.WriteString(w)
			b.WriteByte(' ') // folded words hold no space
		}
	}
	return b.String()
}

// phraseChecker answers holdsPhrases for one search, from the last
// search's answers when its phrases were the same.
type phraseChecker struct {
	ix            *Index
	phrases       [][]string
	open          bool
	key           string
	checked, held []uint64
	added         bool
}

func (ix *Index) phraseChecker(phrases [][]string, open bool) *phraseChecker {
	c := &phraseChecker{ix: ix, phrases: phrases, open: open, key: phrasesKey(phrases, open)}
	nw := (len(ix.arts) + 63) / 64
	if r := ix.recentPh.Load(); r != nil && r.key == c.key && len(r.checked) == nw {
		c.checked, c.held = slices.Clone(r.checked), slices.Clone(r.held)
	} else {
		c.checked, c.held = make([]uint64, nw), make([]uint64, nw)
	}
	return c
}

func (c *phraseChecker) holds(d uint32) bool {
	w, bit := d>>6, uint64(1)<<(d&63)
	if c.checked[w]&bit != 0 {
		return c.held[w]&bit != 0
	}
	c.added = true
	c.checked[w] |= bit
	if c.ix.holdsPhrases(d, c.phrases, c.open) {
		c.held[w] |= bit
		return true
	}
	return false
}

// keep stores the answers for the next search.
func (c *phraseChecker) keep() {
	if c.added {
		c.ix.recentPh.Store(&recentPhrases{key: c.key, checked: c.checked, held: c.held})
	}
}

// recentRun is the last search's query (with its limit, as Run names it)
// and its hits as Run returned them, before any Detail. It is never
// changed once stored: Run hands out copies.
type recentRun struct {
	key  string
	hits []Hit
}
