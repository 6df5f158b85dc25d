package quotes

import (
	"github.com/charmbracelet/bubbles/key"

	"dossier/model/common"
)

// KeyMap is the keys the quotes explorer answers to.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Back, Filter                      key.Binding
	// While the filter is typed in: keep it, drop it, move the cursor
	// (arrows only, so letters type).
	AcceptFilter, CancelFilter, FilterUp, FilterDown key.Binding
}

// DefaultKeyMap returns the explorer's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	k := KeyMap{
		Open:   b([]string{"enter"}, "enter", "speaker's quotes / the article at the quote"),
		Back:   b([]string{"esc"}, "esc", "back"),
		Filter: b([]string{"/"}, "/", "filter speakers"),

		AcceptFilter: b([]string{"enter"}, "enter", "keep the filter"),
		CancelFilter: b([]string{"esc"}, "esc", "drop the filter"),
		FilterUp:     b([]string{"up"}, "↑", "up while filtering"),
		FilterDown:   b([]string{"down"}, "↓", "down while filtering"),
	}
	k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown = common.MoveBindings()
	return k
}

// ShortHelp implements help.KeyMap: the keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Filter, k.Open, k.Back} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Filter, k.Open, k.Back}}
}
