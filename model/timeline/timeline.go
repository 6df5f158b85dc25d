// Package timeline is the timeline pane: when the corpus was written, a
// cursor month, and the filter the cursor puts on the list (enter filters
// to the cursor's year, again to its month). The counts per month are
// corpus.Timeline's; while searching the marks show the hits instead.
//
// Upward it sends FilterChangedMsg with the filter as a corpus.Range,
// BrowsedMsg for up and down (they walk the list), BackPressedMsg and
// common.NotedMsg. The root keeps it current with SetArticles, SetHits and
// SetSelected.
package timeline

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/model/common"
	"dossier/ui"
)

// FilterChangedMsg says the filter changed: Range is the dates the list
// keeps, zero for every article.
type FilterChangedMsg struct{ Range corpus.Range }

// BrowsedMsg says the reader walked the list by Delta rows from the
// timeline.
type BrowsedMsg struct{ Delta int }

// BackPressedMsg says esc was pressed with no filter to clear.
type BackPressedMsg struct{}

// filterKind is how the timeline narrows the list.
type filterKind int

const (
	filterNone filterKind = iota
	filterYear
	filterMonth
)

// Model is the timeline pane.
type Model struct {
	keys   KeyMap
	styles ui.Styles

	tl       corpus.Timeline
	cursor   int // MonthIndex, -1 when nothing is dated
	filter   filterKind
	year     int   // the filtered year
	month    int   // the filtered MonthIndex
	hits     []int // hits per month while searching, else nil
	hitsOff  int   // hits with no month on the axis
	selected int   // the selected article's month

	w, h    int
	focused bool
}

// New returns an empty timeline.
func New(keys KeyMap, st ui.Styles) Model {
	return Model{keys: keys, styles: st, cursor: -1, selected: -1}
}

// SetSize sets the pane's box: one line draws the one-line form, more a
// bordered pane.
func (m *Model) SetSize(w, h int) { m.w, m.h = max(w, 0), max(h, 0) }

// Focus gives the timeline the keyboard, putting the cursor on the
// selected article's month the first time.
func (m *Model) Focus() {
	m.focused = true
	if m.cursor < 0 {
		m.cursor = m.selected
		m.moveCursor(0)
	}
}

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// SetArticles takes arts, of which those from index from on are new.
func (m *Model) SetArticles(arts []corpus.Article, from int) {
	if from == 0 {
		m.tl = corpus.NewTimeline(arts)
		return
	}
	for i := from; i < len(arts); i++ {
		m.tl.Add(&arts[i])
	}
}

// SetHits shows the spread of search hits docs, articles of arts; nil
// shows the corpus again.
func (m *Model) SetHits(arts []corpus.Article, docs []int) {
	if docs == nil {
		m.hits, m.hitsOff = nil, 0
		return
	}
	m.hits = m.tl.CountsOf(arts, docs)
	if m.hits == nil {
		m.hits = []int{}
	}
	m.hitsOff = 0
	for _, d := range docs {
		if mi := arts[d].Date.MonthIndex(); mi < m.tl.First || mi > m.tl.Last {
			m.hitsOff++
		}
	}
}

// SetSelected marks month (a MonthIndex, -1 for none) as the selected
// article's.
func (m *Model) SetSelected(month int) { m.selected = month }

// Cursor is the cursor's MonthIndex, -1 for none.
func (m Model) Cursor() int { return m.cursor }

// Filter is the dates the list keeps; zero for all.
func (m Model) Filter() corpus.Range {
	switch m.filter {
	case filterYear:
		return corpus.YearRange(m.year)
	case filterMonth:
		return corpus.MonthRange(m.month)
	}
	return corpus.Range{}
}

// Label names the filter, "2023" or "2023-02", "" for none.
func (m Model) Label() string {
	switch m.filter {
	case filterYear:
		return fmt.Sprintf("%04d", m.year)
	case filterMonth:
		return corpus.MonthDate(m.month).Text()
	}
	return ""
}

// CursorText is "2021-06: 1", the cursor's month and its count, "" when
// there is no cursor.
func (m Model) CursorText() string {
	if m.cursor < 0 {
		return ""
	}
	return fmt.Sprintf("%s: %d", corpus.MonthDate(m.cursor).Text(), m.tl.Count(m.cursor))
}

