// Package article is the article pane: a viewport over the rendered
// article, the matches in it, and the cache of renderings. Rendering runs
// in a command (Glamour is slow on pathological text) and comes back as a
// message stamped with a generation, cached by (article, width, theme,
// query).
//
// Upward it sends StepRequestedMsg (n or p with no matches to move
// between), FindClosedMsg (esc while an in-article find is shown) and
// BackPressedMsg. The root says what to show with Show.
package article

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/search"
	"dossier/model/common"
	"dossier/ui"
)

// StepRequestedMsg says the reader asked for the next (Delta 1) or the
// previous (-1) article in list order.
type StepRequestedMsg struct{ Delta int }

// FindClosedMsg says the in-article find was dismissed; the root shows the
// article again with the highlight it had before.
type FindClosedMsg struct{}

// BackPressedMsg says esc was pressed with nothing of the pane's own to
// dismiss: the keyboard goes back to the list.
type BackPressedMsg struct{}

// Model is the article pane.
type Model struct {
	keys     KeyMap
	styles   ui.Styles
	renderer *ui.Renderer
	theme    string
	cache    *renderCache

	vp         viewport.Model
	boxW, boxH int
	focused    bool

	doc   int             // the article shown or wanted, -1 for none
	art   *corpus.Article // article doc
	want  renderKey       // the rendering asked for last
	have  renderKey       // the rendering in the viewport
	ready bool            // the viewport holds a rendering of have
	gen   int

	query      string // highlight query: the corpus search's, or the in-article find's
	find       bool   // query comes from an in-article find
	toMatch    bool   // scroll to the first match when the rendering arrives
	spans      []search.Span
	matchLines []int // the rendered line of each span
	match      int   // the current match
}

// New returns an empty pane. r renders the articles; theme names its
// theme in the cache key.
func New(keys KeyMap, st ui.Styles, r *ui.Renderer) Model {
	vp := viewport.New(0, 0)
	vp.MouseWheelEnabled = false // the root routes the wheel by position
	return Model{keys: keys, styles: st, renderer: r, theme: st.Theme.Name, cache: &renderCache{}, vp: vp, doc: -1}
}

// SetSize sets the pane's box, border included. A new width needs a new
// rendering: the root asks for it with Refresh.
func (m *Model) SetSize(w, h int) {
	m.boxW, m.boxH = max(w, 0), max(h, 0)
	m.vp.Width, m.vp.Height = ui.PaneInner(m.boxW, m.boxH)
	m.vp.SetYOffset(m.vp.YOffset) // re-clamp to the new height
}

// Focus gives the pane the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// Width is the width articles are rendered for.
func (m Model) Width() int { return m.vp.Width }

// Doc is the article shown or wanted, -1 for none.
func (m Model) Doc() int { return m.doc }

// Query is the highlight the article is shown with.
func (m Model) Query() string { return m.query }

// Finding reports whether the highlight comes from an in-article find.
func (m Model) Finding() bool { return m.find }

// SetFinding says whether the next Show's query is an in-article find.
func (m *Model) SetFinding(on bool) { m.find = on }

// Matches is the number of matches found in the rendering on screen.
func (m Model) Matches() int { return len(m.matchLines) }

// Match is the current match, counted from 0.
func (m Model) Match() int { return m.match }

// Rendered returns the whole rendering in the viewport, and whether there
// is one for the article wanted.
func (m Model) Rendered() (string, bool) {
	r, ok := m.cache.get(m.have)
	return r.text, ok && m.ready
}

// Clear shows no article: the list it followed is empty.
func (m *Model) Clear() { m.doc, m.art = -1, nil }

// Show shows article doc, a, highlighting query; toMatch scrolls to the
// first match once it is rendered. It returns the render command when the
// rendering is not cached.
func (m *Model) Show(doc int, a *corpus.Article, query string, toMatch bool) tea.Cmd {
	if doc != m.doc {
		m.match = 0
		m.find = false
	}
	m.doc, m.art, m.query, m.toMatch = doc, a, query, toMatch
	return m.Refresh()
}

