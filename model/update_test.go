package model

import (
	"dossier/corpus/load"
	"dossier/corpus/search"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
)

func TestListKeys(t *testing.T) {
	arts := synth(100)
	m := newModel(t, arts, 120, 40)
	if m.Focus() != FocusList || m.list.cursor != 0 {
		t.Fatalf("start: focus %v cursor %d", m.Focus(), m.list.cursor)
	}
	// Newest first: the first row is the newest dated article.
	if got := m.Selected().ID; got != "a000098" {
		t.Fatalf("first row = %s, want the newest, a000098", got)
	}
	m = send(m, keys("j", "j", "down")...)
	if m.list.cursor != 3 {
		t.Fatalf("after j j down: cursor %d", m.list.cursor)
	}
	m = send(m, keys("k")...)
	if m.list.cursor != 2 {
		t.Fatalf("after k: cursor %d", m.list.cursor)
	}
	m = send(m, keys("G")...)
	if m.list.cursor != 99 || m.list.offset+m.list.rows() != 100 {
		t.Fatalf("after G: cursor %d offset %d rows %d", m.list.cursor, m.list.offset, m.list.rows())
	}
	if !m.Selected().Date.IsZero() {
		t.Fatalf("last row %s is dated; undated articles go last", m.Selected().ID)
	}
	m = send(m, keys("g", "pgdown")...)
	if m.list.cursor != m.list.rows() {
		t.Fatalf("pgdown: cursor %d, rows %d", m.list.cursor, m.list.rows())
	}
	m = send(m, keys("pgup", "k", "k")...)
	if m.list.cursor != 0 {
		t.Fatalf("clamped at top: cursor %d", m.list.cursor)
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
		for _, d := range m.list.order {
			ids = append(ids, m.arts[d].ID)
		}
		return strings.Join(ids, "")
	}
	if order() != "yxz" {
		t.Fatalf("by date: %s", order())
	}
	m = send(m, keys("s")...)
	if order() != "yxz" || m.list.sort != byTitle { // Alpha beta gamma
		t.Fatalf("by title: %s", order())
	}
	m = send(m, keys("j", "s")...)
	if m.list.sort != byDate || m.Selected().ID != "x" {
		t.Fatalf("sorting back keeps the selection: %s", m.Selected().ID)
	}
}

func TestFocusCycle(t *testing.T) {
	m := newModel(t, synth(20), 120, 40)
	want := []Focus{FocusArticle, FocusTimeline, FocusList}
	for i, f := range want {
		m = send(m, keys("tab")...)
		if m.Focus() != f {
			t.Fatalf("tab %d: focus %v, want %v", i+1, m.Focus(), f)
		}
	}
	m = send(m, keys("shift+tab")...)
	if m.Focus() != FocusTimeline {
		t.Fatalf("shift+tab: %v", m.Focus())
	}
	// The focused pane's title is bracketed.
	if !strings.Contains(m.View(), "[Timeline") {
		t.Fatalf("timeline focus not marked:\n%s", m.View())
	}
}

func TestNarrowScreens(t *testing.T) {
	m := newModel(t, synth(20), 60, 20)
	if m.lay.wide {
		t.Fatal("60 columns laid out wide")
	}
	if m.Open() != nil {
		t.Fatal("narrow list screen rendered an article nobody opened")
	}
	m = send(m, keys("j", "enter")...)
	if m.Focus() != FocusArticle || m.Open() == nil || m.Open().ID != m.Selected().ID {
		t.Fatalf("enter: focus %v open %v", m.Focus(), m.Open())
	}
	v := m.View()
	if strings.Contains(v, "Articles") || !strings.Contains(v, m.Open().Title) {
		t.Fatalf("narrow article screen shows the list or lacks the article:\n%s", v)
	}
	m = send(m, keys("esc")...)
	if m.Focus() != FocusList || !strings.Contains(m.View(), "Articles 2/20") {
		t.Fatalf("esc: focus %v\n%s", m.Focus(), m.View())
	}
	// Resizing wide puts both panes on screen and follows the selection.
	m = send(m, tea.WindowSizeMsg{Width: 130, Height: 40})
	if !m.lay.wide || m.Open() == nil || m.Open().ID != m.Selected().ID {
		t.Fatalf("resize wide: wide %v open %v", m.lay.wide, m.Open())
	}
}

