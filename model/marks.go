package model

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/store"
)

// Read marks and bookmarks. The marks live in memory and every change is
// saved by a command, off the UI's path, stamped with a generation so a
// slow save never undoes a newer one (see store.Saver).

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
	return m.save(store.Change{Corpus: m.stateKey, ID: id, On: true})
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
	on := !m.marks.Bookmarks[id]
	if on {
		m.marks.Bookmarks[id] = true
		m.note = "bookmarked"
	} else {
		delete(m.marks.Bookmarks, id)
		m.note = "bookmark removed"
	}
	save := m.save(store.Change{Corpus: m.stateKey, ID: id, Bookmark: true, On: on})
	if m.bookmarksOnly {
		// The article may have left the list: the pane follows the list.
		m.refreshList(m.list.selected())
		return tea.Batch(save, m.selectionChanged())
	}
	return save
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

// save writes a change in a command, stamped with a generation so the
// saver can tell a late save from a newer one.
func (m *Model) save(c store.Change) tea.Cmd {
	if m.saver == nil {
		return nil
	}
	m.saveGen++
	gen, sv := m.saveGen, m.saver
	return func() tea.Msg { return stateSavedMsg{err: sv.Save(gen, c)} }
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
