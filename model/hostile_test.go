package model

import (
	"bytes"
	"context"
	"dossier/corpus/load"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/hostile"
	"dossier/ui"
)

// loadHostile writes the hostile corpus and loads it as the reader would.
func loadHostile(t *testing.T) ([]corpus.Article, hostile.Manifest) {
	t.Helper()
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	m, err := hostile.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	arts, _, err := load.Load(context.Background(), m.Root, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts, m
}

// TestHostileCorpusViews opens every article of the hostile corpus, in
// colour, and searches it: no view holds an escape other than SGR, and the
// visible words around each payload are on screen.
func TestHostileCorpusViews(t *testing.T) {
	arts, man := loadHostile(t)
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)

	check := func(what, v string) {
		t.Helper()
		if rest := sgr.ReplaceAllString(v, ""); strings.ContainsAny(rest, "\x1b\x07\x00\x08\x7f\u009b\u009d\u202e\u2066\ufeff") {
			i := strings.IndexAny(rest, "\x1b\x07\x00\x08\x7f\u009b\u009d\u202e\u2066\ufeff")
			t.Fatalf("%s: control reached the screen at %d: %q", what, i, rest[max(0, i-20):min(len(rest), i+20)])
		}
	}
	m := newModel(t, arts, 120, 40)
	check("list", m.View())
	seen := map[string]bool{}
	for i := 0; i < len(arts); i++ {
		m = send(m, keys("enter")...)
		v := m.View()
		a := m.Open()
		if a == nil {
			t.Fatalf("step %d: nothing open", i)
		}
		check(a.ID, v)
		rtext, ok := m.article().Rendered()
		if !ok {
			t.Fatalf("%s: not rendered", a.ID)
		}
		check(a.ID+" (whole render)", rtext)
		for _, p := range man.Payloads {
			if strings.TrimSuffix(p.Name, ".txt") == a.ID {
				text := sgr.ReplaceAllString(rtext, "")
				if !strings.Contains(text, p.Before) || !strings.Contains(text, p.After) {
					t.Errorf("%s: markers %s/%s lost", a.ID, p.Before, p.After)
				}
				seen[a.ID] = true
			}
		}
		m = send(m, keys("esc", "j")...)
	}
	if len(seen) != len(man.Payloads) {
		t.Errorf("opened %d of %d payload articles", len(seen), len(man.Payloads))
	}
	// Search results carry snippets of hostile text.
	m = send(m, keys("/", "b", "e", "f", "o", "r", "e")...)
	check("search", m.View())
	if !strings.Contains(m.View(), "Before") {
		t.Errorf("search for 'before' shows no hits:\n%s", m.View())
	}
}

// reDangerous are sequences the reader itself never sends: OSC, DCS, APC,
// PM, SOS, a terminal reset, and C1 controls. Bubble Tea's own cursor and
// mode sequences are CSI, so the raw stream can be held to this.
var reDangerous = regexp.MustCompile("\x1b[\\]P_^Xc]|[\u0080-\u009f]")

// TestHostileCorpusFlow runs the real program over the hostile corpus in
// teatest, walking through articles and waiting on the screen: the bytes
// that reach the terminal carry none of the payloads' sequences.
func TestHostileCorpusFlow(t *testing.T) {
	arts, _ := loadHostile(t)
	m := New(Options{Articles: arts, Theme: ui.DarkTheme(), Source: "hostile"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	var out bytes.Buffer
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			out.Write(b)
			return bytes.Contains(out.Bytes(), []byte(s))
		}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("hostile ·")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("words · ")
	for i := 0; i < 12; i++ {
		tm.Send(keyMsg("n"))
	}
	tm.Send(keyMsg("G"))
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Send(keyMsg("/"))
	for _, r := range "quoted" {
		tm.Send(keyMsg(string(r)))
	}
	wait("hits")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	rest, _ := bytesReadAll(tm)
	out.Write(rest)
	if loc := reDangerous.FindIndex(out.Bytes()); loc != nil {
		b := out.Bytes()
		t.Fatalf("dangerous sequence in the program's output at %d: %q", loc[0], b[max(0, loc[0]-20):min(len(b), loc[1]+20)])
	}
}

func bytesReadAll(tm *teatest.TestModel) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(tm.FinalOutput(nil))
	return b.Bytes(), err
}