func TestArticleScrollAndNext(t *testing.T) {
	long := make([]string, 80)
	for i := range long {
		long[i] = "Paragraph number " + strings.Repeat("x", i%7) + " of a long article."
	}
	arts := []corpus.Article{art("long", 2022, 5, 1, "Long one", long...), art("short", 2022, 4, 1, "Short one")}
	m := newModel(t, arts, 120, 40)
	m = send(m, keys("enter")...)
	if m.Focus() != FocusArticle || m.Open().ID != "long" {
		t.Fatalf("enter opened %v", m.Open())
	}
	m = send(m, keys("j", "j")...)
	if m.detail.vp.YOffset != 2 {
		t.Fatalf("j j: offset %d", m.detail.vp.YOffset)
	}
	m = send(m, keys(" ")...)
	if m.detail.vp.YOffset != 2+m.detail.vp.Height {
		t.Fatalf("space: offset %d height %d", m.detail.vp.YOffset, m.detail.vp.Height)
	}
	m = send(m, keys("G")...)
	if !m.detail.vp.AtBottom() {
		t.Fatal("G: not at bottom")
	}
	m = send(m, keys("g", "b")...)
	if m.detail.vp.YOffset != 0 {
		t.Fatalf("g b: offset %d", m.detail.vp.YOffset)
	}
	m = send(m, wheel(100, 20, true))
	if m.detail.vp.YOffset != 3 {
		t.Fatalf("wheel: offset %d", m.detail.vp.YOffset)
	}
	m = send(m, keys("n")...)
	if m.Open().ID != "short" || m.Selected().ID != "short" || m.detail.vp.YOffset != 0 {
		t.Fatalf("n: open %s selected %s offset %d", m.Open().ID, m.Selected().ID, m.detail.vp.YOffset)
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
	if m.Focus() != FocusList {
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
	if m.Focus() != FocusTimeline || m.timeline.cursor != month(2024, 3) {
		t.Fatalf("timeline focus: %v cursor %d", m.Focus(), m.timeline.cursor)
	}
	m = send(m, keys("H", "h", "[")...) // 2023-03, 2023-02, 2022-02
	if m.timeline.cursor != month(2022, 2) {
		t.Fatalf("H h [: cursor %s", m.timelineTitle())
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
	if m.timeline.cursor != month(2024, 12) {
		t.Fatalf("L clamps: %d", m.timeline.cursor)
	}
	m = send(m, keys("enter", "esc")...)
	if m.Filter() != "" {
		t.Fatalf("esc keeps filter %q", m.Filter())
	}
	m = send(m, keys("esc")...)
	if m.Focus() != FocusList {
		t.Fatalf("second esc: focus %v", m.Focus())
	}
	// Undated articles are never on the axis.
	if m.timeline.tl.Undated != 1 || m.timeline.tl.Count(-1) != 0 {
		t.Fatalf("undated: %+v", m.timeline.tl)
	}
}

func TestTimelineClickYear(t *testing.T) {
	m := newModel(t, timelineArts(), 120, 40)
	bx, by, _, _ := m.lay.tlBody()
	// The year line is the body's third; 2022's label sits at its January.
	x := bx + (month(2022, 1) - m.timeline.tl.First)
	m = send(m, click(x+1, by+2))
	if m.Focus() != FocusTimeline || m.Filter() != "2022" {
		t.Fatalf("click on 2022: focus %v filter %q", m.Focus(), m.Filter())
	}
	// A click on a month's mark moves the cursor there.
	m = send(m, click(bx+(month(2021, 6)-m.timeline.tl.First), by))
	if m.timeline.cursor != month(2021, 6) {
		t.Fatalf("click on 2021-06: cursor %d", m.timeline.cursor)
	}
}

func TestMouseList(t *testing.T) {
	m := newModel(t, synth(50), 120, 40)
	l := m.lay.list
	m = send(m, click(l.x+3, l.y+1+4))
	if m.list.cursor != 4 || m.Focus() != FocusList {
		t.Fatalf("click row 4: cursor %d", m.list.cursor)
	}
	m = send(m, wheel(l.x+3, l.y+3, true), wheel(l.x+3, l.y+3, true))
	if m.list.cursor != 6 {
		t.Fatalf("wheel: cursor %d", m.list.cursor)
	}
	d := m.lay.detail
	m = send(m, click(d.x+5, d.y+5))
	if m.Focus() != FocusArticle {
		t.Fatalf("click article: %v", m.Focus())
	}
}

func TestSearchGenerations(t *testing.T) {
	m := newModel(t, synth(30), 120, 40)
	step := func(msg tea.Msg) {
		nm, _ := m.Update(msg) // commands dropped: the test answers them itself
		m = nm.(Model)
	}
	step(keyMsg("/"))
	if !m.search.active {
		t.Fatal("/ did not open the search line")
	}
	step(keyMsg("s"))
	g1 := m.search.gen
	step(keyMsg("u"))
	g2 := m.search.gen
	if g2 <= g1 {
		t.Fatalf("generations %d then %d", g1, g2)
	}
	newHits := []search.Hit{{Doc: 5, TitlePos: []int{0}}, {Doc: 7}}
	step(searchDoneMsg{gen: g2, query: "su", hits: newHits})
	step(searchDoneMsg{gen: g1, query: "s", hits: []search.Hit{{Doc: 1}, {Doc: 2}, {Doc: 3}}})
	if m.search.query != "su" || m.Len() != 2 || m.list.order[0] != 5 {
		t.Fatalf("stale result shown: query %q len %d", m.search.query, m.Len())
	}
	if !strings.Contains(m.View(), `2 hits for "su"`) {
		t.Fatalf("status:\n%s", m.View())
	}
	// The timeline shows the hits' spread.
	total := 0
	for _, c := range m.search.counts {
		total += c
	}
	if total != 2 {
		t.Fatalf("hit counts %v", m.search.counts)
	}
	// enter opens the top hit with its matches asked for.
	m = send(m, keyMsg("enter"))
	if m.Focus() != FocusArticle || m.Open() != &m.arts[5] || m.detail.query != "su" {
		t.Fatalf("enter: focus %v open %v query %q", m.Focus(), m.Open(), m.detail.query)
	}
	m = send(m, keys("esc", "esc")...)
	if m.search.hits != nil || m.Len() != 30 || m.Selected() != &m.arts[5] {
		t.Fatalf("esc esc: hits %v len %d", m.search.hits, m.Len())
	}
}

func TestSearchEscClears(t *testing.T) {
	m := newModel(t, synth(30), 120, 40)
	m = send(m, keys("/", "x")...)
	m = send(m, searchDoneMsg{gen: m.search.gen, query: "x", hits: []search.Hit{{Doc: 3}}})
	if m.Len() != 1 {
		t.Fatalf("hits: %d", m.Len())
	}
	m = send(m, keys("esc")...)
	if m.search.active || m.search.hits != nil || m.Len() != 30 {
		t.Fatalf("esc: active %v len %d", m.search.active, m.Len())
	}
	// An answer that arrives after esc is stale.
	m = send(m, searchDoneMsg{gen: m.search.gen - 1, query: "x", hits: []search.Hit{{Doc: 3}}})
	if m.Len() != 30 {
		t.Fatal("answer after esc was shown")
	}
}

func TestFindInArticle(t *testing.T) {
	m := newModel(t, synth(5), 120, 40)
	m = send(m, keys("enter", "/")...)
	if !m.search.active || !m.search.inDoc {
		t.Fatal("/ in the article is not an in-article find")
	}
	// The stub index finds nothing: answer the render with two matches,
	// as the renderer would.
	m = send(m, keys("s", "u")...)
	k := m.detail.want
	if k.query != "su" {
		t.Fatalf("find asked for %q", k.query)
	}
	a := m.Open()
	spans := []search.Span{{Para: 0, Start: 0, End: 4}, {Para: 2, Start: 0, End: 5}}
	text := a.Title + "\n\n" + strings.Join(a.Paragraphs, "\n\n")
	m.detail.gen++
	m = send(m, articleRenderedMsg{gen: m.detail.gen, key: k, text: text, spans: spans})
	if !strings.Contains(m.statusText(), "1/2") {
		t.Fatalf("status %q", m.statusText())
	}
	m = send(m, keys("enter", "n")...)
	if m.detail.match != 1 || !strings.Contains(m.statusText(), "2/2") {
		t.Fatalf("n: match %d status %q", m.detail.match, m.statusText())
	}
	m = send(m, keys("N")...)
	if m.detail.match != 0 {
		t.Fatalf("N: %d", m.detail.match)
	}
	m = send(m, keys("esc")...)
	if m.detail.find || m.Focus() != FocusArticle {
		t.Fatalf("esc clears the find first: find %v focus %v", m.detail.find, m.Focus())
	}
}

func TestStaleRenderDropped(t *testing.T) {
	m := newModel(t, synth(5), 120, 40)
	old := m.detail.want
	nm, _ := m.Update(keyMsg("j")) // asks for another article, not run
	m = nm.(Model)
	m = send(m, articleRenderedMsg{gen: m.detail.gen - 1, key: old, text: "STALE"})
	if strings.Contains(m.View(), "STALE") {
		t.Fatal("an old rendering replaced the wanted one")
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
	m = send(m, BatchLoaded(arts[:20]))
	m = send(m, keys("j", "j")...)
	sel := m.Selected().ID
	m = send(m, BatchLoaded(arts[20:]))
	if m.Len() != 40 || m.Selected().ID != sel {
		t.Fatalf("second batch: len %d selection %s → %s", m.Len(), sel, m.Selected().ID)
	}
	// The merged order equals a full sort.
	want := newModel(t, arts, 120, 40)
	for i := range m.list.order {
		if m.arts[m.list.order[i]].ID != want.arts[want.list.order[i]].ID {
			t.Fatalf("row %d: %s, want %s", i, m.arts[m.list.order[i]].ID, want.arts[want.list.order[i]].ID)
		}
	}
	if !strings.Contains(m.statusText(), "loading… 40") {
		t.Fatalf("status %q", m.statusText())
	}
	m = send(m, LoadDone([]load.Skipped{{Path: "x", Reason: "binary"}}, nil))
	if m.loading || m.index == nil || !strings.Contains(m.statusText(), "1 skipped") {
		t.Fatalf("after LoadDone: loading %v index %v status %q", m.loading, m.index, m.statusText())
	}
}

// TestBunchedKeys: a terminal read can hold several keys at once; each
// must act, and those after "/" must land in the search line.
func TestBunchedKeys(t *testing.T) {
	m := newModel(t, synth(30), 120, 40)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if m.list.cursor != 3 {
		t.Fatalf("jjj in one read: cursor %d", m.list.cursor)
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/ab")})
	if !m.search.active || m.search.input.Value() != "ab" {
		t.Fatalf("/ab in one read: active %v value %q", m.search.active, m.search.input.Value())
	}
}
