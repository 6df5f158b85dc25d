package model

import (
	"dossier/corpus"
	"dossier/corpus/parse"
	csynth "dossier/corpus/synth"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkListKey measures one key press on the list and the frame after
// it, over 100,000 articles: the cost a reader feels holding a key down.
// The plain cases time Update alone, the +View cases add the frame.
// Commands the press returns (the article render) run elsewhere and are
// not counted.
func BenchmarkListKey(b *testing.B) {
	m := newModel(b, synth(100_000), 120, 40)
	for _, bc := range []struct {
		name      string
		key, back tea.KeyMsg
		view      bool
	}{
		{"j", keyMsg("j"), keyMsg("g"), false},
		{"G", keyMsg("G"), keyMsg("g"), false},
		{"pgdn", keyMsg("pgdown"), keyMsg("g"), false},
		{"j+View", keyMsg("j"), keyMsg("g"), true},
		{"G+View", keyMsg("G"), keyMsg("g"), true},
		{"pgdn+View", keyMsg("pgdown"), keyMsg("g"), true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cur := m
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				k := bc.key
				if cur.list().Cursor() == cur.list().Len()-1 {
					k = bc.back
				}
				nm, _ := cur.Update(k)
				cur = nm.(Model)
				if bc.view {
					_ = cur.View()
				}
			}
		})
	}
}

// BenchmarkSearchKeystroke is a keystroke in the reader's search line at
// 100,000 news-shaped articles, from the key to the hits on screen: the
// key through Update, the search it starts (at the reader's hit limit,
// with snippets for the rows drawn), its answer through Update, and the
// frame. It reports the median and the slowest keystroke.
func BenchmarkSearchKeystroke(b *testing.B) {
	arts := make([]corpus.Article, 100_000)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += 4 {
				name, text := csynth.Text(1, i)
				arts[i] = parse.Text(strings.TrimSuffix(name, ".txt"), name, string(text), nil)
			}
		}()
	}
	wg.Wait()
	base := newModel(b, arts, 120, 40)
	for _, q := range []string{"imankulov", "security council", "Иманкулов", `"security council" -sco`, "speaker:imankulov csto"} {
		b.Run("q="+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				m := send(base, keyMsg("/"))
				for _, r := range q {
					t := time.Now()
					m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
					_ = m.View()
					times = append(times, time.Since(t))
				}
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/key")
			b.ReportMetric(float64(times[len(times)-1].Nanoseconds()), "max-ns/key")
		})
	}
}
