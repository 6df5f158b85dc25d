package model

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/load"
	csearch "dossier/corpus/search"
	"dossier/model/feed"
	"dossier/model/reading"
	"dossier/model/search"
	"dossier/ui"
)

func TestListKeys(t *testing.T) {
	arts := synth(100)
	m := newModel(t, arts, 120, 40)
	if m.Focus() != reading.FocusList || m.list().Cursor() != 0 {
		t.Fatalf("start: focus %v cursor %d", m.Focus(), m.list().Cursor())
	}
	// Newest first: the first row is the newest dated article.
	if got := m.Selected().ID; got != "a000098" {
		t.Fatalf("first row = %s, want the newest, a000098", got)
	}
	m = send(m, keys("j", "j", "down")...)
	if m.list().Cursor() != 3 {
		t.Fatalf("after j j down: cursor %d", m.list().Cursor())
	}
	m = send(m, keys("k")...)
	if m.list().Cursor() != 2 {
		t.Fatalf("after k: cursor %d", m.list().Cursor())
	}
	m = send(m, keys("G")...)
	// (The offset that keeps the cursor on the last line is the list
	// pane's own test, TestKeys in model/list.)
	if m.list().Cursor() != 99 || !strings.Contains(m.View(), "Articles 100/100") {
		t.Fatalf("after G: cursor %d", m.list().Cursor())
	}
	if !m.Selected().Date.IsZero() {
		t.Fatalf("last row %s is dated; undated articles go last", m.Selected().ID)
	}
	m = send(m, keys("g", "pgdown")...)
	if rows := (m.lay.List.H - 2) / 2; m.list().Cursor() != rows { // two lines an item, inside the border
		t.Fatalf("pgdown: cursor %d, rows %d", m.list().Cursor(), rows)
	}
	m = send(m, keys("pgup", "k", "k")...)
	if m.list().Cursor() != 0 {
		t.Fatalf("clamped at top: cursor %d", m.list().Cursor())
	}
	// Wide: the selection drives the article pane.
	m = send(m, keys("j")...)
	if m.Open() == nil || m.Open().ID != m.Selected().ID {
		t.Fatalf("article pane shows %v, list selects %s", m.Open(), m.Selected().ID)
	}
	if !strings.Contains(m.View(), "Body of") && !strings.Contains(m.View(), "Paragraph one of article") {
		t.Fatalf("article text not on screen:\n%s", m.View())
	}
}

func TestSortCycles(t *testing.T) {
	arts := []corpus.Article{art("x", 2020, 1, 1, "beta"), art("y", 2021, 1, 1, "Alpha"), art("z", 2019, 1, 1, "gamma")}
	m := newModel(t, arts, 120, 40)
	order := func() string {
		var ids []string
		for _, d := range m.list().Order() {
			ids = append(ids, m.arts()[d].ID)
		}
		return strings.Join(ids, "")
	}
	if order() != "yxz" {
		t.Fatalf("by date: %s", order())
	}
	m = send(m, keys("s")...)
	if order() != "yxz" || m.list().SortName() != "by title" { // Alpha beta gamma
		t.Fatalf("by title: %s", order())
	}
	m = send(m, keys("j", "s")...)
	if m.list().SortName() != "by date" || m.Selected().ID != "x" {
		t.Fatalf("sorting back keeps the selection: %s", m.Selected().ID)
	}
}

func TestFocusCycle(t *testing.T) {
	m := newModel(t, synth(20), 120, 40)
	want := []reading.Focus{reading.FocusArticle, reading.FocusTimeline, reading.FocusList}
	for i, f := range want {
		m = send(m, keys("tab")...)
		if m.Focus() != f {
			t.Fatalf("tab %d: focus %v, want %v", i+1, m.Focus(), f)
		}
	}
	m = send(m, keys("shift+tab")...)
	if m.Focus() != reading.FocusTimeline {
		t.Fatalf("shift+tab: %v", m.Focus())
	}
	// The focused pane's title is bracketed.
	if !strings.Contains(m.View(), "[Timeline") {
		t.Fatalf("timeline focus not marked:\n%s", m.View())
	}
}

