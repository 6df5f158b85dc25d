package ui

import (
	"dossier/corpus/search"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus"
)

// An article is drawn in two parts. The header (title, then one metadata
// line) is laid out here with Lip Gloss. The body goes through Glamour for
// wrapping and styling, but Glamour never sees the article's text as
// markdown: news is not markdown, and a headline like "*Breaking* <b>"
// must print as written. articleMarkdown escapes every ASCII punctuation
// character and then adds the only markup that reaches Glamour: its own,
// for quotes, speakers, terms and matches. Whatever comes back goes through
// KeepSGR, and every line is held to the pane width.
//
// Glamour has pathological cases (deep block quote nesting is exponential,
// one huge word is quadratic). Escaping removes the nesting, long words are
// broken before rendering, and the input is capped (maxRenderBytes,
// maxRenderParas). RenderPlain draws the same article without Glamour, fast
// and linear, for when Glamour fails or is too slow.

// Caps on what one render lays out; the rest is replaced by a notice.
const (
	maxRenderBytes = 256 << 10 // bytes of paragraph text
	maxRenderParas = 2000      // paragraphs
	wordsPerMinute = 200       // reading speed for "N min read"
)

// mdSentinel (U+2060 WORD JOINER) is glued inside every delimiter the
// renderer emits. It is neither space nor punctuation, so "*" and "~~" next
// to it always open and close emphasis, whatever the text around them.
// cleanText removes it from article text and finish removes it from the
// output, so it never shows.
const mdSentinel = '\u2060'

// DateMark names where a date came from, as shown after it in the metadata
// line: "·header" (the text's own date line), "·metadata" (front matter or
// the sidecar file) or "·in text" (found in the prose, the least sure).
func DateMark(o corpus.Origin) string {
	switch o {
	case corpus.OriginHeader:
		return "·header"
	case corpus.OriginMetadata:
		return "·metadata"
	case corpus.OriginText:
		return "·in text"
	}
	return ""
}

// DateLabel is the date's Text with its DateMark: "2022-09-22 16:47 ·header",
// "2023-02 ·in text", or "undated".
func DateLabel(d corpus.Date) string {
	s := d.Text()
	if m := DateMark(d.Origin); m != "" && !d.IsZero() {
		s += " " + m
	}
	return s
}

// ReadingTime is "N words · M min read" at 200 words a minute, at least one
// minute.
func ReadingTime(words int) string {
	if words < 0 {
		words = 0
	}
	m := (words + wordsPerMinute - 1) / wordsPerMinute
	if m < 1 {
		m = 1
	}
	unit := "words"
	if words == 1 {
		unit = "word"
	}
	return fmt.Sprintf("%d %s · %d min read", words, unit, m)
}

// HeaderLine is the plain metadata line of a: date with its origin mark,
// source, dateline place and reading time, joined by " — ". Missing parts
// are left out; the date never is ("undated").
func HeaderLine(a *corpus.Article) string {
	parts := []string{DateLabel(a.Date)}
	if s := oneLine(a.Source); s != "" {
		parts = append(parts, s)
	}
	if s := oneLine(a.Dateline); s != "" {
		parts = append(parts, s)
	}
	words := a.Words
	if words <= 0 {
		for _, p := range a.Paragraphs {
			words += len(strings.Fields(p))
		}
	}
	parts = append(parts, ReadingTime(words))
	return strings.Join(parts, " — ")
}

// oneLine cleans s and folds its white space into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(cleanText(s)), " ") }

// renderHeader draws the title and metadata line, wrapped to width, with a
// one-column margin to line up with the body.
func renderHeader(a *corpus.Article, width int, st *articleStyles) string {
	var b strings.Builder
	title := oneLine(a.Title)
	if title == "" {
		title = "(untitled)"
	}
	writeWrapped(&b, title, width, st.Title)
	writeWrapped(&b, HeaderLine(a), width, st.Meta)
	return b.String()
}

