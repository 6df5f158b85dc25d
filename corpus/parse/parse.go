package parse

import (
	"context"
	"dossier/corpus"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The parser reads news pages as they come off the web, in shapes nobody
// agreed on. It knows the shapes, not the sites, and it chooses the
// headline and the date by weighing evidence rather than by taking the
// first line that fits.
//
// Layout. A page whose lines are hard-wrapped prose (no line longer than
// wrapWidth runes, and at least a third of the lines after another start
// in lower case) is read in blank-line paragraphs; any other page, one
// whose paragraphs are single lines with or without blank lines between
// them, or whose every line is indented, is read a line to a paragraph.
//
// Classification (page.go, junk.go). Each short paragraph is a date line,
// a line of labels around a date, junk (labels, navigation, breadcrumbs,
// prompts, ads, tickers, clocks and weather, tags, share links, counters,
// "read also" labels, credits and bylines), a short line that could head
// something, or prose. "Read also" blocks and listings (two or more items
// of a short line and its date or time, with at most a one-sentence
// teaser) are other stories: their lines are never the headline and their
// dates never the page's. Junk leaves the body wherever it stands.
//
// Headline. Every short line among the first headlineWindow paragraphs
// that are not junk is scored; the best that reaches headlineThreshold
// (1.0) is the headline, else the first sentence is the title and stays in
// the body. The weights, and why:
//
//   - length: +2 for 4–25 words, the length of nearly every headline; +1
//     for 2–3 or 26–40 (short labels are junk already; long agency titles
//     exist); 0 for one word, which only wins as the page's first line;
//   - echo: +4 × the share of its content words (four letters or more, by
//     their first five, so cases and plurals meet) that the next two
//     paragraphs repeat. The strongest weight: a lead retells its headline,
//     and a slogan or a section name it follows shares nothing with it;
//   - position: see below;
//   - prose follows it: +1, since a headline heads something;
//   - soft junk: −3 per cue (a slogan's words, a run of capitalised
//     keywords without a small word): enough to lose to any real headline,
//     not enough to erase a page's only candidate;
//   - a final ? or !: −0.5; a markdown heading: +3.
//
// Position: +1.5 for the first line that is not junk, 0.4 less per
// paragraph for the others, and 0.5 less per prose paragraph above (at most
// three). Order is what is left of a page's typography: the headline comes
// first and its standfirst after it, so the first line wins unless the
// evidence against it adds up; a page may still carry other stories'
// openings first. Prose following through a standfirst counts as prose
// following.
//
// A headline printed twice (or once more with the site's name after it)
// counts once, and both copies leave the body; junk above the headline
// leaves with them.
//
// Date. Every full date a date line, a meta line or a junk line states is a
// candidate, weighed by where it stands: beside the headline with only date
// and meta lines between (10), in the agency dateline of the lead (9), after
// the story's last paragraph (7), among the paragraphs (4), above the
// page's navigation, where site clocks sit (3). Dates in "read also" blocks
// and listings, clocks and weather widgets are never the story's. With
// none, the first full date in the prose of the lead (the paragraphs above
// the headline and the leadParas after it) is taken, marked OriginText. The
// heaviest wins; of equals, the first. Dates themselves are found in
// date.go; nothing there or here guesses a year.
//
// An agency dateline ("BISHKEK. Sept 22 (Interfax) - ") gives place and
// source. Metadata (front matter, the seeds' sidecar file) wins over the
// text where it states a field, and every field keeps its origin.
//
// Cost: one pass to split, one to classify (only short paragraphs are
// tested against the lists; prose costs a length check), and a bounded
// look at the first headlineWindow candidates and their leads.

// Meta is what a file's YAML front matter, or the seeds' sidecar file, says
// of an article. Empty fields say nothing.
type Meta struct {
	Title  string   `yaml:"title" json:"title,omitempty"`
	Date   string   `yaml:"date" json:"date,omitempty"`
	Source string   `yaml:"source" json:"source,omitempty"`
	URL    string   `yaml:"url" json:"url,omitempty"`
	Tags   []string `yaml:"tags" json:"tags,omitempty"`
}

// Parser limits. A headline is short and near the top.
const (
	maxHeadline      = 250 // bytes
	maxTitleSentence = 200 // bytes of a first sentence used as title
	wrapWidth        = 120 // runes: a longer line is a paragraph, not a wrapped line
)

var (
	reNav    = lazy(`(?i)^(?:go back|back|back to (?:the )?(?:all )?(?:news|section|top|list|home|homepage|main page)|read (?:more|also)|share|print|назад|вернуться(?: к| в| на)?.{0,30}|все новости|читайте также)$`)
	reInline = lazy(`^date\s+(\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?)(?:\s+|$)`)
	// BISHKEK. Sept 22 (Interfax) - …; MOSCOW (Reuters) - …; БИШКЕК, 28 ноября. /ТАСС/. …
	// The bracketed agency needs its dash, so "CSTO (Collective Security
	// Treaty Organization) member states" is no dateline.
	reDateline = lazy(`^(\p{Lu}[\p{Lu}'’\-]+(?:[ \-]\p{Lu}[\p{Lu}'’\-]+){0,3})\s*[.,]?\s*(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?)?\s*[,.]?\s*(?:\(([^()]{2,40})\)\s*\.?\s*[-–—]|/([^/]{2,40})/\s*\.?\s*(?:[-–—])?)\s*`)
	reMDHead   = lazy(`^#{1,6}\s+`)
)

// The patterns above are tried on every page, reDateline on its first
// paragraphs, and a pattern costs its setup even where it fails at once.
// Each has a gate: a test of the first bytes that every match passes.

// matchIf is re's FindStringSubmatch of s, or nil without trying it when
// the gate says s cannot match.
func matchIf(gate bool, re func() *regexp.Regexp, s string) []string {
	if !gate {
		return nil
	}
	return re().FindStringSubmatch(s)
}

// isMDHead is reMDHead().MatchString(s).
func isMDHead(s string) bool {
	return strings.HasPrefix(s, "#") && reMDHead().MatchString(s)
}

// mayDateline reports whether s can match reDateline, whose place starts
// with a capital (\p{Lu}) and a second capital, apostrophe or hyphen.
func mayDateline(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.Is(unicode.Lu, r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(s[n:])
	return unicode.Is(unicode.Lu, r) || r == '\'' || r == '’' || r == '-'
}

// Text parses text that is already decoded and cleaned, and has no
// front matter. meta, when not nil, fills what the text lacks and wins
// where both speak.
func Text(id, file, text string, meta *Meta) corpus.Article {
	a, _ := TextContext(context.Background(), id, file, text, meta)
	return a
}

// TextContext is Text within ctx: when ctx ends mid-parse, the parse
// stops within a paragraph's or a quote's work and returns ctx's error
// (wrapped), so a caller can bound how long one text may take.
func TextContext(ctx context.Context, id, file, text string, meta *Meta) (corpus.Article, error) {
	b := &budget{ctx: ctx}
	a, err := draftText(b, id, file, text)
	if err != nil {
		return corpus.Article{}, err
	}
	a.Quotes = findQuotes(a.Title, a.Paragraphs, b)
	if b.err != nil {
		return corpus.Article{}, fmt.Errorf("parse stopped: %w", b.err)
	}
	applyMeta(&a, meta)
	if a.Title == "" {
		a.Title = id
	}
	return a, nil
}

// draftText is TextContext up to the quotes and without meta: the
// article's headline (as the page gives it, which the quotes are read
// against), dates, dateline, source and paragraphs.
func draftText(b *budget, id, file, text string) (corpus.Article, error) {
	if b.spent() {
		return corpus.Article{}, fmt.Errorf("parse stopped: %w", b.err)
	}
	a := corpus.Article{ID: id, File: file}
	raw := splitParagraphs(text)

	// An inline prefix: " date 2018-11-09 The President…".
	var inline corpus.Date
	if len(raw) > 0 {
		if m := matchIf(strings.HasPrefix(raw[0], "date"), reInline, raw[0]); m != nil {
			if d, ok := Date(m[1], false); ok {
				inline = d
			}
			raw[0] = strings.TrimSpace(raw[0][len(m[0]):])
			if raw[0] == "" {
				raw = raw[1:]
			}
		}
	}

	ps := classify(raw, b)
	if b.err != nil {
		return corpus.Article{}, fmt.Errorf("parse stopped: %w", b.err)
	}
	markDuplicates(ps)
	markRelated(ps)
	h := pickHeadline(ps)

	if inline.Prec != 0 {
		a.Date, a.Date.Origin = inline, corpus.OriginHeader
	}
	if d, ok := pickDate(ps, h); ok && a.Date.IsZero() {
		a.Date = d
	}

	// The body: what is left when junk, date lines, other stories, the
	// headline and the junk above it are taken out.
	paras := make([]string, 0, len(ps))
	words := 0
	listing := -1
	for i := range ps {
		p := &ps[i]
		if p.related && p.kind == pShort && listing < 0 {
			listing = i
		}
		drop := (p.kind == pJunk && i != h) || p.kind == pDate || p.kind == pMetaDate || p.related ||
			i == h || (h >= 0 && p.dupOf == h+1) || (i < h && p.kind == pShort && p.softJunk() > 0)
		if !drop {
			paras = append(paras, p.text)
			words += p.words
		}
	}
	switch {
	case h >= 0:
		t := ps[h].text
		for i := range ps {
			if ps[i].dupOf == h+1 && len(ps[i].text) < len(t) {
				t = ps[i].text
			}
		}
		if isMDHead(t) {
			t = reMDHead().ReplaceAllString(t, "")
		}
		a.Title, a.TitleFrom = t, corpus.OriginHeader
	case len(paras) == 0 && listing >= 0:
		// A listing of other stories and nothing else: its first item.
		a.Title, a.TitleFrom = ps[listing].text, corpus.OriginHeader
	case len(paras) > 0:
		a.Title = firstSentence(paras[0][datelineLen(paras[0]):])
		a.TitleFrom = corpus.OriginText
	}
	a.Paragraphs = paras

	// Agency dateline near the top of the story.
	for i := 0; i < len(paras) && i < 3; i++ {
		if m := matchIf(mayDateline(paras[i]), reDateline, paras[i]); m != nil {
			a.Dateline = m[1]
			src := m[2]
			if src == "" {
				src = m[3]
			}
			a.Source, a.SourceFrom = strings.TrimSpace(src), corpus.OriginText
			break
		}
	}

	a.Words = words
	return a, nil
}

// Metadata bounds, in bytes: a title is a line, not a page (an 8 MB title
// took 2.7 s to draw). The longest real headline is a few hundred bytes, a
// source a name, a URL rarely past a few hundred; tags are words.
const (
	maxMetaTitle  = 500
	maxMetaSource = 200
	maxMetaURL    = 2000
	maxMetaTag    = 100
	maxMetaTags   = 64
)

// applyMeta lets metadata win where it states a field.
func applyMeta(a *corpus.Article, m *Meta) {
	if m == nil {
		return
	}
	if t := cut(SanitizeLine(m.Title), maxMetaTitle); t != "" {
		a.Title, a.TitleFrom = t, corpus.OriginMetadata
	}
	if d, ok := Date(m.Date, true); ok {
		d.Origin = corpus.OriginMetadata
		a.Date = d
	}
	if s := cut(SanitizeLine(m.Source), maxMetaSource); s != "" {
		a.Source, a.SourceFrom = s, corpus.OriginMetadata
	}
	if u := cut(SanitizeLine(m.URL), maxMetaURL); u != "" {
		a.URL, a.URLFrom = u, corpus.OriginMetadata
	}
	for _, t := range m.Tags {
		if len(a.Tags) == maxMetaTags {
			break
		}
		if t = cut(SanitizeLine(t), maxMetaTag); t != "" {
			a.Tags = append(a.Tags, t)
		}
	}
}

// cut shortens s to at most n bytes, on a rune boundary, marking the cut
// with "…".
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n - len("…")
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return strings.TrimRight(s[:i], " ") + "…"
}

// splitParagraphs splits a page into paragraphs (see the header for the
// layouts) and turns exotic spaces into plain ones.
func splitParagraphs(text string) []string {
	if hasExoticSpace(text) {
		text = unspace(text)
	}
	return splitLines(text)
}

// hasExoticSpace reports a tab or a non-ASCII space: a byte scan, since
// most texts have none and strings.ContainsAny over runes is slow.
func hasExoticSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) {
			if x := load8(s, i); !anyHigh(x) && !anyByte(x, '\t') {
				i += 7 // eight ASCII bytes without a tab
				continue
			}
		}
		switch c := s[i]; {
		case c == '\t':
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0:
			return true
		case c == 0xe2 || c == 0xe3:
			r, _ := utf8.DecodeRuneInString(s[i:])
			if unspaceRune(r) == ' ' {
				return true
			}
		}
	}
	return false
}

