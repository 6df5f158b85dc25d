package parse

import (
	"dossier/corpus"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The page model behind Text: every paragraph classified once, then the
// headline and the date chosen by evidence. See the header of parse.go for
// what is scored and why the weights are what they are.

// paraKind is what a paragraph of a page is.
type paraKind uint8

const (
	pProse    paraKind = iota // sentences
	pShort                    // short, no sentence mark: a headline or an item of a listing
	pDate                     // a date line
	pMetaDate                 // a short line of labels around a date: "Yayınlanma: 16.09.2022 14:30 | Güncelleme: …"
	pJunk                     // see junk.go
	pMarks                    // no word at all ("---", "* * *"): kept, but heads and leads nothing
)

// para is a paragraph of the page and what is known of it.
type para struct {
	text    string
	kind    paraKind
	junk    junkKind
	date    corpus.Date // the first full date of a date, meta or junk line
	hasDate bool
	related bool // in a "read also" block or a listing of other stories
	dupOf   int  // index+1 of the paragraph this one repeats (a headline printed twice)
	words   int
	soft    int // softJunk(text)+1 once asked: each headline candidate is weighed more than once
}

// softJunk is softJunk(p.text), read once.
func (p *para) softJunk() int {
	if p.soft == 0 {
		p.soft = softJunk(p.text) + 1
	}
	return p.soft - 1
}

// Headline weights; see the header of parse.go.
const (
	headlineWindow    = 8   // paragraphs, junk and date lines aside, searched for a headline
	wLenGood          = 2.0 // 4–25 words
	wLenShort         = 1.0 // 2–3 words, or 26–40
	wEcho             = 4.0 // × the share of its content words the lead repeats
	wFirst            = 1.5 // the first paragraph that is not junk…
	wStep             = 0.4 // …or less for each one further down
	wLeads            = 1.0 // prose follows it
	wProseAbove       = 0.5 // less for each prose paragraph above it, at most three
	wSoft             = 3.0 // less for each soft-junk cue (junk.go)
	wAsk              = 0.5 // less for a final ? or !
	wMDHead           = 3.0 // a markdown heading says so itself
	headlineThreshold = 1.0
	leadBytes         = 600 // of the paragraphs after a candidate, read for its echo
)

// Date weights: where a date stands says whose it is. See parse.go.
const (
	dBeside   = 10 // a date line or meta line next to the headline
	dDateline = 9  // in the agency dateline of the lead
	dTail     = 7  // after the story's last paragraph
	dBody     = 4  // a date line among the paragraphs
	dAbove    = 3  // above the page's navigation: a site clock
	dProse    = 2  // the first full date in the lead's prose (OriginText)
	leadParas = 3  // prose paragraphs after the headline read for a prose date
)

// Listing shape: an item is a short line with its date or time, and at
// most one teaser of maxTeaserWords; a story's first paragraph is longer.
const (
	maxTeaserWords = 30
	maxItemWords   = 25
	maxBlock       = 40 // paragraphs a "read also" block or a story's start is looked for in
)

// classify reads each paragraph's kind. Only short paragraphs are tested
// for junk and dates, so the cost of prose is one length check.
// It stops, leaving b spent, when the parse's time is up.
func classify(raw []string, b *budget) []para {
	ps := make([]para, len(raw))
	for i, t := range raw {
		if b.spent() {
			return ps
		}
		p := para{text: t, words: countWords(t)}
		switch {
		case len(t) > maxJunkLine:
			p.kind = pProse
		default:
			var memo int8 // hasYear(t), asked up to three times below: 0 not yet, 1 no, 2 yes
			year := func() bool {
				if memo == 0 {
					memo = 1
					if hasYear(t) {
						memo = 2
					}
				}
				return memo == 2
			}
			if len(t) <= maxDateLine && year() {
				if d, ok := Date(t, false); ok {
					p.kind, p.date, p.hasDate = pDate, d, true
					break
				}
			}
			if j := lineJunk(t); j != notJunk {
				p.kind, p.junk = pJunk, j
				if year() {
					if ds := findDates(t); len(ds) > 0 {
						p.date, p.hasDate = ds[0].d, true
					}
				}
				break
			}
			if len(t) <= 160 && year() {
				if ds := findDates(t); len(ds) > 0 && (p.words-datedWords(t, ds) <= 4 && !endsSentence(t) || reDateLabel().MatchString(t)) {
					p.kind, p.date, p.hasDate = pMetaDate, ds[0].d, true
					break
				}
			}
			p.kind = shortOrProse(t, p.words)
			if p.words == 0 {
				p.kind = pMarks
			}
		}
		ps[i] = p
	}
	return ps
}

// datedWords counts the words inside the date spans of t.
func datedWords(t string, ds []dateMatch) int {
	n := 0
	for _, d := range ds {
		n += countWords(t[d.start:d.end])
	}
	return n
}

// shortOrProse tells a line that could head something from a sentence.
func shortOrProse(t string, words int) paraKind {
	if isMDHead(t) {
		return pShort
	}
	if len(t) > maxHeadline || words == 0 || words > 40 || sentenceBreak(t) >= 0 {
		return pProse
	}
	p := strings.TrimRight(t, " \"'»”’)")
	if r, _ := utf8.DecodeLastRuneInString(p); strings.ContainsRune(".…:;,", r) {
		return pProse
	}
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(r) {
		return pProse
	}
	// A quote left open runs on: speech, not a headline.
	if strings.ContainsRune("«\"“„", r) && len(pairQuotes(t, 1)) > 0 && !quoteCloses(t) {
		return pProse
	}
	return pShort
}

// quoteCloses reports whether the quote that opens t closes in it.
func quoteCloses(t string) bool {
	qs := pairQuotes(t, 1)
	if len(qs) == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:qs[0].end])
	return strings.ContainsRune("»\"”“", r) && qs[0].end > qs[0].start+1
}

