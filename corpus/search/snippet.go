package search

// Snippets and in-article find: the text shown under a hit, with the
// byte spans to highlight, taken from the article itself.

import (
	"dossier/corpus"
	"math/bits"
	"strings"
	"unicode/utf8"
)

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
func scan(a *corpus.Article, terms map[string]uint8, nq int) docScan {
	return scanWith(a, terms, nq, true)
}

// scanWith is scan; fast lets it cut the texts that inertASCII accepts
// itself, without scanWords (off only to test that it changes nothing).
func scanWith(a *corpus.Article, terms map[string]uint8, nq int, fast bool) docScan {
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
	add := func(w []byte, pos, start, end int) {
		if b, ok := terms[string(w)]; ok {
			ms = append(ms, m{pos, b, [2]int{start, end}})
			if !seen[string(w)] {
				seen[string(w)] = true
				res.terms = append(res.terms, string(w))
			}
		}
	}
	look := func(s string) {
		ms = ms[:0]
		pos := 0
		if fast && inertASCII(s) {
			// The words are the runs of ASCII letters and digits, folded
			// by lower-casing: only those past the gate are copied.
			for i := 0; i < len(s); {
				if !asciiWord[s[i]] {
					i++
					continue
				}
				start := i
				for i < len(s) && asciiWord[s[i]] {
					i++
				}
				n := i - start
				if n > maxWordBytes {
					continue // no word to scanWords
				}
				if c := s[start] | 0x20; n >= minLen && n <= maxLen && first[c>>6]&(1<<(c&63)) != 0 {
					buf = append(buf[:0], s[start:i]...)
					for k, c := range buf {
						if c >= 'A' && c <= 'Z' {
							buf[k] = c + 'a' - 'A'
						}
					}
					add(buf, pos, start, i)
				}
				pos++
			}
			return
		}
		buf = scanWords(s, buf, maxWordBytes, func(w []byte, start, end int) {
			if len(w) < minLen || len(w) > maxLen || first[w[0]>>6]&(1<<(w[0]&63)) == 0 {
				pos++
				return
			}
			add(w, pos, start, end)
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
func snippet(a *corpus.Article, sc docScan) (string, [][2]int) {
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
func Find(a *corpus.Article, q string) []Span {
	if a == nil {
		return nil
	}
	pq, err := ParseQuery(q)
	if err != nil {
		return nil
	}
	qws := pq.qwords()
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
			if q.key != "" && hasKey(w) {
				if k := Key(w); k == q.key || q.prefix && strings.HasPrefix(k, q.key) {
					v = true
					break
				}
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
