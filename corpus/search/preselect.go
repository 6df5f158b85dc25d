package search

// Narrowing a selection by score. A phrase keystroke ranks tens of
// thousands of candidates a batch at a time, and the quickselect's
// passes over all of them showed in profiles. Scores are non-negative
// floats, whose bits order as they do, so a histogram of their top bits
// finds in one pass the coarse score the k best reach; one more pass
// moves the candidates at or above it to the front, and the quickselect
// runs on those alone.

import "math"

// preselectMin is the shortest slice selectBest narrows first.
const preselectMin = 4096

// scoreBucket orders scores coarsely: a bucket above another holds only
// higher scores, for the non-negative scores preselect takes.
func scoreBucket(sc float32) uint32 { return math.Float32bits(sc) >> 20 }

// preselect moves to the front of a every candidate whose score bucket
// reaches that of its k-th best and returns how many that is (≥ k, so
// a[:n] holds the k best of a). With a score that is negative or NaN,
// whose bits do not order, it moves nothing and returns len(a).
func preselect(a []ranked, k int) int {
	var hist [1 << 11]int32 // the sign bit is 0: 11 bits remain
	for i := range a {
		b := scoreBucket(a[i].score)
		if b >= uint32(len(hist)) || a[i].score != a[i].score {
			return len(a)
		}
		hist[b]++
	}
	cut, n := len(hist)-1, 0
	for ; cut > 0; cut-- {
		if n += int(hist[cut]); n >= k {
			break
		}
	}
	j := 0
	for i := range a {
		if scoreBucket(a[i].score) >= uint32(cut) {
			a[i], a[j] = a[j], a[i]
			j++
		}
	}
	return j
}
