package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.json")
	s, err := Load(path)
	if err != nil || len(s.Corpora) != 0 {
		t.Fatalf("missing file: %v, %v", s, err)
	}
	sv := &Saver{Path: path}
	for i, c := range []Change{
		{Corpus: "embedded", ID: "000", On: true},
		{Corpus: "embedded", ID: "002", Bookmark: true, On: true},
		{Corpus: "/news", ID: "a/b", On: true},
	} {
		if err := sv.Save(i+1, c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !got.For("embedded").Read["000"] || !got.For("embedded").Bookmarks["002"] || !got.For("/news").Read["a/b"] {
		t.Fatalf("round trip lost marks: %+v", got.Corpora)
	}
	// Nothing but the state and its lock file beside it.
	ents, _ := os.ReadDir(filepath.Dir(path))
	if len(ents) != 2 {
		t.Errorf("folder holds %d entries", len(ents))
	}
}

func TestStaleSaveDropped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	sv := &Saver{Path: path}
	on := Change{Corpus: "k", ID: "x", Bookmark: true, On: true}
	off := on
	off.On = false
	if err := sv.Save(2, off); err != nil { // the newer decision lands first
		t.Fatal(err)
	}
	if err := sv.Save(1, on); err != nil { // the older one finishes late
		t.Fatal(err)
	}
	got, _ := Load(path)
	if got.For("k").Bookmarks["x"] {
		t.Fatal("a stale save undid a newer one")
	}
}

// TestTwoSessions: two readers open at once keep each other's marks, and
// a bookmark removed in one stays removed.
func TestTwoSessions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := &Saver{Path: path}, &Saver{Path: path}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.Save(1, Change{Corpus: "k", ID: "A", Bookmark: true, On: true}))
	must(b.Save(1, Change{Corpus: "k", ID: "B", Bookmark: true, On: true}))
	must(a.Save(2, Change{Corpus: "other", ID: "o", On: true}))
	must(b.Save(2, Change{Corpus: "k", ID: "A", Bookmark: true, On: false}))
	got, _ := Load(path)
	if m := got.For("k").Bookmarks; !m["B"] || m["A"] || !got.For("other").Read["o"] {
		t.Fatalf("marks = %+v, other = %+v", got.For("k"), got.For("other"))
	}
}

func TestUnreadableIsNotEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	os.Mkdir(path, 0o700) // something that cannot be read as a file
	s, err := Load(path)
	if err == nil || !s.Stuck {
		t.Fatalf("err %v, stuck %v: an unreadable state must not be saved over", err, s.Stuck)
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
	if err := (&Saver{Path: filepath.Join(blocker, "state.json")}).Save(1, Change{Corpus: "k", ID: "x", On: true}); err == nil || !strings.Contains(err.Error(), "state not saved") {
		t.Fatalf("err = %v", err)
	}
	if err := (*Saver)(nil).Save(1); err != nil {
		t.Fatal(err)
	}
	// A file that became garbage since it was loaded is not saved over.
	path := filepath.Join(dir, "state.json")
	os.WriteFile(path, []byte("{garbage"), 0o600)
	if err := (&Saver{Path: path}).Save(1, Change{Corpus: "k", ID: "x", On: true}); err == nil {
		t.Fatal("saved over a corrupt file")
	}
	if b, _ := os.ReadFile(path); string(b) != "{garbage" {
		t.Fatalf("file = %q", b)
	}
}

// TestOthersRemovalStays: a save carries this session's changes since its
// last save, not its history. A bookmarks X; B removes it; A's next save,
// of Y, must not bring X back.
func TestOthersRemovalStays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := &Saver{Path: path}, &Saver{Path: path}
	x := Change{Corpus: "k", ID: "X", Bookmark: true, On: true}
	y := Change{Corpus: "k", ID: "Y", Bookmark: true, On: true}
	unX := x
	unX.On = false
	for _, step := range []struct {
		sv  *Saver
		gen int
		c   Change
	}{{a, 1, x}, {b, 1, unX}, {a, 2, y}} {
		if err := step.sv.Save(step.gen, step.c); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := Load(path)
	if m := got.For("k").Bookmarks; m["X"] || !m["Y"] {
		t.Fatalf("bookmarks = %v, want Y alone: B's removal of X was undone", m)
	}
}