// Timeline is the counts the pane draws.
func (m Model) Timeline() corpus.Timeline { return m.tl }

// moveCursor moves the cursor by d months, staying on the axis.
func (m *Model) moveCursor(d int) {
	if !m.tl.Dated() {
		m.cursor = -1
		return
	}
	if m.cursor < 0 {
		m.cursor = m.tl.Last
	}
	m.cursor = m.tl.Clamp(m.cursor + d)
}

// narrow applies enter: the cursor's year first, then, on the same year,
// its month.
func (m *Model) narrow() {
	if m.cursor < 0 {
		return
	}
	y := corpus.MonthYear(m.cursor)
	if m.filter == filterYear && m.year == y || m.filter == filterMonth && corpus.MonthYear(m.month) == y {
		m.filter, m.month = filterMonth, m.cursor
		return
	}
	m.filter, m.year = filterYear, y
}

func (m Model) filterChanged() tea.Cmd { return common.Emit(FilterChangedMsg{Range: m.Filter()}) }

// Update handles the timeline's keys and the mouse over its box, in
// coordinates relative to the box.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		if tea.MouseEvent(msg).IsWheel() {
			dir := 1
			if msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelLeft {
				dir = -1
			}
			m.moveCursor(dir)
			return m, nil
		}
		bx, by, bw, line := m.body()
		mo := ui.TimelineAt(m.view(), bw, msg.X-bx, msg.Y-by, line)
		if mo < 0 {
			return m, nil
		}
		m.cursor = mo
		if !line && msg.Y-by == 2 { // a year label
			m.filter, m.year = filterYear, corpus.MonthYear(mo)
			return m, m.filterChanged()
		}
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.MonthPrev):
		m.moveCursor(-1)
	case key.Matches(msg, k.MonthNext):
		m.moveCursor(1)
	case key.Matches(msg, k.YearPrev):
		m.moveCursor(-12)
	case key.Matches(msg, k.YearNext):
		m.moveCursor(12)
	case key.Matches(msg, k.Filter):
		if m.cursor < 0 {
			return m, common.Emit(common.NotedMsg{Text: "no dated articles"})
		}
		m.narrow()
		return m, m.filterChanged()
	case key.Matches(msg, k.ClearFilter):
		if m.filter != filterNone {
			m.filter = filterNone
			return m, m.filterChanged()
		}
		if key.Matches(msg, k.Back) {
			return m, common.Emit(BackPressedMsg{})
		}
	case key.Matches(msg, k.Up):
		return m, common.Emit(BrowsedMsg{Delta: -1})
	case key.Matches(msg, k.Down):
		return m, common.Emit(BrowsedMsg{Delta: 1})
	}
	return m, nil
}

// ClearFilter takes the filter away without a message: the root does it
// when esc on the list clears the filter.
func (m *Model) ClearFilter() { m.filter = filterNone }

// line reports whether the pane draws the one-line form.
func (m Model) line() bool { return m.h < 3 }

// body returns the drawing area inside the box: inside the border when
// the timeline is a pane.
func (m Model) body() (x, y, w int, line bool) {
	if m.line() {
		return 0, 0, m.w, true
	}
	iw, _ := ui.PaneInner(m.w, m.h)
	return (m.w - iw) / 2, 1, iw, false
}

func (m Model) view() ui.TimelineView {
	return ui.TimelineView{
		TL: m.tl, Selected: m.selected, Cursor: m.cursor, Focused: m.focused,
		Hits: m.hits, HitsOff: m.hitsOff,
	}
}

// title is "Timeline 2018–2024", with the cursor's month and count while
// the pane has focus.
func (m Model) title() string {
	title := "Timeline"
	if y0, y1, ok := m.tl.YearRange(); ok {
		title += fmt.Sprintf(" %d–%d", y0, y1)
	}
	if m.focused && m.cursor >= 0 {
		title += " · " + m.CursorText()
	}
	return title
}

// View draws the one-line form or the pane.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.line() {
		return ui.RenderTimelineLine(m.view(), m.styles, m.w)
	}
	_, _, bw, _ := m.body()
	return ui.Pane(m.styles, m.title(), ui.RenderTimeline(m.view(), m.styles, bw), m.w, m.h, m.focused)
}
