package load

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// deltaOnly turns off the background compaction and the share past which
// a delta is not written, for the test, so the delta is what is read.
func deltaOnly(t *testing.T) {
	background, compactShare = false, 1
	t.Cleanup(func() { background, compactShare = true, 10 })
}

// synthFiles is the synthetic files of root, in walk order.
func synthFiles(root string) []string {
	var out []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") && d.Name() != "empty.txt" {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func write(t *testing.T, p, text string, when time.Time) {
	t.Helper()
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p, when, when)
}

// TestCacheDelta: an edit, an addition and a removal each leave the base
// as it was and write a delta, which the next open reads.
func TestCacheDelta(t *testing.T) {
	deltaOnly(t)
	root := cacheCorpus(t, 40)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	p, fi := cacheFile(t, cd, root)
	files := synthFiles(root)
	steps := []struct {
		name string
		do   func()
	}{
		{"edit", func() {
			b, _ := os.ReadFile(files[3])
			write(t, files[3], string(b)+"\nUpdated by the desk.\n", past.Add(time.Minute))
		}},
		{"add", func() {
			write(t, filepath.Join(root, "notes", "b.md"), "---\ndate: 2031-01-01\n---\n\nNewest of all\n\nQuarantine words here.\n", past)
		}},
		{"remove", func() { os.Remove(files[7]) }},
		{"edit the added", func() {
			write(t, filepath.Join(root, "notes", "b.md"), "---\ndate: 2031-01-02\n---\n\nNewest, edited\n\nOther words.\n", past.Add(2*time.Minute))
		}},
	}
	for _, st := range steps {
		st.do()
		want := cold(t, root, Options{})
		got := openCached(t, root, cd, Options{})
		sameAs(t, st.name, got, want)
		if _, err := os.Stat(p + deltaSuffix); err != nil {
			t.Errorf("%s: no delta: %v", st.name, err)
		}
		if _, fi2 := cacheFile(t, cd, root); !os.SameFile(fi, fi2) || !fi.ModTime().Equal(fi2.ModTime()) {
			t.Errorf("%s: the base was rewritten", st.name)
		}
		again := openCached(t, root, cd, Options{})
		sameAs(t, st.name+", from the delta", again, want)
		if len(got.warns)+len(again.warns) != 0 {
			t.Errorf("%s: warnings %v %v", st.name, got.warns, again.warns)
		}
	}
	// Past the share, the whole cache is written and the delta removed.
	compactShare = 10
	for _, f := range files[10:20] {
		b, _ := os.ReadFile(f)
		write(t, f, string(b)+"\nRevised.\n", past.Add(3*time.Minute))
	}
	got := openCached(t, root, cd, Options{})
	sameAs(t, "many changes", got, cold(t, root, Options{}))
	if _, err := os.Stat(p + deltaSuffix); err == nil {
		t.Error("a delta past the share was kept")
	}
	if _, fi2 := cacheFile(t, cd, root); os.SameFile(fi, fi2) {
		t.Error("the base was not rewritten past the share")
	}
}

// TestCacheDeltaCompacts: with the background on, the delta is folded
// into the cache once Open has returned, and is gone.
func TestCacheDeltaCompacts(t *testing.T) {
	compactShare = 1
	t.Cleanup(func() { compactShare = 10 })
	root := cacheCorpus(t, 30)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	p, fi := cacheFile(t, cd, root)
	f := synthFiles(root)[2]
	b, _ := os.ReadFile(f)
	write(t, f, string(b)+"\nLater.\n", past.Add(time.Minute))
	want := cold(t, root, Options{})
	sameAs(t, "changed", openCached(t, root, cd, Options{}), want) // waits for the compaction
	if _, err := os.Stat(p + deltaSuffix); err == nil {
		t.Error("the delta outlived its compaction")
	}
	if _, fi2 := cacheFile(t, cd, root); os.SameFile(fi, fi2) {
		t.Error("the cache was not compacted")
	}
	got := openCached(t, root, cd, Options{})
	sameAs(t, "compacted", got, want)
	if len(got.warns) != 0 {
		t.Errorf("warnings %v", got.warns)
	}
}