func unspace(text string) string { return strings.Map(unspaceRune, text) }

// unspaceRune maps tabs and exotic spaces to a plain space.
func unspaceRune(r rune) rune {
	switch r {
	case '\t', '\u00a0', '\u2007', '\u202f', '\u2000', '\u2001', '\u2002', '\u2003',
		'\u2004', '\u2005', '\u2006', '\u2008', '\u2009', '\u200a', '\u205f', '\u3000':
		return ' '
	}
	return r
}

func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	paras := make([]string, 0, len(lines)/2+1)
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	if !hardWrapped(lines) {
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" {
				flush()
				continue
			}
			// A line that begins in lower case goes on the line above it
			// ("A body\nwith CRLF."), unless it is a line of its own kind
			// ("lunedì 1 maggio 2023", "di Marco Rossi"); so does any line
			// after a line of marks alone ("---").
			if r, _ := utf8.DecodeRuneInString(l); len(cur) > 0 && (unicode.IsLower(r) && !endsSentence(cur[len(cur)-1]) &&
				lineJunk(l) == notJunk && !isDateLine(l) || countWords(cur[len(cur)-1]) == 0) {
				cur = append(cur, l)
				continue
			}
			flush()
			cur = append(cur, l)
		}
		flush()
		return paras
	}
	for _, line := range lines {
		indented := line != "" && (line[0] == ' ' || line[0] == '\t')
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case len(line) <= maxJunkLine && (lineJunk(line) != notJunk || isDateLine(line)):
			// A junk or date line stands alone even without blank lines
			// around it ("Bishkek News\nMarch 12, 2023").
			flush()
			paras = append(paras, line)
		default:
			if indented {
				flush() // an indented line opens a paragraph
			}
			cur = append(cur, line)
		}
	}
	flush()
	return paras
}

