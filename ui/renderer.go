package ui

import (
	"io"
	"sync"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Renderer draws articles in one theme for one colour profile, and keeps
// what is costly to build between renders: a pool of Glamour renderers per
// width (building a TermRenderer costs far more than rendering a short
// article). The caller holds it, the article pane for the reader and the
// show command for a single render; it is safe for concurrent use, since
// renders run in commands.
type Renderer struct {
	theme   Theme
	profile termenv.Profile
	styles  articleStyles

	mu   sync.Mutex
	sets map[int]*renderSet // by width
}

// maxRenderSets bounds the pools: a user dragging the window edge makes a
// new width at every step.
const maxRenderSets = 16

// NewRenderer returns a Renderer for th on a terminal with profile p.
func NewRenderer(th Theme, p termenv.Profile) *Renderer {
	return &Renderer{theme: th, profile: p, styles: newArticleStyles(th, p)}
}

// styleRenderer is a Lip Gloss renderer that answers with profile p and
// never asks a terminal: styles built from it do not depend on the
// package-level renderer's colour profile.
func styleRenderer(p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	return r
}

// renderSet is what one width needs: a pool of Glamour renderers. A
// TermRenderer keeps state while it renders, so one is not shared between
// goroutines; the pool keeps the one or two that exist and builds another
// only when all are busy (a render abandoned by a timed-out command still
// holds its own).
type renderSet struct {
	opts []glamour.TermRendererOption
	free chan *glamour.TermRenderer
}

func (rs *renderSet) render(md string) (string, error) {
	var r *glamour.TermRenderer
	select {
	case r = <-rs.free:
	default:
		var err error
		if r, err = glamour.NewTermRenderer(rs.opts...); err != nil {
			return "", err
		}
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err // a renderer that failed may hold half a block stack
	}
	select {
	case rs.free <- r:
	default:
	}
	return out, nil
}

// set returns the pool for width, building it on first use.
func (r *Renderer) set(width int) *renderSet {
	r.mu.Lock()
	defer r.mu.Unlock()
	if rs := r.sets[width]; rs != nil {
		return rs
	}
	if r.sets == nil || len(r.sets) >= maxRenderSets {
		r.sets = make(map[int]*renderSet)
	}
	rs := &renderSet{
		opts: []glamour.TermRendererOption{
			glamour.WithStyles(glamourStyles(r.theme)),
			glamour.WithWordWrap(width),
			glamour.WithColorProfile(r.profile),
		},
		free: make(chan *glamour.TermRenderer, 2),
	}
	if tr, err := glamour.NewTermRenderer(rs.opts...); err == nil {
		rs.free <- tr
	}
	r.sets[width] = rs
	return rs
}
