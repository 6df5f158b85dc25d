package article

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/model/internal/panetest"
	"dossier/ui"
)

// seed is embedded article i, by ID prefix.
func seed(t *testing.T, prefix string) *corpus.Article {
	t.Helper()
	for _, a := range parse.Embedded() {
		if strings.HasPrefix(a.ID, prefix) {
			return &a
		}
	}
	t.Fatalf("no seed %s", prefix)
	return nil
}

// allLines is the whole article as the pane draws it, every line scrolled
// through, ANSI stripped.
func allLines(m Model) []string {
	m.vp.SetYOffset(0)
	var out []string
	for y := 0; y < len(m.lines); y++ {
		m.vp.YOffset = y
		out = append(out, ansi.Strip(strings.Split(m.body(), "\n")[0]))
	}
	return out
}

// TestHighlightKeepsLineBreaks: the same article with and without a
// query, and opened at a quote, breaks its lines at the same places, in
// colour, where the highlights are drawn.
func TestHighlightKeepsLineBreaks(t *testing.T) {
	for _, w := range []int{30, 60, 80} {
		a := seed(t, "000")
		plain := allLines(shownIn(t, termenv.ANSI256, a, "", w, 20))
		for _, q := range []string{"csto", "imankulov security", "kyrgyzstan"} {
			m := shownIn(t, termenv.ANSI256, a, q, w, 20)
			if m.Matches() == 0 {
				t.Fatalf("%q: no matches", q)
			}
			if got := allLines(m); strings.Join(got, "\n") != strings.Join(plain, "\n") {
				t.Fatalf("width %d, %q: lines differ with the highlight\n%s\nwithout:\n%s", w, q, strings.Join(got, "\n"), strings.Join(plain, "\n"))
			}
		}
		m := newPane(termenv.ANSI256)
		m.SetSize(w, 20)
		m = settle(m, m.ShowQuote(0, a, 1))
		if got := allLines(m); strings.Join(got, "\n") != strings.Join(plain, "\n") {
			t.Fatalf("width %d, quote: lines differ", w)
		}
	}
}

// TestCurrentMatchStands: the current match is drawn in MatchCurrent, the
// others in Match, and n moves the current style along.
func TestCurrentMatchStands(t *testing.T) {
	st := ui.NewStyles(ui.DarkTheme(), termenv.ANSI256)
	cur, other := st.MatchCurrent.Render("x"), st.Match.Render("x")
	cur, other = cur[:strings.IndexByte(cur, 'x')], other[:strings.IndexByte(other, 'x')]
	a := &corpus.Article{ID: "a", Title: "Summit", Paragraphs: []string{"A summit, and a summit."}}
	m := shownIn(t, termenv.ANSI256, a, "summit", 40, 10)
	if m.Matches() != 3 {
		t.Fatalf("%d matches, want 3 (the title's counted)", m.Matches())
	}
	view := m.View()
	if strings.Count(view, cur) != 1 || strings.Count(view, other) != 2 {
		t.Fatalf("want one current and two other matches: %q", view)
	}
	if !strings.Contains(view, cur+"Summit") {
		t.Fatalf("the title's match is not the current one: %q", view)
	}
	m, _ = m.Update(panetest.Key("n"))
	view = m.View()
	if strings.Contains(view, cur+"Summit") || strings.Count(view, cur) != 1 {
		t.Fatalf("n did not move the current match: %q", view)
	}
}

// TestHalfPage: ctrl+d and ctrl+u scroll half the pane's height, and are
// in the full help.
func TestHalfPage(t *testing.T) {
	m := shown(t, longArticle(), "", 80, 24)
	half := m.vp.Height / 2
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlD})
	if m.vp.YOffset != half {
		t.Fatalf("ctrl+d: offset %d, want %d", m.vp.YOffset, half)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlD})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	if m.vp.YOffset != half {
		t.Fatalf("ctrl+u: offset %d, want %d", m.vp.YOffset, half)
	}
	var helped []string
	for _, col := range DefaultKeyMap().FullHelp() {
		for _, b := range col {
			helped = append(helped, b.Help().Key)
		}
	}
	if h := strings.Join(helped, " "); !strings.Contains(h, "ctrl+d") || !strings.Contains(h, "ctrl+u") {
		t.Fatalf("full help: %s", h)
	}
}

