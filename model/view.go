package model

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/model/overlay"
	"dossier/ui"

	"github.com/charmbracelet/bubbles/key"
)

// resize lays the screen out for a w×h window and hands each pane its
// box; the layout changes on nothing else. The same layout routes the
// mouse, so drawing and clicks agree.
func (m *Model) resize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.lay = ui.Layout(m.width, m.height)
	l, was := m.lay, m.article.Width()
	m.timeline.SetSize(l.Timeline.W, l.Timeline.H)
	m.search.SetSize(m.width, 1)
	m.list.SetSize(l.List.W, l.List.H)
	m.article.SetSize(l.Article.W, l.Article.H)
	m.over.SetSize(l.Body.W, l.Body.H)
	if was != m.article.Width() && m.article.Doc() >= 0 && !l.TooSmall {
		return m.article.Refresh()
	}
	return nil
}

// settle brings what follows from the state up to date after a message:
// the article a wide window shows, the text the panes show.
func (m *Model) settle() tea.Cmd {
	m.list.SetEmpty(m.emptyText())
	// Snippets for the hits about to be drawn, and a screen either side.
	c, n := m.list.Cursor(), max(m.lay.List.H/ui.ListItemHeight(true), 1)
	m.search.Detail(c-n, c+2*n)
	m.timeline.SetSelected(m.selectedMonth())
	if m.lay.TooSmall || m.article.Doc() >= 0 || !m.lay.Wide {
		return nil
	}
	if d := m.list.Selected(); d >= 0 {
		return m.open(d, m.hlQuery(), false)
	}
	return nil
}

// View implements tea.Model: the panes' views, joined.
func (m Model) View() string {
	l, st := m.lay, m.styles
	if l.TooSmall {
		return ui.TooSmall(st, m.width, m.height)
	}
	var parts []string
	if l.Timeline.H > 0 {
		parts = append(parts, m.timeline.View())
	}
	switch {
	case m.over.Open != overlay.None:
		parts = append(parts, m.over.View())
	case l.Wide:
		parts = append(parts, ui.Beside(m.list.View(), m.article.View()))
	case m.focus == FocusArticle:
		parts = append(parts, m.article.View())
	default:
		parts = append(parts, m.list.View())
	}
	switch {
	case m.search.Active():
		// The search line takes the status line's place while it is typed
		// in, as a filter takes the title's in bubbles' list.
		parts = append(parts, ui.SearchLine(st, m.search.View(), m.search.Status(), l.Status.W))
	case m.feed.Err() != nil:
		parts = append(parts, ui.StatusError(st, fmt.Sprintf("error: %v", m.feed.Err()), l.Status.W))
	default:
		left := m.statusText()
		var hints []string
		for _, b := range m.paneKeys() {
			hints = append(hints, b.Help().Key+" "+b.Help().Desc)
		}
		tail := m.keys.Quit.Help().Key + " " + m.keys.Quit.Help().Desc
		if m.over.Open == overlay.None {
			tail = m.keys.Help.Help().Key + " " + m.keys.Help.Help().Desc + " · " + tail
		}
		right := ui.Hints(hints, tail, min(l.Status.W/2-2, l.Status.W-ansi.StringWidth(left)-2))
		parts = append(parts, ui.Status(st, left, right, l.Status.W))
	}
	return ui.Join(parts...)
}

// statusText is the left side of the status line.
func (m *Model) statusText() string {
	loading := m.feed.Loading()
	found, total, indexing := m.feed.Progress()
	f := ui.StatusFacts{
		Source: m.source, Articles: len(m.arts()), Shown: m.list.Len(), Loading: loading,
		Found: found, Total: total,
		Indexing: loading && indexing || !loading && len(m.arts()) > 0 && !m.search.Indexed(),
		Filter:   m.timeline.Label(), BookmarksOnly: m.bookmarksOnly, Skipped: m.over.Skipped.Dropped(), Note: m.note,
	}
	if m.search.InArticle() || m.article.Finding() {
		if m.article.Query() != "" {
			f.Search = m.article.MatchText()
		}
	} else {
		f.Search = m.search.Status()
	}
	if m.focus == FocusArticle && !m.article.Finding() && m.article.Matches() > 0 {
		f.Matches = m.article.MatchText()
	}
	if m.focus == FocusTimeline && !m.lay.Wide {
		f.Timeline = m.timeline.CursorText()
	}
	if m.search.Hits() == nil {
		f.Sort = m.list.SortName()
	}
	return ui.StatusText(f)
}

// emptyText is what the list says when it has no rows.
func (m *Model) emptyText() string {
	switch {
	case m.feed.Loading():
		return "loading…"
	case m.search.Hits() != nil:
		return "no matches"
	case !m.timeline.Filter().IsZero():
		return "no articles in " + m.timeline.Label()
	case m.bookmarksOnly:
		return "no bookmarks"
	}
	return "no articles"
}

// selectedMonth is the month of the selected article, or of the open one
// while the article pane has focus; -1 when it has none.
func (m *Model) selectedMonth() int {
	d := m.list.Selected()
	if m.focus == FocusArticle && m.article.Doc() >= 0 {
		d = m.article.Doc()
	}
	if d < 0 || d >= len(m.arts()) {
		return -1
	}
	return m.arts()[d].Date.MonthIndex()
}

// paneKeys are the few keys that matter in the focused pane, most useful
// first, for the status line.
func (m *Model) paneKeys() []key.Binding {
	switch {
	case m.search.Active():
		return m.search.ShortHelp()
	case m.over.Open != overlay.None:
		return m.keys.Overlays.ShortHelp(m.over.Open)
	case m.focus == FocusTimeline:
		return m.keys.Timeline.ShortHelp()
	case m.focus == FocusArticle:
		return m.article.ShortHelp()
	}
	l := m.keys.List
	return []key.Binding{l.Down, l.Open, m.keys.Search, m.keys.Quotes, l.Sort}
}
