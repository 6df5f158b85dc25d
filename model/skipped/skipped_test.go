package skipped

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus/load"
	"dossier/ui"
)

func TestSkippedView(t *testing.T) {
	m := New(DefaultKeyMap(), ui.NewStyles(ui.PlainTheme(), termenv.Ascii))
	m.SetSize(60, 8)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "every file loaded") {
		t.Fatalf("empty:\n%s", v)
	}
	var skips []load.Skipped
	for i := 0; i < 5; i++ {
		skips = append(skips, load.Skipped{Path: "news/bad\x1b[31m.bin", Reason: "binary file"})
	}
	skips = append(skips, load.Skipped{Path: "news/y.md", Reason: "front matter ignored", Kept: true})
	m.SetSkipped(skips)
	if m.Len() != 6 || m.Dropped() != 5 {
		t.Fatalf("len %d dropped %d", m.Len(), m.Dropped())
	}
	v := m.View()
	if strings.Contains(v, "\x1b[31m") {
		t.Fatal("a path's escape reached the screen")
	}
	if !strings.Contains(ansi.Strip(v), "Skipped 5 · warnings 1") {
		t.Fatalf("title:\n%s", ansi.Strip(v))
	}
	for i := 0; i < 10; i++ {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "loaded, but front matter ignored") {
		t.Fatalf("scrolled to the end:\n%s", v)
	}
	for _, k := range []tea.KeyMsg{{Type: tea.KeyEsc}, {Type: tea.KeyRunes, Runes: []rune("!")}} {
		if _, cmd := m.Update(k); cmd == nil || cmd() != (ClosedMsg{}) {
			t.Fatalf("%v did not close", k)
		}
	}
}

// TestGolden: the skipped files and a warning at 80×10 and 50×8.
func TestGolden(t *testing.T) {
	skips := []load.Skipped{
		{Path: "news/2023/x.bin", Reason: "binary file"},
		{Path: "news/2024/huge.txt", Reason: "larger than 16 MB"},
		{Path: "news/y.md", Reason: "front matter ignored", Kept: true},
	}
	for _, sz := range [][2]int{{80, 10}, {50, 8}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := New(DefaultKeyMap(), ui.NewStyles(ui.PlainTheme(), termenv.Ascii))
			m.SetSize(sz[0], sz[1])
			m.SetSkipped(skips)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}
