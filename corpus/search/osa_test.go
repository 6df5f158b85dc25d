package search

import (
	"math/rand/v2"
	"testing"
)

// osaRef is the textbook optimal-string-alignment distance, without
// bounds or early exit, to hold osa to.
func osaRef(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestOSA(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func() []rune {
		w := make([]rune, 1+r.IntN(10))
		for i := range w {
			w[i] = rune('a' + r.IntN(4))
		}
		return w
	}
	for range 20000 {
		a, b := word(), word()
		for _, max := range []int{1, 2} {
			want := min(osaRef(a, b), max+1)
			if got := min(osa(a, b, max), max+1); got != want {
				t.Fatalf("osa(%q, %q, %d) = %d, want %d", string(a), string(b), max, got, want)
			}
		}
	}
}
