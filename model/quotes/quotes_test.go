package quotes

import (
	"fmt"
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
	"dossier/model/internal/panetest"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii) // goldens are plain text
	os.Exit(m.Run())
}

func newExplorer(t *testing.T, w, h int) (Model, []corpus.Article) {
	t.Helper()
	arts := parse.Embedded()
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	m.SetArticles(arts, corpus.NewTimeline(arts), search.People(arts))
	m.SetSize(w, h)
	m.Focus()
	return m, arts
}

func send(m Model, keys ...string) (Model, []tea.Msg) {
	var out []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(panetest.Key(k))
		out = append(out, panetest.Said(cmd)...)
	}
	return m, out
}

func TestExplorerKeys(t *testing.T) {
	m, arts := newExplorer(t, 80, 24)
	if m.Speakers() < 4 || m.people[m.rows[0]].Name != "Marat Imankulov" || len(m.people[m.rows[0]].Quotes) != 7 {
		t.Fatalf("speakers: %d, first %+v", m.Speakers(), m.people[m.rows[0]])
	}
	// / filters fuzzily; enter keeps the filter and gives the keys back.
	m, _ = send(m, "/", "j", "a", "p", "a")
	if !m.Filtering() || m.Speakers() != 1 || m.people[m.rows[0]].Name != "Sadyr Japarov" {
		t.Fatalf("after /japa: filtering %v, %d speakers", m.Filtering(), m.Speakers())
	}
	m, _ = send(m, "enter")
	if m.Filtering() || m.Speakers() != 1 {
		t.Fatalf("enter should end the filter and keep it")
	}
	// enter opens the speaker; enter on a quote asks for its article.
	m, _ = send(m, "enter")
	if m.Person() != "Sadyr Japarov" {
		t.Fatalf("person %q", m.Person())
	}
	m, msgs := send(m, "enter")
	if len(msgs) != 1 {
		t.Fatalf("enter on a quote sent %v", msgs)
	}
	op, ok := msgs[0].(OpenedMsg)
	if !ok || !strings.HasPrefix(arts[op.Doc].ID, "001") || arts[op.Doc].Quotes[op.Quote].Speaker != "Sadyr Japarov" {
		t.Fatalf("opened %+v", msgs[0])
	}
	// esc: back to the speakers, then the filter goes, then the pane.
	m, msgs = send(m, "esc")
	if m.Person() != "" || len(msgs) != 0 || m.Speakers() != 1 {
		t.Fatalf("first esc: person %q, %v", m.Person(), msgs)
	}
	m, msgs = send(m, "esc")
	if m.Speakers() < 4 || len(msgs) != 0 {
		t.Fatalf("second esc should clear the filter: %d speakers", m.Speakers())
	}
	_, msgs = send(m, "esc")
	if len(msgs) != 1 || msgs[0] != (ClosedMsg{}) {
		t.Fatalf("third esc: %v", msgs)
	}
}

func TestExplorerQuotesInDateOrder(t *testing.T) {
	m, arts := newExplorer(t, 80, 24)
	m, _ = send(m, "enter") // Marat Imankulov, the most quoted
	var got []string
	for range 7 {
		var msgs []tea.Msg
		m, msgs = send(m, "enter", "down")
		got = append(got, arts[msgs[0].(OpenedMsg).Doc].ID[:3])
	}
	if strings.Join(got, " ") != "002 002 002 000 000 000 000" {
		t.Errorf("quotes in order %v, want 002's (2022) then 000's (undated)", got)
	}
}

func TestExplorerFilterIsCleaned(t *testing.T) {
	m, _ := newExplorer(t, 80, 24)
	m, _ = send(m, "/", "ja\u202e\u200bp\x1b[2J")
	if v := m.input.Value(); v != "jap[2J" {
		t.Errorf("filter holds %q", v)
	}
}

func TestExplorerScope(t *testing.T) {
	m, arts := newExplorer(t, 80, 24)
	var docs []int
	for i, a := range arts {
		if a.Date.Year == 2024 {
			docs = append(docs, i)
		}
	}
	m.SetScope(docs)
	if m.Speakers() != 1 || m.people[m.rows[0]].Name != "Taalatbek Masadykov" {
		t.Fatalf("2024 only: %d speakers", m.Speakers())
	}
	m.SetScope(nil)
	if m.Speakers() < 4 {
		t.Fatalf("scope cleared: %d speakers", m.Speakers())
	}
	m.SetScope([]int{})
	if v := m.View(); !strings.Contains(v, "no attributed quotes here") {
		t.Errorf("empty scope:\n%s", v)
	}
}

// TestScopeReordersByWhatIsShown: narrowed to 2020, the person quoted
// most there comes first, whoever is quoted most in the whole corpus.
func TestScopeReordersByWhatIsShown(t *testing.T) {
	mk := func(id string, year int, speaker string, n int) corpus.Article {
		a := corpus.Article{ID: id, Title: id, Paragraphs: []string{"x"}, Date: corpus.YearDate(year)}
		for range n {
			a.Quotes = append(a.Quotes, corpus.Quote{Text: "words said", Speaker: speaker, Kind: corpus.Speech})
		}
		return a
	}
	arts := []corpus.Article{mk("a", 2018, "Marat Imankulov", 5), mk("b", 2020, "Marat Imankulov", 1), mk("c", 2020, "Sadyr Japarov", 3)}
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	m.SetArticles(arts, corpus.NewTimeline(arts), search.People(arts))
	m.SetSize(80, 20)
	if m.people[m.rows[0]].Name != "Marat Imankulov" {
		t.Fatalf("whole corpus: %s first", m.people[m.rows[0]].Name)
	}
	m.SetScope([]int{1, 2})
	if m.Speakers() != 2 || m.people[m.rows[0]].Name != "Sadyr Japarov" {
		t.Fatalf("2020: %d speakers, %s first, want Sadyr Japarov (3 quotes there, against 1)", m.Speakers(), m.people[m.rows[0]].Name)
	}
}

