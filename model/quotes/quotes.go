// Package quotes is the quotes explorer: who said what across the corpus.
// It lists every speaker (one person across the spellings of a name, see
// search.People) with the number of their quotes and a sparkline of when
// they were quoted; `/` filters the speakers fuzzily (sahilm/fuzzy);
// enter shows one speaker's quotes in date order with their citations,
// and enter on a quote asks for the article at that quote.
//
// Upward it sends OpenedMsg (enter on a quote) and ClosedMsg (esc with
// nothing left to go back from). The root keeps it current with
// SetArticles and SetScope: the timeline filter and the search narrow
// the explorer as they narrow the list.
package quotes

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"dossier/model/common"
	"dossier/ui"
)

// OpenedMsg asks for article Doc, scrolled to its quote number Quote.
type OpenedMsg struct{ Doc, Quote int }

// ClosedMsg says esc was pressed on the list of speakers.
type ClosedMsg struct{}

// Model is the quotes explorer.
type Model struct {
	keys   KeyMap
	styles ui.Styles

	arts   []corpus.Article
	tl     corpus.Timeline
	all    []search.Person   // every speaker of the corpus
	scope  []bool            // the articles in scope, nil for all
	people []search.Person   // the speakers in scope, their quotes in scope
	names  common.NameFilter // the filter over their names
	// allNames is the filter over every speaker's names, built once per
	// corpus: a rescope takes the part it shows.
	allNames common.NameFilter

	input     textinput.Model
	filtering bool
	rows      []int   // indexes into people, after the filter
	pos       [][]int // matched positions of each row's name

	cursor, offset   int
	person           int // index into people whose quotes are shown; -1 for the speakers
	qcursor, qoffset int

	w, h    int
	focused bool
	reading bool // the corpus's quotes are still being read
}

// New returns an empty explorer.
func New(keys KeyMap, st ui.Styles) Model {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "speaker"
	return Model{keys: keys, styles: st, input: ti, person: -1}
}

// SetReading says whether the corpus's quotes are still being read (it
// is loading; a first open lists a folder before it reads them): an
// explorer with no speakers yet says so rather than that there are none.
func (m *Model) SetReading(on bool) { m.reading = on }

// SetSize sets the pane's box.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = max(w, 0), max(h, 0)
	m.input.Width = max(m.w-8, 1)
	m.clamp()
}

// Focus gives the explorer the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false; m.input.Blur() }

// SetArticles takes the corpus, its timeline and its speakers
// (search.People).
func (m *Model) SetArticles(arts []corpus.Article, tl corpus.Timeline, people []search.Person) {
	m.arts, m.tl = arts, tl
	m.all = people
	m.allNames = common.NewNameFilter(len(people), func(i int) []string { return people[i].Spellings })
	m.rescope()
}

// SetScope narrows the explorer to the articles docs (indexes into the
// articles), as the list shows them; nil shows every article.
func (m *Model) SetScope(docs []int) {
	if docs == nil {
		m.scope = nil
	} else {
		m.scope = make([]bool, len(m.arts))
		for _, d := range docs {
			if d >= 0 && d < len(m.scope) {
				m.scope[d] = true
			}
		}
	}
	m.rescope()
}

// rescope keeps the quotes in scope, and the people who still have any.
func (m *Model) rescope() {
	name := ""
	if m.person >= 0 && m.person < len(m.people) {
		name = m.people[m.person].Name
	}
	m.people = m.people[:0:0]
	var keep []int // the people shown, by their place in m.all
	for i, p := range m.all {
		if m.scope != nil {
			var qs []search.QuoteRef
			for _, r := range p.Quotes {
				if r.Doc < len(m.scope) && m.scope[r.Doc] {
					qs = append(qs, r)
				}
			}
			if len(qs) == 0 {
				continue
			}
			p.Quotes = qs
		}
		m.people, keep = append(m.people, p), append(keep, i)
	}
	if m.scope != nil {
		// Most quoted first in what is shown, as the counts drawn say.
		order := make([]int, len(m.people))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return len(m.people[b].Quotes) - len(m.people[a].Quotes) })
		people := make([]search.Person, len(order))
		for i, o := range order {
			people[i], order[i] = m.people[o], keep[o]
		}
		m.people, keep = people, order
	}
	m.names = m.allNames.Subset(keep)
	m.person = -1
	for i, p := range m.people {
		if name != "" && p.Name == name {
			m.person = i
		}
	}
	m.refilter()
}

// refilter applies the typed filter to the speakers.
func (m *Model) refilter() {
	q := m.input.Value()
	m.rows, m.pos = m.rows[:0], m.pos[:0]
	if q == "" {
		for i := range m.people {
			m.rows = append(m.rows, i)
			m.pos = append(m.pos, nil)
		}
	} else {
		// A filter that spells the start of one of a name's words ("iman"
		// for Marat Imankulov) finds that person first, the most quoted
		// first, as the list without a filter has them; looser fuzzy
		// matches follow in their own order.
		rows, pos := m.names.Filter(q)
		m.rows, m.pos = append(m.rows, rows...), append(m.pos, pos...)
	}
	m.clamp()
}

// Speakers is the number of speakers shown.
func (m Model) Speakers() int { return len(m.rows) }

// Person is the speaker whose quotes are shown, "" on the list of speakers.
func (m Model) Person() string {
	if m.person < 0 {
		return ""
	}
	return m.people[m.person].Name
}

// Filtering reports whether the speaker filter has the keyboard: the root
// must then send it every key, q included.
func (m Model) Filtering() bool { return m.filtering }