func TestNarrowScreens(t *testing.T) {
	m := newModel(t, synth(20), 60, 20)
	if m.lay.Wide {
		t.Fatal("60 columns laid out wide")
	}
	if m.Open() != nil {
		t.Fatal("narrow list screen rendered an article nobody opened")
	}
	m = send(m, keys("j", "enter")...)
	if m.Focus() != reading.FocusArticle || m.Open() == nil || m.Open().ID != m.Selected().ID {
		t.Fatalf("enter: focus %v open %v", m.Focus(), m.Open())
	}
	v := m.View()
	if strings.Contains(v, "Articles") || !strings.Contains(v, m.Open().Title) {
		t.Fatalf("narrow article screen shows the list or lacks the article:\n%s", v)
	}
	m = send(m, keys("esc")...)
	if m.Focus() != reading.FocusList || !strings.Contains(m.View(), "Articles 2/20") {
		t.Fatalf("esc: focus %v\n%s", m.Focus(), m.View())
	}
	// Resizing wide puts both panes on screen and follows the selection.
	m = send(m, tea.WindowSizeMsg{Width: 130, Height: 40})
	if !m.lay.Wide || m.Open() == nil || m.Open().ID != m.Selected().ID {
		t.Fatalf("resize wide: wide %v open %v", m.lay.Wide, m.Open())
	}
}

// TestArticleScrollAndNext: the keys reach the article pane (its own
// tests in model/article hold the offsets), the wheel is routed to it by
// position, and n/p walk the list from it.
func TestArticleScrollAndNext(t *testing.T) {
	long := make([]string, 80)
	for i := range long {
		long[i] = "Paragraph number " + strings.Repeat("x", i%7) + " of a long article."
	}
	arts := []corpus.Article{art("long", 2022, 5, 1, "Long one", long...), art("short", 2022, 4, 1, "Short one")}
	m := newModel(t, arts, 120, 40)
	m = send(m, keys("enter")...)
	if m.Focus() != reading.FocusArticle || m.Open().ID != "long" {
		t.Fatalf("enter opened %v", m.Open())
	}
	top := m.View()
	if !strings.Contains(top, "· 0%") {
		t.Fatalf("no scroll position in the title:\n%s", top)
	}
	m = send(m, keys("G")...)
	if !strings.Contains(m.View(), "· 100%") {
		t.Fatalf("G: not at bottom:\n%s", m.View())
	}
	m = send(m, keys("g")...)
	if m.View() != top {
		t.Fatal("g: not back at the top")
	}
	m = send(m, wheel(100, 20, true))
	if v := m.View(); v == top {
		t.Fatalf("wheel did not scroll the article:\n%s", v)
	}
	m = send(m, keys("n")...)
	if m.Open().ID != "short" || m.Selected().ID != "short" {
		t.Fatalf("n: open %s selected %s", m.Open().ID, m.Selected().ID)
	}
	m = send(m, keys("n")...)
	if m.Open().ID != "short" || !strings.Contains(m.statusText(), "no more") {
		t.Fatalf("n at the end: %s / %s", m.Open().ID, m.statusText())
	}
	m = send(m, keys("p")...)
	if m.Open().ID != "long" {
		t.Fatalf("p: %s", m.Open().ID)
	}
	m = send(m, keys("esc")...)
	if m.Focus() != reading.FocusList {
		t.Fatalf("esc: %v", m.Focus())
	}
}

// timelineArts spans 2021 to 2024 with gaps.
func timelineArts() []corpus.Article {
	return []corpus.Article{
		art("n24", 2024, 3, 1, "newest"),
		art("j22", 2022, 1, 10, "january 22"),
		art("m22", 2022, 5, 10, "may 22"),
		art("d21", 2021, 6, 1, "june 21"),
		art("e21", 2021, 5, 1, "may 21"),
		{ID: "u", Title: "undated"},
	}
}

