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
// agreed on. It knows the shapes, not the files:
//
//   - a currency ticker before the headline ("USD 89.12"): dropped;
//   - a date line of its own at the top or the end ("22 Sep 2022 16:47"), or
//     an inline prefix (" date 2018-11-09 The President…"): the header date;
//   - navigation lines ("Go back", "Back to the section"): dropped;
//   - a headline: the first short paragraph without sentence-final
//     punctuation among the first few, so a page that carries snippets of
//     other stories before its own still gets its story's headline; with
//     none, the first sentence is the title and stays in the body;
//   - an agency dateline ("BISHKEK. Sept 22 (Interfax) - "): place and source;
//   - the first full date in the prose when no header states one.
//
// Metadata (front matter, the seeds' sidecar file) wins over the text where
// it states a field, and every field keeps its origin.

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
	headlineWindow   = 5   // paragraphs searched for a headline
	maxTitleSentence = 200 // bytes of a first sentence used as title
)

var (
	reTicker = regexp.MustCompile(`^[A-Z]{3}\s*[0-9]+[.,][0-9]+\s*[$€₽%]?$`) // "USD 89.12", not "SCO 2025"
	reNav    = regexp.MustCompile(`(?i)^(?:go back|back|back to (?:the )?(?:all )?(?:news|section|top|list|home|homepage|main page)|read (?:more|also)|share|print|назад|вернуться(?: к| в| на)?.{0,30}|все новости|читайте также)$`)
	reInline = regexp.MustCompile(`^date\s+(\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?)(?:\s+|$)`)
	// BISHKEK. Sept 22 (Interfax) - …; MOSCOW (Reuters) - …; БИШКЕК, 28 ноября. /ТАСС/. …
	// The bracketed agency needs its dash, so "CSTO (Collective Security
	// Treaty Organization) member states" is no dateline.
	reDateline = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’\-]+(?:[ \-]\p{Lu}[\p{Lu}'’\-]+){0,3})\s*[.,]?\s*(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?)?\s*[,.]?\s*(?:\(([^()]{2,40})\)\s*\.?\s*[-–—]|/([^/]{2,40})/\s*\.?\s*(?:[-–—])?)\s*`)
	reMDHead   = regexp.MustCompile(`^#{1,6}\s+`)
)

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
	if b.spent() {
		return corpus.Article{}, fmt.Errorf("parse stopped: %w", b.err)
	}
	a := corpus.Article{ID: id, File: file}
	paras := splitParagraphs(text)

	// Header: a date line among the first paragraphs, or an inline prefix.
	for i := 0; i < len(paras) && i < 3; i++ {
		if d, ok := Date(paras[i], false); ok {
			d.Origin = corpus.OriginHeader
			a.Date = d
			paras = append(paras[:i], paras[i+1:]...)
			break
		}
	}
	if len(paras) > 0 {
		if m := reInline.FindStringSubmatch(paras[0]); m != nil {
			if d, ok := Date(m[1], false); ok && a.Date.IsZero() {
				d.Origin = corpus.OriginHeader
				a.Date = d
			}
			paras[0] = strings.TrimSpace(paras[0][len(m[0]):])
			if paras[0] == "" {
				paras = paras[1:]
			}
		}
	}
	// A date line at the end of the text.
	if n := len(paras); n > 1 {
		if d, ok := Date(paras[n-1], false); ok {
			if a.Date.IsZero() {
				d.Origin = corpus.OriginHeader
				a.Date = d
			}
			paras = paras[:n-1]
		}
	}

	// Headline.
	if h := headline(paras); h >= 0 {
		a.Title = reMDHead.ReplaceAllString(paras[h], "")
		a.TitleFrom = corpus.OriginHeader
		paras = append(paras[:h], paras[h+1:]...)
	} else if len(paras) > 0 {
		a.Title = firstSentence(paras[0])
		a.TitleFrom = corpus.OriginText
	}
	a.Paragraphs = paras

	// Agency dateline near the top of the story.
	for i := 0; i < len(paras) && i < 3; i++ {
		if m := reDateline.FindStringSubmatch(paras[i]); m != nil {
			a.Dateline = m[1]
			src := m[2]
			if src == "" {
				src = m[3]
			}
			a.Source, a.SourceFrom = strings.TrimSpace(src), corpus.OriginText
			break
		}
	}

	// The first full date in the prose.
	if a.Date.IsZero() {
		for _, p := range paras {
			if b.spent() {
				break
			}
			if ds := findDates(p); len(ds) > 0 {
				a.Date = ds[0].d
				a.Date.Origin = corpus.OriginText
				break
			}
		}
	}

	for _, p := range paras {
		a.Words += countWords(p)
	}
	a.Quotes = findQuotes(a.Title, paras, b)
	if b.err != nil {
		return corpus.Article{}, fmt.Errorf("parse stopped: %w", b.err)
	}
	applyMeta(&a, meta)
	if a.Title == "" {
		a.Title = id
	}
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

// splitParagraphs splits at blank lines, joins the lines of a paragraph,
// turns exotic spaces into plain ones, and drops tickers and navigation.
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
	var paras []string
	var cur []string
	leading := true // still before the first real paragraph: tickers live here
	flush := func() {
		if len(cur) == 0 {
			return
		}
		p := strings.Join(cur, " ")
		cur = cur[:0]
		if reNav.MatchString(p) {
			return
		}
		paras = append(paras, p)
		leading = false
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if leading && len(cur) == 0 && reTicker.MatchString(line) {
			continue
		}
		if leading && reTicker.MatchString(line) && allTicker(cur) {
			continue
		}
		// A date line stands alone even without blank lines around it
		// ("Bishkek News\nMarch 12, 2023"): it is a header, not prose.
		if len(line) <= maxDateLine && hasYear(line) {
			if _, ok := Date(line, false); ok {
				flush()
				cur = append(cur, line)
				flush()
				continue
			}
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}

func allTicker(lines []string) bool {
	for _, l := range lines {
		if !reTicker.MatchString(l) {
			return false
		}
	}
	return true
}

// headline returns the index of the headline paragraph, or -1.
func headline(paras []string) int {
	for i := 0; i < len(paras) && i < headlineWindow; i++ {
		p := paras[i]
		if reMDHead.MatchString(p) {
			return i
		}
		if w := countWords(p); len(p) > maxHeadline || w == 0 || (w < 2 && i > 0) {
			continue
		}
		if endsSentence(p) || sentenceBreak(p) >= 0 {
			continue
		}
		// Not the last paragraph: a headline heads something.
		if i == len(paras)-1 && len(paras) > 1 {
			continue
		}
		return i
	}
	return -1
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
			if abbrevs[strings.ToLower(w)] || utf8.RuneCountInString(w) == 1 {
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

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '-' || r == '\'' || r == '’'))
	}
	return n
}