func isDateLine(line string) bool {
	if len(line) > maxDateLine || !hasYear(line) {
		return false
	}
	_, ok := Date(line, false)
	return ok
}

// hardWrapped reports whether lines are prose wrapped at a width: none is
// longer than wrapWidth runes, and at least a third of the lines that
// follow another begin in lower case, as a sentence broken mid-way does.
func hardWrapped(lines []string) bool {
	pairs, lower := 0, 0
	prev := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if len(l) > wrapWidth && utf8.RuneCountInString(l) > wrapWidth {
			return false
		}
		if l == "" {
			prev = false
			continue
		}
		if prev {
			pairs++
			if r, _ := utf8.DecodeRuneInString(l); unicode.IsLower(r) {
				lower++
			}
		}
		prev = true
	}
	return pairs >= 2 && lower*3 >= pairs
}

// endsSentence reports whether p ends like a sentence, quote marks aside.
func endsSentence(p string) bool {
	p = strings.TrimRight(p, " \"'»”’)")
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".!?…:;,", r)
}

var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "prof": true, "no": true, "inc": true, "ltd": true, "co": true,
	"vs": true, "etc": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"u.s": true, "u.k": true, "e.g": true, "i.e": true, "г": true, "гг": true, "т.е": true,
}

// sentenceBreak returns the byte offset just past the first sentence-ending
// mark that is followed by another sentence, or -1.
func sentenceBreak(p string) int {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune("\"'»”)", rune(p[j])) {
			j++
		}
		// Multi-byte closers after the mark.
		for j < len(p) {
			r, n := utf8.DecodeRuneInString(p[j:])
			if r != '»' && r != '”' && r != '’' {
				break
			}
			j += n
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[j+1:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("«\"“", r) {
			continue
		}
		if c == '.' {
			w := lastWord(p[:i])
			if hasLower(abbrevs, w) || utf8.RuneCountInString(w) == 1 {
				continue
			}
		}
		return j
	}
	return -1
}

func lastWord(s string) string {
	i := strings.LastIndexAny(s, " (\"«“")
	return s[i+1:]
}

// firstSentence is the title of a text without a headline.
func firstSentence(p string) string {
	s := p
	if i := sentenceBreak(p); i >= 0 {
		s = p[:i]
	}
	s = strings.TrimSpace(s)
	if len(s) > maxTitleSentence {
		cut := maxTitleSentence - 40
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > 40 {
			cut = sp
		}
		return strings.TrimSpace(s[:cut]) + "…"
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		s = s[:len(s)-1]
	}
	return s
}

// countWords counts the runs of letters and digits in s, a hyphen or an
// apostrophe inside a word joining its parts ("Jalal-Abad", "don't").
// Every paragraph goes through it, so it runs without branches on ASCII
// bytes, read through asciiClass; any other rune is decoded as ranging
// over s would decode it.
func countWords(s string) int {
	n, in := uint(0), uint(0) // in: 1 inside a word
	for i := 0; i < len(s); {
		var w, joiner uint
		if c := s[i]; c < utf8.RuneSelf {
			k := uint(asciiClass[c])
			w, joiner = k&1, k>>1
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				w = 1
			} else if r == '’' {
				joiner = 1
			}
			i += size
		}
		n += w &^ in // a word starts
		in = w | in&joiner
	}
	return int(n)
}

// asciiAlnum[c] is unicode.IsLetter(c) || unicode.IsDigit(c) for an ASCII
// byte: the test most of a text's bytes go through, without the call.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// asciiClass is what countWords makes of an ASCII byte: 1 a letter or a
// digit, 2 a hyphen or an apostrophe, which join a word's parts, 0
// anything else.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case asciiAlnum[c]:
			t[c] = 1
		case c == '-' || c == '\'':
			t[c] = 2
		}
	}
	return t
}()

// isAlnum is unicode.IsLetter(r) || unicode.IsDigit(r), an ASCII rune
// read from asciiAlnum.
func isAlnum(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
