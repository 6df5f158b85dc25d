package model

import "dossier/corpus"

// What the tests read of the reader's state.

// Focus returns the pane that has the keyboard.
func (m Model) Focus() Focus { return m.focus }

// Selected returns the article under the list's cursor, nil for none.
func (m Model) Selected() *corpus.Article {
	if d := m.list.Selected(); d >= 0 {
		return &m.arts()[d]
	}
	return nil
}

// Open returns the article in the article pane, nil for none.
func (m Model) Open() *corpus.Article {
	if d := m.article.Doc(); d >= 0 && d < len(m.arts()) {
		return &m.arts()[d]
	}
	return nil
}

// Filter describes the timeline filter: "", "2023" or "2023-02".
func (m Model) Filter() string { return m.timeline.Label() }

// Len returns the number of articles the list shows.
func (m Model) Len() int { return m.list.Len() }
