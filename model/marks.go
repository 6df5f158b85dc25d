package model

import (
	tea "github.com/charmbracelet/bubbletea"
)

// Read marks and bookmarks. The marks live in memory and every change is
// saved by a command, off the UI's path, as a snapshot stamped with a
// generation so a slow save never overwrites a newer one.

// stateSavedMsg reports a save; an error goes to the status line.
type stateSavedMsg struct{ err error }

// marksOn reports whether the reader keeps state.
func (m *Model) marksOn() bool { return m.marks != nil }

// markOf answers the list's question about article doc.
func (m *Model) markOf(doc int) (read, bookmarked bool) {
	if m.marks == nil || doc < 0 || doc >= len(m.arts) {
		return false, false
	}
	id := m.arts[doc].ID
	return m.marks.Read[id], m.marks.Bookmarks[id]
}

// markRead records that the open article was read.
func (m *Model) markRead() tea.Cmd {
	d := m.detail.doc
	if m.marks == nil || m.focus != FocusArticle || d < 0 || d >= len(m.arts) {
		return nil
	}
	id := m.arts[d].ID
	if m.marks.Read[id] {
		return nil
	}
	m.marks.Read[id] = true
	return m.save()
}

// toggleBookmark bookmarks article doc, or takes its bookmark away.
func (m *Model) toggleBookmark(doc int) tea.Cmd {
	if m.marks == nil {
		m.note = "bookmarks are off: no place to keep them"
		return nil
	}
	if doc < 0 || doc >= len(m.arts) {
		return nil
	}
	id := m.arts[doc].ID
	if m.marks.Bookmarks[id] {
		delete(m.marks.Bookmarks, id)
		m.note = "bookmark removed"
	} else {
		m.marks.Bookmarks[id] = true
		m.note = "bookmarked"
	}
	if m.bookmarksOnly {
		m.refreshList(m.list.selected())
	}
	return m.save()
}

// toggleBookmarksOnly shows only bookmarked articles, or all again.
func (m *Model) toggleBookmarksOnly() tea.Cmd {
	if m.marks == nil {
		m.note = "bookmarks are off: no place to keep them"
		return nil
	}
	m.bookmarksOnly = !m.bookmarksOnly
	m.refreshList(m.list.selected())
	if m.bookmarksOnly && len(m.list.order) == 0 {
		m.note = "no bookmarks yet: m bookmarks an article"
	}
	return m.selectionChanged()
}

// save snapshots the state now and writes it in a command.
func (m *Model) save() tea.Cmd {
	if m.state == nil || m.saver == nil {
		return nil
	}
	m.saveGen++
	gen, snap, sv := m.saveGen, m.state.Snapshot(), m.saver
	return func() tea.Msg { return stateSavedMsg{err: sv.Save(gen, snap)} }
}

// keepBookmarked drops from order the articles that are not bookmarked,
// when the list shows bookmarks only.
func (m *Model) keepBookmarked(doc int) bool {
	if !m.bookmarksOnly || m.marks == nil {
		return true
	}
	_, b := m.markOf(doc)
	return b
}
