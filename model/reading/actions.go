package reading

import (
	"io"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/cite"
	"dossier/model/system"
)

// offNote is the note for the marks' keys without a place to keep them.
const offNote = "bookmarks and read marks are off: no place to keep them"

// action runs the global keys that act on an article: marks, links,
// copying, editing and exporting.
func (m *Model) action(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys
	doc := m.current()
	var a *corpus.Article
	if doc >= 0 {
		a = &m.arts[doc]
	}
	switch {
	case key.Matches(msg, k.BookmarksOnly):
		return m.toggleBookmarksOnly(), true
	case key.Matches(msg, k.NextUnread):
		return m.nextUnread(), true
	case key.Matches(msg, k.NextArticle), key.Matches(msg, k.PrevArticle):
		d := 1
		if key.Matches(msg, k.PrevArticle) {
			d = -1
		}
		if m.focus != FocusArticle {
			m.list.MoveTo(m.list.Cursor() + d)
			return m.selectionChanged(), true
		}
		return m.step(d), true
	case key.Matches(msg, k.Export):
		return m.export(), true
	case a == nil:
		return nil, false
	case key.Matches(msg, k.Bookmark):
		return m.toggleBookmark(doc), true
	case key.Matches(msg, k.MarkUnread):
		if m.opts.Marks == nil {
			return note(offNote), true
		}
		return tea.Batch(note("marked unread"), m.opts.Marks.MarkUnread(a.ID)), true
	case key.Matches(msg, k.OpenLink):
		return system.OpenURL(a.URL), true
	case key.Matches(msg, k.Edit):
		return system.Edit(a.File), true
	case key.Matches(msg, k.CopyCite):
		return system.Copy(m.opts.Clipboard, cite.Citation(*a), "the citation"), true
	case key.Matches(msg, k.Copy):
		if q, ok := m.article.CurrentQuote(); ok && m.article.Doc() == doc {
			return system.Copy(m.opts.Clipboard, cite.QuoteCitation(*a, q), "the quote"), true
		}
		// Nothing quoted here (a title match, an article not open): the
		// article's citation is the next best thing.
		return system.Copy(m.opts.Clipboard, cite.Citation(*a), "the citation (no quote here)"), true
	}
	return nil, false
}

// export writes the list as it is shown (the hits, the filter) as a
// Markdown reading list, off the UI's path.
func (m *Model) export() tea.Cmd {
	order := m.list.Order()
	if len(order) == 0 {
		return note("nothing to export")
	}
	arts := make([]corpus.Article, len(order))
	for i, d := range order {
		arts[i] = m.arts[d]
	}
	title := m.opts.Source
	if q := m.search.Query(); m.search.Hits() != nil {
		title += ": " + q
	}
	if f := m.timeline.Label(); f != "" {
		title += " (" + f + ")"
	}
	return system.Export(m.opts.ExportDir, func(w io.Writer) error { return cite.ReadingList(w, title, arts) })
}

// current is the article the keys act on: the open one while the article
// pane has focus, else the selected one; -1 for none.
func (m *Model) current() int {
	if d := m.article.Doc(); m.focus == FocusArticle && d >= 0 && d < len(m.arts) {
		return d
	}
	return m.list.Selected()
}

// markRead records that the open article was read.
func (m *Model) markRead() tea.Cmd {
	if d := m.article.Doc(); m.focus == FocusArticle && d >= 0 && d < len(m.arts) {
		return m.opts.Marks.MarkRead(m.arts[d].ID)
	}
	return nil
}

// nextUnread moves to the first unread article after the cursor.
func (m *Model) nextUnread() tea.Cmd {
	if m.opts.Marks == nil {
		return note(offNote)
	}
	order := m.list.Order()
	for i := m.list.Cursor() + 1; i < len(order); i++ {
		if read, _ := m.opts.Marks.Of(m.arts[order[i]].ID); !read {
			m.list.MoveTo(i)
			return m.selectionChanged()
		}
	}
	return note("no unread articles below")
}

// toggleBookmark bookmarks article doc, or takes its bookmark away.
func (m *Model) toggleBookmark(doc int) tea.Cmd {
	if m.opts.Marks == nil {
		return note(offNote)
	}
	on, save := m.opts.Marks.ToggleBookmark(m.arts[doc].ID)
	said := note("bookmark removed")
	if on {
		said = note("bookmarked")
	}
	if m.bookmarksOnly {
		// The article may have left the list: the pane follows the list.
		m.refreshList(m.list.Selected())
		return tea.Batch(said, save, m.selectionChanged())
	}
	return tea.Batch(said, save)
}

// toggleBookmarksOnly shows only bookmarked articles, or all again.
func (m *Model) toggleBookmarksOnly() tea.Cmd {
	if m.opts.Marks == nil {
		return note(offNote)
	}
	m.bookmarksOnly = !m.bookmarksOnly
	m.refreshList(m.list.Selected())
	var said tea.Cmd
	if m.bookmarksOnly && m.list.Len() == 0 {
		said = note("no bookmarks yet: m bookmarks an article")
	}
	return tea.Batch(said, m.selectionChanged())
}
