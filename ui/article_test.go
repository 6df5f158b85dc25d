package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/hostile"
	"dossier/corpus/parse"
	"dossier/corpus/search"
)

func TestMain(m *testing.M) {
	// Deterministic output: no colour, whatever runs the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testWidths = []int{1, 10, 40, 80, 120}

// testRenderers keeps one Renderer per theme, as the reader keeps one, so
// the tests and benchmarks reuse its Glamour pools.
var (
	testRenderersMu sync.Mutex
	testRenderers   = map[string]*Renderer{}
)

func rendererFor(th Theme) *Renderer {
	testRenderersMu.Lock()
	defer testRenderersMu.Unlock()
	r := testRenderers[th.Name]
	if r == nil {
		r = NewRenderer(th, termenv.Ascii)
		testRenderers[th.Name] = r
	}
	return r
}

func renderArticle(a *corpus.Article, w int, th Theme, hl []search.Span) string {
	return rendererFor(th).Article(a, w, hl)
}

// renderPlain is the plain renderer in the dark theme.
func renderPlain(a *corpus.Article, w int, hl []search.Span) string {
	return renderPlainTheme(a, w, DarkTheme(), hl)
}

func renderPlainTheme(a *corpus.Article, w int, th Theme, hl []search.Span) string {
	return rendererFor(th).Plain(a, w, hl)
}

// flat is what a reader sees: the text without styling, lines joined,
// white space folded, margins gone.
func flat(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }

// squash is the visible text without any white space: the word wrap may
// break after a hyphen, so only this compares renders exactly.
func squash(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(ansi.Strip(s)), ""), "│", "")
}

// unTagged removes the speaker tags a render adds after quotes.
func unTagged(s string, a *corpus.Article) string {
	quotes := append([]corpus.Quote{}, a.Quotes...)
	sort.SliceStable(quotes, func(i, j int) bool { return quotes[i].Kind == corpus.Pull && quotes[j].Kind != corpus.Pull })
	for _, q := range quotes {
		switch {
		case q.Speaker == "":
		case q.Kind == corpus.Pull: // the name ends the paragraph, shown on a line of its own
			s = strings.ReplaceAll(s, "—"+squash(q.Speaker), squash(q.Speaker))
		default:
			s = strings.ReplaceAll(s, "("+squash(q.Speaker)+")", "")
		}
	}
	return s
}

// checkOutput fails t unless out is safe and fits width.
func checkOutput(t *testing.T, out string, width int) {
	t.Helper()
	if u := unsafeIn(out); u != "" {
		t.Fatalf("width %d: unsafe output: %s", width, u)
	}
	if strings.Contains(out, "\t") {
		t.Fatalf("width %d: tab in output", width)
	}
	if strings.ContainsRune(out, mdSentinel) {
		t.Fatalf("width %d: the markdown sentinel leaked", width)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > max(width, 1) {
			t.Fatalf("width %d: line %d is %d cells: %q", width, i, w, l)
		}
		if w := lipgloss.Width(l); w > max(width, 1) {
			t.Fatalf("width %d: line %d is %d cells for lipgloss: %q", width, i, w, l)
		}
	}
}

// quoted builds an article by hand, with quote spans found by
// strings.Index, so quote styling is tested whatever the parser does.
func quoted(t testing.TB) *corpus.Article {
	paras := []string{
		`According to him, «we see that the world has divided into opposite polar groups.»`,
		`"The CSTO membership meets the interests of Kyrgyzstan," Imankulov said. "We believe that such a defensive organization is necessary," Marat Imankulov added.`,
		`There is a growing threat of «export» of instability, primarily to Central Asia.`,
		`The terrorist threat does not decrease, the volumes of illegal drug trafficking remain high. Sooronbai Jeenbekov`,
		`Markdown stays literal: *bold* _x_ # h <b> &amp; &#27;]52;c;aGk=&#7; [l](http://e.x) ~~s~~ ` + "`c`" + ` a\*b \&#27; 1. - + | t |`,
	}
	a := &corpus.Article{
		ID: "hand", Title: "Kyrgyzstan not considering withdrawal from CSTO - *Security* <Council>",
		Date:   corpus.Date{Year: 2022, Month: 9, Day: 22, Hour: 16, Minute: 47, Prec: corpus.PrecMinute, Origin: corpus.OriginHeader},
		Source: "Interfax", Dateline: "BISHKEK", Paragraphs: paras,
	}
	for _, p := range paras {
		a.Words += len(strings.Fields(p))
	}
	span := func(para int, s string, speaker string, kind corpus.QuoteKind) {
		i := strings.Index(paras[para], s)
		if i < 0 {
			t.Fatalf("%q not in paragraph %d", s, para)
		}
		a.Quotes = append(a.Quotes, corpus.Quote{Para: para, Start: i, End: i + len(s), Text: strings.Trim(s, `«»"`), Speaker: speaker, Kind: kind})
	}
	span(0, "«we see that the world has divided into opposite polar groups.»", "Marat Imankulov", corpus.Speech)
	span(1, `"The CSTO membership meets the interests of Kyrgyzstan,"`, "Marat Imankulov", corpus.Speech)
	span(1, `"We believe that such a defensive organization is necessary,"`, "Marat Imankulov", corpus.Speech)
	span(2, "«export»", "", corpus.Term)
	a.Quotes = append(a.Quotes, corpus.Quote{Para: 3, Start: 0, End: len(paras[3]), Speaker: "Sooronbai Jeenbekov", Kind: corpus.Pull})
	return a
}

