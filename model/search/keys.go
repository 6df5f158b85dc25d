package search

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the keys the search line answers to while it has the
// keyboard; every other key is typed into it. Up and down are the arrows
// only, so j and k can be typed.
type KeyMap struct {
	Submit, Find, Cancel key.Binding
	Up, Down             key.Binding
	Quit                 key.Binding
}

// DefaultKeyMap returns the search line's keys. Submit and Find are the
// same key, enter, named for the corpus search and the in-article find.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Submit: b([]string{"enter"}, "enter", "open"),
		Find:   b([]string{"enter"}, "enter", "find"),
		Cancel: b([]string{"esc"}, "esc", "back"),
		Up:     b([]string{"up"}, "↑", "previous hit"),
		Down:   b([]string{"down"}, "↓", "next hit"),
		Quit:   b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Submit, k.Cancel} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Submit, k.Find, k.Cancel, k.Up, k.Down, k.Quit}}
}

// ShortHelp is the keys that matter now: enter finds in an article and
// opens the top hit in the corpus.
func (m Model) ShortHelp() []key.Binding {
	if m.inDoc {
		return []key.Binding{m.keys.Find, m.keys.Cancel}
	}
	return m.keys.ShortHelp()
}
