package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.json")
	s, err := Load(path)
	if err != nil || len(s.Corpora) != 0 {
		t.Fatalf("missing file: %v, %v", s, err)
	}
	m := s.For("embedded")
	m.Read["000"], m.Bookmarks["002"] = true, true
	s.For("/news").Read["a/b"] = true
	sv := &Saver{Path: path}
	if err := sv.Save(1, s.Snapshot()); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !got.For("embedded").Read["000"] || !got.For("embedded").Bookmarks["002"] || !got.For("/news").Read["a/b"] {
		t.Fatalf("round trip lost marks: %+v", got.Corpora)
	}
	// No temporary files are left beside it.
	ents, _ := os.ReadDir(filepath.Dir(path))
	if len(ents) != 1 {
		t.Errorf("folder holds %d entries", len(ents))
	}
}

func TestStaleSaveDropped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	sv := &Saver{Path: path}
	newer, older := New(), New()
	newer.For("k").Bookmarks["new"] = true
	older.For("k").Bookmarks["old"] = true
	if err := sv.Save(2, newer.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if err := sv.Save(1, older.Snapshot()); err != nil { // finished late
		t.Fatal(err)
	}
	got, _ := Load(path)
	if !got.For("k").Bookmarks["new"] || got.For("k").Bookmarks["old"] {
		t.Fatalf("a stale save won: %+v", got.For("k"))
	}
}

func TestCorruptKeptAside(t *testing.T) {
	for name, body := range map[string]string{
		"garbage":     "{not json",
		"new version": `{"version": 99, "corpora": {}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.json")
			os.WriteFile(path, []byte(body), 0o600)
			s, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), "kept as "+path+".corrupt-") {
				t.Fatalf("err = %v", err)
			}
			if s == nil || s.Stuck || len(s.Corpora) != 0 {
				t.Fatalf("state = %+v", s)
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != 1 || !strings.HasPrefix(ents[0].Name(), "state.json.corrupt-") {
				t.Fatalf("folder = %v", ents)
			}
			kept, _ := os.ReadFile(filepath.Join(dir, ents[0].Name()))
			if string(kept) != body {
				t.Fatalf("the bad file was not kept as it was: %q", kept)
			}
		})
	}
}

func TestUnsavable(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o600)
	// A folder that is a file: the save fails with a message, nothing panics.
	if err := (&Saver{Path: filepath.Join(blocker, "state.json")}).Save(1, New().Snapshot()); err == nil || !strings.Contains(err.Error(), "state not saved") {
		t.Fatalf("err = %v", err)
	}
	if err := (*Saver)(nil).Save(1, nil); err != nil {
		t.Fatal(err)
	}
}
