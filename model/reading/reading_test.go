package reading

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/model/common"
	"dossier/model/feed"
	"dossier/model/internal/panetest"
	"dossier/model/keymap"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// screen is a reading screen over the seeds at w×h, with what it said
// upward (notes) collected as the runtime would deliver them.
type screen struct {
	t     *testing.T
	m     Model
	notes []string
}

func newScreen(t *testing.T, arts []corpus.Article, w, h int) *screen {
	t.Helper()
	st := ui.NewStyles(ui.DarkTheme(), termenv.Ascii)
	s := &screen{t: t, m: New(keymap.Default(), st, Options{Renderer: ui.NewRenderer(ui.DarkTheme(), termenv.Ascii), Source: "seeds", ExportDir: t.TempDir()})}
	s.send(feed.GrewMsg{Arts: arts})
	s.send(feed.UnindexedMsg{Arts: arts})
	s.run(s.m.SetScreen(ui.Layout(w, h)))
	return s
}

// send delivers msgs and runs what they return, feeding its messages back.
func (s *screen) send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		var cmd tea.Cmd
		s.m, cmd = s.m.Update(msg)
		s.run(cmd)
	}
}

func (s *screen) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			s.run(c)
		}
	case common.NotedMsg:
		s.notes = append(s.notes, msg.Text)
	default:
		s.send(msg)
	}
}

func (s *screen) keys(ks ...string) {
	for _, k := range ks {
		s.send(panetest.Key(k))
	}
}

func (s *screen) selected() string {
	if d := s.m.list.Selected(); d >= 0 {
		return s.m.arts[d].ID
	}
	return ""
}

// TestWideOpensTheSelection: in a wide window the newest article is open
// beside the list from the first frame, and j opens the next one.
func TestWideOpensTheSelection(t *testing.T) {
	s := newScreen(t, parse.Embedded(), 120, 40)
	if d := s.m.article.Doc(); d < 0 || s.m.arts[d].ID != s.selected() {
		t.Fatalf("open %d, selected %s", d, s.selected())
	}
	first := s.selected()
	s.keys("j")
	if s.selected() == first || s.m.arts[s.m.article.Doc()].ID != s.selected() {
		t.Fatalf("j: selected %s, open %d", s.selected(), s.m.article.Doc())
	}
	if v := s.m.View(); !strings.Contains(v, s.m.arts[s.m.article.Doc()].Title[:20]) {
		t.Fatalf("the open article's title is not on screen:\n%s", v)
	}
}

// TestTabCycles: tab goes list, article, timeline and back; in a narrow
// window focusing the article opens the selected one in the list's place.
func TestTabCycles(t *testing.T) {
	s := newScreen(t, parse.Embedded(), 60, 24)
	if s.m.article.Doc() >= 0 {
		t.Fatal("a narrow window opened an article before it was asked")
	}
	want := []Focus{FocusArticle, FocusTimeline, FocusList}
	for i, f := range want {
		s.keys("tab")
		if s.m.Focus() != f {
			t.Fatalf("tab %d: focus %v, want %v", i+1, s.m.Focus(), f)
		}
		if f == FocusArticle && (s.m.article.Doc() < 0 || s.m.arts[s.m.article.Doc()].ID != s.selected()) {
			t.Fatal("focusing the article did not open the selection")
		}
	}
}

// TestStepPastTheEnd: J on the last article says so on the status line,
// through the root, and moves nothing.
func TestStepPastTheEnd(t *testing.T) {
	s := newScreen(t, parse.Embedded(), 120, 40)
	s.keys("G", "enter")
	last := s.selected()
	s.keys("J")
	if s.selected() != last || len(s.notes) != 1 || s.notes[0] != "no more articles" {
		t.Fatalf("J at the end: selected %s (was %s), notes %q", s.selected(), last, s.notes)
	}
	s.keys("K")
	if s.selected() == last {
		t.Fatal("K did not step back")
	}
}

// TestTimelineFilterScopes: a year picked on the timeline narrows the list
// and the scope the quotes explorer is given; esc in the list clears it.
func TestTimelineFilterScopes(t *testing.T) {
	s := newScreen(t, parse.Embedded(), 120, 40)
	all, gen := s.m.Scope()
	if all != nil {
		t.Fatalf("an unfiltered list gave the scope %v", all)
	}
	s.keys("tab", "tab", "enter")
	scope, gen2 := s.m.Scope()
	if s.m.timeline.Label() == "" || scope == nil || len(scope) >= len(s.m.arts) || gen2 == gen {
		t.Fatalf("filter %q: scope %v of %d (gen %d→%d)", s.m.timeline.Label(), scope, len(s.m.arts), gen, gen2)
	}
	for _, d := range scope {
		if !strings.HasPrefix(s.m.arts[d].Date.String(), s.m.timeline.Label()) {
			t.Fatalf("%s (%s) is outside %s", s.m.arts[d].ID, s.m.arts[d].Date, s.m.timeline.Label())
		}
	}
	s.keys("tab", "esc")
	if scope, _ := s.m.Scope(); scope != nil || s.m.list.Len() != len(s.m.arts) {
		t.Fatalf("esc left the scope %v, %d rows", scope, s.m.list.Len())
	}
}

