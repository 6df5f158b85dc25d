package timeline

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the keys the timeline answers to. Up and down still walk the
// list, so the timeline can be browsed against it without switching panes.
type KeyMap struct {
	MonthPrev, MonthNext, YearPrev, YearNext key.Binding
	Filter, ClearFilter, Back                key.Binding
	Up, Down                                 key.Binding
}

// DefaultKeyMap returns the timeline's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		MonthPrev:   b([]string{"h", "left"}, "←/h", "month back"),
		MonthNext:   b([]string{"l", "right"}, "→/l", "month on"),
		YearPrev:    b([]string{"H", "["}, "H/[", "year back"),
		YearNext:    b([]string{"L", "]"}, "L/]", "year on"),
		Filter:      b([]string{"enter"}, "enter", "filter year, then month"),
		ClearFilter: b([]string{"0", "esc"}, "0/esc", "clear filter"),
		Back:        b([]string{"esc"}, "esc", "back"),
		Up:          b([]string{"k", "up"}, "↑/k", "up"),
		Down:        b([]string{"j", "down"}, "↓/j", "down"),
	}
}

// ShortHelp implements help.KeyMap: the keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.MonthNext, k.YearNext, k.Filter, k.ClearFilter}
}

// FullHelp implements help.KeyMap: the cursor and the filter.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.MonthPrev, k.MonthNext, k.YearPrev, k.YearNext, k.Filter, k.ClearFilter}}
}
