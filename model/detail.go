package model

import (
	"dossier/corpus/search"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
)

// renderKey names one rendering of an article: the same article at another
// width, in another theme or with other highlights is another rendering.
type renderKey struct {
	doc   int
	id    string
	width int
	theme string
	query string
}

// rendered is a cached rendering.
type rendered struct {
	text  string
	spans []search.Span
}

// renderCache keeps the last few renderings, first in first out: flipping
// between neighbours or resizing back costs nothing, and memory stays flat
// however many articles are opened.
type renderCache struct {
	m    map[renderKey]rendered
	fifo []renderKey
}

const cacheSize = 64

func (c *renderCache) get(k renderKey) (rendered, bool) {
	r, ok := c.m[k]
	return r, ok
}

func (c *renderCache) put(k renderKey, r rendered) {
	if c.m == nil {
		c.m = make(map[renderKey]rendered)
	}
	if _, ok := c.m[k]; !ok {
		c.fifo = append(c.fifo, k)
	}
	c.m[k] = r
	for len(c.fifo) > cacheSize {
		delete(c.m, c.fifo[0])
		c.fifo = c.fifo[1:]
	}
}

// detailModel is the article pane: a viewport over the rendered text and
// the matches in it.
type detailModel struct {
	vp    viewport.Model
	doc   int       // the article shown or wanted, -1 for none
	want  renderKey // the rendering asked for last
	have  renderKey // the rendering in the viewport
	ready bool      // the viewport holds want
	gen   int

	query      string // highlight query: the corpus search's, or the in-article find's
	find       bool   // query comes from an in-article find
	toMatch    bool   // scroll to the first match when the rendering arrives
	spans      []search.Span
	matchLines []int // the rendered line of each span
	match      int   // the current match
}

func newDetail() detailModel {
	vp := viewport.New(0, 0)
	vp.MouseWheelEnabled = false // the root routes the wheel by position
	return detailModel{vp: vp, doc: -1}
}

// setContent shows a rendering and finds the line of each match in it.
func (d *detailModel) setContent(arts []corpus.Article, key renderKey, r rendered) {
	sameDoc := d.have.doc == key.doc && d.ready
	d.vp.SetContent(r.text)
	d.have, d.ready = key, true
	d.spans = r.spans
	d.matchLines = matchLines(r.text, arts, key.doc, r.spans)
	if d.match >= len(d.matchLines) {
		d.match = 0
	}
	switch {
	case d.toMatch && len(d.matchLines) > 0:
		d.match = 0
		d.scrollToMatch()
	case !sameDoc:
		d.vp.GotoTop()
	}
	d.toMatch = false
}

// scrollToMatch brings the current match into view, a few lines from the
// top so its context shows.
func (d *detailModel) scrollToMatch() {
	if d.match < 0 || d.match >= len(d.matchLines) {
		return
	}
	d.vp.SetYOffset(d.matchLines[d.match] - 2)
}

// matchLines finds the rendered line of each span. The renderer wraps and
// styles the text, so the spans' byte offsets say nothing about lines: each
// match's first word is looked for in the plain rendered lines, in reading
// order, from the previous match's line on.
func matchLines(text string, arts []corpus.Article, doc int, spans []search.Span) []int {
	if len(spans) == 0 || doc < 0 || doc >= len(arts) {
		return nil
	}
	a := &arts[doc]
	lines := strings.Split(ansi.Strip(text), "\n")
	out := make([]int, 0, len(spans))
	from := 0
	for _, sp := range spans {
		needle := ""
		if sp.Para >= 0 && sp.Para < len(a.Paragraphs) {
			p := a.Paragraphs[sp.Para]
			if sp.Start >= 0 && sp.End <= len(p) && sp.Start < sp.End {
				if f := strings.Fields(p[sp.Start:sp.End]); len(f) > 0 {
					needle = f[0]
				}
			}
		}
		at := from
		if needle != "" {
			for i := from; i < len(lines); i++ {
				if strings.Contains(lines[i], needle) {
					at = i
					break
				}
			}
		}
		out = append(out, at)
		from = at
	}
	return out
}
