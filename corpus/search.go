package corpus

import (
	"container/heap"
	"math"
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// qword is a folded query word and how it may match.
type qword struct {
	text   string
	runes  []rune
	prefix bool // the word being typed: longer vocabulary words match
	dist   int  // typo distance allowed
	mask   uint64
}

// parseQuery folds q into at most maxQueryWords words. The last is a
// prefix unless q ends in a space.
func parseQuery(q string) []qword {
	toks := Tokenize(q)
	if len(toks) > maxQueryWords {
		toks = toks[:maxQueryWords]
	}
	r, _ := utf8.DecodeLastRuneInString(q)
	open := !unicode.IsSpace(r)
	out := make([]qword, len(toks))
	for i, t := range toks {
		rs := []rune(t.Word)
		d := 0
		if len(rs) >= longWordRunes {
			d = 2
		} else if len(rs) >= minTypoRunes {
			d = 1
		}
		out[i] = qword{text: t.Word, runes: rs, prefix: open && i == len(toks)-1, dist: d, mask: letterMask(t.Word)}
	}
	return out
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
	if q.dist > 0 {
		typos := len(out)
		for l := max(1, len(q.runes)-q.dist); l <= min(maxWordRunes, len(q.runes)+q.dist); l++ {
			for _, id := range ix.byLen[l] {
				m := ix.wmask[id]
				if bits.OnesCount64(m&^q.mask) > q.dist || bits.OnesCount64(q.mask&^m) > q.dist {
					continue
				}
				w := ix.word(id)
				if w == q.text || q.prefix && strings.HasPrefix(w, q.text) {
					continue
				}
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

// scratch holds one search's dense per-article arrays.
type scratch struct {
	acc, best, extra []float32
	mask             []uint8
	cand, cur, more  []uint32
	prev             []uint32 // the articles that matched every earlier word
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
type worst []ranked

func (h worst) Len() int           { return len(h) }
func (h worst) Less(i, j int) bool { return better(h[j], h[i]) }
func (h worst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worst) Push(x any)        { *h = append(*h, x.(ranked)) }
func (h *worst) Pop() any {
	o := *h
	x := o[len(o)-1]
	*h = o[:len(o)-1]
	return x
}

// Search returns up to limit hits for q, best first.
func (ix *Index) Search(q string, limit int) []Hit {
	if ix == nil || limit <= 0 || len(ix.arts) == 0 {
		return nil
	}
	qws := parseQuery(q)
	if len(qws) == 0 {
		return nil
	}
	s := ix.scratch()
	defer ix.pool.Put(s)

	// Words: expansions, then the AND of their posting lists.
	exps := make([][]expansion, len(qws))
	var qIdf float32
	var rbuf []rune
	empty := false
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
			for _, e := range exps[k] {
				if b := ix.dense[e.w]; b != nil && k > 0 && len(s.prev) < probeRatio*int(ix.df[e.w]) {
					ix.probe(e, b, s)
				} else {
					ix.decode(e, k == 0, need, s)
				}
			}
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
	raw := strings.TrimSpace(q)
	if utf8.RuneCountInString(strings.ReplaceAll(raw, " ", "")) >= minFuzzyRunes {
		bonus := func(fs []field, w float32) {
			for _, m := range fuzzy.FindFromNoSort(raw, fieldSource(fs)) {
				if !compact(m.MatchedIndexes, len(raw)) {
					continue
				}
				f := fs[m.Index]
				b := w * float32(math.Log(1+float64(len(ix.arts))/float64(len(f.docs))))
				for _, d := range f.docs {
					if s.extra[d] == 0 {
						s.more = append(s.more, d)
					}
					s.extra[d] += b
				}
			}
		}
		bonus(ix.speakers, speakerWeight)
		bonus(ix.sources, sourceWeight)
		if found := len(s.cur) + len(s.more); found < limit {
			ix.fuzzyTitles(raw, s, qIdf/float32(len(qws)), titleFuzz)
		}
	}

	// The best candidates, kept in a bounded heap.
	keep := limit
	if len(qws) > 1 {
		keep = max(limit, proximityPool)
	}
	h := make(worst, 0, min(keep, 1024))
	push := func(d uint32, sc float32) {
		r := ranked{d, sc, ix.dates[d]}
		if len(h) < keep {
			heap.Push(&h, r)
		} else if better(r, h[0]) {
			h[0] = r
			heap.Fix(&h, 0)
		}
	}
	for _, d := range s.cur {
		if s.mask[d] == full {
			push(d, s.acc[d]+s.extra[d])
		}
	}
	for _, d := range s.more {
		if s.mask[d] != full {
			push(d, s.extra[d])
		}
	}
	for _, d := range s.cand {
		s.acc[d], s.mask[d] = 0, 0
	}
	for _, d := range s.more {
		s.extra[d] = 0
	}
	top := []ranked(h)
	sort.Slice(top, func(i, j int) bool { return better(top[i], top[j]) })

	// Re-read the best: proximity for several words, then positions and
	// snippets for the hits returned.
	terms := map[string]uint8{}
	for k := range qws {
		for _, e := range exps[k] {
			terms[ix.word(e.w)] |= 1 << k
		}
	}
	scans := map[uint32]docScan{}
	if len(qws) > 1 {
		n := min(len(top), proximityPool)
		for i := range n {
			sc := scan(&ix.arts[top[i].doc], terms, len(qws))
			scans[top[i].doc] = sc
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
	for i, r := range top {
		a := &ix.arts[r.doc]
		sc, ok := scans[r.doc]
		if !ok {
			sc = scan(a, terms, len(qws))
		}
		hit := Hit{Doc: int(r.doc), Score: int(r.score * scoreScale), Terms: sc.terms}
		for _, sp := range sc.title {
			for j := range a.Title[sp[0]:sp[1]] {
				hit.TitlePos = append(hit.TitlePos, sp[0]+j)
			}
		}
		if hit.TitlePos == nil {
			hit.TitlePos = titleFuzz[r.doc]
		}
		hit.Snippet, hit.SnippetPos = snippet(a, sc)
		hits[i] = hit
	}
	return hits
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

type fieldSource []field

func (f fieldSource) String(i int) string { return f[i].s }
func (f fieldSource) Len() int            { return len(f) }

// docScan is what re-reading an article found.
type docScan struct {
	window int      // smallest span in words holding every query word; 0 if none
	para   int      // paragraph of the best match, -1 if none in the body
	spans  [][2]int // matches in that paragraph
	focus  int      // index in spans where the best window starts
	title  [][2]int // matches in the title
	terms  []string
}

// scan re-tokenises a and finds its matches of terms (folded word → bit
// set of the query words it serves), the smallest window and the best
// paragraph.
func scan(a *Article, terms map[string]uint8, nq int) docScan {
	full := uint8(1)<<nq - 1
	// A cheap gate before the map: most words of a text cannot be terms
	// because of their first byte or their length.
	var first [4]uint64
	minLen, maxLen := maxWordBytes, 0
	for t := range terms {
		first[t[0]>>6] |= 1 << (t[0] & 63)
		minLen, maxLen = min(minLen, len(t)), max(maxLen, len(t))
	}
	res := docScan{para: -1, terms: []string{}}
	seen := map[string]bool{}
	type m struct {
		pos  int
		bits uint8
		span [2]int
	}
	var ms []m
	var buf []byte
	bestBits, bestWin := 0, 0
	look := func(s string) {
		ms = ms[:0]
		pos := 0
		buf = scanWords(s, buf, maxWordBytes, func(w []byte, start, end int) {
			if len(w) < minLen || len(w) > maxLen || first[w[0]>>6]&(1<<(w[0]&63)) == 0 {
				pos++
				return
			}
			if b, ok := terms[string(w)]; ok {
				ms = append(ms, m{pos, b, [2]int{start, end}})
				if !seen[string(w)] {
					seen[string(w)] = true
					res.terms = append(res.terms, string(w))
				}
			}
			pos++
		})
	}
	window := func() (win, focus, nbits int) {
		var union uint8
		for _, x := range ms {
			union |= x.bits
		}
		nbits = bits.OnesCount8(union)
		if union != full {
			return 0, 0, nbits
		}
		var cnt [maxQueryWords]int
		have := 0
		l := 0
		for _, x := range ms {
			for k := range nq {
				if x.bits&(1<<k) != 0 {
					if cnt[k] == 0 {
						have++
					}
					cnt[k]++
				}
			}
			for have == nq {
				if w := x.pos - ms[l].pos + 1; win == 0 || w < win {
					win, focus = w, l
				}
				for k := range nq {
					if ms[l].bits&(1<<k) != 0 {
						cnt[k]--
						if cnt[k] == 0 {
							have--
						}
					}
				}
				l++
			}
		}
		return win, focus, nbits
	}
	look(a.Title)
	for _, x := range ms {
		res.title = append(res.title, x.span)
	}
	if w, _, _ := window(); w > 0 {
		res.window = w
	}
	for i, p := range a.Paragraphs {
		look(p)
		if len(ms) == 0 {
			continue
		}
		w, f, nb := window()
		if w > 0 && (res.window == 0 || w < res.window) {
			res.window = w
		}
		if nb > bestBits || nb == bestBits && w > 0 && (bestWin == 0 || w < bestWin) {
			bestBits, bestWin = nb, w
			res.para, res.focus = i, f
			res.spans = res.spans[:0]
			for _, x := range ms {
				res.spans = append(res.spans, x.span)
			}
		}
	}
	return res
}

// snippet cuts about one line of the best paragraph around the best match.
func snippet(a *Article, sc docScan) (string, [][2]int) {
	if len(a.Paragraphs) == 0 {
		return "", nil
	}
	p := a.Paragraphs[0]
	focus := [2]int{0, 0}
	if sc.para >= 0 {
		p = a.Paragraphs[sc.para]
		focus = sc.spans[sc.focus]
	}
	start, end := 0, len(p)
	const ell = "…"
	if len(p) > snippetMax {
		budget := snippetMax - 2*len(ell)
		start = max(0, focus[0]-budget/4)
		end = min(len(p), start+budget)
		start = max(0, end-budget)
		if start > 0 {
			if i := strings.IndexByte(p[start:focus[0]+1], ' '); i >= 0 {
				start += i + 1
			} else {
				for start < len(p) && !utf8.RuneStart(p[start]) {
					start++
				}
			}
		}
		if end < len(p) {
			// Keep the focus word whole unless it is longer than the budget.
			from := min(max(start, focus[1]), end)
			if i := strings.LastIndexByte(p[from:end], ' '); i >= 0 {
				end = from + i
			} else {
				for end > start && !utf8.RuneStart(p[end]) {
					end--
				}
			}
		}
	}
	var b strings.Builder
	pre := 0
	if start > 0 {
		b.WriteString(ell)
		pre = len(ell)
	}
	b.WriteString(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, p[start:end]))
	if end < len(p) {
		b.WriteString(ell)
	}
	var pos [][2]int
	if sc.para >= 0 {
		for _, sp := range sc.spans {
			if sp[0] >= start && sp[1] <= end {
				pos = append(pos, [2]int{sp[0] - start + pre, sp[1] - start + pre})
			}
		}
	}
	return b.String(), pos
}

// Find returns the spans in a's paragraphs that match q the way Search
// matches bodies, in reading order.
func Find(a *Article, q string) []Span {
	if a == nil {
		return nil
	}
	qws := parseQuery(q)
	if len(qws) == 0 {
		return nil
	}
	memo := map[string]bool{}
	var rbuf []rune
	match := func(w string) bool {
		if v, ok := memo[w]; ok {
			return v
		}
		v := false
		for _, q := range qws {
			if w == q.text || q.prefix && strings.HasPrefix(w, q.text) {
				v = true
				break
			}
			if q.dist > 0 {
				rbuf = append(rbuf[:0], []rune(w)...)
				if osa(q.runes, rbuf, q.dist) <= q.dist {
					v = true
					break
				}
			}
		}
		memo[w] = v
		return v
	}
	var out []Span
	var buf []byte
	for i, p := range a.Paragraphs {
		buf = scanWords(p, buf, maxWordBytes, func(w []byte, start, end int) {
			if match(string(w)) {
				out = append(out, Span{Para: i, Start: start, End: end})
			}
		})
	}
	return out
}

// fuzzyTitles is the fallback for queries the words did not answer well
// enough: sahilm/fuzzy over the titles, each first required to hold every
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
			if !yield(ix.arts[d].Title) {
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
