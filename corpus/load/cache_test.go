package load

import (
	"bytes"
	"context"
	"dossier/corpus"
	"dossier/corpus/hostile"
	"dossier/corpus/internal/flat"
	"dossier/corpus/search"
	"dossier/corpus/synth"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"
)

// past is when the test corpora were last written, as far as the cache
// can tell: an hour before now, outside racyWindow.
var past = time.Now().Add(-time.Hour)

// cacheCorpus writes n synthetic articles, a file that loads with a
// warning, one that is skipped, a tagged one and an empty folder, all
// dated an hour ago.
func cacheCorpus(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, 3, n); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"bad.md":     "---\ntitle: [unclosed\n---\n\nHeadline\n\nBody.\n",
		"tagged.md":  "---\ntitle: Tagged\ntags: [csto, sco]\ndate: 2023-02-01\n---\n\n«We stay», Imankulov said.\n",
		"empty.txt":  "\n\n",
		"notes/a.md": "A note\n\nSaid nothing at all.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	age(t, dir)
	return dir
}

// age sets every file under dir to past.
func age(t testing.TB, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, past, past)
		}
		return nil
	})
}

// opened is one Open through the cache, with what it said.
type opened struct {
	arts  []corpus.Article
	ix    *search.Index
	skips []Skipped
	warns []string
}

func openCached(t *testing.T, root, cacheDir string, opt Options) opened {
	t.Helper()
	var o opened
	var mu sync.Mutex
	opt.Cache, opt.CacheDir = true, cacheDir
	opt.Warn = func(m string) { mu.Lock(); o.warns = append(o.warns, m); mu.Unlock() }
	var err error
	o.arts, o.ix, o.skips, err = Open(context.Background(), root, opt)
	WaitCache()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// cold is the load and index that the cache must reproduce.
func cold(t *testing.T, root string, opt Options) opened {
	t.Helper()
	arts, skips, err := Load(context.Background(), root, opt)
	if err != nil {
		t.Fatal(err)
	}
	return opened{arts: arts, ix: search.NewIndex(arts), skips: skips}
}

// sameAs fails unless got holds the articles, skips and search results of
// want.
func sameAs(t *testing.T, what string, got, want opened) {
	t.Helper()
	if !reflect.DeepEqual(got.arts, want.arts) {
		t.Errorf("%s: %d articles differ from a cold load's %d", what, len(got.arts), len(want.arts))
		for i := range min(len(got.arts), len(want.arts)) {
			if !reflect.DeepEqual(got.arts[i], want.arts[i]) {
				t.Errorf("first difference at %d: %q vs %q", i, got.arts[i].ID, want.arts[i].ID)
				break
			}
		}
	}
	if !reflect.DeepEqual(got.skips, want.skips) {
		t.Errorf("%s: skips %v, cold load %v", what, got.skips, want.skips)
	}
	g, _ := got.ix.MarshalBinary()
	w, _ := want.ix.MarshalBinary()
	if !bytes.Equal(g, w) {
		t.Errorf("%s: the index (%d bytes) is not the one built from a cold load (%d bytes)", what, len(g), len(w))
	}
	for _, q := range []string{"imankulov", "security council", "csto sco", "tag:csto", "kyrgz"} {
		pq, _ := search.ParseQuery(q)
		if g, w := got.ix.Run(pq, 100), want.ix.Run(pq, 100); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: %q finds %d hits, a fresh index %d", what, q, len(g), len(w))
		}
	}
}

// cacheFile is the one cache file under dir, and its identity.
func cacheFile(t *testing.T, cacheDir, root string) (string, os.FileInfo) {
	t.Helper()
	p, err := CachePath(cacheDir, root)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatalf("no cache: %v", err)
	}
	return p, fi
}