// writeWrapped wraps plain text to width with the base margin and styles
// each line on its own, so no style spans a line break.
func writeWrapped(b *strings.Builder, s string, width int, style lipgloss.Style) {
	inner, margin := bodyWidth(width)
	for _, line := range strings.Split(ansi.Wrap(s, inner, ""), "\n") {
		b.WriteString(margin)
		b.WriteString(style.Render(line))
		b.WriteByte('\n')
	}
}

// bodyWidth is the text width inside the one-column margin, and the margin;
// a pane narrower than 2 columns has no margin.
func bodyWidth(width int) (int, string) {
	if width < 2 {
		return 1, ""
	}
	return width - 1, " "
}

// RenderArticle renders a for a pane width columns wide: title, metadata
// line, paragraphs with quotes highlighted, marks on the spans in hl. The
// result holds no escape sequence other than SGR colour and no line wider
// than width (a width below 1 counts as 1). When Glamour fails it returns
// RenderPlain's drawing.
func RenderArticle(a *corpus.Article, width int, th Theme, hl []search.Span) (out string) {
	if a == nil {
		return ""
	}
	if width < 1 {
		width = 1
	}
	defer func() {
		// Glamour is a large dependency fed adversarial text: if it ever
		// panics, the reader still gets the article.
		if recover() != nil {
			out = RenderPlainTheme(a, width, th, hl)
		}
	}()
	rs := renderers.get(width, th)
	md, notice := articleMarkdown(a, width, hl)
	body, err := rs.render(md)
	if err != nil {
		return RenderPlainTheme(a, width, th, hl)
	}
	var b strings.Builder
	b.WriteString(renderHeader(a, width, &rs.styles))
	b.WriteByte('\n')
	b.WriteString(strings.Trim(body, "\n"))
	b.WriteByte('\n')
	if notice != "" {
		b.WriteByte('\n')
		writeWrapped(&b, notice, width, rs.styles.Notice)
	}
	return finish(b.String(), width)
}

// RenderPlain renders a like RenderArticle with the dark theme but without
// Glamour: Lip Gloss styles and x/ansi wrapping only. It is linear in the
// article's size, so the model can fall back to it when a Glamour render
// takes too long.
func RenderPlain(a *corpus.Article, width int, hl []search.Span) string {
	return RenderPlainTheme(a, width, DarkTheme(), hl)
}

// RenderPlainTheme is RenderPlain with a theme.
func RenderPlainTheme(a *corpus.Article, width int, th Theme, hl []search.Span) (out string) {
	if a == nil {
		return ""
	}
	if width < 1 {
		width = 1
	}
	defer func() {
		if recover() != nil {
			out = ""
		}
	}()
	st := newArticleStyles(th)
	inner, margin := bodyWidth(width)
	var b strings.Builder
	b.WriteString(renderHeader(a, width, &st))
	paras, notice := capParagraphs(a.Paragraphs)
	for i, p := range paras {
		segs, pull := segments(p, i, a.Quotes, hl)
		if len(segs) == 0 {
			continue
		}
		b.WriteByte('\n')
		var line strings.Builder
		for _, s := range segs {
			text := cleanText(s.text)
			if text == "" && s.speaker == "" {
				continue
			}
			style := st.Text
			switch {
			case s.match && s.term:
				style = st.TermMatch
			case s.match && (s.speech || pull != nil):
				style = st.SpeechMatch
			case s.match:
				style = st.Match
			case s.name:
				style = st.Speaker
			case s.term:
				style = st.Term
			case s.speech:
				style = st.Speech
			case pull != nil:
				style = st.Pull
			}
			if text != "" {
				line.WriteString(style.Render(text))
			}
			if s.speaker != "" {
				line.WriteString(st.Text.Render(" (") + st.Speaker.Render(s.speaker) + st.Text.Render(")"))
			}
		}
		lead, w := margin, inner
		if pull != nil {
			lead, w = margin+st.PullBar.Render("│")+" ", inner-2
			if w < 1 {
				lead, w = margin, inner
			}
		}
		for _, l := range strings.Split(ansi.Wrap(line.String(), w, ""), "\n") {
			b.WriteString(lead + l + "\n")
		}
		if pull != nil && pull.speaker != "" {
			who := st.Speaker
			if pull.match {
				who = st.Match
			}
			writeWrapped(&b, "— "+pull.speaker, width, who)
		}
	}
	if notice != "" {
		b.WriteByte('\n')
		writeWrapped(&b, notice, width, st.Notice)
	}
	return finish(b.String(), width)
}

