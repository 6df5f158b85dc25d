package keymap

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func TestRemap(t *testing.T) {
	km, err := Remap(Default(), map[string][]string{
		"quit":        {"Z", "ctrl+q"},
		"list.down":   {"n"},
		"line.cancel": {"ctrl+g"},
	})
	if err != nil {
		t.Fatal(err)
	}
	z := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Z")} // a key no other action has
	q := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}
	if !key.Matches(z, km.Quit) || key.Matches(q, km.Quit) || km.Quit.Help().Key != "Z/ctrl+q" || km.Quit.Help().Desc != "quit" {
		t.Errorf("quit = %v, help %+v", km.Quit.Keys(), km.Quit.Help())
	}
	if got := km.List.Down.Keys(); len(got) != 1 || got[0] != "n" {
		t.Errorf("list.down = %v", got)
	}
	if got := km.Line.Cancel.Keys(); len(got) != 1 || got[0] != "ctrl+g" {
		t.Errorf("line.cancel = %v", got)
	}
	if def := Default(); !key.Matches(q, def.Quit) || def.List.Down.Keys()[0] != "j" {
		t.Error("RemapKeys changed the default map")
	}
	_, err = Remap(Default(), map[string][]string{"quitt": {"q"}})
	for _, name := range []string{" quit,", " help,", " list.…,", " line.…", "for a pane's keys)"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("quitt: %v, want it to name %q", err, name)
		}
	}
	for _, c := range []struct {
		m    map[string][]string
		want string
	}{
		{map[string][]string{"quitt": {"q"}}, "quitt: unknown action (want nextpane, prevpane, search, "},
		{map[string][]string{"list.dwn": {"q"}}, "list.dwn: unknown action (want list.up, list.down,"},
		{map[string][]string{"lst.down": {"q"}}, "lst.down: unknown action (want nextpane,"},
		{map[string][]string{"list": {"q"}}, "list: unknown action (want list.up, list.down,"},
		{map[string][]string{"quit.x": {"q"}}, "quit.x: unknown action (quit is a key, not a pane)"},
		{map[string][]string{"list.down.x": {"q"}}, "list.down.x: unknown action (list.down is a key, not a pane)"},
		{map[string][]string{"quit": {}}, "quit: want one key or more"},
		{map[string][]string{"help": {"?", ""}}, "help: want one key or more, none empty"},
	} {
		_, err := Remap(Default(), c.m)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.m, err, c.want)
		}
		if e := fmt.Sprint(err); strings.Contains(e, "(want ") && !strings.HasSuffix(e, ")") {
			t.Errorf("%v: %v: the allowed list is cut", c.m, err)
		}
	}
}