func TestCacheHit(t *testing.T) {
	root := cacheCorpus(t, 60)
	cd := t.TempDir()
	want := cold(t, root, Options{})
	if len(want.skips) != 2 {
		t.Fatalf("the corpus should have a warning and a skip: %v", want.skips)
	}
	first := openCached(t, root, cd, Options{})
	sameAs(t, "first open", first, want)
	p, fi := cacheFile(t, cd, root)
	second := openCached(t, root, cd, Options{})
	sameAs(t, "reopen", second, want)
	if len(first.warns)+len(second.warns) != 0 {
		t.Errorf("warnings: %v %v", first.warns, second.warns)
	}
	if _, fi2 := cacheFile(t, cd, root); !os.SameFile(fi, fi2) || !fi.ModTime().Equal(fi2.ModTime()) {
		t.Errorf("an unchanged folder rewrote its cache %s", p)
	}
	// Taken from the cache: the articles are views of its buffer, not
	// parsed again. A file changed behind the cache's back with its size
	// and times kept (and so its inode) is taken as cached: that is the
	// contract, and it shows the reopen read no file.
	f := filepath.Join(root, "notes", "a.md")
	os.WriteFile(f, []byte("B note\n\nSaid nothing at all.\n"), 0o644)
	os.Chtimes(f, past, past)
	third := openCached(t, root, cd, Options{})
	for _, a := range third.arts {
		if a.ID == "notes/a" && a.Title != "A note" {
			t.Errorf("reopen read the file: title %q", a.Title)
		}
	}
}

// TestCacheFolderNames: the same folder named otherwise shares the cache,
// and its articles are named as this time.
func TestCacheFolderNames(t *testing.T) {
	root := cacheCorpus(t, 5)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	t.Chdir(filepath.Dir(root))
	rel := filepath.Base(root)
	got := openCached(t, rel, cd, Options{})
	sameAs(t, "relative name", got, cold(t, rel, Options{}))
	single := filepath.Join(rel, "tagged.md")
	got = openCached(t, single, cd, Options{})
	sameAs(t, "a file", got, cold(t, single, Options{}))
	got = openCached(t, single, cd, Options{})
	sameAs(t, "a file, reopened", got, cold(t, single, Options{}))
}

func TestCacheChanges(t *testing.T) {
	root := cacheCorpus(t, 40)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	some := func() string { // a synthetic file
		var p string
		filepath.WalkDir(root, func(q string, d os.DirEntry, err error) error {
			if p == "" && err == nil && !d.IsDir() && strings.HasSuffix(q, ".txt") && !strings.Contains(q, "empty") {
				p = q
			}
			return nil
		})
		return p
	}
	steps := []struct {
		name string
		do   func()
		want func(arts []corpus.Article) bool
	}{
		{"edit", func() {
			p := some()
			b, _ := os.ReadFile(p)
			os.WriteFile(p, append([]byte("Edited headline of the day\n\n"), b...), 0o644)
			os.Chtimes(p, past.Add(time.Minute), past.Add(time.Minute))
		}, func(arts []corpus.Article) bool { return hasTitle(arts, "Edited headline of the day") }},
		{"same size, new time", func() {
			p := some()
			b, _ := os.ReadFile(p)
			copy(b, "EDITED")
			os.WriteFile(p, b, 0o644)
			os.Chtimes(p, past.Add(2*time.Minute), past.Add(2*time.Minute))
		}, nil},
		{"touch", func() {
			os.Chtimes(some(), past.Add(3*time.Minute), past.Add(3*time.Minute))
		}, nil},
		{"add", func() {
			p := filepath.Join(root, "notes", "new.md")
			os.WriteFile(p, []byte("A new note arrives\n\nWith a body.\n"), 0o644)
			os.Chtimes(p, past, past)
		}, func(arts []corpus.Article) bool { return hasTitle(arts, "A new note arrives") }},
		{"rename", func() {
			os.Rename(filepath.Join(root, "notes", "new.md"), filepath.Join(root, "notes", "renamed.md"))
		}, func(arts []corpus.Article) bool { return hasID(arts, "notes/renamed") && !hasID(arts, "notes/new") }},
		{"delete", func() {
			os.Remove(filepath.Join(root, "notes", "renamed.md"))
		}, func(arts []corpus.Article) bool { return !hasID(arts, "notes/renamed") }},
		{"replace by another file of the same size and time", func() {
			p := filepath.Join(root, "notes", "a.md")
			os.WriteFile(p+".new", []byte("C note\n\nSaid nothing at all.\n"), 0o644)
			os.Rename(p+".new", p)
			os.Chtimes(p, past, past)
		}, func(arts []corpus.Article) bool { return hasTitle(arts, "C note") || inodeless() }},
		{"an article becomes a skip", func() {
			p := filepath.Join(root, "notes", "a.md")
			os.WriteFile(p, []byte("\n \n"), 0o644)
			os.Chtimes(p, past.Add(4*time.Minute), past.Add(4*time.Minute))
		}, func(arts []corpus.Article) bool { return !hasID(arts, "notes/a") }},
		{"and a skip an article again, with a warning", func() {
			p := filepath.Join(root, "notes", "a.md")
			os.WriteFile(p, []byte("---\ntitle: [unclosed\n---\n\nE note\n\nBody.\n"), 0o644)
			os.Chtimes(p, past.Add(5*time.Minute), past.Add(5*time.Minute))
		}, func(arts []corpus.Article) bool { return hasTitle(arts, "E note") }},
		{"just written", func() {
			// Within racyWindow of the cache: re-read even unchanged.
			os.WriteFile(filepath.Join(root, "notes", "a.md"), []byte("D note\n\nSaid nothing at all.\n"), 0o644)
		}, func(arts []corpus.Article) bool { return hasTitle(arts, "D note") }},
	}
	for _, st := range steps {
		st.do()
		got := openCached(t, root, cd, Options{})
		want := cold(t, root, Options{})
		sameAs(t, st.name, got, want)
		if st.want != nil && !st.want(got.arts) {
			t.Errorf("%s: not picked up", st.name)
		}
		if len(got.warns) != 0 {
			t.Errorf("%s: warnings %v", st.name, got.warns)
		}
		// And the cache written after it serves the next open.
		sameAs(t, st.name+", reopened", openCached(t, root, cd, Options{}), want)
	}
}

