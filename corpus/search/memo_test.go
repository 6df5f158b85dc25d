package search

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
	"unicode"

	"github.com/sahilm/fuzzy"
)

// TestFoldBitOrbits: runes sahilm/fuzzy takes for one another share a
// bit, or the fold mask would hide a match.
func TestFoldBitOrbits(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if foldBit(f) != foldBit(r) {
				t.Fatalf("foldBit(%U) = %d, foldBit(%U) = %d", r, foldBit(r), f, foldBit(f))
			}
		}
	}
}

type fieldSource []field

func (f fieldSource) String(i int) string { return f[i].s }
func (f fieldSource) Len() int            { return len(f) }

// TestFuzzyMaskKeepsMatches: sahilm over the fields the mask lets
// through finds what it finds over all of them, for every prefix of the
// queries typed in the benchmarks and some that fold.
func TestFuzzyMaskKeepsMatches(t *testing.T) {
	ix := NewIndex(SynthCorpus(400))
	fm := ix.memo()
	queries := []string{"imankulov", "Иманкулов", "marat imnkulov", "security council", "interfax", "24.kg", "KYRGYZ",
		"ſecurity", "\u212Aabar", "csto", "akipress", "жапаров", "Sadyr Japarov"}
	found := 0
	for _, q := range queries {
		rs := []rune(q)
		for n := 1; n <= len(rs); n++ {
			raw := string(rs[:n])
			qmask := foldMask(raw)
			for _, fs := range []struct {
				f     []field
				masks []uint64
			}{{ix.speakers, fm.spkMask}, {ix.sources, fm.srcMask}} {
				want := fuzzy.FindFromNoSort(raw, fieldSource(fs.f))
				var got fuzzy.Matches
				for i, m := range fs.masks {
					if m&qmask != qmask {
						continue
					}
					for _, x := range fuzzy.FindNoSort(raw, []string{fs.f[i].s}) {
						x.Index = i
						got = append(got, x)
					}
				}
				found += len(want)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%q: masked fuzzy found %v, want %v", raw, got, want)
				}
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d fuzzy matches: the test checks little", found)
	}
}

// TestSpeakerKeysMemo: the filter's memoised keys are NameMatches'.
func TestSpeakerKeysMemo(t *testing.T) {
	ix := NewIndex(SynthCorpus(400))
	fm := ix.memo()
	for _, typed := range []string{"imankulov", "Иманкулов", "marat i", "Marat", "japarov", "жапаров", "x"} {
		tw := keysOf(typed)
		for i, f := range ix.speakers {
			if got, want := keysMatch(tw, fm.spkKeys[i]), NameMatches(typed, f.s); got != want {
				t.Errorf("%q on %q: memo says %v, NameMatches %v", typed, f.s, got, want)
			}
		}
	}
}

// TestProbeAllIsProbe: probing a word's expansions at once leaves in
// s.best what probing them one by one leaves, for candidate sets of every
// density and scores already there.
func TestProbeAllIsProbe(t *testing.T) {
	ix := NewIndex(SynthCorpus(3000))
	var dense []uint32
	for w := range ix.dense {
		dense = append(dense, w)
	}
	slices.Sort(dense)
	if len(dense) < 8 {
		t.Fatalf("only %d dense words", len(dense))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	n := len(ix.arts)
	for round := range 60 {
		var es []expansion
		for range 2 + rng.IntN(12) {
			w := dense[rng.IntN(len(dense))]
			es = append(es, expansion{w, float32(rng.IntN(4)+1) * 0.7 * ix.idf(w)})
		}
		a, b := ix.scratch(), ix.scratch()
		share := 1 + rng.IntN(8)
		for d := range uint32(n) {
			if rng.IntN(share) == 0 {
				a.prev, b.prev = append(a.prev, d), append(b.prev, d)
				if rng.IntN(3) == 0 {
					v := float32(rng.IntN(5))
					a.best[d], b.best[d] = v, v
				}
			}
		}
		rng.Shuffle(len(a.prev), func(i, j int) { a.prev[i], a.prev[j] = a.prev[j], a.prev[i] })
		copy(b.prev, a.prev)
		for _, e := range es {
			ix.probe(e, ix.dense[e.w], a)
		}
		ix.probeAll(es, b)
		if !slices.Equal(a.best, b.best) {
			t.Fatalf("round %d: probeAll differs from probe", round)
		}
		if slices.ContainsFunc(b.blocks, func(x uint64) bool { return x != 0 }) {
			t.Fatalf("round %d: probeAll left its bit set dirty", round)
		}
	}
}

// TestPreselectKeepsTheBest: narrowing by score buckets keeps the k best
// and every candidate, over scores of few and of many values, ties in
// score decided by dates, and scores whose bits do not order.
func TestPreselectKeepsTheBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for iter := range 200 {
		n := preselectMin + rng.IntN(60000)
		rk := make([]ranked, n)
		for i := range rk {
			var sc float32
			switch iter % 4 {
			case 0:
				sc = float32(rng.IntN(6)) * 1.7
			case 1:
				sc = rng.Float32() * 40
			case 2:
				sc = float32(rng.ExpFloat64())
			default:
				sc = float32(rng.IntN(3))
				if rng.IntN(n) == 0 {
					sc = float32(math.Copysign(0, -1))
				}
			}
			rk[i] = ranked{doc: uint32(i), score: sc, date: int64(i / 5)}
		}
		if iter == 7 {
			rk[rng.IntN(n)].score = float32(math.NaN())
		}
		if iter == 11 {
			rk[rng.IntN(n)].score = -1
		}
		k := 1 + rng.IntN(n/4)
		want := slices.Clone(rk)
		sortRanked(want)
		got := slices.Clone(rk)
		m := preselect(got, k)
		if iter == 7 {
			// A NaN has no order: nothing moves.
			for i := range got {
				if m != n || got[i].doc != rk[i].doc {
					t.Fatalf("preselect moved candidates around a NaN")
				}
			}
			continue
		}
		if m < k {
			t.Fatalf("iter %d: preselect kept %d, fewer than k=%d", iter, m, k)
		}
		all := slices.Clone(got)
		sortRanked(all)
		if !slices.Equal(all, want) {
			t.Fatalf("iter %d: preselect lost or made candidates", iter)
		}
		front := slices.Clone(got[:m])
		sortRanked(front)
		if !slices.Equal(front[:k], want[:k]) {
			t.Fatalf("iter %d: the %d best are not all in front", iter, k)
		}
		selectBest(got, k)
		top := slices.Clone(got[:k])
		sortRanked(top)
		if !slices.Equal(top, want[:k]) {
			t.Fatalf("iter %d: selectBest differs from a sort", iter)
		}
	}
}

// TestRecentScansChangeNothing: a search that takes the last search's
// re-reads and phrase checks returns what it returns with none kept, along every prefix of
// queries whose terms repeat as they are typed.
func TestRecentScansChangeNothing(t *testing.T) {
	arts := SynthCorpus(1500)
	ix := NewIndex(arts)
	reused, reusedPh := 0, 0
	for _, q := range []string{`"security council" -sco`, "security council", "imankulov csto", `"prime minister" kyrgyz`} {
		rs := []rune(q)
		for n := 1; n <= len(rs); n++ {
			for _, limit := range []int{50, 1000} {
				pq, err := ParseQuery(string(rs[:n]))
				if err != nil {
					continue
				}
				pq.Detail = 24
				ix.recentRun.Store(nil) // this test is about the re-reads
				before, beforePh := ix.recent.Load(), ix.recentPh.Load()
				got := ix.Run(pq, limit)
				if after := ix.recent.Load(); before != nil && after != nil && after.key == before.key {
					reused++
				}
				if after := ix.recentPh.Load(); beforePh != nil && after != nil && after.key == beforePh.key {
					reusedPh++
				}
				ix.recent.Store(nil)
				ix.recentPh.Store(nil)
				ix.recentRun.Store(nil)
				want := ix.Run(pq, limit)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q at %d: hits with the last scans differ from a fresh search", rs[:n], limit)
				}
				// As if the fresh search had not run.
				ix.recent.Store(before)
				ix.recentPh.Store(beforePh)
				ix.recentRun.Store(nil)
				ix.Run(pq, limit)
			}
		}
	}
	if reused == 0 || reusedPh == 0 {
		t.Fatalf("%d searches reused the last one's scans, %d its phrase checks", reused, reusedPh)
	}
}

