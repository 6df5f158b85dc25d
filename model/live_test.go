package model

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/load"
	"dossier/corpus/parse"
	csearch "dossier/corpus/search"
	"dossier/model/feed"
	"dossier/ui"
)

// TestLiveFolder: files added, changed and removed while the reader is
// open appear, change or leave in date order, the timeline counts them,
// search finds the new text once reindexed, and the selection stays.
func TestLiveFolder(t *testing.T) {
	arts := synth(6)
	for i := range arts {
		arts[i].File = "news/" + arts[i].ID + ".txt"
	}
	m := newModel(t, arts, 120, 40)
	m = send(m, keys("j", "j")...)
	sel := m.Selected().ID
	newest := art("new", 2030, 1, 1, "A brand new dispatch on the Kambarata dam", "Kambarata dam news.")
	newest.File = "news/new.txt"
	changed := arts[5]
	changed.Title, changed.Paragraphs = "Rewritten headline", []string{"Rewritten body about Toktogul."}
	m = send(m, feed.FilesChanged([]load.Change{
		{Path: "news/new.txt", Article: newest},
		{Path: changed.File, Article: changed},
		{Path: arts[0].File, Removed: true},
		{Path: "news/x.txt", Removed: true, Skip: &load.Skipped{Path: "news/x.txt", Reason: "binary file"}},
	}))
	if m.Selected() == nil || m.Selected().ID != sel {
		t.Fatalf("selection moved to %v, want %s", m.Selected(), sel)
	}
	if m.Len() != 6 {
		t.Fatalf("%d articles, want 6 (one in, one out)", m.Len())
	}
	// Date order: the new one (2030) is first.
	if first := m.arts()[m.list().Order()[0]]; first.ID != "new" {
		t.Fatalf("first row %s", first.ID)
	}
	for _, a := range m.arts() {
		if a.ID == arts[0].ID {
			t.Fatalf("%s was removed but is still there", a.ID)
		}
		if a.ID == changed.ID && a.Title != "Rewritten headline" {
			t.Fatalf("changed article kept %q", a.Title)
		}
	}
	if m.timeline().Timeline().Last/12 != 2030 {
		t.Fatalf("timeline ends in %d", m.timeline().Timeline().Last/12)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "1 skipped") {
		t.Fatalf("the skip is not counted:\n%s", v)
	}
	// The index was rebuilt: the new words are found.
	m = send(m, keys("/", "k", "a", "m", "b", "a", "r", "a", "t", "a")...)
	if m.Len() != 1 || m.Selected().ID != "new" {
		t.Fatalf("search after the change: %d hits", m.Len())
	}
	m = send(m, keys("esc")...)
}

// TestLiveFolderKeepsHitsAndOpen: while hits are shown and an article is
// open, a change elsewhere keeps both.
func TestLiveFolderKeepsHitsAndOpen(t *testing.T) {
	arts := synth(6)
	for i := range arts {
		arts[i].File = "news/" + arts[i].ID + ".txt"
	}
	m := newModel(t, arts, 120, 40)
	m = send(m, keys("/", "s", "u", "m", "m", "i", "t", "enter")...)
	hits, open := m.Len(), m.Open()
	if hits == 0 || open == nil {
		t.Fatalf("%d hits, open %v", hits, open)
	}
	id := open.ID
	extra := art("zz", 2019, 5, 5, "Grain prices", "Wheat.")
	extra.File = "news/zz.txt"
	m = send(m, feed.FilesChanged([]load.Change{{Path: extra.File, Article: extra}}))
	if m.Len() != hits || m.Open() == nil || m.Open().ID != id {
		t.Fatalf("after an unrelated change: %d hits (was %d), open %v", m.Len(), hits, m.Open())
	}
}

