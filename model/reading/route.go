package reading

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/model/article"
	"dossier/model/common"
	"dossier/model/feed"
	"dossier/model/list"
	"dossier/model/search"
	"dossier/model/timeline"
)

// note says text on the status line, through the root.
func note(text string) tea.Cmd { return common.Emit(common.NotedMsg{Text: text}) }

// route turns what a pane says upward into calls on the panes that care,
// and takes the corpus from the feed.
func (m *Model) route(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case feed.GrewMsg:
		m.grew(msg.Arts, msg.From)
		if m.article.Doc() < 0 || (!m.list.Touched() && m.list.Selected() != m.article.Doc()) {
			return m.selectionChanged(), true
		}
	case feed.ReplacedMsg:
		return m.replace(msg), true
	case feed.UnindexedMsg:
		return m.search.Index(msg.Arts), true
	case ShowQuoteMsg:
		if msg.Doc < 0 || msg.Doc >= len(m.arts) {
			return nil, true
		}
		m.list.SelectDoc(msg.Doc)
		m.setFocus(FocusArticle)
		return m.article.ShowQuote(msg.Doc, &m.arts[msg.Doc], msg.Quote), true
	case SearchForMsg:
		m.setFocus(FocusList)
		return m.resolve(m.search.AddOperator(msg.Op, msg.Value)), true
	case list.SelectionChangedMsg:
		return m.selectionChanged(), true
	case timeline.BrowsedMsg:
		m.list.MoveTo(m.list.Cursor() + msg.Delta)
		return m.selectionChanged(), true
	case search.BrowsedMsg:
		m.list.MoveTo(m.list.Cursor() + msg.Delta)
		return m.selectionChanged(), true
	case list.OpenedMsg:
		m.setFocus(FocusArticle)
		q := m.hlQuery()
		return m.open(msg.Doc, q, q != ""), true
	case list.SortChangedMsg:
		m.refreshList(m.list.Selected())
		return m.selectionChanged(), true
	case list.BackPressedMsg:
		if m.search.Hits() != nil {
			return m.clearSearch(), true
		}
		if !m.timeline.Filter().IsZero() {
			m.timeline.ClearFilter()
			m.refreshList(m.list.Selected())
		}
	case article.StepRequestedMsg:
		return m.step(msg.Delta), true
	case article.FindClosedMsg:
		return m.open(m.article.Doc(), m.hlQuery(), false), true
	case article.BackPressedMsg, timeline.BackPressedMsg:
		return m.setFocus(FocusList), true
	case timeline.FilterChangedMsg:
		if m.timeline.Filter().IsZero() {
			m.refreshList(m.list.Selected())
			return m.selectionChanged(), true
		}
		return m.applyFilter(), true
	case search.QueryChangedMsg:
		switch {
		case msg.InArticle && msg.Seq > m.findSeq:
			m.findSeq = msg.Seq
			m.article.SetFinding(msg.Query != "")
			return m.open(m.article.Doc(), msg.Query, true), true
		case !msg.InArticle && m.search.Hits() == nil && msg.Query == "":
			m.timeline.SetHits(m.arts, nil)
			m.refreshList(m.list.Selected())
		}
	case search.HitsChangedMsg:
		if m.search.Hits() == nil {
			return nil, true // left since
		}
		docs := make([]int, 0, len(m.search.Hits()))
		for _, h := range m.search.Hits() {
			docs = append(docs, h.Doc)
		}
		m.timeline.SetHits(m.arts, docs)
		m.refreshList(-1)
		m.list.MoveTo(0)
		return m.selectionChanged(), true
	case search.ClearedMsg:
		return m.clearSearch(), true
	case search.FindClosedMsg:
		m.article.SetFinding(false)
		return m.open(m.article.Doc(), m.hlQuery(), false), true
	case search.SubmittedMsg:
		if d := m.list.Selected(); d >= 0 && m.search.Hits() != nil {
			m.setFocus(FocusArticle)
			return m.open(d, m.search.Query(), true), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// grew takes in the articles from on, a batch: the date order, the
// timeline and the visible list are updated incrementally, keeping the
// selection.
func (m *Model) grew(arts []corpus.Article, from int) {
	m.arts = arts
	if from >= len(arts) {
		return
	}
	m.timeline.SetArticles(arts, from)
	m.refreshList(m.list.AddArticles(arts, from))
}

// replace takes a new corpus (see feed.ReplacedMsg): sorted and counted
// again, the index rebuilt off the UI's path (or the corpus's own taken),
// the hits kept by article. The selected and open articles stay selected
// and open, and the open one stays scrolled where it was unless its file
// changed.
func (m *Model) replace(r feed.ReplacedMsg) tea.Cmd {
	sel, open := r.Old(m.list.Selected()), r.Old(m.article.Doc())
	touched := m.list.Touched()
	m.arts = r.Arts
	keep := m.list.SetArticles(m.arts)
	if touched {
		keep = sel
	}
	m.timeline.SetArticles(m.arts, 0)
	cmd := m.search.Reindex(m.arts, r.Old, r.Index)
	m.refreshList(keep)
	switch {
	case open >= 0 && !r.Changed[m.arts[open].File]:
		m.article.Renumber(open, &m.arts[open])
		return cmd
	case open >= 0:
		m.article.Forget() // its text changed
		return tea.Batch(cmd, m.open(open, m.hlQuery(), false))
	}
	m.article.Forget()
	return tea.Batch(cmd, m.selectionChanged())
}

// refreshList recomputes the visible rows from the sort, the timeline
// filter, the bookmarks and the search hits, keeping article keep
// selected if it is still shown.
func (m *Model) refreshList(keep int) {
	f := list.Filter{Range: m.timeline.Filter()}
	if mk := m.opts.Marks; m.bookmarksOnly && mk != nil {
		f.Only = func(id string) bool { _, b := mk.Of(id); return b }
	}
	m.list.Refresh(m.search.Hits(), f, keep)
	m.scopeGen++
}

// selectionChanged follows the list's cursor in the article pane, when the
// pane is on screen.
func (m *Model) selectionChanged() tea.Cmd {
	d := m.list.Selected()
	if d < 0 {
		// An empty list (a filter, bookmarks only) shows no article, not
		// the last one it held.
		m.article.Clear()
		return nil
	}
	if !m.lay.Wide && m.focus != FocusArticle {
		return nil
	}
	return m.open(d, m.hlQuery(), false)
}

// step opens the article delta rows away in the list.
func (m *Model) step(delta int) tea.Cmd {
	i := m.list.Cursor() + delta
	if i < 0 || i >= m.list.Len() {
		return note("no more articles")
	}
	m.list.MoveTo(i)
	q := m.hlQuery()
	return m.open(m.list.Selected(), q, q != "")
}

// hlQuery is the highlight an article opened from the list gets: the
// corpus search's query while its hits are shown.
func (m *Model) hlQuery() string {
	if m.search.Hits() != nil && !m.search.InArticle() {
		return m.search.Query()
	}
	return ""
}

// open shows article doc in the article pane, highlighting query; toMatch
// scrolls to the first match once it is rendered.
func (m *Model) open(doc int, query string, toMatch bool) tea.Cmd {
	if doc < 0 || doc >= len(m.arts) {
		return nil
	}
	return m.article.Show(doc, &m.arts[doc], query, toMatch)
}

// ShowQuoteMsg asks the screen to select article Doc, focus it and show
// it scrolled to its quote Quote, highlighted: a pick in the quotes
// explorer.
type ShowQuoteMsg struct{ Doc, Quote int }

// SearchForMsg asks the screen to add Op:Value to the search and run it:
// a pick in the facets.
type SearchForMsg struct{ Op, Value string }

// clearSearch leaves search mode and puts the full list back, keeping the
// selected article.
func (m *Model) clearSearch() tea.Cmd {
	m.search.Clear()
	m.timeline.SetHits(m.arts, nil)
	m.refreshList(m.list.Selected())
	return m.selectionChanged()
}

// applyFilter narrows the list to the timeline's filter and selects the
// article nearest the cursor month.
func (m *Model) applyFilter() tea.Cmd {
	m.refreshList(-1)
	m.list.SelectNearest(m.timeline.Cursor())
	var cmd tea.Cmd
	if m.list.Len() == 0 {
		cmd = note("no articles in " + m.timeline.Label())
	}
	return tea.Batch(cmd, m.selectionChanged())
}

// Scope is the articles the list shows when it is narrowed (a search, the
// timeline, bookmarks only), nil when it shows them all; Gen changes
// whenever the list is refreshed, so a reader of Scope knows when to ask
// again.
func (m Model) Scope() (scope []int, gen int) {
	if m.search.Hits() != nil || !m.timeline.Filter().IsZero() || m.bookmarksOnly {
		scope = m.list.Order()
	}
	return scope, m.scopeGen
}

// Timeline is the corpus's timeline, as the timeline pane buckets it.
func (m Model) Timeline() corpus.Timeline { return m.timeline.Timeline() }
