package model

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/load"
	"dossier/model/article"
	"dossier/model/common"
	"dossier/model/list"
	"dossier/model/search"
	"dossier/model/timeline"
)

// batchLoadedMsg carries articles the loader has parsed, in arrival order.
type batchLoadedMsg struct{ arts []corpus.Article }

// loadDoneMsg says the loader has finished.
type loadDoneMsg struct {
	skipped []load.Skipped
	err     error
}

// BatchLoaded wraps a batch from load.Options.Progress for
// tea.Program.Send: the list fills as files arrive.
func BatchLoaded(arts []corpus.Article) tea.Msg { return batchLoadedMsg{arts: arts} }

// LoadDone tells the reader that load.Load has returned; the search
// index is built after it.
func LoadDone(skipped []load.Skipped, err error) tea.Msg {
	return loadDoneMsg{skipped: skipped, err: err}
}

// route turns what a pane says upward into calls on the panes that care.
func (m *Model) route(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case common.NotedMsg:
		m.note = msg.Text
		return nil, true
	case list.SelectionChangedMsg, timeline.BrowsedMsg, search.BrowsedMsg:
		switch msg := msg.(type) {
		case timeline.BrowsedMsg:
			m.list.MoveTo(m.list.Cursor() + msg.Delta)
		case search.BrowsedMsg:
			m.list.MoveTo(m.list.Cursor() + msg.Delta)
		}
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
		return nil, true
	case article.StepRequestedMsg:
		i := m.list.Cursor() + msg.Delta
		if i < 0 || i >= m.list.Len() {
			m.note = "no more articles"
			return nil, true
		}
		m.list.MoveTo(i)
		q := m.hlQuery()
		return m.open(m.list.Selected(), q, q != ""), true
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
		return nil, true
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
		return nil, true
	}
	return nil, false
}

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
	if m.list.Len() == 0 {
		m.note = "no articles in " + m.Filter()
	}
	return m.selectionChanged()
}