// TestCacheDeltaCorrupt: a delta that is damaged, of another version or
// another program's is said in one line and never used; one written for
// another base is dropped without a word. Either way the open is a fresh
// load's, and the next one is quiet.
func TestCacheDeltaCorrupt(t *testing.T) {
	deltaOnly(t)
	for _, tc := range []struct {
		name, says string
		spoil      func(b []byte) []byte
	}{
		{"truncated", "truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"torn header", "not a dossier cache delta", func(b []byte) []byte { return b[:20] }},
		{"empty", "not a dossier cache delta", func(b []byte) []byte { return nil }},
		{"a flipped byte", "checksum", func(b []byte) []byte { b[len(b)/2] ^= 0x10; return b }},
		{"a flipped byte at the end", "checksum", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }},
		{"parser version", "another version", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[12:], binary.LittleEndian.Uint32(b[12:])+1)
			return b
		}},
		{"another program's file", "not a dossier cache delta", func([]byte) []byte { return []byte("[delta]\nx = 1\n") }},
		{"the base's bytes", "not a dossier cache delta", nil},
		{"another base", "", func(b []byte) []byte { return b }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := cacheCorpus(t, 20)
			cd := t.TempDir()
			openCached(t, root, cd, Options{})
			f := synthFiles(root)[1]
			b, _ := os.ReadFile(f)
			write(t, f, string(b)+"\nCorrected.\n", past.Add(time.Minute))
			openCached(t, root, cd, Options{})
			p, _ := cacheFile(t, cd, root)
			d, err := os.ReadFile(p + deltaSuffix)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.spoil == nil:
				d, _ = os.ReadFile(p)
			case tc.says == "":
				// The base written again since, whole, by another open.
				compactShare = 1 << 30
				f := synthFiles(root)[4]
				b, _ := os.ReadFile(f)
				write(t, f, string(b)+"\nAmended.\n", past.Add(2*time.Minute))
				openCached(t, root, cd, Options{})
				compactShare = 1
				d = tc.spoil(d)
			default:
				d = tc.spoil(d)
			}
			os.WriteFile(p+deltaSuffix, d, 0o600)
			want := cold(t, root, Options{})
			got := openCached(t, root, cd, Options{})
			sameAs(t, tc.name, got, want)
			switch {
			case tc.says == "" && len(got.warns) != 0:
				t.Errorf("warnings %q, want none", got.warns)
			case tc.says != "" && (len(got.warns) != 1 || !strings.Contains(got.warns[0], tc.says) || !strings.Contains(got.warns[0], "delta")):
				t.Errorf("warnings %q, want one saying %q", got.warns, tc.says)
			}
			again := openCached(t, root, cd, Options{})
			sameAs(t, tc.name+", rebuilt", again, want)
			if len(again.warns) != 0 {
				t.Errorf("the rebuilt cache warns: %v", again.warns)
			}
		})
	}
}

// TestCacheDeltaWriters: opens finishing at once after changes, some
// writing deltas and some compacting, leave a cache that reads back as a
// fresh load, without a word.
func TestCacheDeltaWriters(t *testing.T) {
	compactShare = 1
	t.Cleanup(func() { compactShare = 10 })
	root := cacheCorpus(t, 40)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	files := synthFiles(root)
	for round := range 3 {
		for _, f := range files[round*3 : round*3+3] {
			b, _ := os.ReadFile(f)
			write(t, f, string(b)+fmt.Sprintf("\nRound %d.\n", round), past.Add(time.Duration(round+1)*time.Minute))
		}
		var wg sync.WaitGroup
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, _, _, err := Open(context.Background(), root, Options{Cache: true, CacheDir: cd, Workers: 1}); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		WaitCache()
		entries, _ := os.ReadDir(cd)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("round %d: a temporary left: %s", round, e.Name())
			}
		}
		got := openCached(t, root, cd, Options{})
		sameAs(t, fmt.Sprintf("round %d", round), got, cold(t, root, Options{}))
		if len(got.warns) != 0 {
			t.Errorf("round %d: warnings %v", round, got.warns)
		}
	}
}

