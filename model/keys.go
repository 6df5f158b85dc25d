package model

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key the reader answers to. Each binding carries its help
// text, so the help view is generated from the same values Update matches.
// Some keys mean different things in different panes (n is the next
// article, or the next match when the article has highlights); the panes
// pick the binding, the map only names it.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown  key.Binding
	Open, Back, NextPane, PrevPane           key.Binding
	Sort, Search                             key.Binding
	NextArticle, PrevArticle                 key.Binding
	NextMatch, PrevMatch                     key.Binding
	MonthPrev, MonthNext, YearPrev, YearNext key.Binding
	Filter, ClearFilter                      key.Binding
	Bookmark, BookmarksOnly                  key.Binding
	Help, Quit                               key.Binding
}

// DefaultKeyMap returns the reader's keys: vi-style with arrow, page and
// mouse equivalents.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:            b([]string{"k", "up"}, "↑/k", "up"),
		Down:          b([]string{"j", "down"}, "↓/j", "down"),
		Top:           b([]string{"g", "home"}, "g", "top"),
		Bottom:        b([]string{"G", "end"}, "G", "bottom"),
		PageUp:        b([]string{"pgup", "b"}, "pgup/b", "page up"),
		PageDown:      b([]string{"pgdown", " ", "f"}, "pgdn/space", "page down"),
		Open:          b([]string{"enter"}, "enter", "open"),
		Back:          b([]string{"esc"}, "esc", "back"),
		NextPane:      b([]string{"tab"}, "tab", "next pane"),
		PrevPane:      b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Sort:          b([]string{"s"}, "s", "sort by date/title"),
		Search:        b([]string{"/"}, "/", "search"),
		NextArticle:   b([]string{"n"}, "n", "next article"),
		PrevArticle:   b([]string{"p"}, "p", "previous article"),
		NextMatch:     b([]string{"n"}, "n", "next match"),
		PrevMatch:     b([]string{"N"}, "N", "previous match"),
		MonthPrev:     b([]string{"h", "left"}, "←/h", "month back"),
		MonthNext:     b([]string{"l", "right"}, "→/l", "month on"),
		YearPrev:      b([]string{"H", "["}, "H/[", "year back"),
		YearNext:      b([]string{"L", "]"}, "L/]", "year on"),
		Filter:        b([]string{"enter"}, "enter", "filter year, then month"),
		ClearFilter:   b([]string{"0", "esc"}, "0/esc", "clear filter"),
		Bookmark:      b([]string{"m"}, "m", "bookmark"),
		BookmarksOnly: b([]string{"M"}, "M", "bookmarks only"),
		Help:          b([]string{"?"}, "?", "help"),
		Quit:          b([]string{"q", "ctrl+c"}, "q", "quit"),
	}
}

// ShortHelp implements help.KeyMap: the keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Open, k.NextPane, k.Search, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap: every key, a column per pane.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Back, k.Sort, k.Search, k.NextPane, k.Bookmark, k.BookmarksOnly},
		{k.NextArticle, k.PrevArticle, k.NextMatch, k.PrevMatch},
		{k.MonthPrev, k.MonthNext, k.YearPrev, k.YearNext, k.Filter, k.ClearFilter},
		{k.Help, k.Quit},
	}
}

// paneKeys are the few keys that matter in the focused pane, most useful
// first, for the status line.
func (m *Model) paneKeys() []key.Binding {
	k := m.keys
	switch {
	case m.search.active && m.search.inDoc:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "find")), k.Back}
	case m.search.active:
		return []key.Binding{k.Open, k.Back}
	case m.focus == FocusTimeline:
		return []key.Binding{k.MonthNext, k.YearNext, k.Filter, k.ClearFilter}
	case m.focus == FocusArticle && m.detail.doc >= 0 && len(m.detail.spans) > 0:
		return []key.Binding{k.NextMatch, k.PrevMatch, k.Down, k.Back}
	case m.focus == FocusArticle:
		return []key.Binding{k.Down, k.PageDown, k.NextArticle, k.PrevArticle, k.Back}
	}
	return []key.Binding{k.Down, k.Open, k.Search, k.Sort, k.NextPane}
}

// paneHelp is paneKeys as "j/k down · enter open · … · ? help", cut from
// the end to fit room cells; "? help" always stays.
func (m *Model) paneHelp(room int) string {
	tail := m.keys.Help.Help().Key + " " + m.keys.Help.Help().Desc
	keys := m.paneKeys()
	for n := len(keys); n >= 0; n-- {
		parts := make([]string, 0, n+1)
		for _, b := range keys[:n] {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
		s := strings.Join(append(parts, tail), " · ")
		if len([]rune(s)) <= room || n == 0 {
			return s
		}
	}
	return tail
}
