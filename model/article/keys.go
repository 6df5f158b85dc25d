package article

import (
	"github.com/charmbracelet/bubbles/key"

	"dossier/model/common"
)

// KeyMap is the keys the article pane answers to. n means the next match
// while the article has highlights and the next article otherwise; the
// pane picks the binding, the map only names it.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	HalfPageUp, HalfPageDown                key.Binding
	NextMatch, PrevMatch                    key.Binding
	NextArticle, PrevArticle                key.Binding
	Back                                    key.Binding
}

// DefaultKeyMap returns the article pane's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	k := KeyMap{
		HalfPageUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfPageDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		NextMatch:    b([]string{"n"}, "n", "next match"),
		PrevMatch:    b([]string{"N"}, "N", "previous match"),
		NextArticle:  b([]string{"n"}, "n", "next article"),
		PrevArticle:  b([]string{"p"}, "p", "previous article"),
		Back:         b([]string{"esc"}, "esc", "back"),
	}
	k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown = common.MoveBindings()
	return k
}

// ShortHelp implements help.KeyMap: the keys for reading an article
// without highlights.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.NextArticle, k.PrevArticle, k.Back}
}

// FullHelp implements help.KeyMap: scrolling, then moving between
// articles and matches.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown},
		{k.NextArticle, k.PrevArticle, k.NextMatch, k.PrevMatch, k.Back},
	}
}

// ShortHelp is the keys that matter now: the match keys while the article
// shows highlights, the reading keys otherwise.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.doc >= 0 && len(m.matchLines) > 0 {
		return []key.Binding{k.NextMatch, k.PrevMatch, k.Down, k.Back}
	}
	return k.ShortHelp()
}