// TestFailedSaveRetried: a change whose save failed is carried by the next
// save, so only a success clears it.
func TestFailedSaveRetried(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	sv := &Saver{Path: path}
	os.WriteFile(path, []byte("{garbage"), 0o600)
	if err := sv.Save(1, Change{Corpus: "k", ID: "x", Bookmark: true, On: true}); err == nil {
		t.Fatal("saved over a corrupt file")
	}
	os.Remove(path)
	if err := sv.Save(2, Change{Corpus: "k", ID: "y", On: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := Load(path)
	if !got.For("k").Bookmarks["x"] || !got.For("k").Read["y"] {
		t.Fatalf("marks = %+v: the failed change was dropped", got.For("k"))
	}
}

// TestCorruptNamesNeverCollide: a bad file is never moved over one kept
// before, however close together the two were set aside.
func TestCorruptNamesNeverCollide(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	// Files already kept under every name a second-resolution stamp could
	// give now and in the next second.
	now := time.Now().UTC()
	for _, d := range []time.Duration{0, time.Second} {
		os.WriteFile(path+".corrupt-"+now.Add(d).Format("20060102T150405Z"), []byte("kept before"), 0o600)
	}
	bodies := []string{"{first", "{second", "{third"}
	for _, body := range bodies {
		os.WriteFile(path, []byte(body), 0o600)
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "kept as") {
			t.Fatalf("err = %v", err)
		}
	}
	kept := map[string]int{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		kept[string(b)]++
	}
	if kept["kept before"] != 2 || kept["{first"] != 1 || kept["{second"] != 1 || kept["{third"] != 1 {
		t.Fatalf("kept = %v: a set-aside file was overwritten", kept)
	}
}

// TestMoveAsideSameInstant: two files set aside at the same instant get
// two names.
func TestMoveAsideSameInstant(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	at := time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC)
	seen := map[string]bool{}
	for _, body := range []string{"one", "two", "three"} {
		os.WriteFile(path, []byte(body), 0o600)
		aside, err := moveAside(path, at)
		if err != nil || seen[aside] {
			t.Fatalf("%s: %q, %v", body, aside, err)
		}
		seen[aside] = true
		if b, _ := os.ReadFile(aside); string(b) != body {
			t.Fatalf("%s holds %q, want %q", aside, b, body)
		}
	}
}

// overCap writes a valid state file padded past MaxSize.
func overCap(t *testing.T, path string) []byte {
	t.Helper()
	body := []byte(`{"version": 1, "corpora": {"k": {"bookmarks": ["x"]}}}`)
	body = append(body, bytes.Repeat([]byte(" "), MaxSize+1-len(body))...)
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return body
}

// TestOverCapSetAside: a state file over the cap is reported and set
// aside like a corrupt one, not read.
func TestOverCapSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	body := overCap(t, path)
	s, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "larger than") || !strings.Contains(err.Error(), "kept as") {
		t.Fatalf("err = %v", err)
	}
	if s.Stuck || len(s.Corpora) != 0 {
		t.Fatalf("state = %+v", s)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || !strings.HasPrefix(ents[0].Name(), "state.json.corrupt-") {
		t.Fatalf("folder = %v", ents)
	}
	if kept, _ := os.ReadFile(filepath.Join(dir, ents[0].Name())); !bytes.Equal(kept, body) {
		t.Fatal("the file was not kept as it was")
	}
}

// TestOverCapNotSavedOver: a file that grew over the cap since it was
// loaded is not saved over.
func TestOverCapNotSavedOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	body := overCap(t, path)
	err := (&Saver{Path: path}).Save(1, Change{Corpus: "k", ID: "y", On: true})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, body) {
		t.Fatal("saved over a file past the cap")
	}
}

// TestStaleTempsCleaned: temporary files a killed reader left are removed
// by the next save; one being written now is not.
func TestStaleTempsCleaned(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	stale, fresh := filepath.Join(dir, ".state-111.tmp"), filepath.Join(dir, ".state-222.tmp")
	other := filepath.Join(dir, "notes.tmp")
	for _, p := range []string{stale, fresh, other} {
		os.WriteFile(p, []byte("partial"), 0o600)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := (&Saver{Path: path}).Save(1, Change{Corpus: "k", ID: "x", On: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale temporary file left: %v", err)
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}

// TestSymlinkWrittenThrough: a state file that is a link stays a link;
// saves go to the file it names, and a bad one is set aside there.
func TestSymlinkWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	realDir := filepath.Join(dir, "synced")
	os.Mkdir(realDir, 0o700)
	target := filepath.Join(realDir, "dossier.json")
	path := filepath.Join(dir, "state.json")
	if err := os.Symlink(filepath.Join("synced", "dossier.json"), path); err != nil {
		t.Skip("no symlinks here:", err)
	}
	// Dangling at first: the first save creates the file it names.
	if err := (&Saver{Path: path}).Save(1, Change{Corpus: "k", ID: "x", Bookmark: true, On: true}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi.Mode(), err)
	}
	got, err := Load(target)
	if err != nil || !got.For("k").Bookmarks["x"] {
		t.Fatalf("target = %+v, %v", got.For("k"), err)
	}
	os.WriteFile(target, []byte("{bad"), 0o600)
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "kept as "+target+".corrupt-") {
		t.Fatalf("err = %v", err)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was moved aside instead of its file: %v", err)
	}
}
