package facets

import (
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"dossier/model/common"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

func send(m Model, keys ...tea.KeyMsg) (Model, []tea.Msg) {
	var out []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		if cmd != nil {
			if msg := cmd(); msg != nil {
				if _, later := msg.(common.LaterMsg); !later {
					out = append(out, msg)
				}
			}
		}
	}
	return m, out
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var (
	enter = tea.KeyMsg{Type: tea.KeyEnter}
	esc   = tea.KeyMsg{Type: tea.KeyEsc}
	tab   = tea.KeyMsg{Type: tea.KeyTab}
)

func picker(t *testing.T, arts []corpus.Article) Model {
	t.Helper()
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	m.SetArticles(arts, search.People(arts))
	m.SetSize(80, 24)
	m.Focus()
	return m
}

func TestPicker(t *testing.T) {
	m := picker(t, parse.Embedded())
	// Sources, most articles first: 24.kg has two, Interfax one.
	m, msgs := send(m, enter)
	if len(msgs) != 1 || msgs[0] != (PickedMsg{"source", "24.kg"}) {
		t.Fatalf("enter on the first source: %v", msgs)
	}
	m, msgs = send(m, runes("j"), enter)
	if len(msgs) != 1 || msgs[0] != (PickedMsg{"source", "Interfax"}) {
		t.Fatalf("the second source: %v", msgs)
	}
	// tab: the speakers; / filters them.
	m, _ = send(m, tab)
	if m.Kind() != "speaker" {
		t.Fatalf("tab gave %s", m.Kind())
	}
	m, _ = send(m, runes("/"), runes("m"), runes("a"), runes("s"), runes("a"), enter)
	if v := m.View(); !strings.Contains(v, "Facets · 1 speaker") || strings.Contains(v, "1 speakers") {
		t.Errorf("one speaker left, the title says:\n%s", v)
	}
	_, msgs = send(m, enter)
	if len(msgs) != 1 || msgs[0] != (PickedMsg{"speaker", "Taalatbek Masadykov"}) {
		t.Fatalf("filtered speaker: %v", msgs)
	}
	// typed in Cyrillic, the Latin name is found.
	m, _ = send(m, esc)
	m, _ = send(m, runes("/"), runes("д"), runes("ж"), runes("а"), runes("п"), enter)
	if _, msgs = send(m, enter); len(msgs) != 1 || msgs[0] != (PickedMsg{"speaker", "Sadyr Japarov"}) {
		t.Fatalf("speaker filtered in Cyrillic: %v", msgs)
	}
	// esc clears the filter, then closes.
	m, msgs = send(m, esc)
	if len(msgs) != 0 || m.input.Value() != "" {
		t.Fatalf("first esc: %v %q", msgs, m.input.Value())
	}
	_, msgs = send(m, esc)
	if len(msgs) != 1 || msgs[0] != (ClosedMsg{}) {
		t.Fatalf("second esc: %v", msgs)
	}
}

func TestPickerTags(t *testing.T) {
	arts := []corpus.Article{{ID: "a", Tags: []string{"CSTO", "SCO"}}, {ID: "b", Tags: []string{"CSTO"}}}
	m := picker(t, arts)
	m, _ = send(m, tab, tab)
	_, msgs := send(m, enter)
	if m.Kind() != "tag" || len(msgs) != 1 || msgs[0] != (PickedMsg{"tag", "CSTO"}) {
		t.Fatalf("tags: %s %v", m.Kind(), msgs)
	}
	if v := picker(t, parse.Embedded()); true {
		v, _ = send(v, tab, tab)
		if !strings.Contains(v.View(), "no tags in this corpus") {
			t.Errorf("the seeds have no tags:\n%s", v.View())
		}
	}
}

func TestPickerSizes(t *testing.T) {
	m := picker(t, parse.Embedded())
	for _, s := range [][2]int{{1, 1}, {0, 0}, {4, 2}, {30, 5}} {
		m.SetSize(s[0], s[1])
		m, _ = send(m, runes("j"), tab, runes("/"), runes("x"), esc, runes("k"))
		_ = m.View()
	}
}

func TestPickerGolden(t *testing.T) {
	m := picker(t, parse.Embedded())
	m, _ = send(m, tab)
	golden.RequireEqual(t, []byte(m.View()))
}
