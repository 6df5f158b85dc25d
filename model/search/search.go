// Package search is the search line and the corpus search behind it. From
// the list and the timeline it searches the corpus through the index it
// builds off the UI's path; from the article pane it finds in the open
// article, which the root does by rendering it with the query highlighted.
// Each corpus search is stamped with a generation, so a late answer to "ky"
// never replaces the hits for "kyr".
//
// Upward it sends QueryChangedMsg on every edit, HitsChangedMsg when a
// corpus search answers, ClearedMsg when esc leaves the corpus search,
// FindClosedMsg when esc leaves an in-article find, SubmittedMsg for enter
// and BrowsedMsg for the arrows (they walk the hits while typing).
package search

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/parse"
	csearch "dossier/corpus/search"
	"dossier/model/common"
	"dossier/ui"
)

// QueryChangedMsg says the text in the line changed. InArticle is true
// for an in-article find. Seq counts the edits: commands deliver their
// messages in no fixed order, so the root drops one overtaken by a newer.
type QueryChangedMsg struct {
	Query     string
	InArticle bool
	Seq       int
}

// HitsChangedMsg carries the hits of a corpus search for Query, ranked.
type HitsChangedMsg struct {
	Query string
	Hits  []csearch.Hit
}

// ClearedMsg says the corpus search was left: the list shows every article
// again.
type ClearedMsg struct{}

// FindClosedMsg says the in-article find was left.
type FindClosedMsg struct{}

// SubmittedMsg says enter was pressed on a corpus search.
type SubmittedMsg struct{ Query string }

// BrowsedMsg says an arrow walked the hits by Delta rows.
type BrowsedMsg struct{ Delta int }

// DoneMsg is a corpus search's answer: the hits for Query, for the search
// stamped Gen. The line drops it when a newer search has been started.
type DoneMsg struct {
	Gen        int
	Query      string
	Understood string // Query as the parser read it
	Hits       []csearch.Hit
}

// indexedMsg carries the search index over the first n articles, built
// for the corpus generation gen (see Reindex).
type indexedMsg struct {
	ix     *csearch.Index
	n, gen int
}

// Limit caps the hits a corpus search returns: more than a reader scrolls
// through, few enough that ranking and drawing stay cheap.
const Limit = 1000

// detailHits is how many hits a search gives snippets at once: more than
// a screen shows; Detail fills the others as the list reaches them.
const detailHits = 24

// Detail fills the snippets of hits[from:to], which the search left
// out: the hits the list shows, as it reaches them.
func (m Model) Detail(hits []csearch.Hit, from, to int) {
	if m.index != nil {
		m.index.Detail(hits, from, to)
	}
}

// Model is the search line.
type Model struct {
	keys   KeyMap
	input  textinput.Model
	width  int
	active bool // the line has the keyboard
	inDoc  bool // finding in the open article, not searching the corpus

	index   *csearch.Index
	ixN     int           // articles the index covers
	ixGen   int           // the corpus generation: Reindex starts a new one
	gen     int           // stamps each corpus search; older answers are dropped
	query   string        // the query whose hits are shown
	hits    []csearch.Hit // nil when the list is not showing hits
	pending bool          // a query waits for the index
	edits   int           // stamps each QueryChangedMsg
	// understood is how the shown query was read (Query.String); bad is
	// why the line's text is not a query, "" when it is one.
	understood, bad string
}

// New returns a closed search line.
func New(keys KeyMap) Model {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "search"
	ti.CharLimit = 200
	// A static cursor: no blink timer ticking through every frame, and
	// views that golden files can pin.
	ti.Cursor.SetMode(cursor.CursorStatic)
	return Model{keys: keys, input: ti}
}

// SetSize sets the line's width; it takes one row.
func (m *Model) SetSize(w, _ int) {
	m.width = max(w, 0)
	m.input.Width = max(m.width-len(m.input.Prompt)-2, 1)
}

// Index returns the command that builds the index over arts, off the UI's
// path.
func (m Model) Index(arts []corpus.Article) tea.Cmd {
	gen := m.ixGen
	return func() tea.Msg { return indexedMsg{ix: csearch.NewIndex(arts), n: len(arts), gen: gen} }
}

// Reindex drops the index for one over arts, which replace the articles
// it covered (a live folder changed, a load finished): the hits shown keep
// their articles through remap (an old index to the new one, -1 for an
// article gone) and the query runs again once the new index is in. ix,
// when not nil, is that index already built (a cached one).
func (m *Model) Reindex(arts []corpus.Article, remap func(int) int, ix *csearch.Index) tea.Cmd {
	m.index, m.ixN = nil, 0
	m.ixGen++
	if m.hits != nil {
		kept := m.hits[:0:0]
		for _, h := range m.hits {
			if h.Doc = remap(h.Doc); h.Doc >= 0 {
				kept = append(kept, h)
			}
		}
		m.hits, m.pending = kept, !m.inDoc
	}
	if ix != nil {
		return m.take(ix, len(arts))
	}
	return m.Index(arts)
}

// take puts index ix over the first n articles in use, and runs the
// query that waited for it.
func (m *Model) take(ix *csearch.Index, n int) tea.Cmd {
	m.index, m.ixN = ix, n
	if m.pending {
		m.pending = false
		return m.run()
	}
	return nil
}

// Indexed reports whether the index has been built.
func (m Model) Indexed() bool { return m.index != nil }

// Active reports whether the line has the keyboard.
func (m Model) Active() bool { return m.active }

// InArticle reports whether the line finds in the open article.
func (m Model) InArticle() bool { return m.inDoc }

// Showing reports whether the line takes a row on screen.
func (m Model) Showing() bool { return m.active || m.hits != nil }