func TestRenderSeeds(t *testing.T) {
	arts := parse.Embedded()
	if len(arts) == 0 {
		t.Fatal("no seed articles")
	}
	for _, a := range arts {
		for _, w := range testWidths {
			out := renderArticle(&a, w, DarkTheme(), nil)
			checkOutput(t, out, w)
			if w >= 40 {
				if title := flat(a.Title); !strings.Contains(flat(out), title) {
					t.Errorf("%s at %d: title %q missing", a.ID, w, title)
				}
				for _, p := range a.Paragraphs {
					if !strings.Contains(unTagged(squash(out), &a), squash(p)) {
						t.Errorf("%s at %d: paragraph missing: %.40q", a.ID, w, p)
					}
				}
			}
			plain := renderPlain(&a, w, nil)
			checkOutput(t, plain, w)
			if w >= 40 && squash(plain) != squash(out) {
				t.Errorf("%s at %d: RenderPlain shows other text than RenderArticle:\n%s\n---\n%s", a.ID, w, flat(plain), flat(out))
			}
		}
	}
}

func TestRenderQuotes(t *testing.T) {
	a := quoted(t)
	for _, th := range []Theme{DarkTheme(), LightTheme(), PlainTheme()} {
		for _, render := range []struct {
			name string
			f    func() string
		}{
			{"glamour", func() string { return renderArticle(a, 80, th, nil) }},
			{"plain", func() string { return renderPlainTheme(a, 80, th, nil) }},
		} {
			out := render.f()
			checkOutput(t, out, 80)
			got := flat(out)
			for _, want := range []string{
				"Kyrgyzstan not considering withdrawal from CSTO - *Security* <Council>",
				"2022-09-22 16:47 ·header — Interfax — BISHKEK — ",
				"words · 1 min read",
				"«we see that the world has divided into opposite polar groups.» (Marat Imankulov)",
				`"The CSTO membership meets the interests of Kyrgyzstan," Imankulov said.`,
				`"We believe that such a defensive organization is necessary," Marat Imankulov added.`,
				"threat of «export» of instability",
				"│ The terrorist threat does not decrease,",
				"trafficking remain high. │ — Sooronbai Jeenbekov",
				"*bold* _x_ # h <b> &amp; &#27;]52;c;aGk=&#7; [l](http://e.x) ~~s~~ `c` a\\*b \\&#27; 1. - + | t |",
			} {
				if render.name == "plain" {
					want = strings.ReplaceAll(want, "│ — Sooronbai", "— Sooronbai")
				}
				if !strings.Contains(got, want) {
					t.Errorf("%s/%s: missing %q in\n%s", th.Name, render.name, want, got)
				}
			}
			// The pull quote's speaker is shown once, as its attribution.
			if n := strings.Count(got, "Sooronbai Jeenbekov"); n != 1 {
				t.Errorf("%s/%s: pull speaker shown %d times", th.Name, render.name, n)
			}
		}
	}
}

