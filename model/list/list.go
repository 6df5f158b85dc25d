// Package list is the article list pane: every article, or the filtered or
// searched few, in date or title order, with a cursor. It holds article
// indexes, never articles, so moving the cursor is O(1) and only the rows
// on screen are drawn, whatever the corpus size.
//
// Upward it sends SelectionChangedMsg, OpenedMsg, SortChangedMsg and
// BackPressedMsg; the root decides what the rest of the screen does about
// them and hands the list its rows with SetItems.
package list

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/search"
	"dossier/model/common"
	"dossier/ui"
)

// SelectionChangedMsg says the cursor has moved to another row. Doc is the
// article under it, -1 for none. Messages may arrive late, so the root
// reads the list's current selection rather than trusting Doc.
type SelectionChangedMsg struct{ Doc int }

// OpenedMsg says the reader asked to read article Doc.
type OpenedMsg struct{ Doc int }

// SortChangedMsg says the base order changed; the rows must be recomputed.
type SortChangedMsg struct{ Sort string }

// BackPressedMsg says esc was pressed on the list: the root takes away the
// search or the timeline filter.
type BackPressedMsg struct{}

// sortMode is the list's order when it is not showing search hits.
type sortMode int

const (
	byDate  sortMode = iota // newest first, undated last
	byTitle                 // A to Z, case folded
)

func (s sortMode) String() string {
	if s == byTitle {
		return "by title"
	}
	return "by date"
}

// Model is the list pane.
type Model struct {
	keys   KeyMap
	styles ui.Styles

	arts    []corpus.Article
	byDate  []int // every article, newest first; kept sorted as batches arrive
	byTitle []int // every article by title; built on first use
	sort    sortMode

	order []int        // what is shown: a base order, filtered, or the hits
	hits  []search.Hit // parallel to order while searching, else nil

	cursor, offset int
	boxW, boxH     int // the pane's box
	width, height  int // inner size in cells
	touched        bool
	focused        bool
	empty          string
	marks          func(id string) (read, bookmarked bool)
}

// New returns an empty list with keys and styles.
func New(keys KeyMap, st ui.Styles) Model {
	return Model{keys: keys, styles: st, empty: "no articles"}
}

// SetSize sets the pane's box, border included.
func (m *Model) SetSize(w, h int) {
	m.boxW, m.boxH = max(w, 0), max(h, 0)
	m.width, m.height = ui.PaneInner(m.boxW, m.boxH)
	m.clampScroll()
}

// Focus gives the list the keyboard; Blur takes it away.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// SetEmpty sets what the list says when it has no rows.
func (m *Model) SetEmpty(s string) { m.empty = s }

// SetMarks sets how the list learns which articles were read and which
// are bookmarked, by ID; nil draws no marks.
func (m *Model) SetMarks(f func(id string) (read, bookmarked bool)) { m.marks = f }

// newer orders articles newest first, undated last, then by ID for a
// stable order between equal dates.
func newer(arts []corpus.Article) func(i, j int) int {
	return func(i, j int) int { return corpus.Newest(&arts[i], &arts[j]) }
}

// SetArticles takes arts in place of the articles the list had, sorted
// again; it returns the article to keep selected, as AddArticles does.
func (m *Model) SetArticles(arts []corpus.Article) (keep int) {
	m.byDate, m.byTitle = nil, nil
	return m.AddArticles(arts, 0)
}

// AddArticles takes arts, of which those from index from on are new, into
// the date order. The new batch is sorted on its own and merged, O(n + b
// log b), so a folder of 100,000 files streaming in batches does not
// re-sort the corpus per batch. It returns the article to keep selected
// when the rows are set again: until the reader moves, the list stays at
// its top as newer articles stream in above the first ones loaded.
func (m *Model) AddArticles(arts []corpus.Article, from int) (keep int) {
	keep = m.Selected()
	if !m.touched {
		keep = -1
		m.cursor, m.offset = 0, 0
	}
	m.arts = arts
	cmp := newer(arts)
	batch := make([]int, 0, len(arts)-from)
	for i := from; i < len(arts); i++ {
		batch = append(batch, i)
	}
	slices.SortFunc(batch, cmp)
	merged := make([]int, 0, len(m.byDate)+len(batch))
	i, j := 0, 0
	for i < len(m.byDate) && j < len(batch) {
		if cmp(m.byDate[i], batch[j]) <= 0 {
			merged = append(merged, m.byDate[i])
			i++
		} else {
			merged = append(merged, batch[j])
			j++
		}
	}
	m.byDate = append(append(merged, m.byDate[i:]...), batch[j:]...)
	m.byTitle = nil
	return keep
}

