package article

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/search"
	"dossier/ui"
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

// renderedMsg is a rendered article, with the match spans it was rendered
// with, stamped with the generation of the request so a late answer to an
// old request is dropped.
type renderedMsg struct {
	gen   int
	key   renderKey
	text  string
	spans []search.Span
	plain bool // the renderer ran out of time and the plain fallback was used
}

// renderTimeout is how long the pane waits for the full renderer before
// showing the plain fallback: a pathological article must not leave the
// pane blank.
const renderTimeout = time.Second

// renderCmd finds the matches of key.query in a and renders it for
// key.width. The full renderer runs in its own goroutine so a slow or
// panicking render falls back to plain text instead of hanging the pane.
func renderCmd(r *ui.Renderer, a *corpus.Article, gen int, key renderKey) tea.Cmd {
	return func() tea.Msg {
		var spans []search.Span
		if key.query != "" {
			spans = search.Find(a, key.query)
		}
		done := make(chan string, 1)
		go func() {
			defer func() {
				if recover() != nil {
					done <- ""
				}
			}()
			done <- r.Article(a, key.width, spans)
		}()
		timer := time.NewTimer(renderTimeout)
		defer timer.Stop()
		msg := renderedMsg{gen: gen, key: key, spans: spans}
		select {
		case msg.text = <-done:
		case <-timer.C:
		}
		if msg.text == "" {
			msg.text, msg.plain = r.Plain(a, key.width, spans), true
		}
		msg.text = ui.OnlySGR(msg.text)
		return msg
	}
}

// matchLines finds the rendered line of each span. The renderer wraps and
// styles the text, so the spans' byte offsets say nothing about lines: each
// match's first word is looked for in the plain rendered lines, in reading
// order, from the previous match's line on.
func matchLines(text string, a *corpus.Article, spans []search.Span) []int {
	if len(spans) == 0 || a == nil {
		return nil
	}
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