// finish is the last step of both renderers: it removes the renderer's
// marker, keeps only SGR sequences and holds every line to width cells.
func finish(s string, width int) string {
	s = strings.ReplaceAll(s, string(mdSentinel), "")
	s = squeezeSGR(KeepSGR(s))
	if lipgloss.ColorProfile() == termenv.Ascii {
		// An ASCII profile means no escapes at all, as Lip Gloss does;
		// Glamour would still send bold and italics.
		s = ansi.Strip(s)
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		// Glamour pads every line with spaces to the wrap width; they
		// only cost bytes and break copy and paste.
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "m") {
			l = trimRightSpaces(l)
		}
		if ansi.StringWidth(l) > width {
			l = ansi.Hardwrap(l, width, false)
			// A grapheme wider than the pane (a CJK character in one
			// column) cannot fit at all: cut it.
			if strings.Contains(l, "\n") || ansi.StringWidth(l) > width {
				var parts []string
				for _, p := range strings.Split(l, "\n") {
					parts = append(parts, ansi.Truncate(p, width, ""))
				}
				l = strings.Join(parts, "\n")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// trimRightSpaces drops spaces at the end of a line, also when SGR
// sequences sit between them.
func trimRightSpaces(l string) string {
	var b strings.Builder
	var state byte
	pending := "" // spaces and sequences not yet known to precede text
	for len(l) > 0 {
		seq, _, n, ns := ansi.DecodeSequence(l, state, nil)
		if n <= 0 {
			n, seq = 1, l[:1]
		}
		state, l = ns, l[n:]
		switch {
		case seq == " ":
			pending += seq
		case seq[0] == ansi.ESC:
			if pending == "" {
				b.WriteString(seq)
			} else {
				pending += seq
			}
		default:
			b.WriteString(pending)
			pending = ""
			b.WriteString(seq)
		}
	}
	// Keep the sequences (resets) from the trailing run, not its spaces.
	b.WriteString(strings.ReplaceAll(pending, " ", ""))
	return b.String()
}

// capParagraphs returns the paragraphs that fit maxRenderParas and
// maxRenderBytes, the last possibly cut at a rune boundary, and the notice
// to show when some were left out.
func capParagraphs(ps []string) ([]string, string) {
	out := ps
	cut := false
	if len(out) > maxRenderParas {
		out, cut = out[:maxRenderParas], true
	}
	total := 0
	for i, p := range out {
		if total+len(p) <= maxRenderBytes {
			total += len(p)
			continue
		}
		keep := maxRenderBytes - total
		for keep > 0 && keep < len(p) && !utf8.RuneStart(p[keep]) {
			keep--
		}
		short := append([]string(nil), out[:i]...)
		if keep > 0 {
			short = append(short, p[:keep]+" …")
		}
		out, cut = short, true
		break
	}
	if !cut {
		return out, ""
	}
	more := len(ps) - len(out)
	if len(out) > 0 && len(out) <= len(ps) && out[len(out)-1] != ps[len(out)-1] {
		more++ // the last one shown is cut short
	}
	unit := "paragraphs"
	if more == 1 {
		unit = "paragraph"
	}
	return out, fmt.Sprintf("… article truncated (%d more %s)", more, unit)
}

// segment is a run of a paragraph with one set of marks.
type segment struct {
	text                string
	speech, term, match bool
	name                bool   // the speaker's name where the text gives it beside the quote
	speaker             string // shown after this run: a speech quote ends here
}

// pullQuote describes a paragraph that is a pull quote.
type pullQuote struct {
	speaker string
	match   bool // a match fell on the speaker's name, which is cut off
}

// segments splits paragraph p (index para) at every quote and match
// boundary. Spans are clamped to the paragraph and moved back to rune
// starts, so no segment splits a UTF-8 sequence; empty or foreign spans are
// ignored. Overlaps and nesting come out as runs carrying several marks. A
// pull quote paragraph loses the speaker name it ends with (it is shown as
// an attribution line instead).
func segments(p string, para int, quotes []corpus.Quote, hl []search.Span) ([]segment, *pullQuote) {
	lo, hi := 0, len(p)
	for lo < hi && isSpace(p[lo]) {
		lo++
	}
	for hi > lo && isSpace(p[hi-1]) {
		hi--
	}
	var pull *pullQuote
	for _, q := range quotes {
		if q.Para == para && q.Kind == corpus.Pull {
			pull = &pullQuote{speaker: oneLine(q.Speaker)}
			if name := strings.TrimSpace(q.Speaker); name != "" && strings.HasSuffix(p[lo:hi], name) && hi-len(name) > lo {
				end := hi
				hi -= len(name)
				for hi > lo && (isSpace(p[hi-1])) {
					hi--
				}
				for _, s := range hl {
					if s.Para == para && s.Start < end && s.End > hi {
						pull.match = true
					}
				}
			}
			break
		}
	}
	if lo >= hi {
		return nil, pull
	}
	align := func(i int) int {
		if i < lo {
			return lo
		}
		if i > hi {
			return hi
		}
		for i > lo && i < hi && !utf8.RuneStart(p[i]) {
			i--
		}
		return i
	}
	const (
		kSpeech = iota
		kTerm
		kMatch
		kName
	)
	type event struct {
		pos, kind, delta int
		speaker          string
	}
	events := []event{{pos: lo}, {pos: hi}}
	add := func(s, e, kind int, speaker string) {
		s, e = align(s), align(e)
		if s >= e {
			return
		}
		events = append(events, event{pos: s, kind: kind, delta: 1}, event{pos: e, kind: kind, delta: -1, speaker: speaker})
	}
	for _, q := range quotes {
		if q.Para != para {
			continue
		}
		switch q.Kind {
		case corpus.Speech:
			// The words of the attribution that name the speaker are
			// styled where they stand; when they are a pronoun or a role
			// ("he", "the President of the Kyrgyz Republic"), the name
			// follows them in brackets. Without a span (an Article built
			// by hand) the name is looked for near the quote, and shown
			// after the quote when it is not there.
			name := oneLine(q.Speaker)
			if sp := q.SpeakerSpan; name != "" && sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= len(p) {
				tag := name
				if subj := p[sp[0]:sp[1]]; strings.HasSuffix(name, subj) {
					tag = "" // the name itself, or its surname
				}
				add(sp[0], sp[1], kName, tag)
				name = ""
			} else if i, j := nameNear(p, q.Start, q.End, name); i >= 0 {
				add(i, j, kName, "")
				name = ""
			}
			add(q.Start, q.End, kSpeech, name)
		case corpus.Term:
			add(q.Start, q.End, kTerm, "")
		}
	}
	for _, s := range hl {
		if s.Para == para {
			add(s.Start, s.End, kMatch, "")
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].pos < events[j].pos })
	var count [4]int
	var segs []segment
	for i := 0; i < len(events); {
		pos := events[i].pos
		var speakers []string
		for ; i < len(events) && events[i].pos == pos; i++ {
			e := events[i]
			count[e.kind] += e.delta
			if e.speaker != "" && !contains(speakers, e.speaker) {
				speakers = append(speakers, e.speaker)
			}
		}
		if len(speakers) > 0 && len(segs) > 0 {
			segs[len(segs)-1].speaker = strings.Join(speakers, ", ")
		}
		if i == len(events) {
			break
		}
		next := events[i].pos
		if next > pos {
			segs = append(segs, segment{
				text:   p[pos:next],
				speech: count[kSpeech] > 0, term: count[kTerm] > 0, match: count[kMatch] > 0,
				name: count[kName] > 0,
			})
		}
	}
	return segs, pull
}

// nameNear finds name in the attribution around a quote at [start, end):
// within nameReach bytes after it, or before it; its byte span, or -1.
func nameNear(p string, start, end int, name string) (int, int) {
	const nameReach = 100
	if name == "" || start < 0 || end > len(p) || start > end {
		return -1, -1
	}
	hi := end + nameReach
	if hi > len(p) {
		hi = len(p)
	}
	// Only the attribution's own sentence: up to the next sentence end or
	// quote mark after the quote, from the last one before it.
	after := p[end:hi]
	if j := strings.IndexAny(after, ".!?«\"“"); j >= 0 {
		after = after[:j]
	}
	if i := strings.Index(after, name); i >= 0 {
		return end + i, end + i + len(name)
	}
	// "Imankulov said": the surname stands for the full name.
	if k := strings.LastIndexByte(name, ' '); k >= 0 {
		if i := strings.Index(after, name[k:]+" "); i >= 0 {
			return end + i + 1, end + i + len(name) - k
		}
	}
	lo := start - nameReach
	if lo < 0 {
		lo = 0
	}
	before := p[lo:start]
	if j := strings.LastIndexAny(before, ".!?»\"”"); j >= 0 {
		lo += j + 1
		before = p[lo:start]
	}
	if i := strings.LastIndex(before, name); i >= 0 {
		return lo + i, lo + i + len(name)
	}
	return -1, -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// articleMarkdown builds the Glamour input for a's body and the truncation
// notice. Every word is broken to fit the width it will be wrapped to.
func articleMarkdown(a *corpus.Article, width int, hl []search.Span) (string, string) {
	inner, _ := bodyWidth(width)
	paras, notice := capParagraphs(a.Paragraphs)
	var b strings.Builder
	for i, p := range paras {
		segs, pull := segments(p, i, a.Quotes, hl)
		if len(segs) == 0 {
			continue
		}
		w := inner
		prefix := ""
		if pull != nil {
			w, prefix = inner-1, "> "
		}
		if w < 1 {
			w = 1
		}
		b.WriteString(prefix)
		// Runs with the same markup are merged first: "~~a~~~~b~~"
		// would read as one four-tilde run, not two matches.
		type piece struct {
			delim, text, speaker string
		}
		var pieces []piece
		run := 0
		for _, s := range segs {
			pc := piece{text: breakWords(cleanText(s.text), w, &run)}
			switch {
			case s.match:
				pc.delim = "~~"
			case s.name:
				pc.delim = "**"
			case s.term:
				pc.delim = "`"
			case s.speech:
				pc.delim = "*"
			}
			if s.speaker != "" {
				pc.speaker = breakWords(s.speaker, w, new(int))
				run = 0
			}
			if n := len(pieces); n > 0 && pieces[n-1].delim == pc.delim && pieces[n-1].speaker == "" {
				pieces[n-1].text += pc.text
				pieces[n-1].speaker = pc.speaker
				continue
			}
			pieces = append(pieces, pc)
		}
		for _, pc := range pieces {
			if pc.text != "" {
				switch pc.delim {
				case "":
					escapeMarkdown(&b, pc.text)
				case "`":
					writeDelimited(&b, pc.delim, pc.text, escapeCode)
				default:
					writeDelimited(&b, pc.delim, pc.text, escapeMarkdown)
				}
			}
			if pc.speaker != "" {
				b.WriteString(" \\(")
				writeDelimited(&b, "**", pc.speaker, escapeMarkdown)
				b.WriteString("\\)")
			}
		}
		b.WriteString("\n\n")
		if pull != nil && pull.speaker != "" {
			b.WriteString("> — ")
			delim := "**"
			if pull.match {
				delim = "~~"
			}
			writeDelimited(&b, delim, breakWords(pull.speaker, w, new(int)), escapeMarkdown)
			b.WriteString("\n\n")
		}
	}
	return b.String(), notice
}

// writeDelimited writes text between a pair of delimiters, with the
// sentinel inside each so that they open and close whatever is around.
func writeDelimited(b *strings.Builder, delim, text string, esc func(*strings.Builder, string)) {
	b.WriteString(delim)
	b.WriteRune(mdSentinel)
	esc(b, text)
	b.WriteRune(mdSentinel)
	b.WriteString(delim)
}

// glamourUnescaped are the characters whose backslash escape Glamour
// removes again after parsing (its escapeReplacer). The other ASCII
// punctuation would print with its backslash, so it is written as a
// numeric character reference, which Glamour decodes (html.UnescapeString)
// and which markdown never treats as syntax. "&" itself must be a
// reference: "\&#27;" would come out as a backslash and a raw ESC.
const glamourUnescaped = "\\`*_{}[]<>()#+-.!|"

// escapeMarkdown writes text so that goldmark sees no markup in it.
func escapeMarkdown(b *strings.Builder, text string) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= utf8.RuneSelf || !isASCIIPunct(c):
			b.WriteByte(c)
		case strings.IndexByte(glamourUnescaped, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '&':
			b.WriteString("&amp;")
		default:
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(c)))
			b.WriteByte(';')
		}
	}
}