// TestShowQuote: the article opens scrolled to the quote, highlighted as
// the current match, and CurrentQuote is that quote.
func TestShowQuote(t *testing.T) {
	a := seed(t, "000")
	last := len(a.Quotes) - 1
	m := newPane(termenv.ANSI256)
	m.SetSize(60, 12)
	m = settle(m, m.ShowQuote(3, a, last))
	if m.Matches() != 1 || m.MatchText() != "1/1" {
		t.Fatalf("matches %d %q", m.Matches(), m.MatchText())
	}
	if m.vp.YOffset == 0 || m.matchLines[0] < m.vp.YOffset || m.matchLines[0] >= m.vp.YOffset+m.vp.Height {
		t.Fatalf("quote on line %d, view from %d", m.matchLines[0], m.vp.YOffset)
	}
	if q, ok := m.CurrentQuote(); !ok || q != a.Quotes[last] {
		t.Fatalf("CurrentQuote = %+v %v, want %+v", q, ok, a.Quotes[last])
	}
	// A quote the article does not have opens it plainly.
	m = settle(m, m.ShowQuote(3, a, 99))
	if m.Matches() != 0 || m.MatchText() != "no matches" {
		t.Fatalf("quote 99: %d matches", m.Matches())
	}
}

// TestCurrentQuote: without a match, the quote nearest the top of the
// screen; with one, its quote or its paragraph.
func TestCurrentQuote(t *testing.T) {
	a := seed(t, "000")
	m := shown(t, a, "", 60, 12)
	q, ok := m.CurrentQuote()
	if !ok || q.Kind == corpus.Term {
		t.Fatalf("top: %+v %v", q, ok)
	}
	first := q
	m, _ = m.Update(panetest.Key("G"))
	if q, ok = m.CurrentQuote(); !ok || q == first {
		t.Fatalf("at the bottom still %+v", q)
	}
	// A match outside any quote gives its paragraph.
	m = shown(t, a, "bishkek", 60, 12)
	if m.Matches() == 0 {
		t.Skip("no match for the paragraph case")
	}
	q, ok = m.CurrentQuote()
	sp := m.loc.spans[m.match]
	if !ok || q.Para != sp.Para || q.Text == "" {
		t.Fatalf("match in %d: %+v %v", sp.Para, q, ok)
	}
	if m := newPane(termenv.Ascii); func() bool { _, ok := m.CurrentQuote(); return ok }() {
		t.Fatal("a quote with no article")
	}
}

// TestTinySizes: every size down to 1×1 draws within its box.
func TestTinySizes(t *testing.T) {
	a := seed(t, "000")
	for w := 0; w <= 6; w++ {
		for h := 0; h <= 4; h++ {
			m := newPane(termenv.ANSI256)
			m.SetSize(w, h)
			m = settle(m, m.Show(0, a, "csto", true))
			for _, k := range []string{"n", "j", "G"} {
				m, _ = m.Update(panetest.Key(k))
			}
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlD})
			for _, l := range strings.Split(m.View(), "\n") {
				if ansi.StringWidth(l) > w {
					t.Fatalf("%dx%d: %q", w, h, l)
				}
			}
			m.CurrentQuote()
		}
	}
}

// TestStaleLocateDropped: highlights for a query no longer wanted are
// cached but not drawn.
func TestStaleLocateDropped(t *testing.T) {
	a := &corpus.Article{ID: "a", Title: "T", Paragraphs: []string{"one summit", "dam"}}
	m := shown(t, a, "", 40, 10)
	old := m.Show(0, a, "summit", true)
	m = settle(m, m.Show(0, a, "dam", true))
	m = settle(m, old)
	if m.MatchText() != "1/1" || m.Query() != "dam" || m.loc.spans[0].Para != 1 {
		t.Fatalf("stale highlights shown: %q %+v", m.MatchText(), m.loc.spans)
	}
}

// TestGoldenURL pins an article with an address at the sizes.
// Refresh with go test ./model/article -update.
func TestGoldenURL(t *testing.T) {
	a := seed(t, "001")
	for _, sz := range []struct{ w, h int }{{120, 40}, {80, 24}, {50, 15}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := shown(t, a, "", sz.w, sz.h)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}
