package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/search"
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
// maxRenderParas). Plain draws the same article without Glamour, fast and
// linear, for when Glamour fails or is too slow.
//
// The parts live in their own files: header.go (title and metadata line),
// segments.go (a paragraph cut at quotes, speakers and matches),
// markdown.go (the escaped Glamour input), renderer.go (the Renderer and its
// Glamour pools).

// Caps on what one render lays out; the rest is replaced by a notice.
const (
	maxRenderBytes = 256 << 10 // bytes of paragraph text
	maxRenderParas = 2000      // paragraphs
	wordsPerMinute = 200       // reading speed for "N min read"
)

// Article renders a for a pane width columns wide: title, metadata line,
// paragraphs with quotes highlighted, marks on the spans in hl. The result
// holds no escape sequence other than SGR colour (none at all on an ASCII
// profile) and no line wider than width (a width below 1 counts as 1).
// When Glamour fails it returns Plain's drawing.
func (r *Renderer) Article(a *corpus.Article, width int, hl []search.Span) (out string) {
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
			out = r.Plain(a, width, hl)
		}
	}()
	md, notice := articleMarkdown(a, width, hl)
	body, err := r.set(width).render(md)
	if err != nil {
		return r.Plain(a, width, hl)
	}
	var b strings.Builder
	b.WriteString(renderHeader(a, width, &r.styles))
	b.WriteByte('\n')
	b.WriteString(strings.Trim(body, "\n"))
	b.WriteByte('\n')
	if notice != "" {
		b.WriteByte('\n')
		writeWrapped(&b, notice, width, r.styles.Notice)
	}
	return finish(b.String(), width, r.profile)
}

// Plain renders a like Article but without Glamour: Lip Gloss styles and
// x/ansi wrapping only. It is linear in the article's size, so the reader
// falls back to it when a Glamour render takes too long.
func (r *Renderer) Plain(a *corpus.Article, width int, hl []search.Span) (out string) {
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
	st := r.styles
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
	return finish(b.String(), width, r.profile)
}

