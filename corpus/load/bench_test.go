package load_test

import (
	"bytes"
	"context"
	"dossier/corpus"
	"dossier/corpus/load"
	"dossier/corpus/search"
	"encoding/gob"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/corpus/synth"
)

// benchCorpus writes n synthetic articles once per machine, under the temp
// dir, and reuses them: writing 100,000 files takes longer than loading
// them, and is not what is measured.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-%d-seed1", n))
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if err := synth.Write(dir, 1, n); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad reads, decodes, cleans and parses every file of a folder,
// in parallel, and sorts the result once.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := benchCorpus(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				arts, skipped, err := load.Load(context.Background(), dir, load.Options{})
				if err != nil || len(arts) != n || len(skipped) != 0 {
					b.Fatalf("loaded %d, skipped %d, err %v", len(arts), len(skipped), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/file")
		})
	}
}

// BenchmarkReopen opens a folder through its cache: unchanged (the cache's
// articles and index taken as they are), after changed files (those
// parsed again, the index patched, a delta written; the background
// rewrite of the cache that follows is waited for untimed), and, for
// comparison, cold (no cache: load and index) and first (cold, and the
// cache written).
func BenchmarkReopen(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		dir := benchCorpus(b, n)
		// Kept beside the corpus, so a run that only reopens finds it.
		cd := dir + "-cache"
		// listed is the time from the start of each open to its first
		// articles (the list usable), summed over the benchmark; for a
		// first open, whole is the time to its whole list (every draft
		// read, the index begun) and searchable the time to its index
		// (the quotes still to read).
		var listed, whole, searchable time.Duration
		open := func(b *testing.B, cache bool, cacheDir string) {
			start, said := time.Now(), false
			arts, ix, skipped, err := load.Open(context.Background(), dir, load.Options{
				Cache: cache, CacheDir: cacheDir, Warn: func(m string) { b.Log(m) },
				Progress: func([]corpus.Article) {
					if !said {
						listed, said = listed+time.Since(start), true
					}
				},
				Indexing:   func() { whole += time.Since(start) },
				Searchable: func([]corpus.Article, *search.Index) { searchable += time.Since(start) },
			})
			if err != nil || len(arts) != n || len(skipped) != 0 || ix.Len() != n {
				b.Fatalf("opened %d, skipped %d, err %v", len(arts), len(skipped), err)
			}
		}
		reportListed := func(b *testing.B) {
			b.ReportMetric(float64(listed.Nanoseconds())/float64(b.N), "ns-to-list/op")
			listed = 0
		}
		reportPasses := func(b *testing.B) {
			reportListed(b)
			b.ReportMetric(float64(whole.Nanoseconds())/float64(b.N), "ns-to-whole-list/op")
			b.ReportMetric(float64(searchable.Nanoseconds())/float64(b.N), "ns-to-search/op")
			whole, searchable = 0, 0
		}
		b.Run(fmt.Sprintf("files=%d/cold", n), func(b *testing.B) {
			for range b.N {
				open(b, false, "")
			}
			reportPasses(b)
		})
		b.Run(fmt.Sprintf("files=%d/first", n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				fresh := b.TempDir()
				b.StartTimer()
				open(b, true, fresh)
			}
			reportPasses(b)
		})
		open(b, true, cd) // the cache the rest reopen, made if need be
		load.WaitCache()
		listed = 0
		if p, err := load.CachePath(cd, dir); err == nil {
			if fi, err := os.Stat(p); err == nil {
				b.Logf("files=%d: cache %.0f MB", n, float64(fi.Size())/1e6)
			}
		}
		b.Run(fmt.Sprintf("files=%d/unchanged", n), func(b *testing.B) {
			for range b.N {
				open(b, true, cd)
			}
			reportListed(b)
		})
		b.Run(fmt.Sprintf("files=%d/changed=100", n), func(b *testing.B) {
			files := spread(b, dir, 100)
			orig := make([][]byte, len(files))
			times := make([]time.Time, len(files))
			for i, f := range files {
				orig[i], _ = os.ReadFile(f)
				if fi, err := os.Stat(f); err == nil {
					times[i] = fi.ModTime()
				}
			}
			defer func() { // the shared corpus as it was, times too
				for i, f := range files {
					os.WriteFile(f, orig[i], 0o644)
					os.Chtimes(f, times[i], times[i])
				}
			}()
			for i := range b.N {
				b.StopTimer()
				for k, f := range files {
					text := append(bytes.Clone(orig[k]), fmt.Sprintf("\nUpdated, take %d.\n", i)...)
					os.WriteFile(f, text, 0o644)
					t := time.Now().Add(-time.Hour + time.Duration(i)*time.Second)
					os.Chtimes(f, t, t)
				}
				b.StartTimer()
				open(b, true, cd)
				b.StopTimer()
				load.WaitCache() // the cache compacted in the background, not timed
				b.StartTimer()
			}
			reportListed(b)
		})
	}
}

// spread is k of the folder's files, evenly spaced in walk order.
func spread(b *testing.B, dir string, k int) []string {
	var all []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			all = append(all, p)
		}
		return nil
	})
	if len(all) < k {
		b.Fatalf("%d files, want %d", len(all), k)
	}
	out := make([]string, k)
	for i := range out {
		out[i] = all[i*len(all)/k]
	}
	return out
}

// BenchmarkGobBaseline is the format the cache's was measured against:
// the same articles as one encoding/gob stream, decoded. It is what a
// reopen would pay for the articles alone, before the files' stats and
// without the index.
func BenchmarkGobBaseline(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := benchCorpus(b, n)
			arts, _, _, err := load.Open(context.Background(), dir, load.Options{Cache: true, CacheDir: dir + "-cache"})
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(arts); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				var back []corpus.Article
				if err := gob.NewDecoder(bytes.NewReader(buf.Bytes())).Decode(&back); err != nil || len(back) != n {
					b.Fatalf("%d articles, %v", len(back), err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1e6, "MB")
		})
	}
}
