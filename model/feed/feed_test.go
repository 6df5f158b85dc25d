package feed

import (
	"errors"
	"reflect"
	"testing"

	"dossier/corpus"
	"dossier/corpus/load"
	csearch "dossier/corpus/search"
	"dossier/model/internal/panetest"
)

func arts(ids ...string) []corpus.Article {
	out := make([]corpus.Article, len(ids))
	for i, id := range ids {
		out[i] = corpus.Article{ID: id, File: "news/" + id + ".txt", Title: "Title " + id}
	}
	return out
}

func ids(as []corpus.Article) (out []string) {
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// TestBatchesGrow: each batch is appended, and the feed says where the
// new articles start; an empty batch says nothing.
func TestBatchesGrow(t *testing.T) {
	m := New(nil, true)
	m, cmd := m.Update(BatchLoaded(arts("a", "b")))
	if got := panetest.Said(cmd); len(got) != 1 || got[0].(GrewMsg).From != 0 || len(got[0].(GrewMsg).Arts) != 2 {
		t.Fatalf("first batch said %v", got)
	}
	m, cmd = m.Update(BatchLoaded(arts("c")))
	if got := panetest.Said(cmd); len(got) != 1 || got[0].(GrewMsg).From != 2 || !reflect.DeepEqual(ids(got[0].(GrewMsg).Arts), []string{"a", "b", "c"}) {
		t.Fatalf("second batch said %v", got)
	}
	if m, cmd = m.Update(BatchLoaded(nil)); cmd != nil {
		t.Fatalf("an empty batch said %v", panetest.Said(cmd))
	}
	if got := ids(m.Articles()); !reflect.DeepEqual(got, []string{"a", "b", "c"}) || !m.Loading() {
		t.Fatalf("articles %v, loading %v", got, m.Loading())
	}
}

// TestProgress: found counts up, the total comes with the walk's end, and
// indexing is reported apart.
func TestProgress(t *testing.T) {
	m := New(nil, true)
	m, _ = m.Update(LoadProgress(40, false))
	m, _ = m.Update(LoadProgress(30, false)) // a late report never counts down
	if f, tot, ix := m.Progress(); f != 40 || tot != 0 || ix {
		t.Fatalf("progress %d/%d indexing %v", f, tot, ix)
	}
	m, _ = m.Update(LoadProgress(90, true))
	m, _ = m.Update(LoadIndexing())
	if f, tot, ix := m.Progress(); f != 90 || tot != 90 || !ix {
		t.Fatalf("progress %d/%d indexing %v", f, tot, ix)
	}
}

// TestLoadedReplacesByID: the load's sorted corpus takes the batches'
// place, and Old maps each streamed article to its number in it.
func TestLoadedReplacesByID(t *testing.T) {
	m := New(nil, true)
	m, _ = m.Update(BatchLoaded(arts("a", "b", "c")))
	sorted := arts("c", "a", "b")
	ix := csearch.NewIndex(sorted)
	skip := []load.Skipped{{Path: "x", Reason: "binary file"}}
	m, cmd := m.Update(Loaded(sorted, ix, skip, nil))
	got := panetest.Said(cmd)
	if len(got) != 2 {
		t.Fatalf("said %v, want the skips and the replacement", got)
	}
	if s, ok := got[0].(SkippedMsg); !ok || !reflect.DeepEqual(s.Files, skip) {
		t.Fatalf("first said %#v", got[0])
	}
	r, ok := got[1].(ReplacedMsg)
	if !ok || r.Index != ix || &r.Arts[0] != &sorted[0] {
		t.Fatalf("second said %#v", got[1])
	}
	for old, want := range map[int]int{0: 1, 1: 2, 2: 0, -1: -1, 3: -1} {
		if n := r.Old(old); n != want {
			t.Errorf("Old(%d) = %d, want %d", old, n, want)
		}
	}
	if m.Loading() || &m.Articles()[0] != &sorted[0] {
		t.Fatal("the load's corpus was not taken")
	}
}

// TestLoadDoneAsksForAnIndex: a load that returns without an index asks
// for one, unless it failed (the error is kept) or read nothing.
func TestLoadDoneAsksForAnIndex(t *testing.T) {
	m := New(arts("a"), true)
	_, cmd := m.Update(LoadDone(nil, nil))
	if got := panetest.Said(cmd); len(got) != 2 || len(got[1].(UnindexedMsg).Arts) != 1 {
		t.Fatalf("said %v", got)
	}
	boom := errors.New("boom")
	m2, cmd := m.Update(LoadDone(nil, boom))
	if got := panetest.Said(cmd); len(got) != 1 || m2.Err() != boom || m2.Loading() {
		t.Fatalf("a failed load said %v, err %v", got, m2.Err())
	}
	if _, cmd := New(nil, true).Update(LoadDone(nil, nil)); len(panetest.Said(cmd)) != 1 {
		t.Fatal("an empty load asked for an index")
	}
}

// TestFilesChanged: a live folder's changes make a new corpus; the old
// one is left as it was, Old follows the articles, and the changed files
// are named.
func TestFilesChanged(t *testing.T) {
	before := arts("a", "b", "c")
	m := New(before, false)
	b2 := before[1]
	b2.Title = "Rewritten"
	m, cmd := m.Update(FilesChanged([]load.Change{
		{Path: before[0].File, Removed: true},
		{Path: b2.File, Article: b2},
		{Path: "news/d.txt", Article: arts("d")[0]},
	}))
	got := panetest.Said(cmd)
	if len(got) != 2 {
		t.Fatalf("said %v", got)
	}
	r, ok := got[1].(ReplacedMsg)
	if !ok || !r.Changed[b2.File] || !r.Changed[before[0].File] || r.Changed[before[2].File] {
		t.Fatalf("replacement %#v", got[1])
	}
	next := m.Articles()
	if r.Old(0) != -1 || next[r.Old(1)].Title != "Rewritten" || next[r.Old(2)].ID != "c" {
		t.Fatalf("Old maps 0,1,2 to %d,%d,%d in %v", r.Old(0), r.Old(1), r.Old(2), ids(next))
	}
	if before[1].Title != "Title b" || len(next) != 3 {
		t.Fatalf("the old corpus changed, or the new one is %v", ids(next))
	}
}

// TestSearchableThenLoaded: a first open's drafts take the batches'
// place with their index, the load still on and reading quotes; Loaded
// ends it.
func TestSearchableThenLoaded(t *testing.T) {
	m := New(nil, true)
	m, _ = m.Update(BatchLoaded(arts("b", "a")))
	sorted := arts("a", "b")
	m, cmd := m.Update(Searchable(sorted, csearch.NewIndex(sorted)))
	r, ok := cmd().(ReplacedMsg)
	if !ok || r.Index == nil || r.Old(0) != 1 || !m.Loading() || !m.Quoting() {
		t.Fatalf("searchable: %T, loading %v, quoting %v", cmd(), m.Loading(), m.Quoting())
	}
	m, _ = m.Update(Loaded(sorted, csearch.NewIndex(sorted), nil, nil))
	if m.Loading() || m.Quoting() {
		t.Fatalf("loaded: loading %v, quoting %v", m.Loading(), m.Quoting())
	}
}