// TestReplacedKeepsTheSelection: a new corpus (a live folder's change)
// keeps the selected article selected, by its new number.
func TestReplacedKeepsTheSelection(t *testing.T) {
	arts := parse.Embedded()
	s := newScreen(t, arts, 120, 40)
	s.keys("j", "j")
	sel := s.selected()
	// The same articles in reverse, one (not the selected) gone.
	var next []corpus.Article
	at := map[int]int{}
	dropped := false
	for i := len(arts) - 1; i >= 0; i-- {
		if !dropped && arts[i].ID != sel {
			dropped = true
			continue
		}
		at[i] = len(next)
		next = append(next, arts[i])
	}
	old := func(d int) int {
		if n, ok := at[d]; ok {
			return n
		}
		return -1
	}
	s.send(feed.ReplacedMsg{Arts: next, Old: old})
	if s.selected() != sel || s.m.list.Len() != len(next) {
		t.Fatalf("after the change: selected %s (want %s), %d rows", s.selected(), sel, s.m.list.Len())
	}
}

// TestShowQuote: a pick in the explorer selects and opens the article
// with the keyboard on it.
func TestShowQuote(t *testing.T) {
	arts := parse.Embedded()
	s := newScreen(t, arts, 120, 40)
	doc := -1
	for i := range arts {
		if len(arts[i].Quotes) > 1 {
			doc = i
		}
	}
	s.send(ShowQuoteMsg{Doc: doc, Quote: 1})
	if s.m.Focus() != FocusArticle || s.m.article.Doc() != doc || s.m.list.Selected() != doc {
		t.Fatalf("focus %v, open %d, selected %d, want %d", s.m.Focus(), s.m.article.Doc(), s.m.list.Selected(), doc)
	}
	if q, ok := s.m.article.CurrentQuote(); !ok || q.Text != arts[doc].Quotes[1].Text {
		t.Fatalf("current quote %q, want %q", q.Text, arts[doc].Quotes[1].Text)
	}
	s.send(ShowQuoteMsg{Doc: len(arts), Quote: 0}) // a stale pick is ignored
}

// TestTinyScreens: every key at 1×1 and 2×3 leaves the screen whole.
func TestTinyScreens(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {2, 3}, {0, 0}} {
		s := newScreen(t, parse.Embedded(), sz[0], sz[1])
		s.keys("j", "tab", "enter", "J", "/", "esc", "tab", "l", "enter", "esc")
		_ = s.m.View()
		_ = s.m.TimelineView()
	}
}

// TestGolden: the reading screen on the seeds at 120×40 (list and
// article beside each other) and 80×24 (the list, then the article),
// with the timeline drawn apart.
func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			s := newScreen(t, parse.Embedded(), sz[0], sz[1])
			t.Run("list", func(t *testing.T) { golden.RequireEqual(t, []byte(s.m.TimelineView()+"\n"+s.m.View())) })
			s.keys("j", "tab")
			t.Run("article", func(t *testing.T) { golden.RequireEqual(t, []byte(s.m.View())) })
		})
	}
}

// TestSnippetsAsTheListScrolls: the search gives snippets to its first
// hits only; the rows the list reaches further down get theirs as they
// come on screen.
func TestSnippetsAsTheListScrolls(t *testing.T) {
	var arts []corpus.Article
	for i := range 120 {
		text := fmt.Sprintf("Report number %d\n\nOn day %d the regional security council met in Bishkek and heard the report.\n", i, i)
		arts = append(arts, parse.Text(fmt.Sprintf("a%03d", i), "a.txt", text, nil))
	}
	s := newScreen(t, arts, 120, 40)
	s.keys("/", "c", "o", "u", "n", "c", "i", "l")
	for range 60 {
		s.keys("down")
	}
	rows, snips := 0, 0
	for _, line := range strings.Split(s.m.View(), "\n") {
		left := ansiCut(line, 66) // the list's side of the screen
		if strings.Contains(left, "Report number") {
			rows++
		}
		if strings.Contains(left, "council") {
			snips++
		}
	}
	if rows < 5 || snips != rows {
		t.Fatalf("60 rows down: %d hits on screen, %d with a snippet:\n%s", rows, snips, s.m.View())
	}
}

// ansiCut is the first w runes of a plain (ASCII-profile) line.
func ansiCut(line string, w int) string {
	r := []rune(line)
	return string(r[:min(w, len(r))])
}