// inodeless is a system whose FileInfo has no inode number to tell a
// replaced file by.
func inodeless() bool { return runtime.GOOS == "windows" }

func hasTitle(arts []corpus.Article, title string) bool {
	for _, a := range arts {
		if a.Title == title {
			return true
		}
	}
	return false
}

func hasID(arts []corpus.Article, id string) bool {
	for _, a := range arts {
		if a.ID == id {
			return true
		}
	}
	return false
}

// TestCacheVersions: a new parser or index version, another --encoding,
// is a cache rebuilt with one line.
func TestCacheOptions(t *testing.T) {
	root := cacheCorpus(t, 10)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	got := openCached(t, root, cd, Options{Encoding: "windows-1251"})
	sameAs(t, "other encoding", got, cold(t, root, Options{Encoding: "windows-1251"}))
	if len(got.warns) != 1 {
		t.Errorf("warnings %v, want one", got.warns)
	}
}

func TestCacheCorrupt(t *testing.T) {
	root := cacheCorpus(t, 30)
	want := cold(t, root, Options{})
	for _, tc := range []struct {
		name, says string
		spoil      func(b []byte) []byte
	}{
		{"truncated", "truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"header only", "truncated", func(b []byte) []byte { return b[:headerSize] }},
		{"empty", "not a dossier cache", func(b []byte) []byte { return nil }},
		{"a flipped byte", "checksum", func(b []byte) []byte { b[len(b)/3] ^= 0x40; return b }},
		{"a flipped byte in the index", "checksum", func(b []byte) []byte { b[len(b)-100] ^= 1; return b }},
		{"parser version", "another version", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[12:], binary.LittleEndian.Uint32(b[12:])+1)
			return b
		}},
		{"index version", "another version", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[16:], binary.LittleEndian.Uint32(b[16:])+1)
			return b
		}},
		{"another program's file", "not a dossier cache", func([]byte) []byte { return []byte("{\"theme\": \"dark\"}\n") }},
		{"random bytes", "not a dossier cache", func(b []byte) []byte {
			for i := range b {
				b[i] = byte(i*7919 + 13)
			}
			return b
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cd := t.TempDir()
			openCached(t, root, cd, Options{})
			p, _ := cacheFile(t, cd, root)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, tc.spoil(b), 0o644)
			got := openCached(t, root, cd, Options{})
			sameAs(t, tc.name, got, want)
			if len(got.warns) != 1 || !strings.Contains(got.warns[0], tc.says) {
				t.Errorf("warnings %q, want one saying %q", got.warns, tc.says)
			}
			again := openCached(t, root, cd, Options{})
			sameAs(t, tc.name+", rebuilt", again, want)
			if len(again.warns) != 0 {
				t.Errorf("the rebuilt cache warns: %v", again.warns)
			}
		})
	}
	t.Run("a folder in its place", func(t *testing.T) {
		cd := t.TempDir()
		p, _ := CachePath(cd, root)
		os.MkdirAll(filepath.Join(p, "x"), 0o755)
		got := openCached(t, root, cd, Options{})
		sameAs(t, "a folder", got, want)
		if len(got.warns) != 1 {
			t.Errorf("warnings %q, want one", got.warns)
		}
	})
	t.Run("an unwritable cache folder", func(t *testing.T) {
		cd := filepath.Join(t.TempDir(), "file")
		os.WriteFile(cd, nil, 0o644)
		got := openCached(t, root, cd, Options{})
		sameAs(t, "unwritable", got, want)
		if len(got.warns) != 1 || !strings.Contains(got.warns[0], "cannot write") {
			t.Errorf("warnings %q, want one", got.warns)
		}
	})
}

