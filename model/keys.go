package model

import (
	"github.com/charmbracelet/bubbles/key"

	"dossier/model/article"
	"dossier/model/list"
	"dossier/model/search"
	"dossier/model/timeline"
)

// KeyMap is every key the reader answers to: the global keys, matched
// first, and each pane's own map, which the root hands the pane.
type KeyMap struct {
	NextPane, PrevPane, Search key.Binding
	Bookmark, BookmarksOnly    key.Binding
	Help, Quit                 key.Binding

	List     list.KeyMap
	Article  article.KeyMap
	Timeline timeline.KeyMap
	Line     search.KeyMap // the search line's
}

// DefaultKeyMap returns the reader's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		NextPane:      b([]string{"tab"}, "tab", "next pane"),
		PrevPane:      b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Search:        b([]string{"/"}, "/", "search"),
		Bookmark:      b([]string{"m"}, "m", "bookmark"),
		BookmarksOnly: b([]string{"M"}, "M", "bookmarks only"),
		Help:          b([]string{"?"}, "?", "help"),
		Quit:          b([]string{"q", "ctrl+c"}, "q", "quit"),
		List:          list.DefaultKeyMap(),
		Article:       article.DefaultKeyMap(),
		Timeline:      timeline.DefaultKeyMap(),
		Line:          search.DefaultKeyMap(),
	}
}

// ShortHelp implements help.KeyMap: the keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.List.Down, k.List.Open, k.NextPane, k.Search, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap: every key, a column per concern.
func (k KeyMap) FullHelp() [][]key.Binding {
	l, a, t := k.List, k.Article, k.Timeline
	return [][]key.Binding{
		{l.Up, l.Down, l.Top, l.Bottom, l.PageUp, l.PageDown},
		{l.Open, l.Back, l.Sort, k.Search, k.NextPane, k.Bookmark, k.BookmarksOnly},
		{a.NextArticle, a.PrevArticle, a.NextMatch, a.PrevMatch},
		{t.MonthPrev, t.MonthNext, t.YearPrev, t.YearNext, t.Filter, t.ClearFilter},
		{k.Help, k.Quit},
	}
}

// paneKeys are the few keys that matter in the focused pane, most useful
// first, for the status line.
func (m *Model) paneKeys() []key.Binding {
	switch {
	case m.search.Active():
		return m.search.ShortHelp()
	case m.focus == FocusTimeline:
		return m.keys.Timeline.ShortHelp()
	case m.focus == FocusArticle:
		return m.article.ShortHelp()
	}
	l := m.keys.List
	return []key.Binding{l.Down, l.Open, m.keys.Search, l.Sort, m.keys.NextPane}
}
