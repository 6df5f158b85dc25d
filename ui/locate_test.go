package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
)

// wordSpans is a span for every word of a's title and paragraphs.
func wordSpans(a *corpus.Article) []search.Span {
	var out []search.Span
	add := func(para int, s string) {
		i := 0
		for _, f := range strings.Fields(s) {
			j := strings.Index(s[i:], f) + i
			out = append(out, search.Span{Para: para, Start: j, End: j + len(f)})
			i = j + len(f)
		}
	}
	add(TitlePara, a.Title)
	for i, p := range a.Paragraphs {
		add(i, p)
	}
	return out
}

// cellText is the visible text under runs, white space left out.
func cellText(text string, runs []Cells) string {
	lines := strings.Split(ansi.Strip(text), "\n")
	var b strings.Builder
	for _, c := range runs {
		b.WriteString(ansi.Cut(lines[c.Line], c.Col, c.End))
	}
	return strings.Join(strings.Fields(b.String()), "")
}

// TestLocateEveryWord: every word of the seeds and of a hand-made article
// with every kind of quote is found where both renderers draw it, at
// widths down to 10, the words broken across lines included.
func TestLocateEveryWord(t *testing.T) {
	arts := parse.Embedded()
	arts = append(arts, *quoted(t))
	r := rendererFor(DarkTheme())
	for _, a := range arts {
		spans := wordSpans(&a)
		for _, w := range []int{10, 40, 80} {
			for name, text := range map[string]string{"glamour": r.Article(&a, w, nil), "plain": r.Plain(&a, w, nil)} {
				runs := Locate(&a, text, spans)
				missed := 0
				for k, sp := range spans {
					src := a.Title
					if sp.Para >= 0 {
						src = a.Paragraphs[sp.Para]
					}
					want := strings.Join(strings.Fields(cleanText(src[sp.Start:sp.End])), "")
					if got := cellText(text, runs[k]); got != want {
						if missed++; missed <= 3 {
							t.Errorf("%s %s at %d: span %v is %q on screen, want %q", a.ID, name, w, sp, got, want)
						}
					}
				}
			}
		}
	}
}

// TestLocateHostile: attacker-shaped text never makes Locate panic or
// point outside the rendering.
func TestLocateHostile(t *testing.T) {
	a := &corpus.Article{Title: "\x1b[31m*T*\u202e", URL: "http://x/\x1b]52;c;aGk=\x07",
		Paragraphs: []string{"»«\"", "a\u0301\u0301\u0301 b", strings.Repeat("w", 300), "日本語のテキスト", "\xff\xfe x"},
		Quotes:     []corpus.Quote{{Para: 0, Start: 0, End: 5, Kind: corpus.Speech, Speaker: "he"}, {Para: 9, Start: -3, End: 99}}}
	spans := append(wordSpans(a), search.Span{Para: 7, Start: 0, End: 3}, search.Span{Para: 2, Start: 200, End: 100})
	r := rendererFor(DarkTheme())
	for _, w := range testWidths {
		text := r.Article(a, w, nil)
		lines := strings.Split(text, "\n")
		for _, runs := range Locate(a, text, spans) {
			for _, c := range runs {
				if c.Line < 0 || c.Line >= len(lines) || c.Col < 0 || c.End > max(w, 1)+1 || c.Col >= c.End {
					t.Fatalf("width %d: run %+v outside the rendering", w, c)
				}
			}
		}
	}
}

// TestOverlay: a run adds its style's sequences and nothing else; the
// line's own style resumes after it.
func TestOverlay(t *testing.T) {
	st := NewStyles(DarkTheme(), termenv.ANSI256)
	line := "ab\x1b[3mcdef\x1b[0mgh"
	out := Overlay(line, []CellRun{{Col: 1, End: 3, Style: st.MatchCurrent}, {Col: 6, End: 7, Style: st.Match}})
	if ansi.Strip(out) != "abcdefgh" {
		t.Fatalf("text changed: %q", out)
	}
	pre := sgrOf(st.MatchCurrent)
	if pre == "" || !strings.HasPrefix(out, "a"+pre+"b") {
		t.Fatalf("run not started at column 1: %q", out)
	}
	// The italic of "cdef" stays under the run, and resumes after it.
	if !strings.Contains(out, "\x1b[3m"+pre+"c\x1b[0m\x1b[3md") {
		t.Fatalf("line style lost: %q", out)
	}
	if !strings.Contains(out, sgrOf(st.Match)+"g\x1b[0mh") {
		t.Fatalf("second run: %q", out)
	}
	if Overlay(line, nil) != line {
		t.Fatal("no runs changed the line")
	}
	ascii := NewStyles(DarkTheme(), termenv.Ascii)
	if got := Overlay("abc", []CellRun{{Col: 0, End: 3, Style: ascii.MatchCurrent}}); got != "abc" {
		t.Fatalf("ASCII profile: %q", got)
	}
}

// TestHeaderURL: the address has a line of its own, cleaned.
func TestHeaderURL(t *testing.T) {
	a := &corpus.Article{Title: "T", URL: "https://example.org/a\x1b]8;;x\x07 b", Paragraphs: []string{"x"}}
	for _, out := range []string{rendererFor(DarkTheme()).Article(a, 80, nil), rendererFor(DarkTheme()).Plain(a, 80, nil)} {
		lines := strings.Split(out, "\n")
		if len(lines) < 3 || strings.TrimSpace(lines[2]) != "https://example.org/a]8;;xb" {
			t.Fatalf("header: %q", out)
		}
		if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\x07') {
			t.Fatalf("a control reached the output: %q", out)
		}
	}
	if strings.Contains(rendererFor(DarkTheme()).Plain(&corpus.Article{Title: "T"}, 80, nil), "http") {
		t.Fatal("a line for no address")
	}
}

// BenchmarkLocate is the cost of one query's highlights on the worst
// shapes the renderer takes: paid once per (rendering, query), in the
// pane's command, never in View.
func BenchmarkLocate(b *testing.B) {
	arts := parse.Embedded()
	for _, c := range []struct {
		name string
		a    *corpus.Article
	}{
		{"seed", &arts[0]},
		{"longword80K", &corpus.Article{Title: "w", Paragraphs: []string{strings.Repeat("a", 80<<10)}}},
		{"para1M", &corpus.Article{Title: "p", Paragraphs: []string{strings.Repeat("word and «quote» ", (1<<20)/17)}}},
	} {
		text := renderPlain(c.a, 80, nil)
		spans := search.Find(c.a, "quote csto")
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Locate(c.a, text, spans)
			}
		})
	}
}

// TestLocateDroppedText: a rendering that drops nearly all of the text
// (wide graphemes in a one-column pane) is located in linear time.
func TestLocateDroppedText(t *testing.T) {
	a := &corpus.Article{Title: "t", Paragraphs: []string{strings.Repeat("日本語 ", 20000)}}
	text := renderPlain(a, 1, nil)
	start := time.Now()
	Locate(a, text, wordSpans(a))
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Locate took %v", d)
	}
}