// TestCacheWriters: loads finishing at once leave one valid cache.
func TestCacheWriters(t *testing.T) {
	root := cacheCorpus(t, 30)
	cd := t.TempDir()
	want := cold(t, root, Options{})
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			arts, _, _, err := Open(context.Background(), root, Options{Cache: true, CacheDir: cd, Workers: 1})
			if err != nil || len(arts) != len(want.arts) {
				t.Errorf("%d articles, %v", len(arts), err)
			}
		}()
	}
	wg.Wait()
	WaitCache()
	entries, _ := os.ReadDir(cd)
	if len(entries) != 1 {
		t.Errorf("cache folder holds %d files, want 1 (no temporary left)", len(entries))
	}
	p, _ := cacheFile(t, cd, root)
	b, _ := os.ReadFile(p)
	if _, err := decodeCache(b, true); err != nil {
		t.Fatalf("cache after concurrent writers: %v", err)
	}
	got := openCached(t, root, cd, Options{})
	sameAs(t, "after writers", got, want)
	if len(got.warns) != 0 {
		t.Errorf("warnings %v", got.warns)
	}
}

// TestCacheWriterProcesses: processes finishing at once leave one valid
// cache, as goroutines do. Each is this test binary running
// TestCacheWriterProcess.
func TestCacheWriterProcesses(t *testing.T) {
	if os.Getenv("DOSSIER_WRITER_ROOT") != "" {
		t.Skip("in a writer")
	}
	root := cacheCorpus(t, 200)
	cd := t.TempDir()
	var cmds []*exec.Cmd
	for range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCacheWriterProcess$")
		cmd.Env = append(os.Environ(), "DOSSIER_WRITER_ROOT="+root, "DOSSIER_WRITER_CACHE="+cd)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer: %v", err)
		}
	}
	if entries, _ := os.ReadDir(cd); len(entries) != 1 {
		t.Errorf("cache folder holds %d files, want 1", len(entries))
	}
	got := openCached(t, root, cd, Options{})
	sameAs(t, "after writer processes", got, cold(t, root, Options{}))
	if len(got.warns) != 0 {
		t.Errorf("warnings %v", got.warns)
	}
}

// TestCacheWriterProcess is one writer of TestCacheWriterProcesses.
func TestCacheWriterProcess(t *testing.T) {
	root := os.Getenv("DOSSIER_WRITER_ROOT")
	if root == "" {
		t.Skip("run by TestCacheWriterProcesses")
	}
	if _, _, _, err := Open(context.Background(), root, Options{Cache: true, CacheDir: os.Getenv("DOSSIER_WRITER_CACHE")}); err != nil {
		t.Fatal(err)
	}
}

// TestCacheCancel: a cancelled load writes no cache.
func TestCacheCancel(t *testing.T) {
	root := cacheCorpus(t, 30)
	cd := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, _, err := Open(ctx, root, Options{Cache: true, CacheDir: cd}); err == nil {
		t.Error("a cancelled open returned no error")
	}
	if entries, _ := os.ReadDir(cd); len(entries) != 0 {
		t.Errorf("a cancelled open wrote %v", entries)
	}
}