// Query is the query whose hits are shown.
func (m Model) Query() string { return m.query }

// Hits are the hits shown, nil when the list is not showing hits.
func (m Model) Hits() []csearch.Hit { return m.hits }

// Value is the text in the line.
func (m Model) Value() string { return m.input.Value() }

// OpenCorpus gives the line the keyboard to search the corpus, starting
// from the query shown.
func (m *Model) OpenCorpus() tea.Cmd {
	m.inDoc = false
	return m.open("/", m.query)
}

// OpenFind gives the line the keyboard to find in the open article,
// starting from value.
func (m *Model) OpenFind(value string) tea.Cmd {
	m.inDoc = true
	return m.open("find in article: ", value)
}

func (m *Model) open(prompt, value string) tea.Cmd {
	m.active = true
	m.input.Prompt = prompt
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.SetSize(m.width, 1)
	return m.input.Focus()
}

// Clear leaves the corpus search: answers still in flight are stale now.
func (m *Model) Clear() {
	m.gen++
	m.active, m.pending = false, false
	m.query, m.hits = "", nil
	m.understood, m.bad = "", ""
	m.input.Blur()
	m.input.SetValue("")
}

// AddOperator puts op:value at the end of the query and searches: how a
// facet picked from a list narrows the search. A value with spaces is
// quoted.
func (m *Model) AddOperator(op, value string) tea.Cmd {
	value = strings.ReplaceAll(value, `"`, "")
	if strings.ContainsAny(value, " \t") {
		value = `"` + value + `"`
	}
	q := strings.TrimSpace(m.input.Value())
	if q == "" {
		q = m.query
	}
	m.inDoc = false
	m.input.Prompt = "/"
	m.input.SetValue(strings.TrimSpace(q+" "+op+":"+value) + " ")
	m.input.CursorEnd()
	return m.run()
}

// Status is what the status line says of the corpus search: "indexing…"
// while a query waits for the index, "3 hits for "kyr"" while hits are
// shown, else "".
func (m Model) Status() string {
	switch {
	case m.bad != "" && !m.inDoc:
		return "query: " + m.bad
	case m.pending || (m.active && !m.inDoc && m.index == nil && m.input.Value() != ""):
		return "indexing…"
	case m.hits != nil:
		n := fmt.Sprint(len(m.hits))
		if len(m.hits) >= Limit {
			n = fmt.Sprintf("best %d", Limit) // the index stopped counting there
		}
		unit := "hits"
		if len(m.hits) == 1 {
			unit = "hit"
		}
		if m.understood != "" && m.understood != m.query {
			return fmt.Sprintf("%s %s for %s", n, unit, m.understood)
		}
		return fmt.Sprintf("%s %s for %q", n, unit, m.query)
	}
	return ""
}

// Update handles the index and the answers as they arrive, and the keys
// while the line is active.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case indexedMsg:
		if msg.gen != m.ixGen || msg.n < m.ixN {
			return m, nil
		}
		return m, m.take(msg.ix, msg.n)
	case DoneMsg:
		if msg.Gen != m.gen || m.inDoc {
			return m, nil // a newer query has been typed since
		}
		if msg.Hits == nil {
			msg.Hits = []csearch.Hit{}
		}
		m.query, m.hits, m.understood = msg.Query, msg.Hits, msg.Understood
		return m, common.Emit(HitsChangedMsg{Query: msg.Query, Hits: msg.Hits})
	case tea.KeyMsg:
		if m.active {
			return m.updateKey(msg)
		}
	default:
		if m.active {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, common.Later(cmd)
		}
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Cancel):
		if m.inDoc {
			m.active, m.inDoc = false, false
			m.input.Blur()
			return m, common.Emit(FindClosedMsg{})
		}
		m.Clear()
		return m, common.Emit(ClearedMsg{})
	case key.Matches(msg, k.Submit):
		m.active = false
		m.input.Blur()
		if m.inDoc {
			m.inDoc = false
			return m, nil
		}
		return m, common.Emit(SubmittedMsg{Query: m.query})
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		if m.inDoc {
			return m, nil
		}
		d := 1
		if key.Matches(msg, k.Up) {
			d = -1
		}
		return m, common.Emit(BrowsedMsg{Delta: d})
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); parse.SanitizeLine(v) != v {
		// Typed or pasted bidi and invisible characters never echo:
		// the line is cleaned as every other text on screen.
		m.input.SetValue(parse.SanitizeLine(v))
	}
	if m.input.Value() != before {
		return m, tea.Batch(common.Later(cmd), m.run())
	}
	return m, common.Later(cmd)
}

// run searches for the line's text: the corpus in a command, or the open
// article, by telling the root the query changed.
func (m *Model) run() tea.Cmd {
	q := strings.TrimSpace(m.input.Value())
	m.edits++
	changed := common.Emit(QueryChangedMsg{Query: q, InArticle: m.inDoc, Seq: m.edits})
	if m.inDoc {
		return changed
	}
	m.gen++
	m.bad = ""
	if q == "" {
		m.query, m.hits = "", nil
		return changed
	}
	pq, err := csearch.ParseQuery(q)
	if err != nil {
		// A bad operator says so on the status line; the hits of the
		// last good query stay on screen rather than an empty list.
		m.bad = err.Error()
		return changed
	}
	if m.index == nil {
		m.pending = true
		return changed
	}
	ix, gen := m.index, m.gen
	return tea.Batch(changed, common.Later(func() tea.Msg {
		pq.Detail = detailHits
		return DoneMsg{Gen: gen, Query: q, Understood: pq.String(), Hits: ix.Run(pq, Limit)}
	}))
}

// View draws the line, one row of the width set.
func (m Model) View() string { return ui.Fit(m.input.View(), m.width, 1) }
