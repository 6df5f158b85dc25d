package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/ui"
)

// Pager is lines drawn inside a pane's border and scrolled: what the help
// and the skipped-files view show.
type Pager struct {
	lines  []string
	offset int
	w, h   int // the pane's box
}

// SetSize sets the pane's box; the lines are laid out again by the
// caller for its inner width (ui.PaneInner) and given with SetLines.
func (p *Pager) SetSize(w, h int) { p.w, p.h = max(w, 0), max(h, 0); p.scroll(0) }

// Size is the pane's box.
func (p Pager) Size() (w, h int) { return p.w, p.h }

// SetLines sets what is scrolled, keeping the place as far as it can.
func (p *Pager) SetLines(lines []string) { p.lines = lines; p.scroll(0) }

// Offset is the first line shown; Len the number of lines.
func (p Pager) Offset() int { return p.offset }

// Len is the number of lines.
func (p Pager) Len() int { return len(p.lines) }

// Rows is the number of lines the box shows.
func (p Pager) Rows() int { _, ih := ui.PaneInner(p.w, p.h); return max(ih, 1) }

func (p *Pager) scroll(d int) {
	p.offset = min(max(p.offset+d, 0), max(len(p.lines)-p.Rows(), 0))
}

// Scroll moves by the key, when it is one of up, down, pageUp or
// pageDown, and reports whether it was.
func (p *Pager) Scroll(k tea.KeyMsg, up, down, pageUp, pageDown key.Binding) bool {
	switch {
	case key.Matches(k, up):
		p.scroll(-1)
	case key.Matches(k, down):
		p.scroll(1)
	case key.Matches(k, pageUp):
		p.scroll(-p.Rows())
	case key.Matches(k, pageDown):
		p.scroll(p.Rows())
	default:
		return false
	}
	return true
}

// Body is the lines on screen, joined.
func (p Pager) Body() string {
	return strings.Join(p.lines[p.offset:min(p.offset+p.Rows(), len(p.lines))], "\n")
}

// View draws the lines on screen in a focused pane titled title, or
// empty when there are none.
func (p Pager) View(st ui.Styles, title, empty string) string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	body := p.Body()
	if len(p.lines) == 0 {
		body = empty
	}
	return ui.Pane(st, title, body, p.w, p.h, true)
}
