package search

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"dossier/corpus/parse"
	"dossier/model/internal/panetest"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii) // goldens are plain text
	os.Exit(m.Run())
}

// indexed is a search line over the embedded corpus, its index built.
func indexed(t *testing.T) Model {
	t.Helper()
	m := New(DefaultKeyMap())
	m.SetSize(80, 1)
	for _, msg := range panetest.Run(m.Index(parse.Embedded())) {
		m, _ = m.Update(msg)
	}
	if !m.Indexed() {
		t.Fatal("no index")
	}
	return m
}

func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		find bool
		keys []string
		want []tea.Msg // what the last key sent
	}{
		{false, []string{"k"}, []tea.Msg{QueryChangedMsg{Query: "k", Seq: 1}}},
		{false, []string{"k", "j"}, []tea.Msg{QueryChangedMsg{Query: "kj", Seq: 2}}},
		{true, []string{"s"}, []tea.Msg{QueryChangedMsg{Query: "s", InArticle: true, Seq: 1}}},
		{false, []string{"down"}, []tea.Msg{BrowsedMsg{Delta: 1}}},
		{false, []string{"up"}, []tea.Msg{BrowsedMsg{Delta: -1}}},
		{true, []string{"down"}, nil},
		{false, []string{"esc"}, []tea.Msg{ClearedMsg{}}},
		{true, []string{"esc"}, []tea.Msg{FindClosedMsg{}}},
		{false, []string{"enter"}, []tea.Msg{SubmittedMsg{}}},
		{true, []string{"enter"}, nil},
		{false, []string{"ctrl+c"}, []tea.Msg{tea.QuitMsg{}}},
	} {
		m := indexed(t)
		if tc.find {
			m.OpenFind("")
		} else {
			m.OpenCorpus()
		}
		var got []tea.Msg
		for _, k := range tc.keys {
			var cmd tea.Cmd
			m, cmd = m.Update(panetest.Key(k))
			got = panetest.Said(cmd)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("find %v %v: sent %#v, want %#v", tc.find, tc.keys, got, tc.want)
		}
	}
}

// TestGenerations: an answer to an older query is dropped.
func TestGenerations(t *testing.T) {
	m := indexed(t)
	m.OpenCorpus()
	m, c1 := m.Update(panetest.Key("i"))
	m, c2 := m.Update(panetest.Key("m"))
	var answers []DoneMsg
	for _, msg := range append(panetest.Run(c1), panetest.Run(c2)...) {
		if d, ok := msg.(DoneMsg); ok {
			answers = append(answers, d)
		}
	}
	if len(answers) != 2 || answers[1].Gen <= answers[0].Gen {
		t.Fatalf("answers %+v", answers)
	}
	m, cmd := m.Update(answers[1])
	if got := panetest.Said(cmd); len(got) != 1 || got[0].(HitsChangedMsg).Query != "im" {
		t.Fatalf("the newer answer sent %v", got)
	}
	m, cmd = m.Update(answers[0])
	if cmd != nil || m.Query() != "im" {
		t.Fatalf("the older answer was taken: %q", m.Query())
	}
	if m.Status() != fmt.Sprintf("%d hits for %q", len(m.Hits()), "im") && m.Status() != `1 hit for "im"` {
		t.Fatalf("status %q", m.Status())
	}
	m.Clear()
	if m.Hits() != nil || m.Showing() {
		t.Fatal("Clear kept the hits")
	}
	if _, cmd = m.Update(answers[1]); cmd != nil {
		t.Fatal("an answer after Clear was taken")
	}
}

// TestPending: a query typed before the index waits for it.
func TestPending(t *testing.T) {
	m := New(DefaultKeyMap())
	m.SetSize(80, 1)
	m.OpenCorpus()
	m, _ = m.Update(panetest.Key("x"))
	if m.Status() != "indexing…" {
		t.Fatalf("status %q", m.Status())
	}
	m, cmd := m.Update(panetest.Run(m.Index(parse.Embedded()))[0])
	found := false
	for _, msg := range panetest.Run(cmd) {
		_, found = msg.(DoneMsg)
	}
	if !found {
		t.Fatal("the waiting query did not run once indexed")
	}
}

// TestGolden pins the line: closed, searching the corpus, finding in an
// article. Refresh with go test ./model/search -update.
func TestGolden(t *testing.T) {
	for _, w := range []int{40, 80, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m := New(DefaultKeyMap())
			m.SetSize(w, 1)
			m.OpenCorpus()
			t.Run("empty", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m, _ = m.Update(panetest.Key("kyrgyz"))
			t.Run("corpus", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m.OpenFind("summit")
			t.Run("find", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
		})
	}
}

// typeQuery types s into an open corpus search and delivers every answer.
func typeQuery(m Model, s string) Model {
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		for _, msg := range panetest.Run(cmd) {
			m, _ = m.Update(msg)
		}
	}
	return m
}

func TestQueryLanguageOnTheLine(t *testing.T) {
	m := indexed(t)
	m.OpenCorpus()
	m = typeQuery(m, "csto speaker:imankulov")
	if got := m.Status(); got != "2 hits for csto · speaker:imankulov" {
		t.Errorf("status %q: the query as understood", got)
	}
	// A bad operator says so, and the last good hits stay.
	m = typeQuery(m, " speakr")
	before := len(m.hits)
	m = typeQuery(m, ":x")
	if got := m.Status(); got != "query: unknown operator speakr: (try speaker: source: tag: since: until)" {
		t.Errorf("status after a bad operator: %q", got)
	}
	if m.hits == nil || len(m.hits) != before {
		t.Errorf("hits after a bad operator: %d, want the %d of the last good query", len(m.hits), before)
	}
}

func TestLineIsCleaned(t *testing.T) {
	m := indexed(t)
	m.OpenCorpus()
	m = typeQuery(m, "ja\u202ep\u2066\u200b\ufeffa\U000e0041r")
	if v := m.Value(); v != "japar" {
		t.Errorf("the line holds %q, want the bidi and invisible characters gone", v)
	}
}

func TestAddOperator(t *testing.T) {
	m := indexed(t)
	m.OpenCorpus()
	m = typeQuery(m, "csto")
	for _, msg := range panetest.Run(m.AddOperator("source", "24.kg")) {
		m, _ = m.Update(msg)
	}
	if v := m.Value(); v != "csto source:24.kg " || m.Status() != "2 hits for csto · source:24.kg" {
		t.Errorf("after a picked source: %q, %q", v, m.Status())
	}
	for _, msg := range panetest.Run(m.AddOperator("speaker", "Marat Imankulov")) {
		m, _ = m.Update(msg)
	}
	if v := m.Value(); v != `csto source:24.kg speaker:"Marat Imankulov" ` {
		t.Errorf("a value with a space: %q", v)
	}
}
