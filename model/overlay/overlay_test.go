package overlay

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"dossier/model/facets"
	"dossier/model/help"
	"dossier/model/quotes"
	"dossier/model/skipped"
	"dossier/ui"
)

// TestRouting: keys go to the open overlay only; its closing message is
// recognised; a filter being typed is Typing.
func TestRouting(t *testing.T) {
	st := ui.NewStyles(ui.PlainTheme(), termenv.Ascii)
	m := Model{Help: help.New(help.DefaultKeyMap(), st, nil), Quotes: quotes.New(quotes.DefaultKeyMap(), st),
		Facets: facets.New(facets.DefaultKeyMap(), st), Skipped: skipped.New(skipped.DefaultKeyMap(), st)}
	arts := parse.Embedded()
	m.Quotes.SetArticles(arts, corpus.NewTimeline(arts), search.People(arts))
	m.SetSize(80, 20)
	if m.View() != "" {
		t.Fatal("nothing open draws something")
	}
	m.Open = Quotes
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	if !m.Typing() || m.Facets.Filtering() {
		t.Fatal("/ in the explorer did not start its filter, or reached the picker")
	}
	m.Open = Help
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if cmd == nil || !Closed(cmd()) {
		t.Fatal("esc in the help is not a close")
	}
	if Closed(tea.KeyMsg{}) {
		t.Fatal("a key is not a close")
	}
	if len(KeyMaps{Skipped: skipped.DefaultKeyMap()}.ShortHelp(Skipped)) == 0 {
		t.Fatal("no keys for the status line")
	}
}