// Refresh asks for the rendering the pane needs: from the cache at once,
// or from a command whose answer is stamped with a new generation.
func (m *Model) Refresh() tea.Cmd {
	if m.doc < 0 || m.art == nil || m.vp.Width <= 0 {
		return nil
	}
	k := renderKey{doc: m.doc, id: m.art.ID, width: m.vp.Width, theme: m.theme, query: m.query}
	if k == m.have && m.ready {
		if m.toMatch {
			m.toMatch = false
			m.match = 0
			m.scrollToMatch()
		}
		m.want = k
		return nil
	}
	m.want = k
	if r, ok := m.cache.get(k); ok {
		m.setContent(k, r)
		return nil
	}
	m.gen++
	return renderCmd(m.renderer, m.art, m.gen, k)
}

// setContent shows a rendering and finds the line of each match in it.
func (m *Model) setContent(key renderKey, r rendered) {
	sameDoc := m.have.doc == key.doc && m.ready
	m.vp.SetContent(r.text)
	m.have, m.ready = key, true
	m.spans = r.spans
	m.matchLines = matchLines(r.text, m.art, r.spans)
	if m.match >= len(m.matchLines) {
		m.match = 0
	}
	switch {
	case m.toMatch && len(m.matchLines) > 0:
		m.match = 0
		m.scrollToMatch()
	case !sameDoc:
		m.vp.GotoTop()
	}
	m.toMatch = false
}

// scrollToMatch brings the current match into view, a few lines from the
// top so its context shows.
func (m *Model) scrollToMatch() {
	if m.match < 0 || m.match >= len(m.matchLines) {
		return
	}
	m.vp.SetYOffset(m.matchLines[m.match] - 2)
}

// Update handles renderings as they arrive, the pane's keys and the wheel.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		r := rendered{text: msg.text, spans: msg.spans}
		m.cache.put(msg.key, r)
		if msg.gen == m.gen && msg.key == m.want {
			m.setContent(msg.key, r)
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp, tea.MouseButtonWheelLeft:
			m.vp.ScrollUp(3)
		case tea.MouseButtonWheelDown, tea.MouseButtonWheelRight:
			m.vp.ScrollDown(3)
		}
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	hasMatches := len(m.matchLines) > 0
	switch {
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	case hasMatches && key.Matches(msg, k.NextMatch):
		m.match = (m.match + 1) % len(m.matchLines)
		m.scrollToMatch()
	case hasMatches && key.Matches(msg, k.PrevMatch):
		m.match = (m.match + len(m.matchLines) - 1) % len(m.matchLines)
		m.scrollToMatch()
	case key.Matches(msg, k.NextArticle):
		return m, common.Emit(StepRequestedMsg{Delta: 1})
	case key.Matches(msg, k.PrevArticle):
		return m, common.Emit(StepRequestedMsg{Delta: -1})
	case key.Matches(msg, k.Back):
		if m.find {
			m.find = false
			return m, common.Emit(FindClosedMsg{})
		}
		return m, common.Emit(BackPressedMsg{})
	}
	return m, nil
}

// MatchText is "3/7", "finding…" while the rendering with the matches is
// on its way, or "no matches".
func (m Model) MatchText() string {
	if len(m.matchLines) == 0 {
		if !m.ready || m.have.query != m.query {
			return "finding…"
		}
		return "no matches"
	}
	return fmt.Sprintf("%d/%d", m.match+1, len(m.matchLines))
}

// View draws the pane: the article's date and source in the title, with
// how far it is scrolled.
func (m Model) View() string {
	title, body := "Article", ""
	switch {
	case m.doc < 0:
		body = m.styles.Muted.Render("no article selected")
	case !m.ready || m.have.doc != m.doc:
		body = m.styles.Muted.Render("rendering…")
	default:
		body = m.vp.View()
	}
	if m.doc >= 0 && m.art != nil {
		title = m.art.Date.Truncate(corpus.PrecDay).Text()
		if m.art.Source != "" {
			title += " · " + m.art.Source
		}
		if m.ready && m.vp.TotalLineCount() > m.vp.Height {
			title += fmt.Sprintf(" · %d%%", int(m.vp.ScrollPercent()*100))
		}
	}
	return ui.Pane(m.styles, title, body, m.boxW, m.boxH, m.focused)
}
