// Package overlay holds the panes that take the list and article's place
// while they are open: the help, the quotes explorer, the facet picker
// and the skipped files. One is open at a time; it gets every key, and
// its messages go up to the root unchanged, as the panes' own do. The
// panes stay packages of their own, and none imports another.
package overlay

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/facets"
	"dossier/model/help"
	"dossier/model/quotes"
	"dossier/model/skipped"
)

// Kind names an overlay.
type Kind int

// The overlays.
const (
	None Kind = iota
	Help
	Quotes
	Facets
	Skipped
)

// Model is the overlays and which one is open.
type Model struct {
	Open    Kind
	Help    help.Model
	Quotes  quotes.Model
	Facets  facets.Model
	Skipped skipped.Model
}

// SetSize gives every overlay the box they share.
func (m *Model) SetSize(w, h int) {
	m.Help.SetSize(w, h)
	m.Quotes.SetSize(w, h)
	m.Facets.SetSize(w, h)
	m.Skipped.SetSize(w, h)
}

// Typing reports whether the open overlay's filter line takes every key,
// q included.
func (m Model) Typing() bool {
	return m.Open == Quotes && m.Quotes.Filtering() || m.Open == Facets && m.Facets.Filtering()
}

// Closed reports whether msg is an overlay saying it is done.
func Closed(msg tea.Msg) bool {
	switch msg.(type) {
	case help.ClosedMsg, quotes.ClosedMsg, facets.ClosedMsg, skipped.ClosedMsg:
		return true
	}
	return false
}

// Update hands msg to the open overlay.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.Open {
	case Help:
		m.Help, cmd = m.Help.Update(msg)
	case Quotes:
		m.Quotes, cmd = m.Quotes.Update(msg)
	case Facets:
		m.Facets, cmd = m.Facets.Update(msg)
	case Skipped:
		m.Skipped, cmd = m.Skipped.Update(msg)
	}
	return m, cmd
}

// View draws the open overlay, "" for none.
func (m Model) View() string {
	switch m.Open {
	case Help:
		return m.Help.View()
	case Quotes:
		return m.Quotes.View()
	case Facets:
		return m.Facets.View()
	case Skipped:
		return m.Skipped.View()
	}
	return ""
}

// KeyMaps are the overlays' keys, for ShortHelp.
type KeyMaps struct {
	Help    help.KeyMap
	Quotes  quotes.KeyMap
	Facets  facets.KeyMap
	Skipped skipped.KeyMap
}

// ShortHelp is the open overlay's keys for the status line.
func (k KeyMaps) ShortHelp(open Kind) []key.Binding {
	switch open {
	case Help:
		return k.Help.ShortHelp()
	case Quotes:
		return k.Quotes.ShortHelp()
	case Facets:
		return k.Facets.ShortHelp()
	case Skipped:
		return k.Skipped.ShortHelp()
	}
	return nil
}
