package model

import (
	"dossier/corpus/parse"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/feed"
	"dossier/model/store"
	"dossier/ui"
)

func TestBookmarksAndReadMarks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	st, _ := store.Load(path)
	arts := synth(8)
	m := New(Options{Articles: arts, Theme: ui.DarkTheme(), Source: "marks",
		State: st, StateKey: "k", Saver: &store.Saver{Path: path}})
	m = drain(m, m.Init(), 0)
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})

	first := m.Selected().ID
	m = send(m, keys("m")...)
	if !st.For("k").Bookmarks[first] || !strings.Contains(m.View(), "bookmarked") {
		t.Fatalf("m did not bookmark %s", first)
	}
	if !strings.Contains(m.View(), "★ ") {
		t.Fatalf("no star in the list:\n%s", m.View())
	}
	m = send(m, keys("j", "enter")...)
	second := m.Open().ID
	if !st.For("k").Read[second] || st.For("k").Read[first] {
		t.Fatalf("read marks = %v: only the opened article is read", st.For("k").Read)
	}
	m = send(m, keys("esc", "M")...)
	if m.Len() != 1 || m.Selected().ID != first || !strings.Contains(m.View(), "bookmarks (1)") {
		t.Fatalf("M: len %d selected %s", m.Len(), m.Selected().ID)
	}
	m = send(m, keys("m")...) // unbookmark while showing bookmarks only
	if m.Len() != 0 || st.For("k").Bookmarks[first] {
		t.Fatalf("unbookmark: len %d", m.Len())
	}
	if m.Open() != nil || !strings.Contains(m.View(), "no article selected") {
		t.Fatalf("the pane still shows %v after its article left the list", m.Open())
	}
	m = send(m, keys("M")...)
	if m.Len() != len(arts) {
		t.Fatalf("M again: len %d", m.Len())
	}
	// Every change was saved, in order.
	got, err := store.Load(path)
	if err != nil || !got.For("k").Read[second] || len(got.For("k").Bookmarks) != 0 {
		t.Fatalf("saved state = %+v, %v", got.For("k"), err)
	}
}

func TestMarksOff(t *testing.T) {
	m := newModel(t, synth(3), 120, 40)
	m = send(m, keys("m")...)
	if !strings.Contains(m.View(), "read marks are off") || strings.Contains(m.View(), "★") {
		t.Fatalf("without state, m should say bookmarks are off:\n%s", m.View())
	}
}

// TestLoadingKeepsTop: newer articles stream in above older ones; the list
// stays at its top until the reader moves, then keeps the reader's place.
func TestLoadingKeepsTop(t *testing.T) {
	m := New(Options{Loading: true, Theme: ui.DarkTheme(), Source: "stream"})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	arts := synth(30) // oldest first, as a walk of year folders gives them
	m = send(m, feed.BatchLoaded(arts[:10]))
	m = send(m, feed.BatchLoaded(arts[10:20]))
	if m.list().Cursor() != 0 || m.Selected().ID != m.arts()[m.list().Order()[0]].ID || m.Open() == nil || m.Open().ID != m.Selected().ID {
		t.Fatalf("untouched: cursor %d selected %v open %v", m.list().Cursor(), m.Selected().ID, m.Open())
	}
	m = send(m, keys("j")...)
	held := m.Selected().ID
	m = send(m, feed.BatchLoaded(arts[20:]), feed.LoadDone(nil, nil))
	if m.Selected().ID != held {
		t.Fatalf("after moving, selection %s, want %s kept", m.Selected().ID, held)
	}
}

// TestTimelineCountsHitsOffAxis: while searching, the count beside the
// timeline is the hits' own, not the corpus's undated articles.
func TestTimelineCountsHitsOffAxis(t *testing.T) {
	m := newModel(t, parse.Embedded(), 120, 40)
	m = send(m, keys("/", "j", "a", "p", "a", "r", "o", "v")...)
	if v := m.View(); strings.Contains(strings.Split(v, "\n")[1], "undated") {
		t.Fatalf("the one hit is dated, yet the timeline says undated:\n%s", v)
	}
	m = send(m, keys("esc", "esc")...)
	m = send(m, keys("/", "i", "m", "a", "n", "k", "u", "l", "o", "v")...)
	if v := m.View(); !strings.Contains(strings.Split(v, "\n")[1], "+1 undated") {
		t.Fatalf("000 is an undated hit:\n%s", v)
	}
}

// TestUnreadKeys: u goes to the next unread article below the cursor, U
// takes an article's read mark away, and the file keeps that.
func TestUnreadKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	st, _ := store.Load(path)
	m := New(Options{Articles: synth(5), Theme: ui.DarkTheme(), Source: "marks",
		State: st, StateKey: "k", Saver: &store.Saver{Path: path}})
	m = drain(m, m.Init(), 0)
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	// Read rows 1 and 2.
	m = send(m, keys("j", "enter", "esc", "j", "enter", "esc", "g")...)
	read := st.For("k").Read
	if len(read) != 2 {
		t.Fatalf("read %v", read)
	}
	m = send(m, keys("u")...)
	if m.list().Cursor() != 3 {
		t.Fatalf("u from the top: cursor %d, want 3 (1 and 2 are read)", m.list().Cursor())
	}
	m = send(m, keys("u", "u")...)
	if m.list().Cursor() != 4 || !strings.Contains(m.View(), "no unread articles below") {
		t.Fatalf("u at the last unread: cursor %d", m.list().Cursor())
	}
	m = send(m, keys("g", "j")...)
	id := m.Selected().ID
	m = send(m, keys("U")...)
	if st.For("k").Read[id] || !strings.Contains(m.View(), "marked unread") {
		t.Fatalf("U left %s read", id)
	}
	if got, err := store.Load(path); err != nil || got.For("k").Read[id] || len(got.For("k").Read) != 1 {
		t.Fatalf("saved %v, %v", got.For("k").Read, err)
	}
}