// base returns every article in the current sort order.
func (m *Model) base() []int {
	if m.sort == byDate {
		return m.byDate
	}
	arts := m.arts
	if len(m.byTitle) != len(arts) {
		folded := make([]string, len(arts))
		for i := range arts {
			folded[i] = strings.ToLower(arts[i].Title)
		}
		m.byTitle = make([]int, len(arts))
		for i := range m.byTitle {
			m.byTitle[i] = i
		}
		slices.SortStableFunc(m.byTitle, func(a, b int) int {
			if c := strings.Compare(folded[a], folded[b]); c != 0 {
				return c
			}
			return strings.Compare(arts[a].ID, arts[b].ID)
		})
	}
	return m.byTitle
}

// Filter says which articles the list shows: those within Range and, when
// Only is set, those it accepts by ID (bookmarks only).
type Filter struct {
	Range corpus.Range
	Only  func(id string) bool
}

func (f Filter) keeps(a *corpus.Article) bool {
	return f.Range.Contains(a.Date) && (f.Only == nil || f.Only(a.ID))
}

// Refresh recomputes the rows: the search hits in their rank while
// searching (hits not nil, perhaps empty), else every article in the sort
// order; both narrowed by f. Article keep stays selected if it is still
// shown.
func (m *Model) Refresh(hits []search.Hit, f Filter, keep int) {
	switch {
	case hits != nil:
		// Sized for all the hits, and no article read when no filter is
		// set: a keystroke's thousand hits are re-listed every time.
		all := f.Range.IsZero() && f.Only == nil
		m.order, m.hits = make([]int, 0, len(hits)), make([]search.Hit, 0, len(hits))
		for _, h := range hits {
			if h.Doc >= 0 && h.Doc < len(m.arts) && (all || f.keeps(&m.arts[h.Doc])) {
				m.order, m.hits = append(m.order, h.Doc), append(m.hits, h)
			}
		}
	case !f.Range.IsZero() || f.Only != nil:
		m.hits, m.order = nil, make([]int, 0, 64)
		for _, d := range m.base() {
			if f.keeps(&m.arts[d]) {
				m.order = append(m.order, d)
			}
		}
	default:
		m.hits, m.order = nil, m.base()
	}
	if !m.SelectDoc(keep) {
		m.MoveTo(m.cursor)
	}
}

// Detail lets fill complete the hits of rows from to to (their
// snippets): the list keeps its own copy of the hits, narrowed by its
// filter, so the rows are its own. Nothing to do while not searching.
func (m *Model) Detail(from, to int, fill func(hits []search.Hit, from, to int)) {
	if m.hits != nil {
		fill(m.hits, max(from, 0), min(to, len(m.hits)))
	}
}

// SelectNearest moves the cursor to the dated row nearest month (a
// MonthIndex), or to the first row when none is dated.
func (m *Model) SelectNearest(month int) {
	best, bestD := 0, -1
	for i, d := range m.order {
		if mi := m.arts[d].Date.MonthIndex(); mi >= 0 {
			if dist := max(mi-month, month-mi); bestD < 0 || dist < bestD {
				best, bestD = i, dist
			}
		}
	}
	m.MoveTo(best)
}

// Len is the number of rows.
func (m Model) Len() int { return len(m.order) }

// Touched reports whether the reader has moved in the list.
func (m Model) Touched() bool { return m.touched }

// Cursor is the row under the cursor.
func (m Model) Cursor() int { return m.cursor }

// Order returns the rows, article indexes in display order.
func (m Model) Order() []int { return m.order }

// SortName names the order, "by date" or "by title", for the status line.
func (m Model) SortName() string { return m.sort.String() }

// Selected returns the article under the cursor, -1 when the list is empty.
func (m Model) Selected() int {
	if m.cursor < 0 || m.cursor >= len(m.order) {
		return -1
	}
	return m.order[m.cursor]
}

