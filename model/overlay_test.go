package model

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"dossier/corpus/load"
	"dossier/corpus/parse"
	"dossier/model/feed"
	"dossier/model/keymap"
	"dossier/model/overlay"
	"dossier/model/reading"
)

// TestGoldenOverlays pins the quotes explorer and the help as the reader
// shows them over the embedded corpus.
func TestGoldenOverlays(t *testing.T) {
	arts := parse.Embedded()
	for _, sz := range []struct{ w, h int }{{120, 40}, {80, 24}, {50, 15}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := newModel(t, arts, sz.w, sz.h)
			q := send(m, keys("Q")...)
			t.Run("quotes", func(t *testing.T) { golden.RequireEqual(t, []byte(q.View())) })
			q = send(q, keys("enter")...)
			t.Run("speaker", func(t *testing.T) { golden.RequireEqual(t, []byte(q.View())) })
			h := send(m, keys("?")...)
			t.Run("help", func(t *testing.T) { golden.RequireEqual(t, []byte(h.View())) })
		})
	}
}

// TestHelpReachesEveryKey: at 80×24 and 50×15 every key of the full help
// can be scrolled into view, q quit is on screen throughout, and the
// layout is the same with the help open as without.
func TestHelpReachesEveryKey(t *testing.T) {
	var want []string
	for _, col := range keymap.Default().FullHelp() {
		for _, b := range col {
			want = append(want, b.Help().Desc)
		}
	}
	for _, sz := range []struct{ w, h int }{{80, 24}, {50, 15}} {
		m := newModel(t, parse.Embedded(), sz.w, sz.h)
		lay := m.lay
		m = send(m, keys("?")...)
		if m.over.Open != overlay.Help || m.lay != lay {
			t.Fatalf("%dx%d: ? gave overlay %d, layout changed %v", sz.w, sz.h, m.over.Open, m.lay != lay)
		}
		seen := ""
		for i := 0; i < 80; i++ {
			v := ansi.Strip(m.View())
			requireFits(t, m.View(), sz.w, sz.h, "help")
			if !strings.Contains(v, "q quit") {
				t.Fatalf("%dx%d: q quit not on screen:\n%s", sz.w, sz.h, v)
			}
			seen += v
			m = send(m, keys("j")...)
		}
		for _, d := range want {
			// A description cut at a narrow width still shows its start.
			if !strings.Contains(seen, d[:min(len(d), 12)]) {
				t.Errorf("%dx%d: %q never shown", sz.w, sz.h, d)
			}
		}
		if m = send(m, keys("esc")...); m.over.Open != overlay.None {
			t.Fatalf("esc left the help open")
		}
	}
}

