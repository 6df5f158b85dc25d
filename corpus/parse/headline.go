package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pickHeadline returns the index of the headline, or -1. When no short
// line scores and the page is no listing (whose first item is its title),
// a section label at the top of the page ("Новости", then the story) is
// weighed as one: it is all the page offers.
func pickHeadline(ps []para) int {
	if h := pickHeadlineOf(ps, false); h >= 0 {
		return h
	}
	for i := range ps {
		if ps[i].related && ps[i].kind == pShort {
			return -1
		}
	}
	return pickHeadlineOf(ps, true)
}

func pickHeadlineOf(ps []para, labels bool) int {
	best, bestScore := -1, headlineThreshold
	rank, proseAbove := 0, 0
	for i := range ps {
		if rank >= headlineWindow {
			break
		}
		p := &ps[i]
		label := labels && p.junk == junkLabel && proseAbove == 0
		if (p.kind == pJunk && !label) || p.kind == pMarks || p.kind == pDate || p.kind == pMetaDate || p.related || p.dupOf != 0 {
			continue
		}
		if p.kind == pProse {
			proseAbove++
			rank++
			continue
		}
		if s := headlineScore(ps, i, rank, proseAbove); s >= bestScore && (best < 0 || s > bestScore) {
			best, bestScore = i, s
		}
		rank++
	}
	return best
}

// headlineScore weighs the short paragraph at i as the page's headline.
func headlineScore(ps []para, i, rank, proseAbove int) float64 {
	p := &ps[i]
	// What follows: the lead, for the echo, and whether it is prose.
	var lead strings.Builder
	next, leads := -1, false
	for j := i + 1; j < len(ps) && lead.Len() < leadBytes; j++ {
		q := &ps[j]
		if q.kind == pJunk || q.kind == pMarks || q.kind == pDate || q.kind == pMetaDate || q.dupOf == i+1 {
			continue
		}
		if next < 0 {
			next, leads = j, q.kind == pProse || q.kind == pShort && storyAt(ps, j) // prose, or a standfirst and prose
		}
		if q.related {
			break
		}
		lead.WriteString(q.text[datelineLen(q.text):]) // the agency in a dateline is no echo
		lead.WriteByte(' ')
		if j > next {
			break // two paragraphs
		}
	}
	if next < 0 {
		return 0 // a headline heads something
	}
	s := 0.0
	switch w := p.words; {
	case w >= 4 && w <= 25:
		s += wLenGood
	case w >= 2:
		s += wLenShort
	}
	s += wEcho * echo(p.text, lead.String())
	if rank == 0 {
		s += wFirst
	} else {
		s -= wStep * float64(rank)
	}
	if leads {
		s += wLeads
	}
	s -= wProseAbove * float64(min(proseAbove, 3))
	s -= wSoft * float64(p.softJunk())
	if r, _ := utf8.DecodeLastRuneInString(p.text); r == '?' || r == '!' {
		s -= wAsk
	}
	if isMDHead(p.text) {
		s += wMDHead
	}
	return s
}

// stemRunes is how much of a word is compared: enough to tell words
// apart, short enough that "Kazakhstan's" meets "Kazakh" and
// "представителях" meets "представители".
const stemRunes = 5

// echo is the share of head's content words (four letters or more, not
// function words) whose stems begin a word of lead.
func echo(head, lead string) float64 {
	if len(lead) > leadBytes {
		cut := leadBytes
		for cut > 0 && !utf8.RuneStart(lead[cut]) {
			cut--
		}
		lead = lead[:cut]
	}
	ll := lowerWord(lead)
	total, hit := 0, 0
	for i := 0; i < len(head); {
		w, next, ok := nextWord(head, i)
		i = next
		if !ok {
			break
		}
		ws := w.s
		if i := strings.IndexAny(ws, "'’"); i > 0 {
			ws = ws[:i] // "Asia's", "Astana'da"
		}
		n := utf8.RuneCountInString(ws)
		if n < 4 {
			continue
		}
		lw := lowerWord(ws)
		if stopWords[lw] {
			continue
		}
		stem := lw
		if n > stemRunes {
			k, c := 0, 0
			for k < len(lw) && c < stemRunes {
				_, sz := utf8.DecodeRuneInString(lw[k:])
				k += sz
				c++
			}
			stem = lw[:k]
		}
		total++
		if wordStartIndex(ll, stem) {
			hit++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(hit) / float64(total)
}

// wordStartIndex reports whether stem begins a word of s.
func wordStartIndex(s, stem string) bool {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], stem)
		if i < 0 {
			return false
		}
		i += from
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if i == 0 || !unicode.IsLetter(r) {
			return true
		}
		from = i + len(stem)
	}
	return false
}

var stopWords = wordSet(`that this with from have will were been their they after over into about also more than which what
when where there these those said says amid against under between within would could should other such only
который которые которая после перед более через между этот этого также заявил сообщил году года
için olan daha gibi über nach gegen nicht sich eine einer della dello sono alla nella avec pour dans sont cette`)
