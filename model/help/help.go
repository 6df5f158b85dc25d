// Package help is the reader's help: every key the reader answers to, in
// titled sections laid out in as many columns as the pane is wide, and
// scrolled when they are taller than it, so every key is reachable in any
// window the reader draws in. It takes the place of the list and article
// while it is open.
//
// Upward it sends ClosedMsg (esc or ? again).
package help

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/common"
	"dossier/ui"
)

// ClosedMsg asks the root to close the help.
type ClosedMsg struct{}

// Section is a titled group of keys.
type Section struct {
	Title string
	Keys  []key.Binding
}

// KeyMap is the keys the help answers to.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Close key.Binding
}

// DefaultKeyMap returns the help's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	k := KeyMap{Close: b([]string{"esc", "?"}, "esc/?", "close help")}
	k.Up, k.Down, k.PageUp, k.PageDown = common.ScrollBindings()
	return k
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Close} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Close}}
}

// Model is the help pane.
type Model struct {
	keys   KeyMap
	styles ui.Styles
	secs   []ui.HelpSection
	pager  common.Pager // secs laid out for the width
}

// New returns the help for secs.
func New(keys KeyMap, st ui.Styles, secs []Section) Model {
	m := Model{keys: keys, styles: st}
	for _, s := range secs {
		hs := ui.HelpSection{Title: s.Title}
		for _, b := range s.Keys {
			if b.Enabled() && b.Help().Key != "" {
				hs.Keys = append(hs.Keys, [2]string{b.Help().Key, b.Help().Desc})
			}
		}
		m.secs = append(m.secs, hs)
	}
	return m
}

// SetSize sets the pane's box and lays the keys out for it.
func (m *Model) SetSize(w, h int) {
	m.pager.SetSize(w, h)
	iw, _ := ui.PaneInner(m.pager.Size())
	m.pager.SetLines(ui.RenderHelp(m.secs, m.styles, iw))
}

// Offset is the first line shown.
func (m Model) Offset() int { return m.pager.Offset() }

// Lines is the number of lines the keys take at this width.
func (m Model) Lines() int { return m.pager.Len() }

// Update scrolls, or asks to close.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if key.Matches(k, m.keys.Close) {
		return m, common.Emit(ClosedMsg{})
	}
	m.pager.Scroll(k, m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown)
	return m, nil
}

// View draws the keys that fit, with where they stand in the title when
// they are scrolled.
func (m Model) View() string {
	title, p := "Help", m.pager
	if n := p.Rows(); p.Len() > n {
		last := min(p.Offset()+n, p.Len())
		title = fmt.Sprintf("Help %d–%d of %d", p.Offset()+1, last, p.Len())
		if last < p.Len() {
			title += " · ↓ more"
		}
	}
	return p.View(m.styles, title, "")
}