func (p *para) isDateish() bool {
	return p.kind == pDate || p.kind == pMetaDate || (p.kind == pJunk && p.junk == junkWidget && isTimeOnly(p.text))
}

// markRelated marks the stories of "read also" blocks and listings: never
// the page's headline, their dates never its date.
func markRelated(ps []para) {
	for i := range ps {
		if ps[i].junk == junkRelatedLine {
			ps[i].related = true
		}
		if ps[i].junk != junkRelated {
			continue
		}
		for j := i + 1; j < len(ps) && j <= i+maxBlock; j++ {
			q := &ps[j]
			if q.junk == junkRelated {
				break // the next label heads its own block
			}
			if q.kind == pJunk && !q.isDateish() || q.kind == pMarks {
				continue
			}
			if q.kind == pProse && q.words > maxTeaserWords || storyAt(ps, j) {
				break
			}
			q.related = true
		}
	}
	// Runs of two or more items without a label.
	seq := make([]int, 0, len(ps))
	for i := range ps {
		if ps[i].kind != pJunk && ps[i].kind != pMarks || ps[i].isDateish() {
			seq = append(seq, i)
		}
	}
	for k := 0; k < len(seq); {
		n, groups := 0, 0
		for k+n < len(seq) {
			g := itemAt(ps, seq, k+n)
			if g == 0 {
				break
			}
			n += g
			groups++
		}
		if groups >= 2 {
			for _, i := range seq[k : k+n] {
				ps[i].related = true
			}
		}
		k += max(n, 1)
	}
}

// itemAt returns how many paragraphs of seq, from k, make one item of a
// listing: a short line and a date or time (either first), and a short
// teaser; 0 when none starts there, or when a story does.
func itemAt(ps []para, seq []int, k int) int {
	if k+1 >= len(seq) {
		return 0
	}
	a, b := &ps[seq[k]], &ps[seq[k+1]]
	h := seq[k]
	switch {
	case a.kind == pShort && a.words <= maxItemWords && b.isDateish():
	case a.isDateish() && b.kind == pShort && b.words <= maxItemWords:
		h = seq[k+1]
	default:
		return 0
	}
	if storyAt(ps, h) {
		return 0
	}
	if k+2 < len(seq) {
		if c := &ps[seq[k+2]]; c.kind == pProse && c.words <= maxTeaserWords && !c.related {
			return 3
		}
	}
	return 2
}

