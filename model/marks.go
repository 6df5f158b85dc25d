package model

import tea "github.com/charmbracelet/bubbletea"

// offNote is the note for m and M without a place to keep bookmarks.
const offNote = "bookmarks are off: no place to keep them"

// markRead records that the open article was read.
func (m *Model) markRead() tea.Cmd {
	if d := m.article.Doc(); m.focus == FocusArticle && d >= 0 && d < len(m.arts) {
		return m.marks.MarkRead(m.arts[d].ID)
	}
	return nil
}

// toggleBookmark bookmarks article doc, or takes its bookmark away.
func (m *Model) toggleBookmark(doc int) tea.Cmd {
	if m.marks == nil {
		m.note = offNote
		return nil
	}
	if doc < 0 || doc >= len(m.arts) {
		return nil
	}
	on, save := m.marks.ToggleBookmark(m.arts[doc].ID)
	m.note = "bookmark removed"
	if on {
		m.note = "bookmarked"
	}
	if m.bookmarksOnly {
		// The article may have left the list: the pane follows the list.
		m.refreshList(m.list.Selected())
		return tea.Batch(save, m.selectionChanged())
	}
	return save
}

// toggleBookmarksOnly shows only bookmarked articles, or all again.
func (m *Model) toggleBookmarksOnly() tea.Cmd {
	if m.marks == nil {
		m.note = offNote
		return nil
	}
	m.bookmarksOnly = !m.bookmarksOnly
	m.refreshList(m.list.Selected())
	if m.bookmarksOnly && m.list.Len() == 0 {
		m.note = "no bookmarks yet: m bookmarks an article"
	}
	return m.selectionChanged()
}
