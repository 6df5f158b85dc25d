package search

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// scratch holds one search's dense per-article arrays.
type scratch struct {
	acc, best, extra []float32
	mask             []uint8
	cand, cur, more  []uint32
	prev             []uint32 // the articles that matched every earlier word
	rk               []ranked // the candidates that pass the filters
	probed           []expansion
	blocks           []uint64 // probeAll's candidates as a bit set, zero between calls
}

func (ix *Index) scratch() *scratch {
	if s, ok := ix.pool.Get().(*scratch); ok {
		return s
	}
	n := len(ix.arts)
	return &scratch{acc: make([]float32, n), best: make([]float32, n), extra: make([]float32, n), mask: make([]uint8, n)}
}

// ranked is a candidate on its way to a Hit.
type ranked struct {
	doc   uint32
	score float32
	date  int64
}

func better(a, b ranked) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.date != b.date {
		return a.date > b.date
	}
	return a.doc < b.doc
}

// worst is a min-heap by better: the root is the weakest kept candidate.
// Its sifts are container/heap's, typed, so a push costs no interface
// calls.
type worst []ranked

func (h *worst) push(r ranked) {
	*h = append(*h, r)
	h.up(len(*h) - 1)
}

func (h worst) up(j int) {
	for {
		i := (j - 1) / 2 // parent
		if i == j || !better(h[i], h[j]) {
			break
		}
		h[i], h[j] = h[j], h[i]
		j = i
	}
}

