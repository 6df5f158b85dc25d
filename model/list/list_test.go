package list

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/search"
	"dossier/model/internal/panetest"
	"dossier/ui"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii) // goldens are plain text
	os.Exit(m.Run())
}

// arts is n articles, article i dated i days into 2020 and titled so the
// title order is the reverse of the date order.
func arts(n int) []corpus.Article {
	out := make([]corpus.Article, n)
	for i := range out {
		out[i] = corpus.Article{ID: fmt.Sprintf("a%02d", i), Title: fmt.Sprintf("Title %02d", n-i), Source: "Wire",
			Date: corpus.Date{Year: 2020, Month: 1 + i/28, Day: 1 + i%28, Prec: corpus.PrecDay}}
	}
	return out
}

func newList(n, w, h int) Model {
	m := New(DefaultKeyMap(), ui.NewStyles(ui.DarkTheme(), termenv.Ascii))
	a := arts(n)
	m.Refresh(nil, Filter{}, m.AddArticles(a, 0))
	m.SetSize(w, h)
	m.Focus()
	return m
}

func TestKeys(t *testing.T) {
	// 40 articles in a 10-line box: 8 lines inside the border, 4 items of two lines.
	for _, tc := range []struct {
		keys        []string
		cursor, off int
		want        tea.Msg
	}{
		{[]string{"j"}, 1, 0, SelectionChangedMsg{Doc: 38}},
		{[]string{"j", "j", "k"}, 1, 0, SelectionChangedMsg{Doc: 38}},
		{[]string{"G"}, 39, 36, SelectionChangedMsg{Doc: 0}},
		{[]string{"pgdown"}, 4, 1, SelectionChangedMsg{Doc: 35}},
		{[]string{"G", "g"}, 0, 0, SelectionChangedMsg{Doc: 39}},
		{[]string{"j", "enter"}, 1, 0, OpenedMsg{Doc: 38}},
		{[]string{"s"}, 0, 0, SortChangedMsg{Sort: "by title"}},
		{[]string{"esc"}, 0, 0, BackPressedMsg{}},
		{[]string{"x"}, 0, 0, nil},
	} {
		m := newList(40, 50, 10)
		var got []tea.Msg
		for _, k := range tc.keys {
			var cmd tea.Cmd
			m, cmd = m.Update(panetest.Key(k))
			got = panetest.Said(cmd)
		}
		var last tea.Msg
		if len(got) > 0 {
			last = got[len(got)-1]
		}
		if m.Cursor() != tc.cursor || m.offset != tc.off || !reflect.DeepEqual(last, tc.want) {
			t.Errorf("%v: cursor %d offset %d sent %#v; want %d %d %#v", tc.keys, m.Cursor(), m.offset, last, tc.cursor, tc.off, tc.want)
		}
		if !m.Touched() {
			t.Errorf("%v: a key did not mark the list touched", tc.keys)
		}
	}
}

func TestSortAndHits(t *testing.T) {
	m := newList(5, 50, 10)
	m, _ = m.Update(panetest.Key("j"))
	m, cmd := m.Update(panetest.Key("s"))
	if got := panetest.Said(cmd); len(got) != 1 || m.SortName() != "by title" {
		t.Fatalf("s: %v %s", got, m.SortName())
	}
	m.Refresh(nil, Filter{}, m.Selected())
	if !reflect.DeepEqual(m.Order(), []int{4, 3, 2, 1, 0}) || m.Selected() != 3 {
		t.Fatalf("by title: %v, selected %d", m.Order(), m.Selected())
	}
	// While hits are shown, the order is the ranking: s only says so.
	m.Refresh([]search.Hit{{Doc: 2}, {Doc: 0}}, Filter{}, -1)
	_, cmd = m.Update(panetest.Key("s"))
	if got := panetest.Said(cmd); len(got) != 1 || got[0] == nil || m.SortName() != "by title" {
		t.Fatalf("s on hits: %v", got)
	}
	// A filter narrows the hits as it narrows the list.
	m.Refresh([]search.Hit{{Doc: 2}, {Doc: 0}}, Filter{Only: func(id string) bool { return id == "a00" }}, -1)
	if !reflect.DeepEqual(m.Order(), []int{0}) || len(m.hits) != 1 {
		t.Fatalf("filtered hits: %v", m.Order())
	}
	m.Refresh(nil, Filter{Range: corpus.MonthRange(2020*12 + 0)}, -1)
	if m.Len() != 5 {
		t.Fatalf("range: %d", m.Len())
	}
}

func TestMouse(t *testing.T) {
	m := newList(20, 50, 10)
	m, cmd := m.Update(tea.MouseMsg{X: 3, Y: 1 + 2*3 + 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.Cursor() != 3 || len(panetest.Said(cmd)) != 1 { // the second line of the fourth item
		t.Fatalf("click item 3: cursor %d", m.Cursor())
	}
	m, _ = m.Update(tea.MouseMsg{X: 3, Y: 3, Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.Cursor() != 2 {
		t.Fatalf("wheel up: cursor %d", m.Cursor())
	}
}

// TestGolden pins the pane at three sizes, focused, with marks and while
// showing hits. Refresh with go test ./model/list -update.
func TestGolden(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 40}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := newList(30, sz.w, sz.h)
			m.SetMarks(func(id string) (bool, bool) { return id == "a28", id == "a27" })
			m, _ = m.Update(panetest.Key("j"))
			t.Run("list", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m.Blur()
			m.Refresh([]search.Hit{{Doc: 3, Snippet: "a snippet", TitlePos: []int{0}}, {Doc: 7}}, Filter{}, -1)
			t.Run("hits", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			m.Refresh([]search.Hit{}, Filter{}, -1)
			m.SetEmpty("no matches")
			t.Run("empty", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
		})
	}
}