// Update handles the explorer's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.filtering {
		switch keys := m.keys; {
		case key.Matches(k, keys.AcceptFilter):
			m.filtering = false
			m.input.Blur()
			return m, nil
		case key.Matches(k, keys.CancelFilter):
			m.filtering = false
			m.input.Blur()
			m.input.SetValue("")
			m.refilter()
			return m, nil
		case key.Matches(k, keys.FilterUp):
			m.move(-1)
			return m, nil
		case key.Matches(k, keys.FilterDown):
			m.move(1)
			return m, nil
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		if v := m.input.Value(); parse.SanitizeLine(v) != v {
			m.input.SetValue(parse.SanitizeLine(v)) // typed or pasted controls never echo
		}
		m.refilter()
		return m, common.Later(cmd)
	}
	keys := m.keys
	switch {
	case key.Matches(k, keys.Up):
		m.move(-1)
	case key.Matches(k, keys.Down):
		m.move(1)
	case key.Matches(k, keys.PageUp):
		m.move(-m.page())
	case key.Matches(k, keys.PageDown):
		m.move(m.page())
	case key.Matches(k, keys.Top):
		m.move(-1 << 30)
	case key.Matches(k, keys.Bottom):
		m.move(1 << 30)
	case key.Matches(k, keys.Filter) && m.person < 0:
		m.filtering = true
		return m, common.Later(m.input.Focus())
	case key.Matches(k, keys.Open):
		if m.person < 0 {
			if m.cursor < len(m.rows) {
				m.person, m.qcursor, m.qoffset = m.rows[m.cursor], 0, 0
			}
			return m, nil
		}
		p := m.people[m.person]
		if m.qcursor < len(p.Quotes) {
			r := p.Quotes[m.qcursor]
			return m, common.Emit(OpenedMsg{Doc: r.Doc, Quote: r.Quote})
		}
	case key.Matches(k, keys.Back):
		switch {
		case m.person >= 0:
			m.person = -1
		case m.input.Value() != "":
			m.input.SetValue("")
			m.refilter()
		default:
			return m, common.Emit(ClosedMsg{})
		}
	}
	return m, nil
}

// inner is the pane's drawing area and the rows of the list in it.
func (m Model) inner() (w, h int) {
	iw, ih := ui.PaneInner(m.w, m.h)
	if m.filtering || m.input.Value() != "" {
		ih-- // the filter line
	}
	return iw, max(ih, 0)
}

// page is a screenful of items.
func (m Model) page() int {
	_, h := m.inner()
	if m.person >= 0 {
		h /= ui.QuoteItemHeight
	}
	return max(h, 1)
}

// move moves the cursor of the list shown by d items and scrolls to it.
func (m *Model) move(d int) {
	if m.person >= 0 {
		m.qcursor += d
	} else {
		m.cursor += d
	}
	m.clamp()
}

func (m *Model) clamp() {
	n := len(m.rows)
	if m.person >= 0 {
		n = len(m.people[m.person].Quotes)
	}
	page := m.page()
	cur, off := &m.cursor, &m.offset
	if m.person >= 0 {
		cur, off = &m.qcursor, &m.qoffset
	}
	*cur = min(max(*cur, 0), max(n-1, 0))
	if *cur < *off {
		*off = *cur
	}
	if *cur >= *off+page {
		*off = *cur - page + 1
	}
	*off = min(max(*off, 0), max(n-page, 0))
}

// spark counts p's quotes per month of the timeline.
func (m Model) spark(p search.Person) []int {
	if !m.tl.Dated() {
		return nil
	}
	counts := make([]int, m.tl.Len())
	for _, r := range p.Quotes {
		if mi := m.arts[r.Doc].Date.MonthIndex(); mi >= m.tl.First && mi <= m.tl.Last {
			counts[mi-m.tl.First]++
		}
	}
	return counts
}

// View draws the speakers or one speaker's quotes in a pane.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	iw, ih := m.inner()
	var body, title string
	if m.person < 0 {
		title = "Who said what · " + common.Count(len(m.rows), "speaker")
		v := ui.SpeakersView{Offset: m.offset, Cursor: m.cursor, Focused: m.focused, Empty: "no attributed quotes here"}
		if m.reading && len(m.all) == 0 {
			// None counted yet is not none: the title waits for them.
			title, v.Empty = "Who said what", "reading the quotes…"
		}
		if q := m.input.Value(); q != "" {
			v.Empty = "no speaker matches “" + parse.SanitizeLine(q) + "”"
		}
		for i, r := range m.rows {
			p := m.people[r]
			v.Rows = append(v.Rows, ui.SpeakerRow{Name: p.Name, Count: len(p.Quotes), Spark: m.spark(p), Pos: m.pos[i]})
		}
		body = ui.RenderSpeakers(v, m.styles, iw, ih)
		if m.filtering || m.input.Value() != "" {
			body = ui.Fit(m.input.View(), iw, 1) + "\n" + body
		}
	} else {
		p := m.people[m.person]
		title = fmt.Sprintf("%s · %d quotes", p.Name, len(p.Quotes))
		v := ui.QuotesView{Offset: m.qoffset, Cursor: m.qcursor, Focused: m.focused}
		for _, r := range p.Quotes {
			a := &m.arts[r.Doc]
			v.Rows = append(v.Rows, ui.QuoteRow{Text: a.Quotes[r.Quote].Text, Date: a.Date.Truncate(corpus.PrecDay).Text(), Source: a.Source, Title: a.Title})
		}
		body = ui.RenderQuotes(v, m.styles, iw, ih)
	}
	return ui.Pane(m.styles, title, body, m.w, m.h, m.focused)
}