// TestLoadedTakesTheCorpusAndIndex: the load's own corpus and index (a
// cached one) replace the streamed batches; the selection stays, and
// search answers at once, with no index to build.
func TestLoadedTakesTheCorpusAndIndex(t *testing.T) {
	arts := synth(8)
	m := New(Options{Loading: true, Theme: ui.DarkTheme(), Source: "folder"})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(m, feed.BatchLoaded([]corpus.Article{arts[3], arts[1]}), feed.BatchLoaded([]corpus.Article{arts[0], arts[2]}))
	m = send(m, keys("j")...)
	sel := m.Selected().ID
	sorted := append([]corpus.Article(nil), arts[:4]...)
	corpus.SortByDate(sorted)
	nm, cmd := m.Update(feed.Loaded(sorted, csearch.NewIndex(sorted), nil, nil))
	m = nm.(Model)
	if !m.search().Indexed() {
		t.Fatal("the load's index was not taken")
	}
	m = drain(m, cmd, 0)
	if m.Selected() == nil || m.Selected().ID != sel || m.Len() != 4 {
		t.Fatalf("selected %v (want %s), %d rows", m.Selected(), sel, m.Len())
	}
	if &m.arts()[0] != &sorted[0] {
		t.Fatal("the reader kept its own copy of the corpus")
	}
	m = send(m, keys("/", "s", "u", "m", "m", "i", "t")...)
	if m.search().Hits() == nil || m.Len() == 0 {
		t.Fatalf("no hits from the load's index: %d", m.Len())
	}
}

// TestLoadProgressInStatus: the status line counts the load against the
// files found, then says it is indexing, then neither.
func TestLoadProgressInStatus(t *testing.T) {
	m := New(Options{Loading: true, Theme: ui.DarkTheme(), Source: "folder"})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(m, feed.LoadProgress(40, false), feed.BatchLoaded(synth(10)))
	status := func() string { l := strings.Split(ansi.Strip(m.View()), "\n"); return l[len(l)-1] }
	if !strings.Contains(status(), "loading 10 (40 found)") {
		t.Fatalf("walking: %q", status())
	}
	m = send(m, feed.LoadProgress(50, true))
	if !strings.Contains(status(), "loading 10/50 (20%)") {
		t.Fatalf("walked: %q", status())
	}
	m = send(m, feed.LoadIndexing())
	if !strings.Contains(status(), "indexing…") {
		t.Fatalf("indexing: %q", status())
	}
	m = send(m, feed.LoadDone(nil, nil))
	if s := status(); strings.Contains(s, "loading") || strings.Contains(s, "indexing") {
		t.Fatalf("done: %q", s)
	}
}

// TestFirstOpenInPasses: a first open's drafts, listed and searchable
// before their quotes are read, then the articles with their quotes. The
// status line and an open explorer say the quotes are being read; when
// they come, the explorer counts the speakers and the selection stays.
func TestFirstOpenInPasses(t *testing.T) {
	full := parse.Embedded()
	drafts := make([]corpus.Article, len(full))
	for i, a := range full {
		a.Quotes = nil
		drafts[i] = a
	}
	m := New(Options{Loading: true, Theme: ui.DarkTheme(), Source: "folder"})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(m, feed.BatchLoaded(drafts[2:]), feed.BatchLoaded(drafts[:2]))
	status := func() string { l := strings.Split(ansi.Strip(m.View()), "\n"); return l[len(l)-1] }
	early := csearch.NewIndex(drafts)
	m = send(m, feed.Searchable(drafts, early))
	if !m.search().Indexed() || !strings.Contains(status(), "reading quotes…") {
		t.Fatalf("searchable: indexed %v, status %q", m.search().Indexed(), status())
	}
	m = send(m, keys("j", "j")...)
	sel := m.Selected().ID
	m = send(m, keys("Q")...)
	if v := ansi.Strip(m.View()); m.over.Quotes.Speakers() != 0 || !strings.Contains(v, "reading the quotes…") || strings.Contains(v, "0 speakers") {
		t.Fatalf("explorer before the quotes: %d speakers\n%s", m.over.Quotes.Speakers(), v)
	}
	m = send(m, feed.Loaded(full, early.WithQuotes(full), nil, nil))
	if m.over.Quotes.Speakers() == 0 {
		t.Fatal("the explorer, open when the quotes came, lists no speakers")
	}
	if strings.Contains(status(), "reading quotes") || strings.Contains(status(), "loading") {
		t.Fatalf("done: status %q", status())
	}
	m = send(m, keys("esc")...)
	if m.Selected() == nil || m.Selected().ID != sel {
		t.Fatalf("selected %v, want %s", m.Selected(), sel)
	}
}