// storyAt reports whether the short paragraph at i heads a story: after
// its date and meta lines comes a long paragraph, or two of prose.
func storyAt(ps []para, i int) bool {
	if ps[i].kind != pShort {
		return false
	}
	prose := 0
	for j := i + 1; j < len(ps) && j <= i+maxBlock; j++ {
		q := &ps[j]
		if q.junk == junkRelated {
			return prose > 0 // other stories follow a story of one paragraph
		}
		if q.kind == pJunk || q.kind == pMarks || q.kind == pDate || q.kind == pMetaDate || q.dupOf == i+1 {
			continue
		}
		if q.kind != pProse {
			return false
		}
		if q.words > maxTeaserWords {
			return true
		}
		if prose++; prose == 2 {
			return true
		}
	}
	return false
}

// markDuplicates links a headline printed twice, once with the site's name
// after it ("… | 24.kg"), to its first copy.
func markDuplicates(ps []para) {
	seen := 0
	for i := 0; i < len(ps) && seen < headlineWindow; i++ {
		if ps[i].kind != pShort {
			continue
		}
		seen++
		for j := i + 1; j < len(ps) && j <= i+4; j++ {
			if ps[j].kind == pShort && ps[j].dupOf == 0 && sameHeadline(ps[i].text, ps[j].text) {
				ps[j].dupOf = i + 1
			}
		}
	}
}

// sameHeadline reports a and b equal, or one of them the other with a
// site's name after a separator.
func sameHeadline(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if !strings.HasPrefix(a, b) {
		return false
	}
	rest := strings.TrimSpace(a[len(b):])
	for _, sep := range []string{"|", "-", "–", "—", "::", "·"} {
		if strings.HasPrefix(rest, sep) {
			return countWords(rest) <= 4
		}
	}
	return false
}

