package model

import (
	"dossier/corpus/hostile"
	"dossier/corpus/parse"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"dossier/corpus"
)

// TestGolden pins whole screens over the embedded corpus. Refresh with
// go test ./model -update after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	arts := parse.Embedded()
	for _, sz := range []struct{ w, h int }{{120, 40}, {80, 24}, {50, 15}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := newModel(t, arts, sz.w, sz.h)
			t.Run("list", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			// The third article is the one with a source link.
			u := send(m, keys("j", "j", "enter")...)
			if u.Open() == nil || u.Open().URL == "" {
				t.Fatalf("opened %v", u.Open())
			}
			t.Run("article-url", func(t *testing.T) { golden.RequireEqual(t, []byte(u.View())) })
			m = send(m, keys("j", "enter")...)
			t.Run("article", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m = send(m, keys("tab")...)
			t.Run("timeline", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
		})
	}
}

// hostileArticle carries terminal escapes, an entity for ESC and markdown
// in every field the reader shows.
func hostileArticle() corpus.Article {
	return corpus.Article{
		ID:     "evil",
		Title:  "Evil \x1b]0;pwned\x07headline \x1b[2J*not bold*",
		Source: "\x1b[31mWire\u009b\x9b",
		Date:   corpus.Date{Year: 2023, Month: 2, Day: 1, Prec: corpus.PrecDay},
		Paragraphs: []string{
			"Before \x1b]52;c;ZWNobyBwd25lZA==\x07 after &#27;[2J and &#x1b; entities.",
			"# not a heading, **not bold**, [not a link](http://x), `code`, <b>html</b>",
			"CSI \x1b[10A\x1b[?25l and \x1bP+q\x1b\\ DCS, bidi \u202eevil\u202c, BOM \ufeff.",
		},
	}
}

func TestHostileArticle(t *testing.T) {
	arts := append(synth(3), hostileArticle())
	for _, sz := range []struct{ w, h int }{{120, 40}, {50, 20}} {
		m := newModel(t, arts, sz.w, sz.h)
		m = send(m, keys("enter")...) // the hostile article is the newest
		if m.Open() == nil || m.Open().ID != "evil" {
			t.Fatalf("opened %v", m.Open())
		}
		v := m.View()
		if rest := sgr.ReplaceAllString(v, ""); strings.ContainsAny(rest, "\x1b\x07\u009b\u202e\ufeff") {
			t.Fatalf("%dx%d: escape or control reached the screen: %q", sz.w, sz.h, rest)
		}
		// The renderer wraps as it likes: look for the words in the
		// article's whole text with whitespace runs folded.
		rtext, ok := m.article().Rendered()
		if !ok || !strings.Contains(v, "Evil") {
			t.Fatalf("%dx%d: article not rendered:\n%s", sz.w, sz.h, v)
		}
		text := strings.Join(strings.Fields(ansi.Strip(rtext)), " ")
		if strings.ContainsAny(rtext, "\x07\u009b\u202e\ufeff") || strings.Contains(sgr.ReplaceAllString(rtext, ""), "\x1b") {
			t.Fatalf("%dx%d: control characters in the article pane: %q", sz.w, sz.h, rtext)
		}
		for _, lit := range []string{"&#27;[2J", "&#x1b;", "**not bold**", "[not a link](http://x)", "`code`", "<b>html</b>", "*not bold*"} {
			if !strings.Contains(text, lit) {
				t.Errorf("%dx%d: %q not shown literally:\n%s", sz.w, sz.h, lit, text)
			}
		}
		requireFits(t, v, sz.w, sz.h, "hostile")
	}
}

