// Package panetest is what the panes' tests share: keys by name, and a
// reply run the way the root runs it.
package panetest

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/common"
)

var special = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	"ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace, " ": tea.KeySpace,
}

// Key is the key named n: "enter", "esc", "tab", "pgdown", "ctrl+c", …,
// or the runes of n.
func Key(n string) tea.KeyMsg {
	if t, ok := special[n]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)}
}

// Said runs a pane's reply and returns the messages it says, in order;
// work wrapped in common.Later is left unrun.
func Said(cmd tea.Cmd) []tea.Msg { return said(cmd, false) }

// Run is Said, with the work wrapped in common.Later run too.
func Run(cmd tea.Cmd) []tea.Msg { return said(cmd, true) }

func said(cmd tea.Cmd, run bool) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, said(c, run)...)
		}
		return out
	case common.LaterMsg:
		if run {
			return said(msg.Cmd, run)
		}
		return nil
	default:
		return []tea.Msg{msg}
	}
}
