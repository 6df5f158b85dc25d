package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// MinWidth and MinHeight are the smallest window the reader draws panes
// in; below them it shows a single "window too small" line.
const (
	MinWidth  = 20
	MinHeight = 5
)

// WideWidth is the width from which the timeline, list and article are
// shown side by side; narrower windows show one screen at a time.
const WideWidth = 100

type borderSet struct{ h, v, tl, tr, bl, br string }

var (
	rounded    = borderSet{"─", "│", "╭", "╮", "╰", "╯"}
	thick      = borderSet{"━", "┃", "┏", "┓", "┗", "┛"}
	asciiPlain = borderSet{"-", "|", "+", "+", "+", "+"}
	asciiFocus = borderSet{"=", "#", "#", "#", "#", "#"}
)

// PaneInner returns the size of a pane's body for a box of w×h cells: a
// border all round, and a column of padding each side once the box is wide
// enough to spare it.
func PaneInner(w, h int) (iw, ih int) {
	if w < 4 || h < 3 {
		return max(w, 0), max(h, 0)
	}
	if w >= 12 {
		return w - 4, h - 2
	}
	return w - 2, h - 2
}

// Pane draws body in a box of width×height cells with title set into the
// top border. The focused pane gets a heavier border, the accent colour
// and its title in brackets, so focus shows without colour too. A box too
// small for a border is drawn without one.
func Pane(s Styles, title, body string, width, height int, focused bool) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	if width < 4 || height < 3 {
		return Fit(body, width, height)
	}
	bs, bst, tst := rounded, s.Border, s.PaneTitle
	if s.ASCII {
		bs = asciiPlain
	}
	title = cleanText(title)
	if focused {
		bs, bst, tst = thick, s.BorderFocused, s.PaneTitleFocused
		if s.ASCII {
			bs = asciiFocus
		}
		title = "[" + title + "]"
	} else if title != "" {
		title = " " + title + " "
	}
	inner := width - 2
	iw, _ := PaneInner(width, height)
	padL := (inner - iw) / 2
	padR := inner - iw - padL
	t, _ := cut(title, max(inner-2, 0))
	top := bst.Render(bs.tl+bs.h) + tst.Render(t) +
		bst.Render(strings.Repeat(bs.h, max(inner-1-widthOf(t), 0))+bs.tr)
	var b strings.Builder
	b.WriteString(top)
	side := bst.Render(bs.v)
	left, right := side+strings.Repeat(" ", padL), strings.Repeat(" ", padR)+side
	for _, l := range strings.Split(Fit(body, iw, height-2), "\n") {
		b.WriteString("\n" + left + l + right)
	}
	b.WriteString("\n" + bst.Render(bs.bl+strings.Repeat(bs.h, inner)+bs.br))
	return b.String()
}

// Status draws the status line: left clipped to make room for right,
// right dropped when even that does not fit.
func Status(s Styles, left, right string, width int) string {
	if width <= 0 {
		return ""
	}
	left, right = cleanText(left), cleanText(right)
	if widthOf(right)+2 > width/2 {
		right = ""
	}
	room := width
	if right != "" {
		room -= widthOf(right) + 1
	}
	l, _ := cut(left, room)
	line := s.Status.Render(l)
	if right != "" {
		line += strings.Repeat(" ", width-widthOf(l)-widthOf(right)) + s.StatusKey.Render(right)
	}
	return pad(line, width)
}

// StatusError draws an error in the status line's place.
func StatusError(s Styles, msg string, width int) string {
	l, _ := cut(cleanText(msg), width)
	return pad(s.StatusErr.Render(l), width)
}

// TooSmall is the whole screen when the window is below MinWidth×MinHeight:
// one line, clipped to the width, nothing at all for a zero-sized window.
func TooSmall(s Styles, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	l, _ := cut("window too small", width)
	return s.Warn.Render(l)
}

// Join stacks blocks vertically, skipping empty ones.
func Join(blocks ...string) string {
	var keep []string
	for _, b := range blocks {
		if b != "" {
			keep = append(keep, b)
		}
	}
	return strings.Join(keep, "\n")
}

