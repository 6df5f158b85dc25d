package load

import (
	"context"
	"dossier/corpus"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWatch: files added, changed and removed while the folder is watched
// come back as changes named as Load names them, a new folder's files
// included; files that are not articles, and hidden folders, do not.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "First headline here\n\nBISHKEK, Jan 5 (Wire) - A body.")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan []Change, 16)
	ready := make(chan error, 1)
	go func() { ready <- Watch(ctx, dir, Options{}, func(cs []Change) { got <- cs }) }()
	time.Sleep(100 * time.Millisecond) // the watch is set up
	select {
	case err := <-ready:
		t.Fatalf("Watch returned at once: %v", err)
	default:
	}
	next := func(what string) map[string]Change {
		t.Helper()
		out := map[string]Change{}
		deadline := time.After(5 * time.Second)
		for {
			select {
			case cs := <-got:
				for _, c := range cs {
					out[c.Path] = c
				}
				return out
			case <-deadline:
				t.Fatalf("%s: no change reported", what)
			}
		}
	}

	write("b.md", "Second headline about the CSTO\n\nA body of text.")
	write("notes.json", "{}")
	write(".git/c.txt", "hidden")
	cs := next("add")
	b, ok := cs[filepath.Join(dir, "b.md")]
	if !ok || b.Removed || b.Article.Title != "Second headline about the CSTO" || b.Article.ID != "b" {
		t.Fatalf("add: %+v", cs)
	}
	if len(cs) != 1 {
		t.Fatalf("non-articles reported: %+v", cs)
	}

	write("a.txt", "Changed headline here\n\nA new body.")
	if a := next("change")[filepath.Join(dir, "a.txt")]; a.Removed || a.Article.Title != "Changed headline here" || a.Article.File != filepath.Join(dir, "a.txt") {
		t.Fatalf("change: %+v", a)
	}

	os.Remove(filepath.Join(dir, "b.md"))
	if b := next("remove")[filepath.Join(dir, "b.md")]; !b.Removed {
		t.Fatalf("remove: %+v", b)
	}

	write("2024/06/d.txt", "A headline in a new folder\n\nBody.")
	if d := next("new folder")[filepath.Join(dir, "2024/06/d.txt")]; d.Removed || d.Article.ID != "2024/06/d" {
		t.Fatalf("new folder: %+v", d)
	}

	write("bin.txt", "bin\x00\x01\x02\x03")
	if s := next("binary")[filepath.Join(dir, "bin.txt")]; !s.Removed || s.Skip == nil {
		t.Fatalf("a file that no longer loads: %+v", s)
	}
	cancel()
	select {
	case err := <-ready:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Watch did not return at cancel")
	}
}

func TestApply(t *testing.T) {
	arts := []corpus.Article{{ID: "a", File: "n/a.txt", Title: "A"}, {ID: "b", File: "n/b.txt", Title: "B"}, {ID: "c", File: "n/c.txt", Title: "C"}}
	next, remap, skips := Apply(arts, []Change{
		{Path: "n/b.txt", Removed: true},
		{Path: "n/c.txt", Article: corpus.Article{ID: "whatever", File: "n/c.txt", Title: "C2"}},
		{Path: "n/a.md", Article: corpus.Article{ID: "a", File: "n/a.md", Title: "A2"}},
		{Path: "n/x.txt", Removed: true, Skip: &Skipped{Path: "n/x.txt", Reason: "binary file"}},
	})
	var got []string
	for _, a := range next {
		got = append(got, a.ID+"="+a.Title)
	}
	if want := []string{"a=A", "c=C2", "a.md=A2"}; !slices.Equal(got, want) {
		t.Fatalf("next %v, want %v", got, want)
	}
	if remap(0) != 0 || remap(1) != -1 || remap(2) != 1 || remap(3) != -1 || remap(-1) != -1 {
		t.Fatalf("remap %d %d %d %d", remap(0), remap(1), remap(2), remap(3))
	}
	if len(skips) != 1 || arts[2].Title != "C" {
		t.Fatalf("skips %v; the old corpus changed: %q", skips, arts[2].Title)
	}
}

// TestFound: the walk reports the article files it found, the last call
// with done and the total the load then reads.
func TestFound(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 30; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte("A headline for the test\n\nBody text."), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "notes.json"), []byte("{}"), 0o644)
	var calls [][2]int
	arts, _, err := Load(context.Background(), dir, Options{Found: func(n int, done bool) {
		d := 0
		if done {
			d = 1
		}
		calls = append(calls, [2]int{n, d})
	}})
	if err != nil || len(arts) != 30 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{30, 1} {
		t.Fatalf("Found calls %v, want the last to be 30, done", calls)
	}
}
