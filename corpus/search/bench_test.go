package search_test

import (
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/junegunn/fzf/src/algo"
	"github.com/junegunn/fzf/src/util"

	"dossier/corpus"
	"dossier/corpus/synth"
)

// benchSeed makes the benchmark corpus; sizes are built once per process.
const benchSeed = 42

var benchSizes = []int{10_000, 100_000}

// The queries typed in the keystroke benchmarks: a name, a phrase of two
// common words, two acronyms, and a name with a typo.
var benchQueries = []string{"imankulov", "security council", "csto sco", "imankulv"}

// opQueries exercise what the query language and the spelling keys add:
// a Cyrillic name, a German spelling, a phrase with an exclusion, a
// speaker filter and a date filter.
var opQueries = []string{"Иманкулов", "dschaparow", `"security council" -sco`, "speaker:imankulov csto", "csto since:2022"}

// benchLimit is about a screenful of results with some to scroll.
const benchLimit = 50

var (
	benchMu    sync.Mutex
	benchArts  = map[int][]corpus.Article{}
	benchIndex = map[int]*search.Index{}
)

// synthArticles parses n synthetic articles, made in memory.
func synthArticles(n int) []corpus.Article {
	benchMu.Lock()
	defer benchMu.Unlock()
	if a, ok := benchArts[n]; ok {
		return a
	}
	arts := make([]corpus.Article, n)
	var wg sync.WaitGroup
	const workers = 4
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				name, text := synth.Text(benchSeed, i)
				id := strings.TrimSuffix(name[strings.LastIndexByte(name, '/')+1:], ".txt")
				arts[i] = parse.Text(id, name, string(text), nil)
			}
		}()
	}
	wg.Wait()
	benchArts[n] = arts
	return arts
}

func synthIndex(n int) *search.Index {
	arts := synthArticles(n)
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndex[n]; ok {
		return ix
	}
	ix := search.NewIndex(arts)
	benchIndex[n] = ix
	return ix
}

func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			arts := synthArticles(n)
			b.ReportAllocs()
			b.ResetTimer()
			var ix *search.Index
			for b.Loop() {
				ix = search.NewIndex(arts)
			}
			text := search.TextBytes(arts)
			b.ReportMetric(float64(ix.MemBytes())/(1<<20), "index-MB")
			b.ReportMetric(float64(text)/(1<<20), "text-MB")
			b.ReportMetric(float64(ix.MemBytes())/float64(text), "index/text")
		})
	}
}

// prefixes returns what the user has typed after each keystroke.
func prefixes(q string) []string {
	var out []string
	for i := range q {
		if i > 0 {
			out = append(out, q[:i])
		}
	}
	return append(out, q)
}

// keystrokes runs every prefix of q once per iteration and reports the
// mean, median and slowest keystroke across all iterations.
func keystrokes(b *testing.B, q string, search func(string)) {
	ps := prefixes(q)
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			t := time.Now()
			search(p)
			times = append(times, time.Since(t))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	if len(times) == 0 {
		return
	}
	var sum time.Duration
	for _, t := range times {
		sum += t
	}
	b.ReportMetric(float64(sum.Nanoseconds())/float64(len(times)), "ns/keystroke")
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/keystroke")
	b.ReportMetric(float64(times[len(times)-1].Nanoseconds()), "max-ns/keystroke")
}

func BenchmarkKeystroke(b *testing.B) {
	for _, n := range benchSizes {
		for _, q := range append(slices.Clone(benchQueries), opQueries...) {
			b.Run(fmt.Sprintf("n=%d/q=%s", n, strings.ReplaceAll(q, " ", "_")), func(b *testing.B) {
				ix := synthIndex(n)
				keystrokes(b, q, func(p string) { ix.Search(p, benchLimit) })
			})
		}
	}
}

// BenchmarkFzfScan is the baseline the index is measured against: fzf's
// FuzzyMatchV2 over the title and body of every article, per keystroke.
func BenchmarkFzfScan(b *testing.B) {
	algo.Init("default")
	for _, n := range benchSizes {
		arts := synthArticles(n)
		texts := make([]util.Chars, len(arts))
		for i := range arts {
			texts[i] = util.ToChars([]byte(arts[i].Title + "\n" + strings.Join(arts[i].Paragraphs, "\n")))
		}
		slab := util.MakeSlab(100*1024, 2048)
		for _, q := range benchQueries {
			b.Run(fmt.Sprintf("n=%d/q=%s", n, strings.ReplaceAll(q, " ", "_")), func(b *testing.B) {
				keystrokes(b, q, func(p string) {
					pat := []rune(p)
					for i := range texts {
						algo.FuzzyMatchV2(false, true, true, &texts[i], pat, false, slab)
					}
				})
			})
		}
	}
}

// BenchmarkFairPeer runs fzf as people use it against the index, in the
// same run and at the reader's own hit limit (1,000): fzf's items are
// lines (the titles and every paragraph, as `grep -r . | fzf` would give),
// a query's terms are AND-ed (fzf's extended mode: every term must match
// the line), and the scan is split over every core, as fzf splits its
// item list. The index answers the same keystrokes as the reader asks it:
// 1,000 hits, the first 64 with snippets.
// Only the 10,000 size runs by default: at 100,000 fzf takes seconds a
// keystroke (-bench 'FairPeer/n=100000' runs it).
func BenchmarkFairPeer(b *testing.B) {
	algo.Init("default")
	const readerLimit = 1000
	workers := max(runtime.GOMAXPROCS(0), 1)
	for _, n := range benchSizes {
		arts := synthArticles(n)
		var lines []util.Chars
		for i := range arts {
			lines = append(lines, util.ToChars([]byte(arts[i].Title)))
			for _, p := range arts[i].Paragraphs {
				lines = append(lines, util.ToChars([]byte(p)))
			}
		}
		slabs := make([]*util.Slab, workers)
		for w := range slabs {
			slabs[w] = util.MakeSlab(100*1024, 2048)
		}
		fzf := func(p string) {
			var terms [][]rune
			for _, t := range strings.Fields(p) {
				terms = append(terms, []rune(t))
			}
			var wg sync.WaitGroup
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; i < len(lines); i += workers {
						for _, t := range terms {
							if r, _ := algo.FuzzyMatchV2(false, true, true, &lines[i], t, false, slabs[w]); r.Start < 0 {
								break
							}
						}
					}
				}()
			}
			wg.Wait()
		}
		for _, q := range benchQueries {
			name := fmt.Sprintf("n=%d/q=%s", n, strings.ReplaceAll(q, " ", "_"))
			b.Run(name+"/peer=fzf", func(b *testing.B) { keystrokes(b, q, fzf) })
			b.Run(name+"/peer=index", func(b *testing.B) {
				ix := synthIndex(n)
				keystrokes(b, q, func(p string) {
					// As the reader asks: 1,000 hits, snippets for the
					// first 64 (model/search's detailHits).
					if pq, err := search.ParseQuery(p); err == nil {
						pq.Detail = 64
						ix.Run(pq, readerLimit)
					}
				})
			})
		}
	}
}
