package help

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/model/internal/panetest"
	"dossier/ui"
)

func sections(n int) []Section {
	var keys []key.Binding
	for i := 0; i < n; i++ {
		keys = append(keys, key.NewBinding(key.WithKeys(string(rune('a'+i%26))), key.WithHelp(string(rune('a'+i%26)), "does a thing")))
	}
	return []Section{{Title: "First", Keys: keys[:n/2]}, {Title: "Second", Keys: keys[n/2:]}}
}

// TestScrollAndClose: j and pgdown scroll no further than the last line,
// k back; esc and ? ask to close.
func TestScrollAndClose(t *testing.T) {
	m := New(DefaultKeyMap(), ui.NewStyles(ui.PlainTheme(), termenv.Ascii), sections(40))
	m.SetSize(30, 10) // 8 lines inside the border, one column: 42 lines
	if m.Lines() != 43 {
		t.Fatalf("%d lines laid out", m.Lines())
	}
	m, _ = m.Update(panetest.Key("j"))
	if m.Offset() != 1 {
		t.Fatalf("j: offset %d", m.Offset())
	}
	for i := 0; i < 20; i++ {
		m, _ = m.Update(panetest.Key("pgdown"))
	}
	if m.Offset() != m.Lines()-8 {
		t.Fatalf("pgdown: offset %d of %d lines", m.Offset(), m.Lines())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Help 36–43 of 43") || len(strings.Split(v, "\n")) != 10 {
		t.Fatalf("view:\n%s", v)
	}
	m, _ = m.Update(panetest.Key("k"))
	if m.Offset() != m.Lines()-9 {
		t.Fatalf("k: offset %d", m.Offset())
	}
	for _, k := range []string{"esc", "?"} {
		if _, cmd := m.Update(panetest.Key(k)); cmd == nil || cmd() != (ClosedMsg{}) {
			t.Fatalf("%s did not close", k)
		}
	}
}

// TestColumnsFit: wide enough, the sections sit side by side and nothing
// scrolls; every line fits the box at any size.
func TestColumnsFit(t *testing.T) {
	st := ui.NewStyles(ui.PlainTheme(), termenv.Ascii)
	m := New(DefaultKeyMap(), st, sections(10))
	m.SetSize(80, 12)
	if m.Lines() != 6 || strings.Contains(ansi.Strip(m.View()), "more") {
		t.Fatalf("two columns of 5 keys and a title: %d lines", m.Lines())
	}
	for _, sz := range [][2]int{{1, 1}, {3, 2}, {12, 4}, {200, 3}} {
		m.SetSize(sz[0], sz[1])
		for _, l := range strings.Split(m.View(), "\n") {
			if w := ansi.StringWidth(l); w > sz[0] {
				t.Fatalf("%v: a line %d wide", sz, w)
			}
		}
	}
}

// TestGolden: the help at 80×20 and 50×12, first screen and scrolled.
func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 20}, {50, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := New(DefaultKeyMap(), ui.NewStyles(ui.PlainTheme(), termenv.Ascii), sections(40))
			m.SetSize(sz[0], sz[1])
			t.Run("top", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m, _ = m.Update(panetest.Key("pgdown"))
			t.Run("scrolled", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
		})
	}
}