// TestCacheDeltaCycles: reopen after reopen, with edits in place, new
// articles (dated last and not), removals and date changes, through the
// delta and through compactions, is a fresh load each time.
func TestCacheDeltaCycles(t *testing.T) {
	for _, compact := range []bool{false, true} {
		t.Run(fmt.Sprintf("compact=%v", compact), func(t *testing.T) {
			background, compactShare = compact, 1
			t.Cleanup(func() { background, compactShare = true, 10 })
			root := cacheCorpus(t, 60)
			cd := t.TempDir()
			openCached(t, root, cd, Options{})
			rng := rand.New(rand.NewPCG(7, uint64(len(root))))
			added := 0
			for cycle := range 12 {
				when := past.Add(time.Duration(cycle+1) * time.Minute)
				files := synthFiles(root)
				for range 1 + rng.IntN(3) {
					f := files[rng.IntN(len(files))]
					switch rng.IntN(5) {
					case 0, 1: // edited in place
						b, _ := os.ReadFile(f)
						write(t, f, string(b)+fmt.Sprintf("\nCycle %d note.\n", cycle), when)
					case 2: // a new article, newest
						added++
						write(t, filepath.Join(root, "new", fmt.Sprintf("n%d.md", added)),
							fmt.Sprintf("---\ndate: 2040-01-%02d\n---\n\nNew %d\n\nWords kyrgyz %d.\n", added%28+1, added, cycle), when)
					case 3: // a new article, dated among the others
						added++
						write(t, filepath.Join(root, "new", fmt.Sprintf("o%d.md", added)),
							fmt.Sprintf("---\ndate: 1999-03-%02d\n---\n\nOld %d\n\nSecurity council.\n", added%28+1, added), when)
					case 4:
						os.Remove(f)
					}
				}
				want := cold(t, root, Options{})
				got := openCached(t, root, cd, Options{})
				sameAs(t, fmt.Sprintf("cycle %d", cycle), got, want)
				if len(got.warns) != 0 {
					t.Errorf("cycle %d: warnings %v", cycle, got.warns)
				}
			}
		})
	}
}

// TestCacheDeltaCorruptBase: a base spoilt under a good delta (the
// checksum, computed while the folder is walked, fails after the delta was
// applied) is said once, as the base's, and nothing of it is used.
func TestCacheDeltaCorruptBase(t *testing.T) {
	deltaOnly(t)
	root := cacheCorpus(t, 40)
	cd := t.TempDir()
	openCached(t, root, cd, Options{})
	p, _ := cacheFile(t, cd, root)
	files := synthFiles(root)
	b, _ := os.ReadFile(files[5])
	write(t, files[5], string(b)+"\nCorrected later.\n", past.Add(time.Minute))
	openCached(t, root, cd, Options{})
	if _, err := os.Stat(p + deltaSuffix); err != nil {
		t.Fatalf("no delta: %v", err)
	}
	base, _ := os.ReadFile(p)
	base[len(base)-100] ^= 1 // in the index: it decodes, and is wrong
	os.WriteFile(p, base, 0o644)
	want := cold(t, root, Options{})
	got := openCached(t, root, cd, Options{})
	sameAs(t, "spoilt base", got, want)
	if len(got.warns) != 1 || !strings.Contains(got.warns[0], "checksum") || strings.Contains(got.warns[0], deltaSuffix) {
		t.Errorf("warnings %q, want one of the base's checksum", got.warns)
	}
	again := openCached(t, root, cd, Options{})
	sameAs(t, "rebuilt", again, want)
	if len(again.warns) != 0 {
		t.Errorf("the rebuilt cache warns: %v", again.warns)
	}
}
