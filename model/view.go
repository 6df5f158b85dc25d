package model

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"dossier/ui"
)

// relayout lays the screen out again when the size or the rows it is made
// of (the search line, the help) have changed, and hands each pane its
// box. The same layout routes the mouse, so drawing and clicks agree.
func (m *Model) relayout() {
	key := [4]int{m.width, m.height, 0, 0}
	if m.search.Showing() {
		key[2] = 1
	}
	if m.showHelp {
		key[3] = strings.Count(m.help.FullHelpView(m.keys.FullHelp()), "\n") + 1
	}
	if key == m.layKey {
		return
	}
	m.lay, m.layKey = ui.Layout(key[0], key[1], key[2], key[3]), key
	l := m.lay
	m.help.Width = m.width
	m.timeline.SetSize(l.Timeline.W, l.Timeline.H)
	m.search.SetSize(m.width, 1)
	m.list.SetSize(l.List.W, l.List.H)
	m.article.SetSize(l.Article.W, l.Article.H)
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
	if l.Search.H > 0 {
		parts = append(parts, m.search.View())
	}
	switch {
	case l.List.H <= 0:
	case l.Wide:
		parts = append(parts, ui.Beside(m.list.View(), m.article.View()))
	case m.focus == FocusArticle:
		parts = append(parts, m.article.View())
	default:
		parts = append(parts, m.list.View())
	}
	if l.Help.H > 0 {
		parts = append(parts, ui.Fit(m.help.FullHelpView(m.keys.FullHelp()), l.Help.W, l.Help.H))
	}
	if m.err != nil {
		return ui.Join(append(parts, ui.StatusError(st, fmt.Sprintf("error: %v", m.err), l.Status.W))...)
	}
	left := m.statusText()
	var hints []string
	for _, b := range m.paneKeys() {
		hints = append(hints, b.Help().Key+" "+b.Help().Desc)
	}
	tail := m.keys.Help.Help().Key + " " + m.keys.Help.Help().Desc
	right := ui.Hints(hints, tail, min(l.Status.W/2-2, l.Status.W-ansi.StringWidth(left)-2))
	return ui.Join(append(parts, ui.Status(st, left, right, l.Status.W))...)
}

// statusText is the left side of the status line.
func (m *Model) statusText() string {
	f := ui.StatusFacts{
		Source: m.source, Articles: len(m.arts), Shown: m.list.Len(), Loading: m.loading,
		Filter: m.Filter(), BookmarksOnly: m.bookmarksOnly, Skipped: m.skipped, Note: m.note,
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
	case m.loading:
		return "loading…"
	case m.search.Hits() != nil:
		return "no matches"
	case !m.timeline.Filter().IsZero():
		return "no articles in " + m.Filter()
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