// finish is the last step of both renderers: it removes the renderer's
// marker, keeps only SGR sequences (none on an ASCII profile) and holds
// every line to width cells.
func finish(s string, width int, profile termenv.Profile) string {
	s = strings.ReplaceAll(s, string(mdSentinel), "")
	s = squeezeSGR(KeepSGR(s))
	if profile == termenv.Ascii {
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

// Highlights are drawn over a finished rendering instead of being rendered
// with it: the article is wrapped once, whatever the query, and a match is
// a run of cells on lines that are already laid out, so line breaks are
// the same with and without a highlight, and a new query or a new current
// match costs no render.
//
// Locate finds where a paragraph's bytes landed. It walks the text the
// renderers draw (the header, then each paragraph's segments, speaker tags
// and pull quote attributions, built from the same segments call they use)
// rune by rune beside the rendering's visible runes, white space left out
// on both sides: wrapping, margins and the words broken to fit change only
// white space. What a renderer adds that is not in that text (a pull
// quote's bar) is skipped by a short lookahead; what it drops (a grapheme
// too wide for a one-column pane) is skipped on the text's side, with a
// resynchronisation on a few runes in a row should the two ever drift.
// The cost is linear in the article, paid once per rendering and query, in
// the pane's command.

// TitlePara is the Para of a span in the article's title: its Start and
// End are byte offsets in Article.Title.
const TitlePara = -1

// Cells is a run of cells on one line of a rendering: columns [Col, End)
// of line Line, counted from 0.
type Cells struct{ Line, Col, End int }

// CellRun is a run of cells of one line to draw in Style.
type CellRun struct {
	Col, End int
	Style    lipgloss.Style
}

const (
	noPara       = -2   // the header's metadata and address lines
	lookahead    = 8    // runes a renderer may add between two of the text's
	resyncWindow = 4096 // how far a lost alignment looks for its way back
	resyncRunes  = 4    // runes in a row that count as found again
	resyncBudget = 8    // passes over the rendering that resynchronising may cost
)

// shown is the text a renderer draws for an article, rune by rune, white
// space left out, each rune with where it came from: its paragraph (or
// TitlePara, or noPara) and its byte span there. Runes the renderer adds
// to the text (speaker tags, the dash of an attribution) have an empty
// span at their place, so spans stay in order within a paragraph.
type shown struct {
	runes  []rune
	para   []int32
	lo, hi []int32
	paras  map[int][2]int // the runes of each paragraph
}

func (s *shown) push(r rune, para, lo, hi int) {
	s.runes = append(s.runes, r)
	s.para = append(s.para, int32(para))
	s.lo = append(s.lo, int32(lo))
	s.hi = append(s.hi, int32(hi))
}

// text adds str as cleanText and oneLine would draw it, each rune mapped
// to base plus its offset; with whole at 0 or more, every rune maps to
// [base, whole).
func (s *shown) text(str string, para, base, whole int) {
	for i, r := range str {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(str[i:])
		}
		if unicode.IsSpace(r) || !printable(r) && r != utf8.RuneError {
			continue
		}
		lo, hi := base+i, base+i+size
		if whole >= 0 {
			lo, hi = base, whole
		}
		s.push(r, para, lo, hi)
	}
}

// added adds text the renderer writes itself, at byte offset at.
func (s *shown) added(str string, para, at int) { s.text(str, para, at, at) }

func (s *shown) mark(para, from int) { s.paras[para] = [2]int{from, len(s.runes)} }

// shownText is what Article and Plain draw for a, in order.
func shownText(a *corpus.Article) *shown {
	s := &shown{paras: map[int][2]int{}}
	n := len(a.Title)
	for _, p := range a.Paragraphs {
		n += len(p)
		if n > maxRenderBytes {
			break
		}
	}
	n = min(n, maxRenderBytes) + 256
	s.runes, s.para = make([]rune, 0, n), make([]int32, 0, n)
	s.lo, s.hi = make([]int32, 0, n), make([]int32, 0, n)
	if title := oneLine(a.Title); title != "" {
		s.text(a.Title, TitlePara, 0, -1)
	} else {
		s.added(headerTitle(a), TitlePara, 0)
	}
	s.mark(TitlePara, 0)
	s.added(HeaderLine(a), noPara, 0)
	s.added(URLLine(a), noPara, 0)
	paras, _ := capParagraphs(a.Paragraphs)
	for i, p := range paras {
		from := len(s.runes)
		segs, pull := segments(p, i, a.Quotes, nil)
		if len(segs) == 0 {
			continue
		}
		for _, sg := range segs {
			s.text(sg.text, i, sg.start, -1)
			if sg.speaker != "" {
				end := sg.start + len(sg.text)
				s.added("("+sg.speaker+")", i, end)
			}
		}
		if pull != nil && pull.speaker != "" {
			switch {
			case pull.nameStart >= 0 && p[pull.nameStart:pull.nameEnd] == pull.speaker:
				s.added("—", i, pull.nameStart)
				s.text(pull.speaker, i, pull.nameStart, -1)
			case pull.nameStart >= 0: // the name as drawn is not its bytes
				s.added("—", i, pull.nameStart)
				s.text(pull.speaker, i, pull.nameStart, pull.nameEnd)
			default:
				s.added("— "+pull.speaker, i, len(p))
			}
		}
		s.mark(i, from)
	}
	return s
}

// cellAt is where a visible rune of a rendering is drawn.
type cellAt struct{ line, col, w int32 }

// drawn is a rendering's visible runes, white space left out, and their
// cells. A grapheme's runes share its cell.
func drawn(text string) ([]rune, []cellAt) {
	runes := make([]rune, 0, len(text)/2)
	cells := make([]cellAt, 0, len(text)/2)
	for li, l := range strings.Split(text, "\n") {
		col := 0
		var state byte
		for len(l) > 0 {
			seq, w, n, ns := ansi.DecodeSequence(l, state, nil)
			if n <= 0 {
				n, seq, w = 1, l[:1], 1
			}
			l, state = l[n:], ns
			if seq[0] == ansi.ESC || seq[0] < 0x20 {
				continue
			}
			for _, r := range seq {
				if !unicode.IsSpace(r) {
					runes = append(runes, r)
					cells = append(cells, cellAt{int32(li), int32(col), int32(max(w, 1))})
				}
			}
			col += w
		}
	}
	return runes, cells
}

// align maps each rune of want to its index in got, -1 where it is not
// drawn.
//
// Resynchronising is the costly step (up to resyncWindow runes looked at
// per miss), so it draws on a budget linear in the rendering: a rendering
// that drops most of the text (wide graphemes in a one-column pane) costs
// no more than a few passes over it.
func align(want, got []rune) []int32 {
	at := make([]int32, len(want))
	j := 0
	budget := resyncBudget*len(got) + resyncWindow
	for i, r := range want {
		k := -1
		for d := 0; d < lookahead && j+d < len(got); d++ {
			if got[j+d] == r {
				k = j + d
				break
			}
		}
		if k < 0 && budget > 0 {
			budget -= min(resyncWindow, len(got)-j)
			k = resync(want[i:], got, j)
		}
		at[i] = int32(k)
		if k >= 0 {
			j = k + 1
		}
	}
	return at
}

// resync looks for the next resyncRunes runes of want in got from j on,
// within resyncWindow; the index of the first, or -1.
func resync(want, got []rune, j int) int {
	n := min(resyncRunes, len(want))
	for k := j; k < min(len(got), j+resyncWindow); k++ {
		if k+n > len(got) {
			break
		}
		ok := true
		for d := 0; d < n; d++ {
			if got[k+d] != want[d] {
				ok = false
				break
			}
		}
		if ok {
			return k
		}
	}
	return -1
}

// Locate returns the cells of each span in text, a rendering of a by
// Article or Plain at any width: for each span in order, its runs of cells
// line by line, none for a span that is not drawn (outside the paragraphs
// rendered, or cut away). A span with Para TitlePara is in the title.
func Locate(a *corpus.Article, text string, spans []search.Span) [][]Cells {
	if a == nil || len(spans) == 0 {
		return make([][]Cells, len(spans))
	}
	s := shownText(a)
	got, cells := drawn(text)
	at := align(s.runes, got)
	out := make([][]Cells, len(spans))
	for k, sp := range spans {
		r, ok := s.paras[sp.Para]
		if !ok || sp.Start >= sp.End {
			continue
		}
		// The first rune ending after the span's start: spans within a
		// paragraph are in order.
		i := r[0] + sort.Search(r[1]-r[0], func(i int) bool { return int(s.hi[r[0]+i]) > sp.Start })
		var runs []Cells
		gap := false // a tag the renderer added cuts the span in two
		for ; i < r[1] && int(s.lo[i]) < sp.End; i++ {
			if s.lo[i] >= s.hi[i] {
				gap = len(runs) > 0
				continue
			}
			if at[i] < 0 {
				continue
			}
			c := cells[at[i]]
			line, col, end := int(c.line), int(c.col), int(c.col+c.w)
			if n := len(runs); n > 0 && runs[n-1].Line == line && !gap {
				runs[n-1].Col, runs[n-1].End = min(runs[n-1].Col, col), max(runs[n-1].End, end)
				continue
			}
			runs = append(runs, Cells{Line: line, Col: col, End: end})
			gap = false
		}
		out[k] = runs
	}
	return out
}

// Overlay draws runs over line, a rendered line of text and SGR sequences:
// the cells of each run take its style on top of the line's own, and the
// line's style resumes after it. Only SGR sequences are added, so the text,
// its width and the line's breaks are unchanged. runs are sorted by Col
// and do not overlap; a style that renders no sequence (an ASCII profile)
// draws nothing.
func Overlay(line string, runs []CellRun) string {
	if len(runs) == 0 {
		return line
	}
	var b, active strings.Builder // active: the line's SGR since its last reset
	b.Grow(len(line) + 32*len(runs))
	col, ri := 0, 0
	on, pre := false, ""
	owed := false // the run's style is owed after a sequence of the line's
	var state byte
	for len(line) > 0 {
		seq, w, n, ns := ansi.DecodeSequence(line, state, nil)
		if n <= 0 {
			n, seq, w = 1, line[:1], 1
		}
		line, state = line[n:], ns
		if seq[0] == ansi.ESC {
			b.WriteString(seq)
			if seq == "\x1b[0m" || seq == "\x1b[m" {
				active.Reset()
			} else {
				active.WriteString(seq)
			}
			owed = on // the run's style outlasts the line's
			continue
		}
		for ri < len(runs) && col >= runs[ri].End {
			if on {
				b.WriteString("\x1b[0m" + active.String())
				on = false
			}
			ri++
		}
		if on && owed {
			b.WriteString(pre)
		}
		owed = false
		if !on && ri < len(runs) && col >= runs[ri].Col {
			if pre = sgrOf(runs[ri].Style); pre != "" {
				b.WriteString(pre)
				on = true
			}
		}
		b.WriteString(seq)
		col += w
	}
	if on {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// sgrOf is the SGR sequence st starts its text with, "" for none.
func sgrOf(st lipgloss.Style) string {
	r := st.Render("x")
	if i := strings.IndexByte(r, 'x'); i > 0 {
		return KeepSGR(r[:i])
	}
	return ""
}