func TestTimelineFilter(t *testing.T) {
	m := newModel(t, timelineArts(), 120, 40)
	m = send(m, keys("tab", "tab")...)
	if m.Focus() != reading.FocusTimeline || m.timeline().Cursor() != month(2024, 3) {
		t.Fatalf("timeline focus: %v cursor %d", m.Focus(), m.timeline().Cursor())
	}
	m = send(m, keys("H", "h", "[")...) // 2023-03, 2023-02, 2022-02
	if m.timeline().Cursor() != month(2022, 2) {
		t.Fatalf("H h [: cursor %s", m.timeline().CursorText())
	}
	m = send(m, keys("enter")...)
	if m.Filter() != "2022" || m.Len() != 2 || m.Selected().ID != "j22" {
		t.Fatalf("enter: filter %q len %d selected %s", m.Filter(), m.Len(), m.Selected().ID)
	}
	if !strings.Contains(m.View(), "filter 2022") {
		t.Fatalf("status does not say the filter:\n%s", m.View())
	}
	m = send(m, keys("l", "l", "l", "enter")...) // 2022-05
	if m.Filter() != "2022-05" || m.Len() != 1 || m.Selected().ID != "m22" {
		t.Fatalf("enter again: filter %q len %d", m.Filter(), m.Len())
	}
	m = send(m, keys("0")...)
	if m.Filter() != "" || m.Len() != 6 || m.Selected().ID != "m22" {
		t.Fatalf("0: filter %q len %d sel %s", m.Filter(), m.Len(), m.Selected().ID)
	}
	m = send(m, keys("L", "L", "L", "L")...) // clamped at the last month
	if m.timeline().Cursor() != month(2024, 12) {
		t.Fatalf("L clamps: %d", m.timeline().Cursor())
	}
	m = send(m, keys("enter", "esc")...)
	if m.Filter() != "" {
		t.Fatalf("esc keeps filter %q", m.Filter())
	}
	m = send(m, keys("esc")...)
	if m.Focus() != reading.FocusList {
		t.Fatalf("second esc: focus %v", m.Focus())
	}
	// Undated articles are never on the axis.
	if m.timeline().Timeline().Undated != 1 || m.timeline().Timeline().Count(-1) != 0 {
		t.Fatalf("undated: %+v", m.timeline().Timeline())
	}
}

func TestTimelineClickYear(t *testing.T) {
	m := newModel(t, timelineArts(), 120, 40)
	// The timeline pane's body: inside the border, centred in the padding.
	tl := m.lay.Timeline
	iw, _ := ui.PaneInner(tl.W, tl.H)
	bx, by := tl.X+(tl.W-iw)/2, tl.Y+1
	// The year line is the body's third; 2022's label sits at its January.
	x := bx + (month(2022, 1) - m.timeline().Timeline().First)
	m = send(m, click(x+1, by+2))
	if m.Focus() != reading.FocusTimeline || m.Filter() != "2022" {
		t.Fatalf("click on 2022: focus %v filter %q", m.Focus(), m.Filter())
	}
	// A click on a month's mark moves the cursor there.
	m = send(m, click(bx+(month(2021, 6)-m.timeline().Timeline().First), by))
	if m.timeline().Cursor() != month(2021, 6) {
		t.Fatalf("click on 2021-06: cursor %d", m.timeline().Cursor())
	}
}

func TestMouseList(t *testing.T) {
	m := newModel(t, synth(50), 120, 40)
	l := m.lay.List
	m = send(m, click(l.X+3, l.Y+1+2*4+1)) // the second line of the fifth item
	if m.list().Cursor() != 4 || m.Focus() != reading.FocusList {
		t.Fatalf("click row 4: cursor %d", m.list().Cursor())
	}
	m = send(m, wheel(l.X+3, l.Y+3, true), wheel(l.X+3, l.Y+3, true))
	if m.list().Cursor() != 6 {
		t.Fatalf("wheel: cursor %d", m.list().Cursor())
	}
	d := m.lay.Article
	m = send(m, click(d.X+5, d.Y+5))
	if m.Focus() != reading.FocusArticle {
		t.Fatalf("click article: %v", m.Focus())
	}
}