// escapeCode writes text for a code span, where backslash escapes do not
// exist but Glamour still decodes character references.
func escapeCode(b *strings.Builder, text string) {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '`':
			b.WriteString("&#96;")
		default:
			b.WriteByte(c)
		}
	}
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// breakWords inserts a space into every word wider than w cells, at
// grapheme boundaries, so Glamour's word wrap never meets a word it cannot
// place (it would overflow the pane, and one huge word makes it
// quadratic). run carries the width of the word in progress from the
// previous segment, as a word may span a quote or match boundary.
func breakWords(s string, w int, run *int) string {
	if w < 1 {
		w = 1
	}
	// Fast path: ASCII with short words needs no change.
	short := true
	n := *run
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			short = false
			break
		}
		if c == ' ' {
			n = 0
		} else if n++; n > w {
			short = false
			break
		}
	}
	if short {
		*run = n
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/w)
	for len(s) > 0 {
		g, gw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if len(g) == 0 {
			g, gw = s[:1], 1
		}
		s = s[len(g):]
		if g == " " {
			*run = 0
			b.WriteByte(' ')
			continue
		}
		if *run > 0 && *run+gw > w {
			b.WriteByte(' ')
			*run = 0
		}
		b.WriteString(g)
		*run += gw
	}
	return b.String()
}

