package article

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/model/internal/panetest"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii) // goldens are plain text
	os.Exit(m.Run())
}

func longArticle() *corpus.Article {
	long := make([]string, 80)
	for i := range long {
		long[i] = "Paragraph number " + strings.Repeat("x", i%7) + " of a long article."
	}
	long[40] = "Halfway, the summit."
	return &corpus.Article{ID: "long", Title: "Long one", Source: "Wire", Paragraphs: long,
		Date: corpus.Date{Year: 2022, Month: 5, Day: 1, Prec: corpus.PrecDay}}
}

// settle runs cmd's replies through m until there are none, the way the
// root does.
func settle(m Model, cmd tea.Cmd) Model {
	for msgs := panetest.Said(cmd); len(msgs) > 0; {
		var next []tea.Msg
		for _, msg := range msgs {
			var c tea.Cmd
			m, c = m.Update(msg)
			next = append(next, panetest.Said(c)...)
		}
		msgs = next
	}
	return m
}

func newPane(p termenv.Profile) Model {
	return New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), p), ui.NewRenderer(ui.DarkTheme(), p))
}

// shown is a pane w×h showing a, its rendering delivered.
func shown(t *testing.T, a *corpus.Article, query string, w, h int) Model {
	t.Helper()
	return shownIn(t, termenv.Ascii, a, query, w, h)
}

func shownIn(t *testing.T, p termenv.Profile, a *corpus.Article, query string, w, h int) Model {
	t.Helper()
	m := newPane(p)
	m.SetSize(w, h)
	m.Focus()
	m = settle(m, m.Show(0, a, query, query != ""))
	if _, ok := m.Rendered(); !ok {
		t.Fatal("not rendered")
	}
	return m
}

func TestScrollKeys(t *testing.T) {
	m := shown(t, longArticle(), "", 80, 24)
	height := m.vp.Height
	for _, tc := range []struct {
		key  string
		want int // the offset after it, -1 for the bottom
	}{
		{"j", 1}, {"j", 2}, {"k", 1}, {" ", 1 + height}, {"b", 1}, {"G", -1}, {"g", 0},
	} {
		var cmd tea.Cmd
		m, cmd = m.Update(panetest.Key(tc.key))
		if got := panetest.Said(cmd); got != nil {
			t.Errorf("%q sent %v", tc.key, got)
		}
		if tc.want < 0 && !m.vp.AtBottom() || tc.want >= 0 && m.vp.YOffset != tc.want {
			t.Errorf("%q: offset %d, want %d", tc.key, m.vp.YOffset, tc.want)
		}
	}
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.vp.YOffset != 3 {
		t.Fatalf("wheel: offset %d", m.vp.YOffset)
	}
	// A new size keeps the offset within the text.
	m.SetSize(80, 200)
	if m.vp.Height != 198 || m.vp.YOffset > max(m.vp.TotalLineCount()-m.vp.Height, 0) {
		t.Fatalf("resize: height %d offset %d", m.vp.Height, m.vp.YOffset)
	}
}

func TestMessages(t *testing.T) {
	for _, tc := range []struct {
		query, key string
		find       bool
		want       tea.Msg
	}{
		{"", "n", false, StepRequestedMsg{Delta: 1}},
		{"", "p", false, StepRequestedMsg{Delta: -1}},
		{"summit", "n", false, nil}, // n moves between the matches
		{"summit", "p", false, StepRequestedMsg{Delta: -1}},
		{"", "esc", false, BackPressedMsg{}},
		{"summit", "esc", true, FindClosedMsg{}},
	} {
		m := shown(t, longArticle(), tc.query, 80, 24)
		m.SetFinding(tc.find)
		m, cmd := m.Update(panetest.Key(tc.key))
		var got tea.Msg
		if msgs := panetest.Said(cmd); len(msgs) > 0 {
			got = msgs[0]
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q with query %q: sent %#v, want %#v", tc.key, tc.query, got, tc.want)
		}
		if tc.find && m.Finding() {
			t.Errorf("esc left the find on")
		}
	}
}

// TestFind: the matches of a query, the title's counted first, n and N
// moving between them, and the help leading with them.
func TestFind(t *testing.T) {
	a := &corpus.Article{ID: "a", Title: "Summit talk", Paragraphs: []string{"one summit", "two", "three dam summits"}}
	m := newPane(termenv.Ascii)
	m.SetSize(60, 20)
	m.SetFinding(true)
	cmd := m.Show(0, a, "summit", true)
	if cmd == nil {
		t.Fatal("no render asked for")
	}
	if m.MatchText() != "finding…" {
		t.Fatalf("before the rendering: %q", m.MatchText())
	}
	m = settle(m, cmd)
	if m.MatchText() != "1/3" || !reflect.DeepEqual(m.matchLines, []int{0, 3, 7}) {
		t.Fatalf("status %q lines %v", m.MatchText(), m.matchLines)
	}
	if sp := m.loc.spans[0]; sp.Para != ui.TitlePara || a.Title[sp.Start:sp.End] != "Summit" {
		t.Fatalf("first match %+v is not the title's", sp)
	}
	m, _ = m.Update(panetest.Key("n"))
	if m.Match() != 1 || m.MatchText() != "2/3" {
		t.Fatalf("n: %d %q", m.Match(), m.MatchText())
	}
	m, _ = m.Update(panetest.Key("N"))
	m, _ = m.Update(panetest.Key("N"))
	if m.Match() != 2 {
		t.Fatalf("N N: %d", m.Match())
	}
	if got := m.ShortHelp()[0].Help().Desc; got != "next match" {
		t.Fatalf("help leads with %q", got)
	}
	// A new query on the same rendering locates without rendering again.
	cmd = m.Show(0, a, "dam", true)
	if msgs := panetest.Said(cmd); len(msgs) != 1 {
		t.Fatalf("replies %v", msgs)
	} else if _, ok := msgs[0].(locatedMsg); !ok {
		t.Fatalf("a new query sent %T, want a locatedMsg", msgs[0])
	}
	m = settle(m, m.Show(0, a, "dam", true))
	if m.MatchText() != "1/1" {
		t.Fatalf("dam: %q", m.MatchText())
	}
	m = settle(m, m.Show(0, a, "zzz", true))
	if m.MatchText() != "no matches" || len(m.ShortHelp()) == 0 || m.ShortHelp()[0].Help().Desc == "next match" {
		t.Fatalf("no match: %q", m.MatchText())
	}
}

func TestStaleRenderDropped(t *testing.T) {
	m := shown(t, longArticle(), "", 80, 24)
	old := m.want
	other := &corpus.Article{ID: "other", Title: "Other", Paragraphs: []string{"x"}}
	if m.Show(1, other, "", false) == nil { // asks for another article, not run
		t.Fatal("no render asked for")
	}
	m, _ = m.Update(renderedMsg{gen: m.gen - 1, key: old, r: rendered{text: "STALE"}})
	if strings.Contains(m.View(), "STALE") {
		t.Fatal("an old rendering replaced the wanted one")
	}
}

// TestGolden pins the pane at three sizes: an article, and no article.
// Refresh with go test ./model/article -update.
func TestGolden(t *testing.T) {
	a := parse.Embedded()[2]
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 40}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := shown(t, &a, "", sz.w, sz.h)
			m, _ = m.Update(panetest.Key("j"))
			t.Run("article", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m.Clear()
			m.Blur()
			t.Run("none", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
		})
	}
}
