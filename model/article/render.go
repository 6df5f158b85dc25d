package article

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/search"
	"dossier/ui"
)

// renderKey names one rendering of an article: the same article at another
// width or in another theme is another rendering. What it is highlighted
// with is not part of it: highlights are drawn over the rendering.
type renderKey struct {
	doc   int
	id    string
	width int
	theme string
}

// hlSpec is what an article is highlighted with: the matches of query, or
// quote number quote (-1 for none).
type hlSpec struct {
	query string
	quote int
}

func (h hlSpec) none() bool { return h.query == "" && h.quote < 0 }

// findKey names the highlights of one rendering.
type findKey struct {
	render renderKey
	hl     hlSpec
}

// rendered is a cached rendering, with the lines each quote of the
// article is drawn on (first and last, -1 when it is not drawn).
type rendered struct {
	text       string
	quoteLines [][2]int
}

// located is a cached set of highlights: the spans that are drawn, and
// their cells.
type located struct {
	spans []search.Span
	cells [][]ui.Cells
}

// cache keeps the last few values, first in first out: flipping between
// neighbours or resizing back costs nothing, and memory stays flat however
// many articles are opened.
type cache[K comparable, V any] struct {
	m    map[K]V
	fifo []K
}

const cacheSize = 64

func (c *cache[K, V]) get(k K) (V, bool) {
	v, ok := c.m[k]
	return v, ok
}

func (c *cache[K, V]) put(k K, v V) {
	if c.m == nil {
		c.m = make(map[K]V)
	}
	if _, ok := c.m[k]; !ok {
		c.fifo = append(c.fifo, k)
	}
	c.m[k] = v
	for len(c.fifo) > cacheSize {
		delete(c.m, c.fifo[0])
		c.fifo = c.fifo[1:]
	}
}

// renderedMsg is a rendered article, stamped with the generation of the
// request so a late answer to an old request is dropped. When the request
// named highlights, loc holds them.
type renderedMsg struct {
	gen   int
	key   renderKey
	r     rendered
	plain bool // the renderer ran out of time and the plain fallback was used
	find  findKey
	loc   *located
}

// locatedMsg is the highlights of a rendering the pane already has.
type locatedMsg struct {
	gen  int
	key  findKey
	loc  located
	text string // the rendering they were located in
}

// renderTimeout is how long the pane waits for the full renderer before
// showing the plain fallback: a pathological article must not leave the
// pane blank.
const renderTimeout = time.Second

// renderCmd renders a for key.width and locates its quotes and the
// highlights hl in the rendering. The full renderer runs in its own
// goroutine so a slow or panicking render falls back to plain text
// instead of hanging the pane.
func renderCmd(r *ui.Renderer, a *corpus.Article, gen int, key renderKey, hl hlSpec) tea.Cmd {
	return func() tea.Msg {
		done := make(chan string, 1)
		go func() {
			defer func() {
				if recover() != nil {
					done <- ""
				}
			}()
			done <- r.Article(a, key.width, nil)
		}()
		timer := time.NewTimer(renderTimeout)
		defer timer.Stop()
		msg := renderedMsg{gen: gen, key: key, find: findKey{key, hl}}
		var text string
		select {
		case text = <-done:
		case <-timer.C:
		}
		if text == "" {
			text, msg.plain = r.Plain(a, key.width, nil), true
		}
		text = ui.OnlySGR(text)
		// One alignment for the quotes and the highlights.
		spans := quoteSpans(a)
		nq := len(spans)
		if !hl.none() {
			spans = append(spans, spansFor(a, hl)...)
		}
		cells := ui.Locate(a, text, spans)
		msg.r = rendered{text: text, quoteLines: make([][2]int, nq)}
		for i := range nq {
			msg.r.quoteLines[i] = [2]int{-1, -1}
			if c := cells[i]; len(c) > 0 {
				msg.r.quoteLines[i] = [2]int{c[0].Line, c[len(c)-1].Line}
			}
		}
		if !hl.none() {
			l := drawnOnly(spans[nq:], cells[nq:])
			msg.loc = &l
		}
		return msg
	}
}

// locateCmd finds the highlights hl in a rendering of a the pane has.
func locateCmd(a *corpus.Article, text string, gen int, key findKey) tea.Cmd {
	return func() tea.Msg {
		spans := spansFor(a, key.hl)
		return locatedMsg{gen: gen, key: key, text: text, loc: drawnOnly(spans, ui.Locate(a, text, spans))}
	}
}

// drawnOnly keeps the spans that have cells on screen: a match past the
// rendering's cap is neither counted nor stepped to.
func drawnOnly(spans []search.Span, cells [][]ui.Cells) located {
	var l located
	for i, c := range cells {
		if len(c) > 0 {
			l.spans = append(l.spans, spans[i])
			l.cells = append(l.cells, c)
		}
	}
	return l
}

// quoteSpans is the span of every quote of a, in a's order.
func quoteSpans(a *corpus.Article) []search.Span {
	out := make([]search.Span, len(a.Quotes))
	for i, q := range a.Quotes {
		out[i] = search.Span{Para: q.Para, Start: q.Start, End: q.End}
	}
	return out
}

// spansFor is what hl highlights in a, in reading order: the quote, or the
// query's matches in the title and then in the body, found as the corpus
// search matches bodies.
func spansFor(a *corpus.Article, hl hlSpec) []search.Span {
	if hl.quote >= 0 {
		if hl.quote >= len(a.Quotes) {
			return nil
		}
		q := a.Quotes[hl.quote]
		return []search.Span{{Para: q.Para, Start: q.Start, End: q.End}}
	}
	if hl.query == "" {
		return nil
	}
	var out []search.Span
	for _, sp := range search.Find(&corpus.Article{Paragraphs: []string{a.Title}}, hl.query) {
		out = append(out, search.Span{Para: ui.TitlePara, Start: sp.Start, End: sp.End})
	}
	return append(out, search.Find(a, hl.query)...)
}
