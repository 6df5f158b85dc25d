package model

import (
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
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
	at := make(map[string]int, len(m.arts))
	ids := make(map[string]bool, len(m.arts))
	for i := range m.arts {
		at[m.arts[i].File], ids[m.arts[i].ID] = i, true
	}
	arts := append([]corpus.Article(nil), m.arts...) // the old corpus may still be read off the UI's path
	gone := map[int]bool{}
	var skips []load.Skipped
	for _, c := range cs {
		if c.Skip != nil {
			skips = append(skips, *c.Skip)
		}
		i, ok := at[c.Path]
		switch {
		case c.Removed:
			if ok {
				gone[i] = true
			}
		case ok:
			c.Article.ID = arts[i].ID
			arts[i] = c.Article
			delete(gone, i)
		default:
			if ids[c.Article.ID] {
				c.Article.ID += filepath.Ext(c.Article.File) // as Load names the second of a.txt and a.md
			}
			ids[c.Article.ID] = true
			at[c.Path] = len(arts)
			arts = append(arts, c.Article)
		}
	}
	m.over.Skipped.SetSkipped(skips)
	remap := make([]int, len(arts))
	next := arts[:0:0]
	for i := range arts {
		remap[i] = -1
		if !gone[i] {
			remap[i] = len(next)
			next = append(next, arts[i])
		}
	}
	old := func(d int) int {
		if d < 0 || d >= len(remap) {
			return -1
		}
		return remap[d]
	}
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