// itemHeight is the lines one item takes.
func (m Model) itemHeight() int { return ui.ListItemHeight(m.hits != nil) }

// rows is how many items fit on screen, at least one.
func (m Model) rows() int { return max(m.height/m.itemHeight(), 1) }

// MoveTo puts the cursor on row i, clamped, and scrolls just enough to
// keep it on screen.
func (m *Model) MoveTo(i int) {
	m.cursor = min(max(i, 0), max(len(m.order)-1, 0))
	m.clampScroll()
}

func (m *Model) clampScroll() {
	rows := m.rows()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = min(max(m.offset, 0), max(len(m.order)-rows, 0))
}

// SelectDoc moves the cursor onto article doc if it is shown; it reports
// whether it was.
func (m *Model) SelectDoc(doc int) bool {
	if doc < 0 {
		return false
	}
	if i := slices.Index(m.order, doc); i >= 0 {
		m.MoveTo(i)
		return true
	}
	return false
}

// itemAt maps a line of the list's body to a row, -1 for none.
func (m Model) itemAt(y int) int {
	if y < 0 || y >= m.height {
		return -1
	}
	i := m.offset + y/m.itemHeight()
	if i >= len(m.order) {
		return -1
	}
	return i
}

// Update handles the list's keys and the mouse over its box, in
// coordinates relative to the box.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		m.touched = true
		ev := tea.MouseEvent(msg)
		if ev.IsWheel() {
			dir := 1
			if msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelLeft {
				dir = -1
			}
			m.MoveTo(m.cursor + dir)
			return m, m.selectionChanged()
		}
		if i := m.itemAt(msg.Y - 1); i >= 0 {
			m.MoveTo(i)
			return m, m.selectionChanged()
		}
	}
	return m, nil
}

func (m Model) selectionChanged() tea.Cmd {
	return common.Emit(SelectionChangedMsg{Doc: m.Selected()})
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	m.touched = true
	switch {
	case key.Matches(msg, k.Up):
		m.MoveTo(m.cursor - 1)
	case key.Matches(msg, k.Down):
		m.MoveTo(m.cursor + 1)
	case key.Matches(msg, k.Top):
		m.MoveTo(0)
	case key.Matches(msg, k.Bottom):
		m.MoveTo(len(m.order) - 1)
	case key.Matches(msg, k.PageUp):
		m.MoveTo(m.cursor - m.rows())
	case key.Matches(msg, k.PageDown):
		m.MoveTo(m.cursor + m.rows())
	case key.Matches(msg, k.Open):
		if d := m.Selected(); d >= 0 {
			return m, common.Emit(OpenedMsg{Doc: d})
		}
		return m, nil
	case key.Matches(msg, k.Sort):
		if m.hits != nil {
			return m, common.Emit(common.NotedMsg{Text: "search hits are ranked; esc to sort"})
		}
		m.sort = (m.sort + 1) % 2
		return m, common.Emit(SortChangedMsg{Sort: m.sort.String()})
	case key.Matches(msg, k.Back):
		return m, common.Emit(BackPressedMsg{})
	default:
		return m, nil
	}
	return m, m.selectionChanged()
}

// View draws the pane: its rows in a box titled "Articles 2/5", or "Hits"
// while searching.
func (m Model) View() string {
	v := ui.ListView{
		Arts: m.arts, Order: m.order, Hits: m.hits,
		Offset: m.offset, Cursor: m.cursor,
		Focused: m.focused,
		Empty:   m.empty,
	}
	if m.marks != nil {
		arts, marks := m.arts, m.marks
		v.Marks = func(doc int) (bool, bool) {
			if doc < 0 || doc >= len(arts) {
				return false, false
			}
			return marks(arts[doc].ID)
		}
	}
	title := "Articles"
	if m.hits != nil {
		title = "Hits"
	}
	if len(m.order) > 0 {
		title += fmt.Sprintf(" %d/%d", m.cursor+1, len(m.order))
	}
	body := ui.RenderList(v, m.styles, m.width, m.height)
	return ui.Pane(m.styles, title, body, m.boxW, m.boxH, m.focused)
}
