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
	return KeyMap{
		Up:       b([]string{"k", "up"}, "↑/k", "scroll up"),
		Down:     b([]string{"j", "down"}, "↓/j", "scroll down"),
		PageUp:   b([]string{"pgup", "b"}, "pgup/b", "page up"),
		PageDown: b([]string{"pgdown", " ", "f"}, "pgdn/space", "page down"),
		Close:    b([]string{"esc", "?"}, "esc/?", "close help"),
	}
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
	lines  []string // secs laid out for the width
	offset int
	w, h   int
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
	m.w, m.h = max(w, 0), max(h, 0)
	iw, _ := ui.PaneInner(m.w, m.h)
	m.lines = ui.RenderHelp(m.secs, m.styles, iw)
	m.scroll(0)
}

// Offset is the first line shown.
func (m Model) Offset() int { return m.offset }

// Lines is the number of lines the keys take at this width.
func (m Model) Lines() int { return len(m.lines) }

func (m Model) rows() int { _, ih := ui.PaneInner(m.w, m.h); return max(ih, 1) }

func (m *Model) scroll(d int) {
	m.offset = min(max(m.offset+d, 0), max(len(m.lines)-m.rows(), 0))
}

// Update scrolls, or asks to close.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Close):
		return m, common.Emit(ClosedMsg{})
	case key.Matches(k, m.keys.Up):
		m.scroll(-1)
	case key.Matches(k, m.keys.Down):
		m.scroll(1)
	case key.Matches(k, m.keys.PageUp):
		m.scroll(-m.rows())
	case key.Matches(k, m.keys.PageDown):
		m.scroll(m.rows())
	}
	return m, nil
}

// View draws the keys that fit, with where they stand in the title when
// they are scrolled.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	title := "Help"
	if n := m.rows(); len(m.lines) > n {
		title = fmt.Sprintf("Help %d–%d of %d · ↓ more", m.offset+1, min(m.offset+n, len(m.lines)), len(m.lines))
		if m.offset+n >= len(m.lines) {
			title = fmt.Sprintf("Help %d–%d of %d", m.offset+1, len(m.lines), len(m.lines))
		}
	}
	end := min(m.offset+m.rows(), len(m.lines))
	body := ""
	for i, l := range m.lines[m.offset:end] {
		if i > 0 {
			body += "\n"
		}
		body += l
	}
	return ui.Pane(m.styles, title, body, m.w, m.h, true)
}