func TestSearchGenerations(t *testing.T) {
	m := newModel(t, synth(30), 120, 40)
	// The searches' answers are held back: the test delivers them itself,
	// the older last.
	m, _ = sendHolding(m, keyMsg("/"))
	if !m.search().Active() {
		t.Fatal("/ did not open the search line")
	}
	m, held1 := sendHolding(m, keyMsg("s"))
	m, held2 := sendHolding(m, keyMsg("u"))
	if len(held1) != 1 || len(held2) != 1 || held2[0].Gen <= held1[0].Gen {
		t.Fatalf("generations %v then %v", held1, held2)
	}
	g1, g2 := held1[0].Gen, held2[0].Gen
	newHits := []csearch.Hit{{Doc: 5, TitlePos: []int{0}}, {Doc: 7}}
	m = send(m, search.DoneMsg{Gen: g2, Query: "su", Hits: newHits})
	m = send(m, search.DoneMsg{Gen: g1, Query: "s", Hits: []csearch.Hit{{Doc: 1}, {Doc: 2}, {Doc: 3}}})
	if m.search().Query() != "su" || m.Len() != 2 || m.list().Order()[0] != 5 {
		t.Fatalf("stale result shown: query %q len %d", m.search().Query(), m.Len())
	}
	if !strings.Contains(m.View(), `2 hits for "su"`) {
		t.Fatalf("status:\n%s", m.View())
	}
	// The timeline shows the hits' spread: both fall in 2019-01, the one
	// month marked (the counts themselves are TestSetHits in
	// model/timeline).
	if line := strings.Split(m.View(), "\n")[1]; strings.Count(line, "█") != 1 || !strings.Contains(line, "│ █···") {
		t.Fatalf("hit marks on the timeline: %q", line)
	}
	// enter opens the top hit with its matches asked for.
	m = send(m, keyMsg("enter"))
	if m.Focus() != reading.FocusArticle || m.Open() != &m.arts()[5] || m.article().Query() != "su" {
		t.Fatalf("enter: focus %v open %v query %q", m.Focus(), m.Open(), m.article().Query())
	}
	m = send(m, keys("esc", "esc")...)
	if m.search().Hits() != nil || m.Len() != 30 || m.Selected() != &m.arts()[5] {
		t.Fatalf("esc esc: hits %v len %d", m.search().Hits(), m.Len())
	}
}

func TestSearchEscClears(t *testing.T) {
	m := newModel(t, synth(30), 120, 40)
	m, held := sendHolding(m, keys("/", "x")...)
	if len(held) != 1 {
		t.Fatalf("%d searches for x", len(held))
	}
	g := held[0].Gen
	m = send(m, search.DoneMsg{Gen: g, Query: "x", Hits: []csearch.Hit{{Doc: 3}}})
	if m.Len() != 1 {
		t.Fatalf("hits: %d", m.Len())
	}
	m = send(m, keys("esc")...)
	if m.search().Active() || m.search().Hits() != nil || m.Len() != 30 {
		t.Fatalf("esc: active %v len %d", m.search().Active(), m.Len())
	}
	// An answer that arrives after esc is stale.
	m = send(m, search.DoneMsg{Gen: g, Query: "x", Hits: []csearch.Hit{{Doc: 3}}})
	if m.Len() != 30 {
		t.Fatal("answer after esc was shown")
	}
}

