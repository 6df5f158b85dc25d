// Package article is the article pane: a viewport over the rendered
// article, the highlights drawn over it, and the caches of both.
// Rendering runs in a command (Glamour is slow on pathological text) and
// comes back as a message stamped with a generation, cached by (article,
// width, theme). Highlights are not rendered with the article: their cells
// are located in the finished rendering, in a command too, cached by
// (rendering, highlight), and drawn over the rows on screen, so a query
// never changes where the lines break and the current match moves without
// a render.
//
// Upward it sends StepRequestedMsg (n or p with no matches to move
// between), FindClosedMsg (esc while an in-article find is shown) and
// BackPressedMsg. The root says what to show with Show, or ShowQuote to
// open an article at a quote; CurrentQuote says what the reader is on.
package article

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
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
	renders  *cache[renderKey, rendered]
	finds    *cache[findKey, located]

	vp         viewport.Model
	boxW, boxH int
	focused    bool

	doc   int             // the article shown or wanted, -1 for none
	art   *corpus.Article // article doc
	want  renderKey       // the rendering asked for last
	have  renderKey       // the rendering in the viewport
	ready bool            // the viewport holds a rendering of have
	gen   int
	text  string   // the rendering in the viewport
	lines []string // text, split once
	quote [][2]int // the first and last line of each quote of art in it

	hl         hlSpec          // the highlights wanted
	hlHas      findKey         // the highlights shown
	hlOK       bool            // hlHas is set
	find       bool            // hl.query comes from an in-article find
	toMatch    bool            // scroll to the first match when the highlights arrive
	loc        located         // the highlights shown: spans and their cells
	byLine     map[int][]hlRun // their runs, by line
	matchLines []int           // the first line of each match
	match      int             // the current match
}

// hlRun is a highlighted run of cells of one line, and its match.
type hlRun struct {
	col, end, match int
}

