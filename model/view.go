package model

import (
	"dossier/corpus/search"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/ui"
)

// rect is a box on screen, in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where each part of the screen goes. It is computed once per
// Update, from the size and the state that changes it (help, the search
// line), and used both to draw and to route mouse clicks, so the two never
// disagree.
type layout struct {
	tooSmall, wide bool
	tl             rect
	tlLine         bool // the timeline is the one-line form
	search         rect
	list, detail   rect // the same box in a narrow window
	help           rect
	status         rect
}

// tlBody returns the timeline's drawing area: inside the border when it
// is a pane.
func (l layout) tlBody() (x, y, w int, line bool) {
	if l.tlLine {
		return l.tl.x, l.tl.y, l.tl.w, true
	}
	iw, _ := ui.PaneInner(l.tl.w, l.tl.h)
	return l.tl.x + (l.tl.w-iw)/2, l.tl.y + 1, iw, false
}

// wideMinHeight is the height below which even a wide window stacks its
// panes like a narrow one: the timeline pane would leave no room for text.
const wideMinHeight = 16

func (m *Model) computeLayout() layout {
	W, H := m.width, m.height
	var l layout
	if W < ui.MinWidth || H < ui.MinHeight {
		l.tooSmall = true
		return l
	}
	l.wide = W >= ui.WideWidth && H >= wideMinHeight
	tlH := 1
	if l.wide {
		tlH = 2 + ui.TimelineLines
	} else {
		l.tlLine = true
	}
	searchH := 0
	if m.search.showing() {
		searchH = 1
	}
	helpH := 0
	if m.showHelp {
		helpH = strings.Count(m.help.FullHelpView(m.keys.FullHelp()), "\n") + 1
	}
	const minMain = 3
	mainH := H - tlH - searchH - helpH - 1
	if mainH < minMain {
		helpH = max(helpH-(minMain-mainH), 0)
		mainH = H - tlH - searchH - helpH - 1
	}
	if mainH < minMain && !l.wide {
		tlH = 0
		mainH = H - searchH - helpH - 1
	}
	if mainH < minMain {
		searchH = 0
		mainH = H - tlH - helpH - 1
	}
	y := 0
	l.tl = rect{0, y, W, tlH}
	y += tlH
	l.search = rect{0, y, W, searchH}
	y += searchH
	if l.wide {
		lw := min(max(W*2/5, 36), W-40)
		l.list = rect{0, y, lw, mainH}
		l.detail = rect{lw, y, W - lw, mainH}
	} else {
		l.list = rect{0, y, W, mainH}
		l.detail = l.list
	}
	y += mainH
	l.help = rect{0, y, W, helpH}
	y += helpH
	l.status = rect{0, y, W, 1}
	return l
}

// relayout recomputes the layout and sizes the panes to it. When the
// article pane's width changes, the article is rendered again for it.
func (m *Model) relayout() tea.Cmd {
	l := m.computeLayout()
	m.lay = l
	m.help.Width = m.width
	m.list.width, m.list.height = ui.PaneInner(l.list.w, l.list.h)
	m.list.clampScroll()
	m.search.input.Width = max(m.width-len(m.search.input.Prompt)-2, 1)
	w, h := ui.PaneInner(l.detail.w, l.detail.h)
	resized := w != m.detail.vp.Width
	m.detail.vp.Width, m.detail.vp.Height = w, h
	m.detail.vp.SetYOffset(m.detail.vp.YOffset) // re-clamp to the new height
	if l.tooSmall {
		return nil
	}
	if m.detail.doc < 0 && l.wide {
		if d := m.list.selected(); d >= 0 {
			return m.open(d, m.hlQuery(), false)
		}
	}
	if resized && m.detail.doc >= 0 {
		return m.requestRender()
	}
	return nil
}

func (m *Model) timelineView() ui.TimelineView {
	v := ui.TimelineView{
		TL:       m.timeline.tl,
		Selected: m.selectedMonth(),
		Cursor:   m.timeline.cursor,
		Focused:  m.focus == FocusTimeline,
	}
	if m.search.hits != nil {
		v.Hits, v.HitsOff = m.search.counts, m.search.off
		if v.Hits == nil {
			v.Hits = []int{}
		}
	}
	return v
}

