package model

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/keymap"
)

// TestRemappedKeysReachTheReader: the root matches the map it is given:
// a config's Z quits the reader.
func TestRemappedKeysReachTheReader(t *testing.T) {
	km, err := keymap.Remap(keymap.Default(), map[string][]string{"quit": {"Z", "ctrl+q"}})
	if err != nil {
		t.Fatal(err)
	}
	z := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Z")}
	m := New(Options{Articles: nil, KeyMap: &km})
	if _, cmd := m.Update(z); cmd == nil {
		t.Error("Z did not quit the reader")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("Z did not quit the reader")
	}
}
