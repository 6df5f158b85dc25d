package reading

import (
	"github.com/charmbracelet/bubbles/key"

	"dossier/model/article"
	"dossier/model/list"
	"dossier/model/search"
	"dossier/model/timeline"
	"dossier/ui"
)

// Status fills in what the screen knows of the status line: the rows
// shown, the filter, the search or the find, the sort.
func (m Model) Status(f ui.StatusFacts) ui.StatusFacts {
	f.Shown, f.Filter, f.BookmarksOnly = m.list.Len(), m.timeline.Label(), m.bookmarksOnly
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
	return f
}

// Indexed reports whether search has its index.
func (m Model) Indexed() bool { return m.search.Indexed() }

// ShortHelp is the few keys that matter in the focused pane, most useful
// first, for the status line.
func (m Model) ShortHelp() []key.Binding {
	switch {
	case m.search.Active():
		return m.search.ShortHelp()
	case m.focus == FocusTimeline:
		return m.keys.Timeline.ShortHelp()
	case m.focus == FocusArticle:
		return m.article.ShortHelp()
	}
	l := m.keys.List
	return []key.Binding{l.Down, l.Open, m.keys.Search, m.keys.Quotes, l.Sort}
}

// emptyText is what the list says when it has no rows.
func (m *Model) emptyText() string {
	switch {
	case m.loading:
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
	if d < 0 || d >= len(m.arts) {
		return -1
	}
	return m.arts[d].Date.MonthIndex()
}

// The panes, as they are, for what the root shows of them and for tests.

// Focus is the pane that has the keyboard.
func (m Model) Focus() Focus { return m.focus }

// List is the list pane.
func (m Model) List() list.Model { return m.list }

// Article is the article pane.
func (m Model) Article() article.Model { return m.article }

// TimelinePane is the timeline pane.
func (m Model) TimelinePane() timeline.Model { return m.timeline }

// Search is the search line.
func (m Model) Search() search.Model { return m.search }