// FuzzCache: no bytes make the cache's reader panic, checked or not, and
// what it accepts can be searched.
func FuzzCache(f *testing.F) {
	root := cacheCorpus(f, 3)
	cd := f.TempDir()
	if _, _, _, err := Open(context.Background(), root, Options{Cache: true, CacheDir: cd}); err != nil {
		f.Fatal(err)
	}
	p, _ := CachePath(cd, root)
	b, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte(cacheMagic))
	// A delta of that cache, from an edit, for the fuzzer to start from.
	base, err := decodeCache(b, true)
	if err != nil {
		f.Fatal(err)
	}
	background, compactShare = false, 1
	defer func() { background, compactShare = true, 10 }()
	edit := filepath.Join(root, "notes", "a.md")
	os.WriteFile(edit, []byte("Another note\n\nSaid something.\n"), 0o644)
	os.Chtimes(edit, past.Add(time.Minute), past.Add(time.Minute))
	if _, _, _, err := Open(context.Background(), root, Options{Cache: true, CacheDir: cd}); err != nil {
		f.Fatal(err)
	}
	db, err := os.ReadFile(p + deltaSuffix)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(db)
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.Clone(b) // the fuzzer's own is not to be written
		if len(b) >= deltaHeaderSize && string(b[:8]) == deltaMagic {
			// Past the length and base checks, so mutations reach the sections.
			binary.LittleEndian.PutUint64(b[24:], uint64(len(b)))
			copy(b[32:], base.header)
			decodeDelta(b, base, true)
			d, err := decodeDelta(b, base, false)
			if err != nil {
				return
			}
			for i := range d.files {
				if d.files[i].art && d.files[i].artIdx >= len(d.arts) {
					t.Fatalf("file %d names article %d of %d", i, d.files[i].artIdx, len(d.arts))
				}
			}
			for i := range d.arts {
				if err := checkSpans(&d.arts[i]); err != nil {
					t.Fatal(err)
				}
			}
			d.rebase("elsewhere")
			return
		}
		if len(b) >= headerSize {
			// Past the length check, so mutations reach the sections.
			binary.LittleEndian.PutUint64(b[24:], uint64(len(b)))
		}
		decodeCache(b, true)
		s, err := decodeCache(b, false)
		if err != nil {
			return
		}
		for i := range s.files {
			if s.files[i].art && s.files[i].artIdx >= len(s.arts) {
				t.Fatalf("file %d names article %d of %d", i, s.files[i].artIdx, len(s.arts))
			}
		}
		for i := range s.arts {
			if err := checkSpans(&s.arts[i]); err != nil {
				t.Fatal(err)
			}
		}
		s.rebase("elsewhere")
		if ix, err := search.UnmarshalIndex(s.arts, s.index); err == nil {
			for _, q := range []string{"imankulov", "csto sco", "se"} {
				pq, _ := search.ParseQuery(q)
				hits := ix.Run(pq, 10)
				ix.Detail(hits, 0, len(hits))
			}
		}
	})
}

// TestCacheHostile: every shape of the hostile corpus comes back from the
// cache as it parsed.
func TestCacheHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	dir := t.TempDir()
	if _, err := hostile.Write(dir); err != nil {
		t.Fatal(err)
	}
	age(t, dir)
	cd := t.TempDir()
	want := cold(t, dir, Options{})
	first := openCached(t, dir, cd, Options{})
	sameAs(t, "hostile", first, want)
	again := openCached(t, dir, cd, Options{})
	sameAs(t, "hostile, reopened", again, want)
	if len(first.warns)+len(again.warns) != 0 {
		t.Errorf("warnings %v %v", first.warns, again.warns)
	}
}

// TestCacheBadEncoding: an unknown encoding is the one error, whatever
// the cache holds.
func TestCacheBadEncoding(t *testing.T) {
	root := cacheCorpus(t, 3)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	var warns []string
	_, _, _, err := Open(context.Background(), root, Options{Cache: true, CacheDir: cd, Encoding: "ebcdic", Warn: func(m string) { warns = append(warns, m) }})
	if err == nil || !strings.Contains(err.Error(), "encoding") || len(warns) != 0 {
		t.Errorf("err %v, warnings %v", err, warns)
	}
}

// TestCacheTextApart: in the cache's blob every paragraph comes before
// every title, ID and source, so the strings the reader touches for each
// article (the list, the read marks) share a few pages, not one page of
// text per article.
func TestCacheTextApart(t *testing.T) {
	root := cacheCorpus(t, 40)
	arts := cold(t, root, Options{}).arts
	var w flat.Writer
	if err := encodeArticles(&w, arts); err != nil {
		t.Fatal(err)
	}
	r := flat.Reader{B: w.B}
	got, err := decodeArticles(&r)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) int {
		return int(uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(&w.B[0])))
	}
	lastPara, firstSingle := -1, len(w.B)
	for i := range got {
		a := &got[i]
		for _, p := range a.Paragraphs {
			if p != "" {
				lastPara = max(lastPara, at(p))
			}
		}
		for _, s := range []string{a.ID, a.Title, a.Source} {
			if s != "" {
				firstSingle = min(firstSingle, at(s))
			}
		}
	}
	if lastPara < 0 || lastPara >= firstSingle {
		t.Errorf("a title or ID at %d sits among the paragraphs (the last at %d)", firstSingle, lastPara)
	}
	if !reflect.DeepEqual(got, arts) {
		t.Error("the articles did not come back as they went in")
	}
}
