package common

import "github.com/charmbracelet/bubbles/key"

// MoveBindings are the keys a list or a text moves by, the same in every
// pane that has them: a line, the ends, a page.
func MoveBindings() (up, down, top, bottom, pageUp, pageDown key.Binding) {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return b([]string{"k", "up"}, "↑/k", "up"),
		b([]string{"j", "down"}, "↓/j", "down"),
		b([]string{"g", "home"}, "g", "top"),
		b([]string{"G", "end"}, "G", "bottom"),
		b([]string{"pgup", "b"}, "pgup/b", "page up"),
		b([]string{"pgdown", " ", "f"}, "pgdn/space", "page down")
}

// ScrollBindings are the keys a pager scrolls by: a line, a page. The
// help and the skipped files put them in their own key maps, so a config
// file names them per pane.
func ScrollBindings() (up, down, pageUp, pageDown key.Binding) {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return b([]string{"k", "up"}, "↑/k", "scroll up"),
		b([]string{"j", "down"}, "↓/j", "scroll down"),
		b([]string{"pgup", "b"}, "pgup/b", "page up"),
		b([]string{"pgdown", " ", "f"}, "pgdn/space", "page down")
}