// pickDate chooses the story's date among those the page states, by where
// each stands; see the header of parse.go.
func pickDate(ps []para, h int) (corpus.Date, bool) {
	anchor := h
	if anchor < 0 {
		for i := range ps {
			if (ps[i].kind == pProse || ps[i].kind == pShort) && !ps[i].related {
				anchor = i
				break
			}
		}
	}
	last := -1
	for i := range ps {
		if (ps[i].kind == pProse || ps[i].kind == pShort) && !ps[i].related && i != h {
			last = i
		}
	}
	best, bestScore := corpus.Date{}, 0
	consider := func(d corpus.Date, score int) {
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	for i := range ps {
		p := &ps[i]
		if !p.hasDate || p.related || p.junk == junkWidget || p.junk == junkTicker {
			continue
		}
		switch {
		case anchor >= 0 && beside(ps, i, anchor):
			consider(p.date, dBeside)
		case anchor >= 0 && i < anchor:
			consider(p.date, dAbove)
		case i > last:
			consider(p.date, dTail)
		default:
			consider(p.date, dBody)
		}
	}
	if bestScore < dDateline && anchor >= 0 {
		seen := 0
		for i := anchor; i < len(ps) && seen < 2; i++ {
			if ps[i].kind != pProse || i == h {
				continue
			}
			seen++
			if d, ok := datelineDate(ps[i].text); ok {
				consider(d, dDateline)
				break
			}
		}
	}
	if bestScore > 0 {
		best.Origin = corpus.OriginHeader
		return best, true
	}
	// The prose of the lead: paragraphs above the headline (a page that
	// carries other stories' openings first) and the first after it.
	after := 0
	for i := range ps {
		p := &ps[i]
		if p.kind != pProse || p.related {
			continue
		}
		if i > anchor {
			if after++; after > leadParas {
				break
			}
		}
		if ds := findDates(p.text); len(ds) > 0 {
			d := ds[0].d
			d.Origin = corpus.OriginText
			return d, true
		}
	}
	return corpus.Date{}, false
}

// beside reports whether only date and meta lines (bylines, credits,
// counters) stand between i and the anchor.
func beside(ps []para, i, anchor int) bool {
	lo, hi := min(i, anchor), max(i, anchor)
	if hi-lo > 5 {
		return false
	}
	for k := lo + 1; k < hi; k++ {
		q := &ps[k]
		if !(q.kind == pDate || q.kind == pMetaDate || q.kind == pMarks || q.junk == junkMeta || q.dupOf == anchor+1) {
			return false
		}
	}
	return true
}

// datelineDate reads the date of an agency dateline: "ASTANA, Feb 24, 2023
// (Reuters) -", "Bishkek, 20 January 2023 -", "ALMATY, 14.03.23 (KazTAG) –",
// "ТАШКЕНТ, 22.12.22 /Podrobno.uz/.". A two-digit year is read only here,
// where the agency's style makes it a year of this century.
func datelineDate(p string) (corpus.Date, bool) {
	head := p[:min(len(p), 90)]
	end, _ := datelineMark(head)
	if end < 0 || end > 60 {
		return corpus.Date{}, false
	}
	head = head[:end]
	// The place: one to three capitalised words before the date.
	place := 0
	for i := 0; i < len(head); {
		w, next, ok := nextWord(head, i)
		if !ok {
			break
		}
		if !isCap(w.s) || hasLower(smallWords, w.s) || monthOf(w.s) > 0 {
			break
		}
		place, i = next, next
		if w.punctAfter {
			break
		}
	}
	if place == 0 {
		return corpus.Date{}, false
	}
	rest := head[place:]
	if ds := findDates(rest); len(ds) > 0 && ds[0].start < 12 {
		return ds[0].d, true
	}
	// 14.03.23
	for i := 0; i+8 <= len(rest); i++ {
		if !isDigit(rest[i]) || (i > 0 && numNeighbour(rest[i-1])) {
			continue
		}
		de, d := digitsAfter(rest, i)
		if de == i || de >= len(rest) || rest[de] != '.' {
			continue
		}
		me, mo := digitsAfter(rest, de+1)
		if me != de+3 && me != de+2 || me >= len(rest) || rest[me] != '.' {
			continue
		}
		ye, y := digitsAfter(rest, me+1)
		if ye != me+3 || (ye < len(rest) && isDigit(rest[ye])) {
			continue
		}
		if validDay(2000+y, mo, d) {
			return dayDate(2000+y, mo, d), true
		}
	}
	return corpus.Date{}, false
}

// datelineMarks end the place (and date) of an agency dateline.
var datelineMarks = []string{" (", " /", " - ", " – ", " — "}

// datelineMark finds the first of datelineMarks in head, after its first
// byte: the end of the place, and the mark; -1 when there is none. Every
// mark starts with a space, so one pass over the spaces finds it; a head
// that starts with a space (which a trimmed paragraph never does) takes
// each mark's first index, as the marks' order demands.
func datelineMark(head string) (end int, mark string) {
	if strings.HasPrefix(head, " ") {
		end = -1
		for _, m := range datelineMarks {
			if i := strings.Index(head, m); i > 0 && (end < 0 || i < end) {
				end, mark = i, m
			}
		}
		return end, mark
	}
	for i := 1; i < len(head); i++ {
		if head[i] != ' ' {
			continue
		}
		for _, m := range datelineMarks {
			if strings.HasPrefix(head[i:], m) {
				return i, m
			}
		}
	}
	return -1, ""
}

// datelineLen is the length of the agency dateline that opens p
// ("БИШКЕК, 2 марта 2024 — Sputnik. ", "MOSCOW (Reuters) - "), 0 when none:
// a page without a headline takes its title from the sentence after it.
func datelineLen(p string) int {
	head := p[:min(len(p), 90)]
	end, mark := datelineMark(head)
	if end < 0 || end > 60 {
		return 0
	}
	// The place leads in capitals: "BISHKEK", "ST PETERSBURG".
	w, _, ok := nextWord(head, 0)
	if !ok || w.start != 0 || !isAllCaps(w.s) || utf8.RuneCountInString(w.s) < 3 {
		return 0
	}
	rest := p[end+len(mark) : min(len(p), end+len(mark)+60)]
	switch mark {
	case " (":
		i := strings.IndexByte(rest, ')')
		if i < 0 || i > 40 {
			return 0
		}
		rest = rest[i+1:]
	case " /":
		i := strings.IndexByte(rest, '/')
		if i < 0 || i > 40 {
			return 0
		}
		rest = rest[i+1:]
	default:
		// "— Sputnik. ": the agency, then its full stop.
		if i := strings.Index(rest, ". "); i > 0 && i <= 30 && countWords(rest[:i]) <= 3 {
			rest = rest[i+1:]
		}
	}
	rest = strings.TrimLeft(rest, " .-–—")
	if rest == "" {
		return 0
	}
	return min(len(p), end+len(mark)+60) - len(rest)
}