// TestRecentScansConcurrent: searches running at once share the kept
// scans safely (run with -race) and still return their own hits.
func TestRecentScansConcurrent(t *testing.T) {
	ix := NewIndex(SynthCorpus(600))
	queries := []string{`"security council"`, `"security council" -s`, "security council", "security co"}
	want := map[string][]Hit{}
	for _, q := range queries {
		ix.recent.Store(nil)
		ix.recentPh.Store(nil)
		ix.recentRun.Store(nil)
		want[q] = ix.Search(q, 200)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				q := queries[(g+i)%len(queries)]
				if got := ix.Search(q, 200); !reflect.DeepEqual(got, want[q]) {
					t.Errorf("%q: concurrent search differs", q)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestRecentRunIsACopy: the same query again returns the same hits, and
// filling one answer's details leaves the other's as Run returned them.
func TestRecentRunIsACopy(t *testing.T) {
	ix := NewIndex(SynthCorpus(600))
	pq, err := ParseQuery("security council")
	if err != nil {
		t.Fatal(err)
	}
	pq.Detail = 3
	a := ix.Run(pq, 100)
	b := ix.Run(pq, 100)
	if len(a) < 10 || !reflect.DeepEqual(a, b) {
		t.Fatalf("the same query twice: %d and %d hits, or different ones", len(a), len(b))
	}
	ix.Detail(a, 0, len(a))
	if b[5].Detailed {
		t.Fatal("Detail on one answer filled the other")
	}
	c := ix.Run(pq, 100)
	if c[5].Detailed || !reflect.DeepEqual(b, c) {
		t.Fatal("Detail on an answer changed what the next one gets")
	}
	if d := ix.Run(pq, 99); len(d) != 99 {
		t.Fatalf("another limit got %d hits", len(d))
	}
}