// TestRenderStyles checks that quotes are styled, not just present: with
// a colour profile, the speaker's name and the speech carry SGR.
func TestRenderStyles(t *testing.T) {
	// The profile is the Renderer's own: Lip Gloss's package-level one
	// stays ASCII here and must not matter.
	r := NewRenderer(DarkTheme(), termenv.TrueColor)
	a := quoted(t)
	hl := []search.Span{{Para: 0, Start: strings.Index(a.Paragraphs[0], "world"), End: strings.Index(a.Paragraphs[0], "world") + 5}}
	for _, w := range testWidths {
		for _, out := range []string{r.Article(a, w, hl), r.Plain(a, w, hl)} {
			checkOutput(t, out, w)
		}
	}
	out := r.Article(a, 120, hl)
	// #98C379 is the dark theme's Speaker colour; #FF8F40 its Match.
	for _, want := range []string{"38;2;152;195;121", "38;2;255;143;64", "38;2;230;192;123"} {
		if !strings.Contains(out, want) {
			t.Errorf("colour %s missing in\n%q", want, out)
		}
	}
	if !strings.Contains(flat(out), "the world has divided") {
		t.Errorf("match text lost: %s", flat(out))
	}
}

func TestRenderSpansEdgeCases(t *testing.T) {
	a := quoted(t)
	p0 := a.Paragraphs[0]
	mid := strings.Index(p0, "«") + 1 // inside the two bytes of «
	hl := []search.Span{
		{Para: 0, Start: mid, End: mid + 5},
		{Para: 0, Start: -5, End: 3},
		{Para: 0, Start: len(p0) - 2, End: len(p0) + 100},
		{Para: 0, Start: 10, End: 5},
		{Para: -1, Start: 0, End: 4},
		{Para: 99, Start: 0, End: 4},
		{Para: 0, Start: 20, End: 40}, {Para: 0, Start: 25, End: 30}, // nested
	}
	a.Quotes = append(a.Quotes, corpus.Quote{Para: 0, Start: 30, End: 1 << 30}, corpus.Quote{Para: 42, Start: 0, End: 3})
	for _, w := range testWidths {
		out := renderArticle(a, w, DarkTheme(), hl)
		checkOutput(t, out, w)
		checkOutput(t, renderPlain(a, w, hl), w)
	}
	if got := flat(renderArticle(a, 200, PlainTheme(), hl)); !strings.Contains(got, "According to him, «we see") {
		t.Errorf("text changed by spans: %s", got)
	}
}

func TestRenderHostile(t *testing.T) {
	dir := t.TempDir()
	m, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Payloads {
		a := &corpus.Article{ID: p.Name, Title: p.Title}
		for _, para := range strings.Split(p.Body, "\n\n") {
			a.Paragraphs = append(a.Paragraphs, para)
		}
		i := strings.Index(a.Paragraphs[2], `"Quoted`)
		j := strings.Index(a.Paragraphs[2], ` Marat`)
		if i >= 0 && j > i {
			a.Quotes = []corpus.Quote{{Para: 2, Start: i, End: j, Speaker: "Marat\x1b]0;x\x07 Imankulov", Kind: corpus.Speech}}
		}
		for _, w := range testWidths {
			for _, out := range []string{renderArticle(a, w, DarkTheme(), nil), renderPlain(a, w, nil)} {
				checkOutput(t, out, w)
				if w < 80 {
					continue
				}
				got := flat(out)
				for _, want := range []string{p.Before, p.After, "Quoted", "Imankulov"} {
					if !strings.Contains(got, want) {
						t.Errorf("%s at %d: %q lost in %s", p.Name, w, want, got)
					}
				}
				for _, bad := range []string{"\u202e", "\u009b", "\x1b]", "\a"} {
					if strings.Contains(out, bad) {
						t.Errorf("%s at %d: %q survived", p.Name, w, bad)
					}
				}
			}
		}
	}
	// The bombs: each must render, fit and stay safe.
	for _, name := range m.Big {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(b), "\n\n", 2)
		a := &corpus.Article{ID: name, Title: parts[0], Paragraphs: parts[1:]}
		out := renderArticle(a, 80, DarkTheme(), nil)
		checkOutput(t, out, 80)
		if len(b) > maxRenderBytes && !strings.Contains(out, "article truncated (1 more paragraph)") {
			t.Errorf("%s: no truncation notice", name)
		}
	}
}

func TestHostileEscapeArticle(t *testing.T) {
	text := "visible1 \x1b[2J visible2 \x1b]52;c;ZWNobw==\x07 visible3 \x1b]52;c;ZWNobw==\x1b\\ visible4 " +
		"\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ visible5 \x1bP+q544e\x1b\\ visible6 \u009b2J visible7 \u202eevil visible8"
	a := &corpus.Article{Title: "Hostile \x1b[31mtitle", Source: "Src\x1b]0;x\x07", Dateline: "\u202eBISHKEK", Paragraphs: []string{text}}
	for _, w := range testWidths {
		out := renderArticle(a, w, DarkTheme(), []search.Span{{Para: 0, Start: 0, End: 20}})
		checkOutput(t, out, w)
		if w >= 80 {
			got := flat(out)
			for i := 1; i <= 8; i++ {
				if v := "visible" + string(rune('0'+i)); !strings.Contains(got, v) {
					t.Errorf("%q lost: %s", v, got)
				}
			}
		}
	}
}

