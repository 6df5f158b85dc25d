package list

import (
	"github.com/charmbracelet/bubbles/key"

	"dossier/model/common"
)

// KeyMap is the keys the article list answers to. Each binding carries its
// help text, so the help view is generated from the values Update matches.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Back, Sort                        key.Binding
}

// DefaultKeyMap returns the list's keys: vi-style with arrow and page
// equivalents.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	k := KeyMap{
		Open: b([]string{"enter"}, "enter", "open"),
		Back: b([]string{"esc"}, "esc", "back"),
		Sort: b([]string{"s"}, "s", "sort by date/title"),
	}
	k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown = common.MoveBindings()
	return k
}

// ShortHelp implements help.KeyMap: the list keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Open, k.Sort} }

// FullHelp implements help.KeyMap: moving, then acting.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Back, k.Sort},
	}
}
