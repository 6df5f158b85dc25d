package model

import (
	"dossier/corpus"
	"dossier/model/article"
	"dossier/model/list"
	"dossier/model/reading"
	"dossier/model/search"
	"dossier/model/timeline"
)

// What the tests read of the reader's state.

// Focus returns the pane that has the keyboard.
func (m Model) Focus() reading.Focus { return m.read.Focus() }

// Selected returns the article under the list's cursor, nil for none.
func (m Model) Selected() *corpus.Article {
	if d := m.list().Selected(); d >= 0 {
		return &m.arts()[d]
	}
	return nil
}

// Open returns the article in the article pane, nil for none.
func (m Model) Open() *corpus.Article {
	if d := m.article().Doc(); d >= 0 && d < len(m.arts()) {
		return &m.arts()[d]
	}
	return nil
}

// Filter describes the timeline filter: "", "2023" or "2023-02".
func (m Model) Filter() string { return m.timeline().Label() }

// Len returns the number of articles the list shows.
func (m Model) Len() int { return m.list().Len() }

func (m Model) arts() []corpus.Article   { return m.feed.Articles() }
func (m Model) list() list.Model         { return m.read.List() }
func (m Model) article() article.Model   { return m.read.Article() }
func (m Model) timeline() timeline.Model { return m.read.TimelinePane() }
func (m Model) search() search.Model     { return m.read.Search() }
