package model

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus/load"
)

// filesChangedMsg carries what changed in a watched folder.
type filesChangedMsg struct{ changes []load.Change }

// FilesChanged wraps a batch from load.Watch for tea.Program.Send: the
// reader takes the files in, changed or gone, keeping its selection.
func FilesChanged(cs []load.Change) tea.Msg { return filesChangedMsg{changes: cs} }

// applyChanges puts a live folder's changes into a new corpus: a changed
// file replaces its article (keeping its ID, so its marks stay), a new
// one is added, a removed one leaves. The panes take the new corpus whole
// (sorted and counted again, the index rebuilt off the UI's path), and
// the selected and open articles stay selected and open by ID.
func (m *Model) applyChanges(cs []load.Change) tea.Cmd {
	next, old, skips := load.Apply(m.arts, cs)
	m.over.Skipped.SetSkipped(skips)
	sel, open := old(m.list.Selected()), old(m.article.Doc())
	m.arts = next
	m.list.SetArticles(m.arts)
	m.timeline.SetArticles(m.arts, 0)
	m.stale = [2]int{-1, -1}
	cmd := m.search.Reindex(m.arts, old)
	m.refreshList(sel)
	changed := false
	for _, c := range cs {
		changed = changed || open >= 0 && c.Path == m.arts[open].File
	}
	switch {
	case open >= 0 && !changed:
		m.article.Renumber(open, &m.arts[open])
		return cmd
	case open >= 0:
		m.article.Forget() // its text changed
		return tea.Batch(cmd, m.open(open, m.hlQuery(), false))
	}
	m.article.Forget()
	return tea.Batch(cmd, m.selectionChanged())
}
