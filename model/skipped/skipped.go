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
	k := KeyMap{Close: b([]string{"esc", "!"}, "esc/!", "close")}
	k.Up, k.Down, k.PageUp, k.PageDown = common.ScrollBindings()
	return k
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
	dropped int
	pager   common.Pager
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
	m.pager.SetSize(w, h)
	m.layout()
}

func (m *Model) layout() {
	iw, _ := ui.PaneInner(m.pager.Size())
	paths, reasons := make([]string, len(m.skips)), make([]string, len(m.skips))
	for i, s := range m.skips {
		paths[i], reasons[i] = s.Path, s.Reason
		if s.Kept {
			reasons[i] = "loaded, but " + s.Reason
		}
	}
	m.pager.SetLines(ui.RenderSkipped(paths, reasons, m.styles, iw))
}

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

// View draws the files that fit.
func (m Model) View() string {
	title := fmt.Sprintf("Skipped %d · warnings %d", m.dropped, len(m.skips)-m.dropped)
	return m.pager.View(m.styles, title, "every file loaded")
}
