package model

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/model/overlay"
	"dossier/ui"
)

// resize lays the screen out for a w×h window and hands each screen its
// boxes; the layout changes on nothing else. The same layout routes the
// mouse, so drawing and clicks agree.
func (m *Model) resize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.lay = ui.Layout(m.width, m.height)
	m.over.SetSize(m.lay.Body.W, m.lay.Body.H)
	return m.read.SetScreen(m.lay)
}

// View implements tea.Model: the screens' views, joined.
func (m Model) View() string {
	l, st := m.lay, m.styles
	if l.TooSmall {
		return ui.TooSmall(st, m.width, m.height)
	}
	var parts []string
	if l.Timeline.H > 0 {
		parts = append(parts, m.read.TimelineView())
	}
	if m.over.Open != overlay.None {
		parts = append(parts, m.over.View())
	} else {
		parts = append(parts, m.read.View())
	}
	switch {
	case m.read.Typing():
		// The search line takes the status line's place while it is typed
		// in, as a filter takes the title's in bubbles' list.
		line, status := m.read.SearchView()
		parts = append(parts, ui.SearchLine(st, line, status, l.Status.W))
	case m.feed.Err() != nil:
		parts = append(parts, ui.StatusError(st, fmt.Sprintf("error: %v", m.feed.Err()), l.Status.W))
	default:
		left := m.statusText()
		var hints []string
		for _, b := range m.paneKeys() {
			hints = append(hints, b.Help().Key+" "+b.Help().Desc)
		}
		tail := m.keys.Quit.Help().Key + " " + m.keys.Quit.Help().Desc
		if m.over.Open == overlay.None {
			tail = m.keys.Help.Help().Key + " " + m.keys.Help.Help().Desc + " · " + tail
		}
		right := ui.Hints(hints, tail, min(l.Status.W/2-2, l.Status.W-ansi.StringWidth(left)-2))
		parts = append(parts, ui.Status(st, left, right, l.Status.W))
	}
	return ui.Join(parts...)
}

// statusText is the left side of the status line.
func (m *Model) statusText() string {
	loading, arts := m.feed.Loading(), len(m.feed.Articles())
	found, total, indexing := m.feed.Progress()
	return ui.StatusText(m.read.Status(ui.StatusFacts{
		Source: m.source, Articles: arts, Loading: loading, Found: found, Total: total,
		Indexing: loading && indexing || !loading && arts > 0 && !m.read.Indexed(),
		Quoting:  m.feed.Quoting(),
		Skipped:  m.over.Skipped.Dropped(), Note: m.note,
	}))
}

// paneKeys are the few keys that matter where the keys go, for the
// status line.
func (m *Model) paneKeys() []key.Binding {
	if m.over.Open != overlay.None && !m.read.Typing() {
		return m.keys.Overlays.ShortHelp(m.over.Open)
	}
	return m.read.ShortHelp()
}
