package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
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
