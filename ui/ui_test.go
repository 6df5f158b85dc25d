package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/search"
)

// init pins the colour profile (an init, not a TestMain, so it can sit
// beside other files' tests in this package).
func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func TestRenderListRows(t *testing.T) {
	arts := []corpus.Article{
		{ID: "a", Title: "Kyrgyzstan and the CSTO summit in Bishkek", Source: "24.kg", Words: 310,
			Date: corpus.Date{Year: 2023, Month: 2, Day: 14, Hour: 9, Minute: 30, Prec: corpus.PrecMinute}},
		{ID: "b", Title: "Year only", Date: corpus.Date{Year: 2021, Prec: corpus.PrecYear}},
		{ID: "c", Title: "Никаких дат"},
	}
	s := NewStyles(PlainTheme(), termenv.Ascii)
	out := RenderList(ListView{Arts: arts, Order: []int{0, 1, 2}}, s, 30, 7)
	lines := strings.Split(out, "\n")
	if len(lines) != 7 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		if lipgloss.Width(l) != 30 {
			t.Fatalf("line %d is %d wide: %q", i, lipgloss.Width(l), l)
		}
	}
	// Two lines an item: the title, then date · source · words.
	for i, want := range []string{"Kyrgyzstan and the CSTO summi…", "2023-02-14 · 24.kg · 310 words",
		"Year only", "2021", "Никаких дат", "undated"} {
		if got := strings.TrimRight(lines[i], " "); got != want {
			t.Errorf("line %d = %q, want %q", i, got, want)
		}
	}
	if strings.TrimSpace(lines[6]) != "" {
		t.Errorf("a third item's half was drawn: %q", lines[6])
	}
}

// TestListTitleRoom: at 120 columns the wide layout's list holds 60
// characters of a title, the floor for a readable title.
func TestListTitleRoom(t *testing.T) {
	l := Layout(120, 40)
	iw, _ := PaneInner(l.List.W, l.List.H)
	title := strings.Repeat("abcdefghij", 8)
	arts := []corpus.Article{{ID: "a", Title: title}}
	s := NewStyles(PlainTheme(), termenv.Ascii)
	line := strings.Split(RenderList(ListView{Arts: arts, Order: []int{0}, Marks: func(int) (bool, bool) { return false, true }}, s, iw, 2), "\n")[0]
	if shown := strings.Count(line, "abcdefghij"); shown < 6 {
		t.Errorf("list %d wide shows %d0 title characters: %q", l.List.W, shown, line)
	}
	if l.Article.W < 50 {
		t.Errorf("article left %d columns", l.Article.W)
	}
}

func TestListHighlightsAndSnippet(t *testing.T) {
	arts := []corpus.Article{{ID: "a", Title: "Bishkek talks", Source: "Wire"}}
	th := DarkTheme()
	s := NewStyles(th, termenv.Ascii)
	s.Match = lipgloss.NewStyle().SetString("").Transform(func(x string) string { return "<" + x + ">" })
	hits := []search.Hit{{Doc: 0, TitlePos: []int{0, 1, 2}, Snippet: "the Bishkek talks went on", SnippetPos: [][2]int{{4, 11}}}}
	out := RenderList(ListView{Arts: arts, Order: []int{0}, Hits: hits}, s, 60, 3)
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], "<Bis>hkek") {
		t.Fatalf("title highlight: %q", lines[0])
	}
	if !strings.Contains(lines[2], "the <Bishkek> talks") {
		t.Fatalf("snippet highlight: %q", lines[2])
	}
}