func TestExplorerSizes(t *testing.T) {
	m, _ := newExplorer(t, 1, 1)
	for _, size := range [][2]int{{1, 1}, {0, 0}, {5, 2}, {20, 6}} {
		m.SetSize(size[0], size[1])
		m, _ = send(m, "enter", "G", "j", "esc", "/", "x", "esc")
		_ = m.View()
	}
}

func TestExplorerGolden(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		m, _ := newExplorer(t, size[0], size[1])
		t.Run(fmt.Sprintf("speakers-%dx%d", size[0], size[1]), func(t *testing.T) {
			golden.RequireEqual(t, []byte(m.View()))
		})
		m, _ = send(m, "enter")
		t.Run(fmt.Sprintf("quotes-%dx%d", size[0], size[1]), func(t *testing.T) {
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// TestFilterAcrossScripts: the seeds spell every speaker in Latin; typed
// in Cyrillic, the filter finds them all the same.
func TestFilterAcrossScripts(t *testing.T) {
	for q, want := range map[string]string{"иманк": "Marat Imankulov", "жапаров": "Sadyr Japarov", "Масадыков": "Taalatbek Masadykov", "dschaparow": "Sadyr Japarov"} {
		m, _ := newExplorer(t, 80, 24)
		m, _ = send(m, "/")
		m, _ = send(m, strings.Split(q, "")...)
		if m.Speakers() == 0 || m.people[m.rows[0]].Name != want {
			t.Errorf("/%s: %d speakers, want %s first", q, m.Speakers(), want)
		}
		if v := m.View(); m.Speakers() == 1 && !strings.Contains(v, "· 1 speaker]") {
			t.Errorf("/%s: the title does not count one speaker:\n%s", q, v)
		}
	}
	m, _ := newExplorer(t, 80, 24)
	m, _ = send(m, "/", "q", "q", "q")
	if v := m.View(); !strings.Contains(v, "no speaker matches “qqq”") {
		t.Errorf("a filter matching no one says so:\n%s", v)
	}
}

// TestFilterFindsTheWordStartFirst: "iman" finds the people whose name
// has a word starting so first, the most quoted first, in either script.
func TestFilterFindsTheWordStartFirst(t *testing.T) {
	mk := func(id, speaker string, n int) corpus.Article {
		a := corpus.Article{ID: id, Title: id, Paragraphs: []string{"x"}}
		for i := 0; i < n; i++ {
			a.Quotes = append(a.Quotes, corpus.Quote{Text: "words said", Speaker: speaker, Kind: corpus.Speech})
		}
		return a
	}
	arts := []corpus.Article{mk("a", "Imankulov Aibek", 1), mk("b", "Marat Imankulov", 5), mk("c", "Ivan Mankov", 2), mk("d", "Иманкулов Марат", 3)}
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	m.SetArticles(arts, corpus.NewTimeline(arts), search.People(arts))
	m.SetSize(80, 20)
	var got []string
	for _, q := range []string{"iman", "иман"} {
		m.input.SetValue(q)
		m.refilter()
		got = got[:0]
		for _, r := range m.rows {
			got = append(got, m.people[r].Name)
		}
		if len(got) == 0 || !strings.Contains(got[0], "Imankulov") && !strings.Contains(got[0], "Иманкулов") {
			t.Fatalf("%s: %v", q, got)
		}
		if q == "iman" && got[0] != "Marat Imankulov" {
			t.Fatalf("iman: %v, want the most quoted Imankulov first", got)
		}
	}
}

// TestFilterKeysFromTheKeyMap: while the filter is typed in, esc drops it
// and the arrows move, through the key map, so a config can remap them;
// a letter bound elsewhere (j) still types.
func TestFilterKeysFromTheKeyMap(t *testing.T) {
	m, _ := newExplorer(t, 80, 24)
	all := m.Speakers()
	m, _ = send(m, "/", "j", "a")
	if !m.Filtering() || m.Speakers() >= all {
		t.Fatalf("/ja: filtering %v, %d of %d speakers", m.Filtering(), m.Speakers(), all)
	}
	m, _ = send(m, "esc")
	if m.Filtering() || m.Speakers() != all || m.input.Value() != "" {
		t.Fatalf("esc: filtering %v, %d speakers, %q", m.Filtering(), m.Speakers(), m.input.Value())
	}
	km := DefaultKeyMap()
	km.CancelFilter.SetKeys("ctrl+g")
	m.keys = km
	m, _ = send(m, "/", "m", "a")
	m, _ = send(m, "esc") // no longer cancels: the filter stays on
	if !m.Filtering() {
		t.Fatal("esc cancelled a filter whose cancel key is ctrl+g")
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlG})
	if m.Filtering() || m.input.Value() != "" {
		t.Fatalf("ctrl+g: filtering %v, %q", m.Filtering(), m.input.Value())
	}
}
