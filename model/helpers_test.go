package model

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/model/internal/panetest"
	"dossier/model/search"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	// Pin the colour profile so views are plain text and golden files do
	// not depend on the terminal the tests run in.
	lipgloss.SetColorProfile(termenv.Ascii)
	dir, err := os.MkdirTemp("", "dossier-model-")
	if err != nil {
		panic(err)
	}
	defaultExportDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newModel builds a reader over arts at w×h, with its start-up commands
// (the index build, the first render) already run.
func newModel(tb testing.TB, arts []corpus.Article, w, h int) Model {
	tb.Helper()
	m := New(Options{Articles: arts, Theme: ui.DarkTheme(), Source: "test corpus"})
	m = drain(m, m.Init(), 0)
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send delivers msgs in order and runs the commands they return the way
// the runtime would, synchronously, feeding their messages back in.
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		nm, cmd := m.Update(msg)
		m = drain(nm.(Model), cmd, 0)
	}
	return m
}

func drain(m Model, cmd tea.Cmd, depth int) Model { return drainHolding(m, cmd, depth, nil) }

// sendHolding is send, but the answers of corpus searches are held back
// and returned instead of fed in: the test delivers them itself, in the
// order it chooses.
func sendHolding(m Model, msgs ...tea.Msg) (Model, []search.DoneMsg) {
	var held []search.DoneMsg
	for _, msg := range msgs {
		nm, cmd := m.Update(msg)
		m = drainHolding(nm.(Model), cmd, 0, &held)
	}
	return m, held
}

func drainHolding(m Model, cmd tea.Cmd, depth int, held *[]search.DoneMsg) Model {
	if cmd == nil || depth > 16 {
		return m
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			m = drainHolding(m, c, depth+1, held)
		}
	case search.DoneMsg:
		if held != nil {
			*held = append(*held, msg)
			return m
		}
		nm, c := m.Update(msg)
		m = drainHolding(nm.(Model), c, depth+1, held)
	default:
		nm, c := m.Update(msg)
		m = drainHolding(nm.(Model), c, depth+1, held)
	}
	return m
}

// keys turns "j", "enter", "esc", "tab", "pgdown"... into key messages.
func keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		out = append(out, keyMsg(n))
	}
	return out
}

func keyMsg(n string) tea.KeyMsg { return panetest.Key(n) }

func click(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
}

func wheel(x, y int, down bool) tea.MouseMsg {
	b := tea.MouseButtonWheelUp
	if down {
		b = tea.MouseButtonWheelDown
	}
	return tea.MouseMsg{X: x, Y: y, Button: b, Action: tea.MouseActionPress}
}

// month builds a MonthIndex.
func month(y, m int) int { return y*12 + m - 1 }

// art builds a dated article.
func art(id string, y, m, d int, title string, paras ...string) corpus.Article {
	if len(paras) == 0 {
		paras = []string{"Body of " + id + "."}
	}
	return corpus.Article{ID: id, Title: title, Source: "Wire",
		Date: corpus.Date{Year: y, Month: m, Day: d, Prec: corpus.PrecDay}, Paragraphs: paras}
}

// synth builds n dated articles, one every few days from 2019 on, with
// every 10th undated: enough spread for the timeline, and fixed.
func synth(n int) []corpus.Article {
	arts := make([]corpus.Article, n)
	for i := range arts {
		day := i * 3
		y, m, d := 2019+day/360, day%360/30+1, day%30+1
		a := art(fmt.Sprintf("a%06d", i), y, m, d,
			fmt.Sprintf("Article %d on the %s", i, []string{"border talks", "grain prices", "CSTO summit", "river dam"}[i%4]),
			fmt.Sprintf("Paragraph one of article %d mentions the summit.", i),
			"A second paragraph, longer, so the article scrolls a little when the pane is short.",
			"Third paragraph: the summit again, and the dam.")
		if i%10 == 9 {
			a.Date = corpus.Date{}
		}
		arts[i] = a
	}
	return arts
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// requireFits fails when view is wider or taller than w×h.
func requireFits(tb testing.TB, view string, w, h int, what string) {
	tb.Helper()
	if view == "" {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		tb.Fatalf("%s: view is %d lines in a %dx%d window:\n%s", what, len(lines), w, h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			tb.Fatalf("%s: line %d is %d cells in a %dx%d window: %q", what, i, lw, w, h, l)
		}
	}
}