// renderSet is what one (width, theme, colour profile) needs: styles and a
// pool of Glamour renderers. A TermRenderer keeps state while it renders,
// so one is not shared between goroutines; the pool keeps the one or two
// that exist and builds another only when all are busy (a render abandoned
// by a timed-out command still holds its own).
type renderSet struct {
	styles articleStyles
	opts   []glamour.TermRendererOption
	free   chan *glamour.TermRenderer
}

func (rs *renderSet) render(md string) (string, error) {
	var r *glamour.TermRenderer
	select {
	case r = <-rs.free:
	default:
		var err error
		if r, err = glamour.NewTermRenderer(rs.opts...); err != nil {
			return "", err
		}
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err // a renderer that failed may hold half a block stack
	}
	select {
	case rs.free <- r:
	default:
	}
	return out, nil
}

type renderKey struct {
	width   int
	profile termenv.Profile
	theme   string
}

// renderCache holds renderSets; building a TermRenderer costs far more
// than rendering a short article.
type renderCache struct {
	mu   sync.Mutex
	sets map[renderKey]*renderSet
}

// maxRenderSets bounds the cache: a user dragging the window edge makes a
// new width at every step.
const maxRenderSets = 16

var renderers renderCache

func (c *renderCache) get(width int, th Theme) *renderSet {
	profile := lipgloss.ColorProfile()
	k := renderKey{width: width, profile: profile, theme: fmt.Sprintf("%#v", th)}
	c.mu.Lock()
	defer c.mu.Unlock()
	if rs := c.sets[k]; rs != nil {
		return rs
	}
	if c.sets == nil || len(c.sets) >= maxRenderSets {
		c.sets = make(map[renderKey]*renderSet)
	}
	rs := &renderSet{
		styles: newArticleStyles(th),
		opts: []glamour.TermRendererOption{
			glamour.WithStyles(glamourStyles(th)),
			glamour.WithWordWrap(width),
			glamour.WithColorProfile(profile),
		},
		free: make(chan *glamour.TermRenderer, 2),
	}
	if r, err := glamour.NewTermRenderer(rs.opts...); err == nil {
		rs.free <- r
	}
	c.sets[k] = rs
	return rs
}