// New returns an empty pane. r renders the articles; theme names its
// theme in the cache key.
func New(keys KeyMap, st ui.Styles, r *ui.Renderer) Model {
	vp := viewport.New(0, 0)
	vp.MouseWheelEnabled = false // the root routes the wheel by position
	return Model{keys: keys, styles: st, renderer: r, theme: st.Theme.Name,
		renders: &cache[renderKey, rendered]{}, finds: &cache[findKey, located]{},
		vp: vp, doc: -1, hl: hlSpec{quote: -1}}
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

// Query is the query the article is highlighted with, "" for none (or a
// quote).
func (m Model) Query() string { return m.hl.query }

// Finding reports whether the highlight comes from an in-article find.
func (m Model) Finding() bool { return m.find }

// SetFinding says whether the next Show's query is an in-article find.
func (m *Model) SetFinding(on bool) { m.find = on }

// Matches is the number of highlights drawn in the rendering on screen:
// the matches, the title's included, or the quote ShowQuote opened at.
func (m Model) Matches() int { return len(m.matchLines) }

// Match is the current match, counted from 0.
func (m Model) Match() int { return m.match }

// Rendered returns the whole rendering in the viewport, without
// highlights, and whether there is one for the article wanted.
func (m Model) Rendered() (string, bool) {
	return m.text, m.ready
}

// Clear shows no article: the list it followed is empty.
func (m *Model) Clear() { m.doc, m.art = -1, nil }

// Show shows article doc, a, highlighting query; toMatch scrolls to the
// first match once it is found. It returns the command that renders or
// finds what is not cached.
func (m *Model) Show(doc int, a *corpus.Article, query string, toMatch bool) tea.Cmd {
	return m.show(doc, a, hlSpec{query: query, quote: -1}, toMatch)
}

// Forget drops the pane's article and every cached rendering: the corpus
// was replaced (a live folder changed), so a document number or an ID may
// now name other text.
func (m *Model) Forget() {
	m.Clear()
	m.renders, m.finds = &cache[renderKey, rendered]{}, &cache[findKey, located]{}
}

// Renumber tells the pane its article, unchanged, is now number doc of a
// new corpus: what it shows and where it is scrolled stay. The caches go,
// as with Forget.
func (m *Model) Renumber(doc int, a *corpus.Article) {
	m.doc, m.art = doc, a
	m.renders, m.finds = &cache[renderKey, rendered]{}, &cache[findKey, located]{}
}

// ShowQuote shows article doc, a, scrolled to its quote number quote (an
// index into a.Quotes) and highlighted as the current match: what the
// quotes explorer opens. A quote a does not have shows the article alone.
func (m *Model) ShowQuote(doc int, a *corpus.Article, quote int) tea.Cmd {
	if a == nil || quote < 0 || quote >= len(a.Quotes) {
		quote = -1
	}
	m.find = false
	return m.show(doc, a, hlSpec{quote: quote}, quote >= 0)
}

func (m *Model) show(doc int, a *corpus.Article, hl hlSpec, toMatch bool) tea.Cmd {
	if doc != m.doc {
		m.match = 0
		m.find = false
	}
	m.doc, m.art, m.hl, m.toMatch = doc, a, hl, toMatch
	return m.Refresh()
}

// Refresh asks for what the pane needs: the rendering and its highlights
// from the caches at once, or from a command whose answer is stamped with
// a new generation.
func (m *Model) Refresh() tea.Cmd {
	if m.doc < 0 || m.art == nil || m.vp.Width <= 0 {
		return nil
	}
	k := renderKey{doc: m.doc, id: m.art.ID, width: m.vp.Width, theme: m.theme}
	m.want = k
	if !(k == m.have && m.ready) {
		r, ok := m.renders.get(k)
		if !ok {
			m.gen++
			return renderCmd(m.renderer, m.art, m.gen, k, m.hl)
		}
		m.setContent(k, r)
	}
	fk := findKey{k, m.hl}
	switch l, ok := m.finds.get(fk); {
	case m.hl.none():
		m.setHighlights(fk, located{})
	case m.hlOK && m.hlHas == fk:
		if m.toMatch {
			m.toMatch, m.match = false, 0
			m.scrollToMatch()
		}
	case ok:
		m.setHighlights(fk, l)
	default:
		m.gen++
		return locateCmd(m.art, m.text, m.gen, fk)
	}
	return nil
}

// setContent shows a rendering; its highlights come with setHighlights.
func (m *Model) setContent(key renderKey, r rendered) {
	sameDoc := m.have.doc == key.doc && m.ready
	m.vp.SetContent(r.text)
	m.text, m.lines, m.quote = r.text, strings.Split(r.text, "\n"), r.quoteLines
	m.have, m.ready = key, true
	if m.hlOK && m.hlHas.render != key {
		m.setHighlights(findKey{render: key, hl: hlSpec{quote: -1}}, located{})
		m.hlOK = false
	}
	if !sameDoc {
		m.vp.GotoTop()
	}
}

// setHighlights shows the highlights of the rendering on screen, and
// indexes their runs by line for View.
func (m *Model) setHighlights(fk findKey, l located) {
	m.hlHas, m.hlOK, m.loc = fk, true, l
	m.byLine = make(map[int][]hlRun)
	m.matchLines = m.matchLines[:0]
	for i, cells := range l.cells {
		m.matchLines = append(m.matchLines, cells[0].Line)
		for _, c := range cells {
			m.byLine[c.Line] = append(m.byLine[c.Line], hlRun{col: c.Col, end: c.End, match: i})
		}
	}
	if m.match >= len(m.matchLines) {
		m.match = 0
	}
	if m.toMatch && len(m.matchLines) > 0 {
		m.match = 0
		m.scrollToMatch()
	}
	if !fk.hl.none() {
		m.toMatch = false
	}
}

// scrollToMatch brings the current match into view, a few lines from the
// top so its context shows.
func (m *Model) scrollToMatch() {
	if m.match < 0 || m.match >= len(m.matchLines) {
		return
	}
	m.vp.SetYOffset(m.matchLines[m.match] - 2)
}

// Update handles renderings and highlights as they arrive, the pane's
// keys and the wheel.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		m.renders.put(msg.key, msg.r)
		if msg.loc != nil {
			m.finds.put(msg.find, *msg.loc)
		}
		// An answer to an older request for the same rendering is as good
		// as the newest: the generation only keeps other renderings out.
		if msg.key != m.want {
			return m, nil
		}
		if !m.ready || m.have != msg.key {
			m.setContent(msg.key, msg.r)
		}
		switch fk := (findKey{msg.key, m.hl}); {
		case m.hl.none():
			m.setHighlights(fk, located{})
		case msg.loc != nil && msg.find == fk:
			m.setHighlights(fk, *msg.loc)
		default:
			return m, m.Refresh() // the highlights changed while it rendered
		}
	case locatedMsg:
		m.finds.put(msg.key, msg.loc)
		if msg.gen == m.gen && msg.key == (findKey{m.want, m.hl}) && m.ready && m.have == m.want {
			m.setHighlights(msg.key, msg.loc)
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
	case key.Matches(msg, k.HalfPageUp):
		m.vp.HalfPageUp()
	case key.Matches(msg, k.HalfPageDown):
		m.vp.HalfPageDown()
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

// CurrentQuote is what the reader is on: with a current match, the quote
// it falls in, or else its paragraph, given as a Quote over the whole
// paragraph with no speaker (Start 0, End its length, Text the
// paragraph); without one, the speech or pull quote on screen nearest the
// top, or else the one nearest the screen. It reports false when there is
// none (no article, no quotes, a match in the title).
func (m Model) CurrentQuote() (corpus.Quote, bool) {
	a := m.art
	if m.doc < 0 || a == nil {
		return corpus.Quote{}, false
	}
	if m.match >= 0 && m.match < len(m.loc.spans) {
		sp := m.loc.spans[m.match]
		if sp.Para < 0 || sp.Para >= len(a.Paragraphs) {
			return corpus.Quote{}, false
		}
		for _, q := range a.Quotes {
			if q.Kind != corpus.Term && q.Para == sp.Para && q.Start <= sp.Start && sp.End <= q.End {
				return q, true
			}
		}
		p := a.Paragraphs[sp.Para]
		return corpus.Quote{Para: sp.Para, Start: 0, End: len(p), Text: p}, true
	}
	top, bottom := m.vp.YOffset, m.vp.YOffset+max(m.vp.Height, 1)-1
	best, bestDist := -1, 0
	for i, q := range a.Quotes {
		if q.Kind == corpus.Term || i >= len(m.quote) || m.quote[i][0] < 0 {
			continue
		}
		first, last := m.quote[i][0], m.quote[i][1]
		d := 0 // on screen: by its place from the top
		switch {
		case last < top:
			d = m.vp.Height + (top - last)
		case first > bottom:
			d = m.vp.Height + (first - bottom)
		default:
			d = max(first-top, 0)
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return corpus.Quote{}, false
	}
	return a.Quotes[best], true
}

// MatchText is "3/7", "finding…" while the highlights are on their way,
// or "no matches".
func (m Model) MatchText() string {
	if len(m.matchLines) == 0 {
		if !m.ready || !m.hlOK || m.hlHas != (findKey{m.want, m.hl}) {
			return "finding…"
		}
		return "no matches"
	}
	return fmt.Sprintf("%d/%d", m.match+1, len(m.matchLines))
}

// body is the rows on screen with their highlights drawn over them: the
// current match in MatchCurrent, the others in Match.
func (m Model) body() string {
	y0 := min(max(m.vp.YOffset, 0), len(m.lines))
	y1 := min(y0+m.vp.Height, len(m.lines))
	rows := make([]string, 0, y1-y0)
	for y := y0; y < y1; y++ {
		l := m.lines[y]
		if hs := m.byLine[y]; len(hs) > 0 {
			runs := make([]ui.CellRun, len(hs))
			for i, h := range hs {
				st := m.styles.Match
				if h.match == m.match {
					st = m.styles.MatchCurrent
				}
				runs[i] = ui.CellRun{Col: h.col, End: h.end, Style: st}
			}
			l = ui.Overlay(l, runs)
		}
		rows = append(rows, l)
	}
	return strings.Join(rows, "\n")
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
		body = m.body()
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
