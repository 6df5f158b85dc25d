package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/search"
)

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
