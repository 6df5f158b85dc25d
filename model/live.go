package model

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/load"
	csearch "dossier/corpus/search"
)

// filesChangedMsg carries what changed in a watched folder.
type filesChangedMsg struct{ changes []load.Change }

// FilesChanged wraps a batch from load.Watch for tea.Program.Send: the
// reader takes the files in, changed or gone, keeping its selection.
func FilesChanged(cs []load.Change) tea.Msg { return filesChangedMsg{changes: cs} }

// applyChanges puts a live folder's changes into a new corpus
// (load.Apply) and hands it to the panes.
func (m *Model) applyChanges(cs []load.Change) tea.Cmd {
	next, old, skips := load.Apply(m.arts, cs)
	m.over.Skipped.SetSkipped(skips)
	changed := make(map[string]bool, len(cs))
	for _, c := range cs {
		changed[c.Path] = true
	}
	return m.replace(next, old, changed, nil)
}

// loaded takes the load's own corpus, sorted and indexed (perhaps from
// the cache), in place of the batches that streamed in: the same
// articles, matched by ID.
func (m *Model) loaded(arts []corpus.Article, ix *csearch.Index) tea.Cmd {
	at := make(map[string]int, len(arts))
	for i := range arts {
		at[arts[i].ID] = i
	}
	old := func(d int) int {
		if d < 0 || d >= len(m.arts) {
			return -1
		}
		if i, ok := at[m.arts[d].ID]; ok {
			return i
		}
		return -1
	}
	return m.replace(arts, old, nil, ix)
}

// replace gives the panes next in place of the corpus: sorted and counted
// again, the index rebuilt off the UI's path (or ix, next's own), the
// hits kept by article; old maps an article's number to its number in
// next. The selected and open articles stay selected and open, and the
// open one stays scrolled where it was unless its file is in changed.
func (m *Model) replace(next []corpus.Article, old func(int) int, changed map[string]bool, ix *csearch.Index) tea.Cmd {
	sel, open := old(m.list.Selected()), old(m.article.Doc())
	touched := m.list.Touched()
	m.arts = next
	keep := m.list.SetArticles(m.arts)
	if touched {
		keep = sel
	}
	m.timeline.SetArticles(m.arts, 0)
	m.stale = [2]int{-1, -1}
	cmd := m.search.Reindex(m.arts, old, ix)
	m.refreshList(keep)
	switch {
	case open >= 0 && !changed[m.arts[open].File]:
		m.article.Renumber(open, &m.arts[open])
		return cmd
	case open >= 0:
		m.article.Forget() // its text changed
		return tea.Batch(cmd, m.open(open, m.hlQuery(), false))
	}
	m.article.Forget()
	return tea.Batch(cmd, m.selectionChanged())
}