// TestQuotesExplorer: Q opens the explorer, enter picks a speaker and
// enter on a quote opens its article; the timeline filter narrows it.
func TestQuotesExplorer(t *testing.T) {
	m := newModel(t, parse.Embedded(), 120, 40)
	m = send(m, keys("Q")...)
	if m.over.Open != overlay.Quotes || m.over.Quotes.Speakers() == 0 {
		t.Fatalf("Q: overlay %d, %d speakers", m.over.Open, m.over.Quotes.Speakers())
	}
	all := m.over.Quotes.Speakers()
	m = send(m, keys("/", "i", "m", "a", "n", "enter", "enter")...)
	if p := m.over.Quotes.Person(); !strings.Contains(p, "Imankulov") {
		t.Fatalf("filtered to %q", p)
	}
	m = send(m, keys("enter")...)
	if m.over.Open != overlay.None || m.Focus() != reading.FocusArticle || m.Open() == nil {
		t.Fatalf("enter on a quote: overlay %d focus %v open %v", m.over.Open, m.Focus(), m.Open())
	}
	if !strings.Contains(strings.Join(m.Open().Paragraphs, " "), "Imankulov") {
		t.Fatalf("opened %s", m.Open().ID)
	}
	if m.Selected() != m.Open() {
		t.Fatalf("the list did not follow: %s", m.Selected().ID)
	}
	// Reopened, it is where it was left: esc walks back to the speakers,
	// clears the filter, then closes.
	m = send(m, keys("Q")...)
	if p := m.over.Quotes.Person(); !strings.Contains(p, "Imankulov") {
		t.Fatalf("reopened at %q", p)
	}
	if m = send(m, keys("esc", "esc", "esc")...); m.over.Open != overlay.None || m.over.Quotes.Speakers() != all {
		t.Fatalf("esc×3: overlay %d, %d speakers", m.over.Open, m.over.Quotes.Speakers())
	}
	// A year filter on the timeline narrows the explorer.
	m = send(m, keys("esc", "tab", "tab")...)
	for m.timeline().Cursor()/12 != 2022 {
		m = send(m, keys("H")...)
	}
	m = send(m, keys("enter", "Q")...)
	if n := m.over.Quotes.Speakers(); n == 0 || n >= all {
		t.Fatalf("2022 has %d of %d speakers", n, all)
	}
	if m = send(m, keys("esc")...); m.over.Open != overlay.None {
		t.Fatal("esc left the explorer open")
	}
	// q typed into the explorer's filter is a letter, not quit.
	m = send(m, keys("Q", "/", "q")...)
	if m.over.Open != overlay.Quotes || !m.over.Quotes.Filtering() {
		t.Fatal("q in the filter quit or closed the explorer")
	}
}

// TestFacetPicker: F opens the picker; enter adds the value to the search
// as an operator, and the list shows its articles.
func TestFacetPicker(t *testing.T) {
	m := newModel(t, parse.Embedded(), 120, 40)
	m = send(m, keys("F")...)
	if m.over.Open != overlay.Facets || m.over.Facets.Kind() != "source" {
		t.Fatalf("F: overlay %d kind %s", m.over.Open, m.over.Facets.Kind())
	}
	m = send(m, keys("/", "i", "n", "t", "e", "r", "enter", "enter")...)
	if m.over.Open != overlay.None {
		t.Fatal("enter did not close the picker")
	}
	if m.Len() != 1 || m.Selected().Source != "Interfax" {
		t.Fatalf("source:Interfax shows %d, %v", m.Len(), m.Selected())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "source:Interfax") {
		t.Fatalf("the status line does not show the facet:\n%s", v)
	}
}

// TestSkippedView: ! lists every skipped file with its reason.
func TestSkippedView(t *testing.T) {
	m := newModel(t, synth(3), 80, 24)
	m = send(m, feed.LoadDone([]load.Skipped{{Path: "news/x.bin", Reason: "binary file"},
		{Path: "news/y.md", Reason: "front matter ignored: bad", Kept: true}}, nil))
	m = send(m, keys("!")...)
	v := ansi.Strip(m.View())
	for _, s := range []string{"news/x.bin", "binary file", "news/y.md", "loaded, but front matter ignored", "Skipped 1 · warnings 1"} {
		if !strings.Contains(v, s) {
			t.Errorf("%q missing:\n%s", s, v)
		}
	}
	if m = send(m, keys("!")...); m.over.Open != overlay.None {
		t.Fatal("! again left the view open")
	}
}

// TestSearchOnStatusLine: the search line takes the status line's place,
// the hits counted at its right, and the layout does not move.
func TestSearchOnStatusLine(t *testing.T) {
	m := newModel(t, parse.Embedded(), 80, 24)
	lay := m.lay
	m = send(m, keys("/", "c", "s", "t", "o")...)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "/") || !strings.Contains(last, "cst") || !strings.Contains(last, "hits for") {
		t.Fatalf("search line: %q", last)
	}
	if m.lay != lay || len(lines) != 24 {
		t.Fatalf("layout moved: %d lines", len(lines))
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.search().Active() {
		t.Fatal("esc left the line open")
	}
}
