// Package skipped is the view of the files the load skipped, and of those
// it loaded with a warning, each with its reason, as stderr has them: the
// status line only counts them.
//
// Upward it sends ClosedMsg (esc or ! again). The root keeps it current
// with SetSkipped.
package skipped

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus/load"
	"dossier/model/common"
	"dossier/ui"
)

// ClosedMsg asks the root to close the view.
type ClosedMsg struct{}

// KeyMap is the keys the view answers to.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Close key.Binding
}

// DefaultKeyMap returns the view's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:       b([]string{"k", "up"}, "↑/k", "scroll up"),
		Down:     b([]string{"j", "down"}, "↓/j", "scroll down"),
		PageUp:   b([]string{"pgup", "b"}, "pgup/b", "page up"),
		PageDown: b([]string{"pgdown", " ", "f"}, "pgdn/space", "page down"),
		Close:    b([]string{"esc", "!"}, "esc/!", "close"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Close} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Close}}
}

// Model is the skipped-files view.
type Model struct {
	keys    KeyMap
	styles  ui.Styles
	skips   []load.Skipped
	lines   []string
	dropped int
	offset  int
	w, h    int
}

// New returns an empty view.
func New(keys KeyMap, st ui.Styles) Model { return Model{keys: keys, styles: st} }

// SetSkipped adds the skips of a load.
func (m *Model) SetSkipped(skips []load.Skipped) {
	m.skips = append(m.skips, skips...)
	m.dropped = len(load.Dropped(m.skips))
	m.layout()
}

// Len is the number of files listed.
func (m Model) Len() int { return len(m.skips) }

// Dropped is the number of files that did not load.
func (m Model) Dropped() int { return m.dropped }

// SetSize sets the view's box.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = max(w, 0), max(h, 0)
	m.layout()
}

func (m *Model) layout() {
	iw, _ := ui.PaneInner(m.w, m.h)
	paths, reasons := make([]string, len(m.skips)), make([]string, len(m.skips))
	for i, s := range m.skips {
		paths[i], reasons[i] = s.Path, s.Reason
		if s.Kept {
			reasons[i] = "loaded, but " + s.Reason
		}
	}
	m.lines = ui.RenderSkipped(paths, reasons, m.styles, iw)
	m.scroll(0)
}

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

// View draws the files that fit.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	title := fmt.Sprintf("Skipped %d · warnings %d", m.dropped, len(m.skips)-m.dropped)
	body := "every file loaded"
	if len(m.lines) > 0 {
		body = ""
		for i, l := range m.lines[m.offset:min(m.offset+m.rows(), len(m.lines))] {
			if i > 0 {
				body += "\n"
			}
			body += l
		}
	}
	return ui.Pane(m.styles, title, body, m.w, m.h, true)
}