// fixRoot restores the heap after h[0] was replaced.
func (h worst) fixRoot() {
	i, n := 0, len(h)
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 {
			break
		}
		j := j1 // left child
		if j2 := j1 + 1; j2 < n && better(h[j1], h[j2]) {
			j = j2 // the right child is the weaker
		}
		if !better(h[i], h[j]) {
			break
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}

// Search returns up to limit hits for the query line q, best first; nil
// when q does not parse (ParseQuery says why).
func (ix *Index) Search(q string, limit int) []Hit {
	pq, err := ParseQuery(q)
	if err != nil {
		return nil
	}
	return ix.Run(pq, limit)
}

// Run returns up to limit hits for q, best first. A query of operators
// alone (speaker:, since:, -word …) lists what passes them, newest first.
func (ix *Index) Run(q Query, limit int) []Hit {
	if ix == nil || limit <= 0 || len(ix.arts) == 0 {
		return nil
	}
	// The same query again (a space typed after a word, which the line
	// trims) gets the same hits without a search.
	key := fmt.Sprintf("%d %#v", limit, q)
	if r := ix.recentRun.Load(); r != nil && r.key == key {
		return slices.Clone(r.hits)
	}
	hits := ix.run(q, limit)
	ix.recentRun.Store(&recentRun{key: key, hits: slices.Clone(hits)})
	return hits
}

func (ix *Index) run(q Query, limit int) []Hit {
	qws := q.qwords()
	if len(qws) == 0 && !q.filtered() {
		return nil
	}
	allow := ix.allow(q)
	s := ix.scratch()
	defer ix.pool.Put(s)

	// Words: expansions, then the AND of their posting lists.
	exps := make([][]expansion, len(qws))
	var qIdf float32
	var rbuf []rune
	empty := len(qws) == 0
	for k, qw := range qws {
		var b float32
		exps[k], b = ix.expand(qw, rbuf)
		if len(exps[k]) == 0 {
			empty = true
			b = float32(math.Log(1 + float64(len(ix.arts))))
		}
		qIdf += b
	}
	s.cand, s.cur = s.cand[:0], s.cur[:0]
	if !empty {
		for k := range qws {
			need := uint8(1)<<k - 1
			s.prev, s.cur = append(s.prev[:0], s.cur...), s.cur[:0]
			probed := s.probed[:0]
			for _, e := range exps[k] {
				if b := ix.dense[e.w]; b != nil && k > 0 && len(s.prev) < probeRatio*int(ix.df[e.w]) {
					probed = append(probed, e)
				} else {
					ix.decode(e, k == 0, need, s)
				}
			}
			ix.probeAll(probed, s)
			s.probed = probed
			if k > 0 {
				// Later words only raise s.best of earlier survivors;
				// collect the ones they reached.
				for _, d := range s.prev {
					if s.best[d] > 0 {
						s.cur = append(s.cur, d)
					}
				}
			}
			for _, d := range s.cur {
				s.acc[d] += s.best[d]
				s.mask[d] |= 1 << k
				s.best[d] = 0
			}
			if k == 0 {
				s.cand = append(s.cand, s.cur...)
			}
			if len(s.cur) == 0 {
				break
			}
		}
	}
	full := uint8(1)<<len(qws) - 1

	// Short fields: whole-query fuzzy matches add candidates and bonuses.
	s.more = s.more[:0]
	titleFuzz := map[uint32][]int{}
	raw := strings.TrimSpace(strings.Join(q.Words, " "))
	if utf8.RuneCountInString(strings.ReplaceAll(raw, " ", "")) >= minFuzzyRunes {
		qmask := foldMask(raw)
		var idx []int
		bonus := func(fs []field, masks []uint64, w float32) {
			// Only the fields holding every letter of raw can match.
			idx = idx[:0]
			cands := func(yield func(string) bool) {
				for i, m := range masks {
					if m&qmask == qmask {
						idx = append(idx, i)
						if !yield(fs[i].s) {
							return
						}
					}
				}
			}
			for _, m := range fuzzy.FindFromIterNoSort(raw, cands) {
				if !compact(m.MatchedIndexes, len(raw)) {
					continue
				}
				f := fs[idx[m.Index]]
				b := w * float32(math.Log(1+float64(len(ix.arts))/float64(len(f.docs))))
				for _, d := range f.docs {
					if s.extra[d] == 0 {
						s.more = append(s.more, d)
					}
					s.extra[d] += b
				}
			}
		}
		fm := ix.memo()
		bonus(ix.speakers, fm.spkMask, speakerWeight)
		bonus(ix.sources, fm.srcMask, sourceWeight)
		if found := len(s.cur) + len(s.more); found < limit && len(qws) == 1 && len(q.Phrases) == 0 {
			ix.fuzzyTitles(raw, s, qIdf/float32(len(qws)), titleFuzz)
		}
	}

	// The best candidates: without a phrase, kept in a bounded heap of
	// keep (cheap while keep is small: most pushes lose to the root);
	// with one, all that pass the filters are gathered and ranked a batch
	// at a time by withPhrases, since a heap of maxPhraseChecks pays
	// log(keep) for most pushes where ties in score fall to dates that
	// rise with the article number.
	keep := limit
	if len(qws) > 1 {
		keep = max(limit, proximityPool)
	}
	phrases := len(q.Phrases) > 0
	h := worst(s.rk[:0])
	push := func(d uint32, sc float32) {
		switch {
		case phrases:
			h = append(h, ranked{d, sc, ix.dates[d]})
		case len(h) < keep:
			h.push(ranked{d, sc, ix.dates[d]})
		case sc < h[0].score:
			// Loses to the root whatever its date: not read.
		default:
			if r := (ranked{d, sc, ix.dates[d]}); better(r, h[0]) {
				h[0] = r
				h.fixRoot()
			}
		}
	}
	ok := func(d uint32) bool { return allow == nil || allow[d>>6]>>(d&63)&1 != 0 }
	if len(qws) == 0 {
		for d := range uint32(len(ix.arts)) {
			if ok(d) {
				push(d, 0)
			}
		}
	}
	// Newest last in each posting list, so from the end: on a tie in
	// score the newer article wins, and the heap fills with the winners
	// early, where most later pushes lose to the root without a sift.
	for i := len(s.cur) - 1; i >= 0; i-- {
		if d := s.cur[i]; s.mask[d] == full && ok(d) {
			push(d, s.acc[d]+s.extra[d])
		}
	}
	for _, d := range s.more {
		if s.mask[d] != full && ok(d) {
			push(d, s.extra[d])
		}
	}
	s.rk = h
	for _, d := range s.cand {
		s.acc[d], s.mask[d] = 0, 0
	}
	for _, d := range s.more {
		s.extra[d] = 0
	}
	var top []ranked
	if phrases {
		top = ix.withPhrases(h, q.Phrases, q.OpenPhrase, limit)
	} else {
		top = []ranked(h)
		sortRanked(top)
	}

	// Re-read the best: proximity for several words, then positions and
	// snippets for the hits returned.
	terms := map[string]uint8{}
	for k := range qws {
		for _, e := range exps[k] {
			terms[ix.word(e.w)] |= 1 << k
		}
	}
	scans := ix.scanner(terms, len(qws))
	if len(qws) > 1 {
		n := min(len(top), proximityPool)
		for i := range n {
			sc := scans.scan(top[i].doc)
			if sc.window > 0 {
				top[i].score += proximityWeight * qIdf * float32(len(qws)) / float32(sc.window)
			}
		}
		sort.Slice(top[:n], func(i, j int) bool { return better(top[i], top[j]) })
	}
	if len(top) > limit {
		top = top[:limit]
	}
	hits := make([]Hit, len(top))
	terms0 := &hitTerms{terms: terms, nq: len(qws), fuzz: titleFuzz}
	for i, r := range top {
		hits[i] = Hit{Doc: int(r.doc), Score: int(r.score * scoreScale), why: terms0}
		if q.Detail <= 0 || i < q.Detail {
			ix.detail(&hits[i], scans.scan(r.doc))
		}
	}
	scans.keep()
	return hits
}

// hitTerms is what a search matched, kept by its hits so that their
// details can be filled in later (Detail).
type hitTerms struct {
	terms map[string]uint8
	nq    int
	fuzz  map[uint32][]int
}

// detail fills h's title positions, terms and snippet from a scan.
func (ix *Index) detail(h *Hit, sc docScan) {
	a := &ix.arts[h.Doc]
	h.Terms = sc.terms[:len(sc.terms):len(sc.terms)] // shared with later searches' hits
	h.TitlePos = nil
	for _, sp := range sc.title {
		for j := range a.Title[sp[0]:sp[1]] {
			h.TitlePos = append(h.TitlePos, sp[0]+j)
		}
	}
	if h.TitlePos == nil && len(h.Terms) == 0 && h.why != nil {
		// Found by the title's fuzzy match alone: show its letters. A hit
		// whose words matched elsewhere shows those, not scattered letters.
		h.TitlePos = h.why.fuzz[uint32(h.Doc)]
	}
	h.Snippet, h.SnippetPos = snippet(a, sc)
	h.Detailed = true
}

// Detail fills in the title positions, terms and snippet of hits[from:to]
// that Run left out (Query.Detail), in place: a list calls it for the
// rows it is about to draw, so a keystroke pays for a screenful of
// snippets, not for every hit.
func (ix *Index) Detail(hits []Hit, from, to int) {
	if ix == nil {
		return
	}
	for i := max(from, 0); i < min(to, len(hits)); i++ {
		h := &hits[i]
		if h.Detailed || h.why == nil || h.Doc < 0 || h.Doc >= len(ix.arts) {
			continue
		}
		ix.detail(h, scan(&ix.arts[h.Doc], h.why.terms, h.why.nq))
	}
}

// decode reads e's posting list into s.best for the articles that matched
// every earlier word (mask == need); for the first word it also lists the
// articles seen in s.cur.
func (ix *Index) decode(e expansion, first bool, need uint8, s *scratch) {
	p := ix.post[ix.poff[e.w]:ix.poff[e.w+1]]
	cur := s.cur
	doc := -1
	for i := 0; i < len(p); {
		var v uint64
		if b := p[i]; b < 0x80 {
			v = uint64(b)
			i++
		} else {
			var shift uint
			for i < len(p) {
				b := p[i]
				i++
				v |= uint64(b&0x7f) << shift
				if b < 0x80 {
					break
				}
				shift += 7
			}
		}
		doc += int(v >> 4)
		if uint(doc) >= uint(len(s.mask)) {
			break // only a list restored from a damaged file; see persist.go
		}
		if !first && s.mask[doc] != need {
			continue
		}
		sc := e.weight * (tfScore[v&7] + titleWeight*float32(v>>3&1))
		if first && s.best[doc] == 0 {
			cur = append(cur, uint32(doc))
		}
		if sc > s.best[doc] {
			s.best[doc] = sc
		}
	}
	s.cur = cur
}

// probe is decode's fast path for a common word after a rarer one: rather
// than read a list that holds most of the corpus, it tests each surviving
// candidate in the word's bit sets. They hold no counts, so the article
// scores as if the word were in its body once.
func (ix *Index) probe(e expansion, b *bitsets, s *scratch) {
	body := e.weight * tfScore[1]
	title := e.weight * titleWeight
	best := s.best
	// Branch-free: half the candidates hold a common word, at random, so a
	// branch on the bit would be mispredicted half the time.
	for _, d := range s.prev {
		w, sh := d>>6, d&63
		has := float32(b.any[w] >> sh & 1)
		inTitle := float32(b.title[w] >> sh & 1)
		sc := has*body + inTitle*title
		if sc > best[d] {
			best[d] = sc
		}
	}
}

// compact reports whether fuzzy matched positions spread over not much
// more than the query's length: a loose subsequence is noise.
func compact(pos []int, n int) bool {
	if len(pos) == 0 {
		return false
	}
	return pos[len(pos)-1]-pos[0]+1 <= n+n/2+2
}

// fuzzyTitles is the fallback for one-word queries the words did not
// answer well enough (several words are precise enough as words, and a
// subsequence of all their letters is noise); it looks at the first
// maxFuzzyTitles titles that pass the filters: sahilm/fuzzy over the titles, each first required to hold every
// letter of the query (the mask) in order (a subsequence scan of the
// lower-cased copy, which IndexByte makes quick).
func (ix *Index) fuzzyTitles(raw string, s *scratch, idf float32, pos map[uint32][]int) {
	low := strings.ToLower(strings.ReplaceAll(raw, " ", ""))
	qmask := letterMask(low)
	var docs []uint32
	titles := func(yield func(string) bool) {
		for d, m := range ix.titleMask {
			if m&qmask != qmask || !subsequence(ix.titleLow(d), low) {
				continue
			}
			docs = append(docs, uint32(d))
			if len(docs) > maxFuzzyTitles || !yield(ix.arts[d].Title) {
				return
			}
		}
	}
	for _, m := range fuzzy.FindFromIterNoSort(raw, titles) {
		if !compact(m.MatchedIndexes, len(raw)) {
			continue
		}
		d := docs[m.Index]
		if s.extra[d] == 0 {
			s.more = append(s.more, d)
		}
		s.extra[d] += titleFuzzWeight * idf
		pos[d] = m.MatchedIndexes
	}
}

// subsequence reports whether the bytes of p appear in s in order.
func subsequence(s, p string) bool {
	for i := 0; i < len(p); i++ {
		j := strings.IndexByte(s, p[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

func sortRanked(rk []ranked) {
	slices.SortFunc(rk, func(a, b ranked) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
}

// selectBest reorders a so that a[:k] holds its k best, in no order, for
// 0 ≤ k ≤ len(a): a quickselect (better is a total order, so no two
// candidates tie), falling back to sorting a range that partitions badly.
func selectBest(a []ranked, k int) {
	lo, hi := 0, len(a)
	if k <= 0 || k >= hi {
		return
	}
	if hi >= preselectMin && k < hi/4 {
		hi = preselect(a, k)
	}
	budget := 2 * bits.Len(uint(hi))
	for hi-lo > 12 {
		if budget == 0 {
			sortRanked(a[lo:hi])
			return
		}
		budget--
		// Median of three as the pivot, moved to a[lo].
		y := median3(a, lo, lo+(hi-lo)/2, hi-1)
		a[lo], a[y] = a[y], a[lo]
		p := a[lo]
		// Hoare partition: better than p to the left.
		i, j := lo+1, hi-1
		for {
			for i <= j && better(a[i], p) {
				i++
			}
			for i <= j && better(p, a[j]) {
				j--
			}
			if i >= j {
				break
			}
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
		// a[lo+1:i] are better than p, a[j+1:hi] worse; put p at i-1.
		a[lo], a[i-1] = a[i-1], a[lo]
		switch r := i - 1; {
		case r == k || r+1 == k:
			return
		case r > k:
			hi = r
		default:
			lo = r + 1
		}
	}
	sortRanked(a[lo:hi])
}

// median3 returns whichever of i, j and k holds the middle candidate.
func median3(a []ranked, i, j, k int) int {
	if better(a[j], a[i]) {
		i, j = j, i
	}
	// a[i] better than a[j]
	if better(a[k], a[i]) {
		return i
	}
	if better(a[k], a[j]) {
		return k
	}
	return j
}
