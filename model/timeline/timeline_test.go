package timeline

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
	"dossier/model/common"
	"dossier/model/internal/panetest"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii) // goldens are plain text
	os.Exit(m.Run())
}

func month(y, m int) int { return y*12 + m - 1 }

func day(y, m, d int) corpus.Date {
	return corpus.Date{Year: y, Month: m, Day: d, Prec: corpus.PrecDay}
}

// timelineArts spans 2021 to 2024 with gaps, and one undated.
func timelineArts() []corpus.Article {
	return []corpus.Article{
		{ID: "n24", Date: day(2024, 3, 1)}, {ID: "j22", Date: day(2022, 1, 10)}, {ID: "m22", Date: day(2022, 5, 10)},
		{ID: "d21", Date: day(2021, 6, 1)}, {ID: "e21", Date: day(2021, 5, 1)}, {ID: "u"},
	}
}

func newTimeline(w, h int) Model {
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	m.SetArticles(timelineArts(), 0)
	m.SetSize(w, h)
	m.SetSelected(month(2024, 3))
	m.Focus()
	return m
}

func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		keys   []string
		cursor int
		filter corpus.Range
		want   tea.Msg
	}{
		{[]string{"h"}, month(2024, 2), corpus.Range{}, nil},
		{[]string{"H", "h", "["}, month(2022, 2), corpus.Range{}, nil},
		{[]string{"L", "L"}, month(2024, 12), corpus.Range{}, nil}, // clamped at the axis' end
		{[]string{"H", "H", "enter"}, month(2022, 3), corpus.YearRange(2022), FilterChangedMsg{corpus.YearRange(2022)}},
		{[]string{"H", "H", "enter", "enter"}, month(2022, 3), corpus.MonthRange(month(2022, 3)), FilterChangedMsg{corpus.MonthRange(month(2022, 3))}},
		{[]string{"enter", "0"}, month(2024, 3), corpus.Range{}, FilterChangedMsg{}},
		{[]string{"enter", "esc"}, month(2024, 3), corpus.Range{}, FilterChangedMsg{}},
		{[]string{"esc"}, month(2024, 3), corpus.Range{}, BackPressedMsg{}},
		{[]string{"0"}, month(2024, 3), corpus.Range{}, nil},
		{[]string{"j"}, month(2024, 3), corpus.Range{}, BrowsedMsg{Delta: 1}},
		{[]string{"k"}, month(2024, 3), corpus.Range{}, BrowsedMsg{Delta: -1}},
	} {
		m := newTimeline(120, 5)
		var got []tea.Msg
		for _, k := range tc.keys {
			var cmd tea.Cmd
			m, cmd = m.Update(panetest.Key(k))
			got = panetest.Said(cmd)
		}
		var last tea.Msg
		if len(got) > 0 {
			last = got[0]
		}
		if m.Cursor() != tc.cursor || m.Filter() != tc.filter || !reflect.DeepEqual(last, tc.want) {
			t.Errorf("%v: cursor %d filter %+v sent %#v; want %d %+v %#v", tc.keys, m.Cursor(), m.Filter(), last, tc.cursor, tc.filter, tc.want)
		}
	}
	// Undated articles are never on the axis.
	if tl := newTimeline(120, 5).Timeline(); tl.Undated != 1 || tl.Count(-1) != 0 {
		t.Fatalf("undated: %+v", tl)
	}
}

func TestUndatedCorpus(t *testing.T) {
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	m.SetArticles([]corpus.Article{{ID: "u"}}, 0)
	m.Focus()
	_, cmd := m.Update(panetest.Key("enter"))
	if got := panetest.Said(cmd); !reflect.DeepEqual(got, []tea.Msg{common.NotedMsg{Text: "no dated articles"}}) {
		t.Fatalf("enter on an undated corpus: %v", got)
	}
}

func TestSetHits(t *testing.T) {
	arts := timelineArts()
	m := newTimeline(120, 5)
	m.SetHits(arts, []int{1, 2, 5})
	total := 0
	for _, c := range m.hits {
		total += c
	}
	if total != 2 || m.hitsOff != 1 {
		t.Fatalf("hit counts %v, off the axis %d", m.hits, m.hitsOff)
	}
	m.SetHits(arts, nil)
	if m.hits != nil {
		t.Fatal("hits kept after the search")
	}
}

func TestClickYear(t *testing.T) {
	m := newTimeline(120, 5)
	bx, by, _, _ := m.body()
	x := bx + (month(2022, 1) - m.tl.First)
	m, cmd := m.Update(tea.MouseMsg{X: x + 1, Y: by + 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.Label() != "2022" || len(panetest.Said(cmd)) != 1 {
		t.Fatalf("click on 2022: filter %q", m.Label())
	}
	m, _ = m.Update(tea.MouseMsg{X: bx + (month(2021, 6) - m.tl.First), Y: by, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.Cursor() != month(2021, 6) {
		t.Fatalf("click on 2021-06: cursor %d", m.Cursor())
	}
}

// TestGolden pins the pane and the one-line form. Refresh with
// go test ./model/timeline -update.
func TestGolden(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 5}, {120, 5}, {40, 1}, {80, 1}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := newTimeline(sz.w, sz.h)
			m, _ = m.Update(panetest.Key("h"))
			t.Run("focused", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m.Blur()
			m.SetHits(timelineArts(), []int{1, 5})
			t.Run("hits", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
		})
	}
}

// TestLineWholeSpan: the one-line pane shows the seeds' first and last
// year at the narrow layout's widths, focused or not, moves its cursor and
// takes a click there, and draws within its box down to one column.
func TestLineWholeSpan(t *testing.T) {
	for _, w := range []int{80, 50, 30, 1} {
		m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
		m.SetArticles(parse.Embedded(), 0)
		m.SetSize(w, 1)
		m.SetSelected(month(2022, 9))
		for _, focus := range []bool{false, true} {
			if focus {
				m.Focus()
				m, _ = m.Update(panetest.Key("H"))
			}
			v := m.View()
			if lipgloss.Width(v) != w || strings.Contains(v, "\n") {
				t.Fatalf("width %d: %q", w, v)
			}
			if w >= 30 && (!strings.Contains(v, "2018") || !strings.Contains(v, "2024")) {
				t.Errorf("width %d focused %v: %q lacks the span's years", w, focus, v)
			}
		}
		if m.Cursor() != month(2021, 9) {
			t.Fatalf("width %d: H moved the cursor to %d", w, m.Cursor())
		}
		// A click on the first cell after the label puts the cursor in 2018.
		m, _ = m.Update(tea.MouseMsg{X: 6, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		if w >= 30 && corpus.MonthYear(m.Cursor()) != 2018 {
			t.Errorf("width %d: a click on the first cell: cursor %d", w, m.Cursor())
		}
	}
}