// Beside puts two blocks side by side. Both come from Pane or Fit, so
// every line already has its block's width and only needs joining; a
// missing line on the left is padded to the left block's width.
func Beside(left, right string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	lw := 0
	if len(l) > 0 {
		lw = lipgloss.Width(l[0])
	}
	var b strings.Builder
	for i := 0; i < max(len(l), len(r)); i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(l) {
			b.WriteString(l[i])
		} else {
			b.WriteString(strings.Repeat(" ", lw))
		}
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

// Hints joins key hints ("j/k down") with " · " for the status line,
// dropping them from the end until the line fits room runes; tail ("?
// help") always stays.
func Hints(hints []string, tail string, room int) string {
	for n := len(hints); n >= 0; n-- {
		s := strings.Join(append(append([]string{}, hints[:n]...), tail), " · ")
		if len([]rune(s)) <= room || n == 0 {
			return s
		}
	}
	return tail
}

// Rect is a box on screen, in cells.
type Rect struct{ X, Y, W, H int }

// Contains reports whether cell (x, y) is inside r.
func (r Rect) Contains(x, y int) bool { return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H }

// Screen is where each part of the reader's screen goes. It depends on
// the window's size only: the search line takes the status line's place
// while it is typed in, and help and the other overlays take Body's.
type Screen struct {
	TooSmall, Wide bool
	Timeline       Rect
	Body           Rect // below the timeline: the list and the article, or an overlay
	List, Article  Rect // the same box as Body in a narrow window
	Status         Rect
}

// wideMinHeight is the height below which even a wide window stacks its
// panes like a narrow one: the timeline pane would leave no room for text.
const wideMinHeight = 16

// Wide list widths: the list takes a little over half a wide window, so
// that at 120 columns a title line holds 60 characters, and leaves the
// article at least articleMinWidth.
const (
	listMinWidth    = 36
	listMaxWidth    = 84
	articleMinWidth = 50
)

// Layout places the reader's parts in a W×H window. The list and article
// get at least three rows: a narrow window drops its timeline line first.
func Layout(W, H int) Screen {
	var l Screen
	if W < MinWidth || H < MinHeight {
		l.TooSmall = true
		return l
	}
	l.Wide = W >= WideWidth && H >= wideMinHeight
	tlH := 1
	if l.Wide {
		tlH = 2 + TimelineLines
	}
	const minMain = 3
	if H-tlH-1 < minMain && !l.Wide {
		tlH = 0
	}
	mainH := H - tlH - 1
	l.Timeline = Rect{0, 0, W, tlH}
	l.Body = Rect{0, tlH, W, mainH}
	l.List, l.Article = l.Body, l.Body
	if l.Wide {
		lw := min(max(W*57/100, listMinWidth), W-articleMinWidth, listMaxWidth)
		l.List.W, l.Article.X, l.Article.W = lw, lw, W-lw
	}
	l.Status = Rect{0, tlH + mainH, W, 1}
	return l
}

// StatusFacts is what the status line's left side reports.
type StatusFacts struct {
	Source          string
	Articles, Shown int
	Loading         bool
	// Found is the files the load has found so far, Total all it will
	// read once its walk is over (0 until then): "loading 1200/20000 (6%)".
	Found, Total  int
	Indexing      bool   // the search index is being built
	Quoting       bool   // the corpus is searchable, its quotes being read
	Filter        string // the timeline filter's label, "" for none
	Search        string // the search's or the find's words, "" for none
	Matches       string // the open article's "3/7", "" for none
	Timeline      string // the timeline cursor's "2021-06: 1", "" for none
	BookmarksOnly bool
	Sort          string // "by date", "" while hits are ranked
	Skipped       int
	Note          string
}

// StatusText is the left side of the status line: "embedded corpus · 5
// articles · filter 2022 (2) · by date".
func StatusText(f StatusFacts) string {
	parts := []string{f.Source, fmt.Sprintf("%d articles", f.Articles)}
	switch {
	case f.Loading && f.Quoting:
		parts[1] += " · reading quotes…"
	case f.Loading && f.Indexing:
		parts[1] += " · indexing…"
	case f.Loading && f.Total > 0:
		parts[1] = fmt.Sprintf("loading %d/%d (%d%%)", f.Articles, f.Total, min(100, f.Articles*100/f.Total))
	case f.Loading && f.Found > 0:
		parts[1] = fmt.Sprintf("loading %d (%d found)", f.Articles, f.Found)
	case f.Loading:
		parts[1] = "loading… " + parts[1]
	case f.Indexing:
		parts[1] += " · indexing…"
	}
	if f.Filter != "" {
		parts = append(parts, fmt.Sprintf("filter %s (%d)", f.Filter, f.Shown))
	}
	for _, s := range []string{f.Search, f.Matches} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if f.Timeline != "" {
		parts = append(parts, "timeline "+f.Timeline)
	}
	if f.BookmarksOnly {
		parts = append(parts, fmt.Sprintf("bookmarks (%d)", f.Shown))
	}
	if f.Sort != "" {
		parts = append(parts, f.Sort)
	}
	if f.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", f.Skipped))
	}
	if f.Note != "" {
		parts = append(parts, f.Note)
	}
	return strings.Join(parts, " · ")
}

// SearchLine draws the search input in the status line's place, with
// what the search says (its hits, a bad operator) at the right while
// there is room for both.
func SearchLine(s Styles, input, status string, width int) string {
	if width <= 0 {
		return ""
	}
	status = cleanText(status)
	// The status takes what the typed text and the cursor leave, and is
	// cut short rather than dropped when it is long (a bad operator's
	// message); the typed text is never cut for it.
	typed := widthOf(strings.TrimRight(ansi.Strip(input), " "))
	room := width - typed - 2
	if widthOf(status) > room {
		if room < 12 {
			status = ""
		} else {
			status = ansi.Truncate(status, room, "…")
		}
	}
	if status == "" {
		return Fit(input, width, 1)
	}
	return Fit(input, width-widthOf(status)-1, 1) + " " + s.StatusKey.Render(status)
}