// View implements tea.Model. It only slices and styles what is on screen.
func (m Model) View() string {
	l := m.lay
	if l.tooSmall {
		return ui.TooSmall(m.styles, m.width, m.height)
	}
	st := m.styles
	var parts []string
	if l.tl.h > 0 {
		v := m.timelineView()
		if l.tlLine {
			parts = append(parts, ui.RenderTimelineLine(v, st, l.tl.w))
		} else {
			tw, _ := ui.PaneInner(l.tl.w, l.tl.h)
			body := ui.RenderTimeline(v, st, tw)
			parts = append(parts, ui.Pane(st, m.timelineTitle(), body, l.tl.w, l.tl.h, m.focus == FocusTimeline))
		}
	}
	if l.search.h > 0 {
		parts = append(parts, ui.Fit(m.search.input.View(), l.search.w, 1))
	}
	if l.list.h > 0 {
		switch {
		case l.wide:
			parts = append(parts, ui.Beside(m.listPane(), m.detailPane()))
		case m.focus == FocusArticle:
			parts = append(parts, m.detailPane())
		default:
			parts = append(parts, m.listPane())
		}
	}
	if l.help.h > 0 {
		parts = append(parts, ui.Fit(m.help.FullHelpView(m.keys.FullHelp()), l.help.w, l.help.h))
	}
	if m.err != nil {
		parts = append(parts, ui.StatusError(st, errorText(m.err), l.status.w))
	} else {
		left := m.statusText()
		parts = append(parts, ui.Status(st, left, m.paneHelp(min(l.status.w/2-2, l.status.w-ansi.StringWidth(left)-2)), l.status.w))
	}
	return ui.Join(parts...)
}

func (m *Model) listPane() string {
	l := &m.list
	empty := "no articles"
	switch {
	case m.loading:
		empty = "loading…"
	case m.search.hits != nil:
		empty = "no matches"
	case m.timeline.filter != filterNone:
		empty = "no articles in " + m.Filter()
	case m.bookmarksOnly:
		empty = "no bookmarks"
	}
	v := ui.ListView{
		Arts: m.arts, Order: l.order, Hits: l.hits,
		Offset: l.offset, Cursor: l.cursor,
		Focused:     m.focus == FocusList,
		Empty:       empty,
		SourceWidth: m.sourceW,
	}
	if m.marksOn() {
		v.Marks = m.markOf
	}
	if v.Hits == nil && m.search.hits != nil {
		v.Hits = []search.Hit{}
	}
	title := "Articles"
	if m.search.hits != nil {
		title = "Hits"
	}
	if len(l.order) > 0 {
		title += fmt.Sprintf(" %d/%d", l.cursor+1, len(l.order))
	}
	body := ui.RenderList(v, m.styles, l.width, l.height)
	return ui.Pane(m.styles, title, body, m.lay.list.w, m.lay.list.h, m.focus == FocusList)
}

func (m *Model) detailPane() string {
	d := &m.detail
	title := "Article"
	body := ""
	switch {
	case d.doc < 0:
		body = m.styles.Muted.Render("no article selected")
	case !d.ready || d.have.doc != d.doc:
		body = m.styles.Muted.Render("rendering…")
	default:
		body = d.vp.View()
	}
	if d.doc >= 0 && d.doc < len(m.arts) {
		a := &m.arts[d.doc]
		title = a.Date.Truncate(corpus.PrecDay).Text()
		if a.Source != "" {
			title += " · " + a.Source
		}
		if d.ready && d.vp.TotalLineCount() > d.vp.Height {
			title += fmt.Sprintf(" · %d%%", int(d.vp.ScrollPercent()*100))
		}
	}
	return ui.Pane(m.styles, title, body, m.lay.detail.w, m.lay.detail.h, m.focus == FocusArticle)
}

func (m *Model) timelineTitle() string {
	tl := m.timeline.tl
	title := "Timeline"
	if y0, y1, ok := tl.YearRange(); ok {
		title += fmt.Sprintf(" %d–%d", y0, y1)
	}
	if m.focus == FocusTimeline && m.timeline.cursor >= 0 {
		c := m.timeline.cursor
		title += fmt.Sprintf(" · %s: %d", corpus.MonthDate(c).Text(), tl.Count(c))
	}
	return title
}
