package hostile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	m, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Payloads) != len(escapes) {
		t.Fatalf("payloads = %d, want %d", len(m.Payloads), len(escapes))
	}
	for _, s := range m.Skipped {
		if _, err := os.Lstat(filepath.Join(dir, s.Name)); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
	fi, err := os.Stat(filepath.Join(dir, "x.txt"))
	if err != nil || !fi.IsDir() {
		t.Errorf("x.txt should be a directory: %v", err)
	}
}