func TestHeader(t *testing.T) {
	cases := []struct {
		d    corpus.Date
		want string
	}{
		{corpus.Date{}, "undated"},
		{corpus.Date{Year: 2022, Month: 9, Day: 22, Hour: 16, Minute: 47, Prec: corpus.PrecMinute, Origin: corpus.OriginHeader}, "2022-09-22 16:47 ·header"},
		{corpus.Date{Year: 2018, Month: 11, Day: 9, Prec: corpus.PrecDay, Origin: corpus.OriginMetadata}, "2018-11-09 ·metadata"},
		{corpus.Date{Year: 2023, Month: 2, Prec: corpus.PrecMonth, Origin: corpus.OriginText}, "2023-02 ·in text"},
		{corpus.Date{Year: 2023, Prec: corpus.PrecYear}, "2023"},
	}
	for _, c := range cases {
		if got := dateLabel(c.d); got != c.want {
			t.Errorf("dateLabel(%+v) = %q, want %q", c.d, got, c.want)
		}
	}
	for words, want := range map[int]string{0: "0 words · 1 min read", 1: "1 word · 1 min read", 200: "200 words · 1 min read", 201: "201 words · 2 min read", 1000: "1000 words · 5 min read"} {
		if got := readingTime(words); got != want {
			t.Errorf("readingTime(%d) = %q, want %q", words, got, want)
		}
	}
	a := &corpus.Article{Source: "24.kg", Words: 450}
	if got, want := HeaderLine(a), "undated — 24.kg — 450 words · 3 min read"; got != want {
		t.Errorf("HeaderLine = %q, want %q", got, want)
	}
}

func TestRenderTruncates(t *testing.T) {
	a := &corpus.Article{Title: "Many"}
	for i := 0; i < maxRenderParas+5; i++ {
		a.Paragraphs = append(a.Paragraphs, "short paragraph")
	}
	for _, out := range []string{renderArticle(a, 80, DarkTheme(), nil), renderPlain(a, 80, nil)} {
		if !strings.Contains(flat(out), "… article truncated (5 more paragraphs)") {
			t.Errorf("no notice for 5 left out: %.200s", flat(out[len(out)-300:]))
		}
	}
	if renderArticle(nil, 80, DarkTheme(), nil) != "" || renderPlain(nil, 0, nil) != "" {
		t.Error("a nil article renders as nothing")
	}
}

// fuzzSeeds are the hostile cases above, so plain `go test` runs them.
var fuzzSeeds = []string{
	"*bold* _x_ # h <b> &amp; &#27;]52;c;aGk=&#7;",
	"\\&#27; &#x1b;[2J &#155;2J",
	"a\x1b[2Jb\x1b]52;c;ZWNobw==\x07c\x1b]52;c;eA==\x1b\\d\x1b]8;;http://e/\x1b\\l\x1b]8;;\x1b\\",
	"\x1bP+q544e\x1b\\ \u009b2J \x9b2J \u202eevil\u2066",
	strings.Repeat(">", 80) + " deep",
	strings.Repeat("[", 1000),
	strings.Repeat("*_", 500),
	strings.Repeat("a", 5000),
	"日本語のテキスト😀👩‍👩‍👧 «цитата» \u2060x",
	"1. item\n- item\n\n    code\n```\nfence\n```",
	"«quoted words,» he said",
}

