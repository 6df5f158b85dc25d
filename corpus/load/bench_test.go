package load_test

import (
	"context"
	"dossier/corpus/load"
	"fmt"
	"os"
	"path/filepath"
	"testing"

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