// randomMsg draws a key, mouse or resize message; sizes include the
// degenerate ones.
func randomMsg(r *rand.Rand, w, h int) tea.Msg {
	switch n := r.Intn(20); {
	case n < 13:
		return keyMsg(keyNames[r.Intn(len(keyNames))])
	case n < 18:
		b := []tea.MouseButton{tea.MouseButtonLeft, tea.MouseButtonWheelUp, tea.MouseButtonWheelDown, tea.MouseButtonRight}[r.Intn(4)]
		return tea.MouseMsg{X: r.Intn(w + 3), Y: r.Intn(h + 3), Button: b, Action: tea.MouseActionPress}
	default:
		sizes := [][2]int{{0, 0}, {1, 1}, {19, 5}, {20, 5}, {40, 12}, {80, 24}, {99, 40}, {100, 15}, {120, 40}, {300, 100}}
		if r.Intn(2) == 0 {
			s := sizes[r.Intn(len(sizes))]
			return tea.WindowSizeMsg{Width: s[0], Height: s[1]}
		}
		return tea.WindowSizeMsg{Width: r.Intn(301), Height: r.Intn(101)}
	}
}

var keyNames = []string{"j", "k", "g", "G", "enter", "esc", "tab", "shift+tab", "/", "n", "N", "p",
	"h", "l", "H", "L", "[", "]", "0", "s", "?", " ", "b", "pgup", "pgdown", "up", "down", "left", "right",
	"a", "x", "backspace", "home", "end"}

func propertyArts() []corpus.Article {
	arts := append(append(synth(60), parse.Embedded()...), hostileArticle())
	// The shapes that made the parser slow or big (issue 13), small, and
	// the characters that broke the layout's widths.
	for _, sh := range hostile.Shapes {
		arts = append(arts, parse.Text("shape-"+sh.Name, sh.Name, parse.Sanitize(sh.Make(2<<10)), nil))
	}
	widths := strings.Repeat("\u00ad", 150) + " ☺️ 👨\u200d👩\u200d👧 a" + strings.Repeat("\u0301", 500)
	arts = append(arts, parse.Text("widths", "widths", parse.Sanitize(widths+"\n\n"+widths+" body."), nil))
	return arts
}

// TestRandomMessages throws 2,000 random messages from a fixed seed at the
// reader: nothing may panic and every view must fit its window.
func TestRandomMessages(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	m := newModel(t, propertyArts(), 80, 24)
	for i := 0; i < 2000; i++ {
		msg := randomMsg(r, m.width, m.height)
		m = send(m, msg)
		requireFits(t, m.View(), m.width, m.height, fmt.Sprintf("message %d (%T %v)", i, msg, msg))
	}
}

// FuzzReader decodes bytes into messages, three bytes each.
func FuzzReader(f *testing.F) {
	f.Add([]byte("\x00\x04\x00\x00\x00\x00\x01\x05\x05"))
	f.Add([]byte{2, 0, 0, 2, 1, 1, 0, 6, 0, 0, 4, 0, 2, 120, 40, 0, 8, 0, 0, 15, 0, 3, 'z', 0})
	f.Add([]byte{2, 40, 12, 0, 4, 0, 0, 9, 0, 0, 8, 0, 0, 13, 0, 1, 20, 3, 1, 30, 1})
	arts := propertyArts()
	base := newModel(f, arts, 80, 24)
	f.Fuzz(func(t *testing.T, data []byte) {
		m := base
		for i := 0; i+2 < len(data) && i < 600; i += 3 {
			a, b, c := int(data[i]), int(data[i+1]), int(data[i+2])
			var msg tea.Msg
			switch a % 4 {
			case 0:
				msg = keyMsg(keyNames[b%len(keyNames)])
			case 1:
				msg = tea.MouseMsg{X: b, Y: c, Button: tea.MouseButton(a / 4 % 7), Action: tea.MouseActionPress}
			case 2:
				msg = tea.WindowSizeMsg{Width: b + a/4*256%301, Height: c % 101}
			default:
				msg = keyMsg(string(rune(b)))
			}
			m = send(m, msg)
			requireFits(t, m.View(), m.width, m.height, fmt.Sprintf("message %d", i/3))
		}
	})
}
