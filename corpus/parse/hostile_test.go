package parse

import (
	"strings"
	"testing"
	"time"

	"dossier/corpus/hostile"
)

// hangGuard runs fn and fails the test if it has not returned within d.
// It is a guard against a hang, not a timing: d is generous enough for
// the race detector on a slow machine, and only a super-linear parse
// misses it.
func hangGuard(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v: not linear in the text", what, d)
	}
}

// TestHostileShapes parses every hostile shape at a size where a
// quadratic stage takes minutes, and holds the result to Check.
func TestHostileShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("parses megabytes")
	}
	for _, sh := range hostile.Shapes {
		t.Run(sh.Name, func(t *testing.T) {
			size := 1 << 20
			if strings.HasPrefix(sh.Name, "front-matter") {
				size = 4 << 20 // quadratic in keys: 1 MB took 19 s, 4 MB minutes
			}
			text := []byte(sh.Make(size))
			hangGuard(t, 60*time.Second, sh.Name, func() {
				a, err := Bytes("x", "x.txt", text, "")
				if err != nil {
					return
				}
				checkArticle(t, a)
			})
		})
	}
}