// TestFindInArticle finds in the open article through the real renderer;
// the matches' own bookkeeping is TestFind in model/article.
func TestFindInArticle(t *testing.T) {
	m := newModel(t, synth(5), 120, 40)
	m = send(m, keys("enter", "/")...)
	if !m.search().Active() || !m.search().InArticle() {
		t.Fatal("/ in the article is not an in-article find")
	}
	m = send(m, keys("s", "u", "m", "m", "i", "t")...)
	if m.article().Query() != "summit" || !m.article().Finding() {
		t.Fatalf("find asked for %q", m.article().Query())
	}
	n := m.article().Matches()
	if n < 2 || !strings.Contains(m.statusText(), fmt.Sprintf("1/%d", n)) {
		t.Fatalf("%d matches, status %q", n, m.statusText())
	}
	m = send(m, keys("enter", "n")...)
	if m.article().Match() != 1 || !strings.Contains(m.statusText(), fmt.Sprintf("2/%d", n)) {
		t.Fatalf("n: match %d status %q", m.article().Match(), m.statusText())
	}
	m = send(m, keys("N")...)
	if m.article().Match() != 0 {
		t.Fatalf("N: %d", m.article().Match())
	}
	m = send(m, keys("esc")...)
	if m.article().Finding() || m.Focus() != reading.FocusArticle {
		t.Fatalf("esc clears the find first: find %v focus %v", m.article().Finding(), m.Focus())
	}
}

func TestTooSmallAndHelp(t *testing.T) {
	m := newModel(t, synth(5), 19, 5)
	if v := m.View(); !strings.Contains(v, "too small") || strings.Contains(v, "\n") {
		t.Fatalf("19x5: %q", v)
	}
	m = send(m, tea.WindowSizeMsg{Width: 0, Height: 0})
	if m.View() != "" {
		t.Fatalf("0x0: %q", m.View())
	}
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40}, keyMsg("?"))
	if v := m.View(); !strings.Contains(v, "next match") || !strings.Contains(v, "clear filter") {
		t.Fatalf("? shows no full help:\n%s", v)
	}
}

func TestLoadingStream(t *testing.T) {
	m := New(Options{Loading: true, Source: "/news"})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(m.View(), "loading…") {
		t.Fatalf("no progress shown:\n%s", m.View())
	}
	arts := synth(40)
	m = send(m, feed.BatchLoaded(arts[:20]))
	m = send(m, keys("j", "j")...)
	sel := m.Selected().ID
	m = send(m, feed.BatchLoaded(arts[20:]))
	if m.Len() != 40 || m.Selected().ID != sel {
		t.Fatalf("second batch: len %d selection %s → %s", m.Len(), sel, m.Selected().ID)
	}
	// The merged order equals a full sort.
	want := newModel(t, arts, 120, 40)
	for i := range m.list().Order() {
		if m.arts()[m.list().Order()[i]].ID != want.arts()[want.list().Order()[i]].ID {
			t.Fatalf("row %d: %s, want %s", i, m.arts()[m.list().Order()[i]].ID, want.arts()[want.list().Order()[i]].ID)
		}
	}
	if !strings.Contains(m.statusText(), "loading… 40") {
		t.Fatalf("status %q", m.statusText())
	}
	m = send(m, feed.LoadDone([]load.Skipped{{Path: "x", Reason: "binary"}}, nil))
	if m.feed.Loading() || !m.search().Indexed() || !strings.Contains(m.statusText(), "1 skipped") {
		t.Fatalf("after LoadDone: loading %v index %v status %q", m.feed.Loading(), m.search().Indexed(), m.statusText())
	}
}

// TestBunchedKeys: a terminal read can hold several keys at once; each
// must act, and those after "/" must land in the search line.
func TestBunchedKeys(t *testing.T) {
	m := newModel(t, synth(30), 120, 40)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if m.list().Cursor() != 3 {
		t.Fatalf("jjj in one read: cursor %d", m.list().Cursor())
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/ab")})
	if !m.search().Active() || m.search().Value() != "ab" {
		t.Fatalf("/ab in one read: active %v value %q", m.search().Active(), m.search().Value())
	}
}