func TestRenderTimeline(t *testing.T) {
	arts := []corpus.Article{
		{Date: corpus.Date{Year: 2022, Month: 11, Prec: corpus.PrecMonth}},
		{Date: corpus.Date{Year: 2023, Month: 2, Prec: corpus.PrecMonth}},
		{Date: corpus.Date{Year: 2023, Month: 2, Prec: corpus.PrecMonth}},
		{},
	}
	tl := corpus.NewTimeline(arts)
	s := NewStyles(PlainTheme(), termenv.Ascii)
	v := TimelineView{TL: tl, Selected: 2023*12 + 1, Cursor: -1}
	out := RenderTimeline(v, s, 40)
	lines := strings.Split(out, "\n")
	if len(lines) != TimelineLines {
		t.Fatalf("%d lines", len(lines))
	}
	if !strings.HasPrefix(lines[0], "··········▄··█") || !strings.Contains(lines[0], "+1 undated") {
		t.Fatalf("marks: %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "             ▲") {
		t.Fatalf("selected mark: %q", lines[1])
	}
	if !strings.HasPrefix(lines[2], "2022") {
		t.Fatalf("years: %q", lines[2])
	}
	s.ASCII = true
	if l := RenderTimelineLine(v, s, 40); !strings.Contains(l, "2022    =@    2023") || strings.ContainsAny(l, "▁▂▃▄▅▆▇█·") {
		t.Fatalf("ascii line: %q", l)
	}
	// A click on the marks maps back to the month.
	if m := TimelineAt(v, 40, 13, 0, false); m != 2023*12+1 {
		t.Fatalf("TimelineAt = %d", m)
	}
}

func TestTimelineWindowKeepsAnchor(t *testing.T) {
	var arts []corpus.Article
	for y := 2000; y < 2024; y++ {
		arts = append(arts, corpus.Article{Date: corpus.Date{Year: y, Month: 1, Prec: corpus.PrecMonth}})
	}
	tl := corpus.NewTimeline(arts)
	for _, anchor := range []int{tl.First, tl.First + 100, tl.Last} {
		start := TimelineStart(tl, 50, anchor)
		if anchor < start || anchor >= start+50 || start < tl.First || start+50 > tl.Last+1 {
			t.Fatalf("anchor %d outside window at %d", anchor, start)
		}
	}
}

func TestOnlySGR(t *testing.T) {
	in := "a\x1b[31mred\x1b[0m\x1b[2J\x1b]0;t\x07b\x1b]52;c;x\x1b\\c\x1bPq\x1b\\d\x07\u202e\ufeff\u009be\tf\n"
	want := "a\x1b[31mred\x1b[0mbcde f\n"
	if got := OnlySGR(in); got != want {
		t.Fatalf("OnlySGR = %q, want %q", got, want)
	}
}

func TestSmallSizes(t *testing.T) {
	s := NewStyles(DarkTheme(), termenv.Ascii)
	for w := 0; w < 8; w++ {
		for h := 0; h < 5; h++ {
			for _, out := range []string{Pane(s, "Title", "body\ntext", w, h, true), TooSmall(s, w, h), Status(s, "left side", "? help", w)} {
				if out == "" {
					continue
				}
				for _, l := range strings.Split(out, "\n") {
					if lipgloss.Width(l) > w {
						t.Fatalf("%dx%d: %q", w, h, out)
					}
				}
			}
		}
	}
}

// TestSnippetShowsMatch: a match past the column's width is brought into
// view instead of cut off.
func TestSnippetShowsMatch(t *testing.T) {
	sn := "A long lead that goes on and on about other things before it names Marat Imankulov at last."
	i := strings.Index(sn, "Imankulov")
	hit := &search.Hit{Snippet: sn, SnippetPos: [][2]int{{i, i + len("Imankulov")}}}
	s := NewStyles(PlainTheme(), termenv.Ascii)
	row := snippetRow(hit, s, 36)
	if !strings.Contains(row, "Imankulov") || !strings.Contains(row, "…") || lipgloss.Width(row) > 36 {
		t.Fatalf("row = %q", row)
	}
}

func TestStatusProgress(t *testing.T) {
	for _, c := range []struct {
		f    StatusFacts
		want string
	}{
		{StatusFacts{Source: "news", Articles: 1200, Loading: true, Found: 5000}, "news · loading 1200 (5000 found)"},
		{StatusFacts{Source: "news", Articles: 1200, Loading: true, Found: 20000, Total: 20000}, "news · loading 1200/20000 (6%)"},
		{StatusFacts{Source: "news", Articles: 20000, Indexing: true}, "news · 20000 articles · indexing…"},
		{StatusFacts{Source: "news", Articles: 3, Loading: true}, "news · loading… 3 articles"},
	} {
		if got := StatusText(c.f); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
}

func TestStatusIndexingWhileLoading(t *testing.T) {
	f := StatusFacts{Source: "news", Articles: 20000, Loading: true, Found: 20000, Total: 20000, Indexing: true}
	if got, want := StatusText(f), "news · 20000 articles · indexing…"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
}

// TestSearchLineKeepsTheMessage: a bad operator's message is long; it is
// cut to the room the typed query leaves, never dropped while there is
// room, and never cuts the query.
func TestSearchLineKeepsTheMessage(t *testing.T) {
	s := NewStyles(PlainTheme(), termenv.Ascii)
	msg := "query: unknown operator bogus: (try speaker: source: tag: since: until:)"
	for _, c := range []struct {
		width      int
		typed      string
		wantStatus string // "" for none
	}{
		{120, "/source:24.kg bogus:x", msg},
		{80, "/source:24.kg bogus:x", "query: unknown operator bogus: (try speaker: source: tag…"},
		{50, "/source:24.kg bogus:x", "query: unknown operator bo…"},
		{30, "/source:24.kg bogus:x", ""},
	} {
		got := SearchLine(s, c.typed+" ", msg, c.width)
		if w := widthOf(got); w != c.width {
			t.Errorf("%d: %d cells wide", c.width, w)
		}
		if !strings.HasPrefix(got, c.typed) {
			t.Errorf("%d: the query was cut: %q", c.width, got)
		}
		rest := strings.TrimSpace(strings.TrimPrefix(got, c.typed))
		if rest != c.wantStatus {
			t.Errorf("%d: status %q, want %q", c.width, rest, c.wantStatus)
		}
	}
}