func FuzzRender(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, testWidths[i%len(testWidths)])
	}
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < -5 || width > 300 {
			width = 1 + (width%300+300)%300
		}
		w := max(width, 1)
		a := &corpus.Article{Title: text, Source: text, URL: text, Paragraphs: strings.Split(text, "\n\n")}
		// Quote and match spans at arbitrary places, UTF-8 boundaries or not.
		n := len(a.Paragraphs[0])
		a.Quotes = []corpus.Quote{{Para: 0, Start: n / 4, End: n / 2, Speaker: "X", Kind: corpus.Speech}, {Para: 0, Start: n / 3, End: n, Kind: corpus.Term}}
		if len(a.Paragraphs) > 1 {
			a.Quotes = append(a.Quotes, corpus.Quote{Para: 1, Kind: corpus.Pull, Speaker: "Y"})
		}
		hl := []search.Span{{Para: 0, Start: n / 5, End: n/5 + 3}}
		for _, out := range []string{renderArticle(a, width, DarkTheme(), hl), renderPlain(a, width, hl)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8")
			}
			if u := unsafeIn(out); u != "" {
				t.Fatalf("unsafe: %s", u)
			}
			for _, l := range strings.Split(out, "\n") {
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("line of %d cells at width %d: %q", lw, w, l)
				}
			}
			// Highlights drawn over the rendering stay inside it and
			// change no text.
			lines := strings.Split(out, "\n")
			byLine := map[int][]CellRun{}
			for _, runs := range Locate(a, out, append(wordSpans(a), hl...)) {
				for _, c := range runs {
					if c.Line < 0 || c.Line >= len(lines) || c.Col < 0 || c.Col >= c.End {
						t.Fatalf("run %+v outside the rendering", c)
					}
					if rs := byLine[c.Line]; len(rs) == 0 || rs[len(rs)-1].End <= c.Col {
						byLine[c.Line] = append(rs, CellRun{Col: c.Col, End: c.End, Style: fuzzStyles.MatchCurrent})
					}
				}
			}
			for i, runs := range byLine {
				if got := Overlay(lines[i], runs); ansi.Strip(got) != ansi.Strip(lines[i]) || unsafeIn(got) != "" {
					t.Fatalf("overlay changed %q to %q", lines[i], got)
				}
			}
		}
	})
}

// fuzzStyles draw the fuzzed highlights with sequences, whatever the
// package's profile.
var fuzzStyles = NewStyles(DarkTheme(), termenv.ANSI256)

func BenchmarkRenderSeed(b *testing.B) {
	arts := parse.Embedded()
	a := &arts[len(arts)-1]
	renderArticle(a, 80, DarkTheme(), nil) // the renderer is built once
	b.ReportAllocs()
	for b.Loop() {
		renderArticle(a, 80, DarkTheme(), nil)
	}
}

func BenchmarkRenderWorst(b *testing.B) {
	arts := parse.Embedded()
	cases := []struct {
		name string
		a    *corpus.Article
	}{
		{"longword80K", &corpus.Article{Title: "w", Paragraphs: []string{strings.Repeat("a", 80<<10)}}},
		{"gt80", &corpus.Article{Title: "q", Paragraphs: []string{strings.Repeat(">", 80) + " deep"}}},
		{"brackets10K", &corpus.Article{Title: "b", Paragraphs: []string{strings.Repeat("[", 10000)}}},
		{"para1M", &corpus.Article{Title: "p", Paragraphs: []string{strings.Repeat("word and «quote» ", (1<<20)/17)}}},
		{"seed", &arts[0]},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				renderArticle(c.a, 80, DarkTheme(), nil)
			}
		})
		b.Run(c.name+"/plain", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				renderPlain(c.a, 80, nil)
			}
		})
	}
}

// TestSpeakerAtAttribution: the words that name the speaker are styled
// where they stand, with the name in brackets after a pronoun or a role,
// and nothing added when they are the name.
func TestSpeakerAtAttribution(t *testing.T) {
	p := "«We stay,» he said. \"We agree,\" the President of the Kyrgyz Republic said. \"Fine,\" Japarov said."
	span := func(sub string) [2]int { i := strings.Index(p, sub); return [2]int{i, i + len(sub)} }
	q := func(text, by, who string) corpus.Quote {
		i := strings.Index(p, text)
		return corpus.Quote{Para: 0, Start: i, End: i + len(text), Text: text, Speaker: who, Kind: corpus.Speech, SpeakerSpan: span(by)}
	}
	a := &corpus.Article{ID: "x", Title: "T", Paragraphs: []string{p}, Quotes: []corpus.Quote{
		q("«We stay,»", "he", "Marat Imankulov"),
		q(`"We agree,"`, "the President of the Kyrgyz Republic", "Sadyr Japarov"),
		q(`"Fine,"`, "Japarov", "Sadyr Japarov"),
	}}
	for name, out := range map[string]string{"glamour": renderArticle(a, 200, DarkTheme(), nil), "plain": renderPlain(a, 200, nil)} {
		got := flat(out)
		for _, want := range []string{
			"«We stay,» he (Marat Imankulov) said.",
			`"We agree," the President of the Kyrgyz Republic (Sadyr Japarov) said.`,
			`"Fine," Japarov said.`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: missing %q in %q", name, want, got)
			}
		}
	}
}
