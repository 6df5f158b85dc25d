//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package load

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// walkTree is a folder with what a walk can trip on: nested folders
// interleaved with files by name, hidden folders and files, a folder
// named like a file, links to files, folders and nothing, a FIFO,
// unreadable and unsearchable folders, extensions in capitals.
func walkTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write := func(rel string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Title\n\nBody of "+rel+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{
		"a.txt", "b/a.md", "b/c/d.txt", "b/c.txt", "b.txt", "c.TXT", "d.markdown", "e.go",
		".hidden/x.txt", "f/.g.txt", "f/g/h/i.txt", "f/g.txt", "f-/a.txt", "f0.txt",
		"dir.txt/inside.txt", "z/y/x/w.md", "z/y.txt", "z/a.txt", "z/m.txt", "z/b.md",
	}
	for _, rel := range slices.Backward(files) { // a folder's order is not its names'
		write(rel)
	}
	for _, l := range [][2]string{{"a.txt", "link.txt"}, {"b", "linkdir.txt"}, {"b", "linkdir"}, {"nowhere", "dangling.md"}, {"../a.txt", "f/up.txt"}} {
		if err := os.Symlink(l[0], filepath.Join(root, l[1])); err != nil {
			t.Skip("no links:", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "f/pipe.txt"), 0o644); err != nil {
		t.Log("no FIFO:", err)
	}
	return root
}

// walkTable is the cache's file table for root as compareWalk walks it.
func walkTable(t *testing.T, root string) []fileRec {
	t.Helper()
	var files []fileRec
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !extensions[strings.ToLower(filepath.Ext(p))] {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		r := fileRec{seq: len(files), rel: rel, id: rel}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			r.stat(fi)
		}
		files = append(files, r)
		return nil
	})
	return files
}

// TestCompareTreeAsWalk checks compareTree, the folder-by-folder walker,
// against compareWalk, filepath.WalkDir's: the same verdict and the same
// changed files for the table as walked, for tables one file off, and
// for folders that cannot be read or searched.
func TestCompareTreeAsWalk(t *testing.T) {
	root := walkTree(t)
	files := walkTable(t, root)
	if len(files) < 10 {
		t.Fatalf("%d files", len(files))
	}
	ctx := context.Background()
	check := func(name string, files []fileRec, written time.Time, wantSame bool) {
		t.Helper()
		s := &snapshot{realPath: root, root: root, files: files, written: written.UnixNano()}
		same1, changed1 := s.compareWalk(ctx, root)
		same2, changed2 := s.compareTree(ctx, root)
		if same1 != same2 || !slices.Equal(changed1, changed2) {
			t.Errorf("%s: WalkDir says %v %v, the walker %v %v", name, same1, changed1, same2, changed2)
		}
		if same1 != wantSame {
			t.Errorf("%s: same %v, want %v", name, same1, wantSame)
		}
	}
	later := time.Now().Add(time.Hour)
	check("as walked", files, later, true)
	check("all racy", files, time.Now().Add(-time.Hour), true)
	for i := range files {
		check("one left out", slices.Delete(slices.Clone(files), i, i+1), later, false)
		moved := slices.Clone(files)
		moved[i].rel += "x"
		check("one renamed", moved, later, false)
		grown := slices.Clone(files)
		grown[i].size++
		check("one changed", grown, later, true)
	}
	check("one more", append(slices.Clone(files), fileRec{rel: "zz.txt"}), later, false)
	check("none", nil, later, false)

	for _, mode := range []os.FileMode{0, 0o300, 0o600} { // unreadable, unlistable, unsearchable
		if err := os.Chmod(filepath.Join(root, "f", "g"), mode); err != nil {
			t.Fatal(err)
		}
		s := &snapshot{realPath: root, root: root, files: files, written: later.UnixNano()}
		same1, changed1 := s.compareWalk(ctx, root)
		same2, changed2 := s.compareTree(ctx, root)
		if same1 != same2 || !slices.Equal(changed1, changed2) {
			t.Errorf("folder mode %v: WalkDir says %v %v, the walker %v %v", mode, same1, changed1, same2, changed2)
		}
	}
	os.Chmod(filepath.Join(root, "f", "g"), 0o755)

	// A root that is a link, or not clean, is as WalkDir sees it.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{link, root + string(filepath.Separator)} {
		s := &snapshot{realPath: r, root: r, files: files, written: later.UnixNano()}
		same1, changed1 := s.compareWalk(ctx, r)
		same2, changed2 := s.compareTree(ctx, r)
		if same1 != same2 || !slices.Equal(changed1, changed2) {
			t.Errorf("root %s: WalkDir says %v %v, the walker %v %v", r, same1, changed1, same2, changed2)
		}
	}

	// A cancelled compare is not the same.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	s := &snapshot{realPath: root, root: root, files: files, written: later.UnixNano()}
	if same, _ := s.compareTree(cctx, root); same {
		t.Error("cancelled: same")
	}
}
