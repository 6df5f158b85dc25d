// Package facets is the facet picker: the corpus's sources, speakers and
// tags with the number of articles of each, one kind at a time (tab
// switches), filtered fuzzily with `/`. Enter picks a value; the root adds
// it to the search as an operator (source:Interfax), so a facet combines
// with the words, the other facets and the timeline filter the way the
// query language does, and the status line shows it.
//
// Upward it sends PickedMsg and ClosedMsg. The root keeps it current with
// SetArticles.
package facets

import (
	"sort"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"dossier/model/common"
	"dossier/ui"
)

// PickedMsg says a value was picked: Op is the operator ("source",
// "speaker" or "tag").
type PickedMsg struct{ Op, Value string }

// ClosedMsg says esc was pressed with nothing left to undo.
type ClosedMsg struct{}

// kinds are the facets, in tab order, by their operator.
var kinds = []string{"source", "speaker", "tag"}

type value struct {
	name string
	n    int // articles
}

// KeyMap is the keys the picker answers to.
type KeyMap struct {
	Up, Down, Next, Pick, Back, Filter key.Binding
	// While the filter is typed in: keep it, or drop it.
	AcceptFilter, CancelFilter key.Binding
}

// DefaultKeyMap returns the picker's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:     b([]string{"k", "up"}, "↑/k", "up"),
		Down:   b([]string{"j", "down"}, "↓/j", "down"),
		Next:   b([]string{"tab"}, "tab", "source/speaker/tag"),
		Pick:   b([]string{"enter"}, "enter", "search by it"),
		Back:   b([]string{"esc"}, "esc", "back"),
		Filter: b([]string{"/"}, "/", "filter"),

		AcceptFilter: b([]string{"enter"}, "enter", "keep the filter"),
		CancelFilter: b([]string{"esc"}, "esc", "drop the filter"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Filter, k.Pick, k.Back} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Next, k.Filter, k.Pick, k.Back}}
}

// Model is the facet picker.
type Model struct {
	keys   KeyMap
	styles ui.Styles

	values    [3][]value // per kind, most articles first
	names     [3]common.NameFilter
	kind      int
	input     textinput.Model
	filtering bool
	rows      []int
	pos       [][]int
	cursor    int
	offset    int

	w, h    int
	focused bool
}

// New returns an empty picker.
func New(keys KeyMap, st ui.Styles) Model {
	ti := textinput.New()
	ti.Prompt = "/ "
	return Model{keys: keys, styles: st, input: ti}
}

// SetSize sets the pane's box.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = max(w, 0), max(h, 0)
	m.clamp()
}

// Focus gives the picker the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false; m.input.Blur() }

// Filtering reports whether the filter line has the keyboard.
func (m Model) Filtering() bool { return m.filtering }

// Kind is the facet shown: "source", "speaker" or "tag".
func (m Model) Kind() string { return kinds[m.kind] }

// SetArticles counts the articles of every source, speaker and tag;
// people are arts' speakers (search.People), counted once by the caller
// for the quotes explorer too.
func (m *Model) SetArticles(arts []corpus.Article, people []search.Person) {
	count := func(m map[string]int) []value {
		out := make([]value, 0, len(m))
		for k, n := range m {
			out = append(out, value{k, n})
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].n != out[j].n {
				return out[i].n > out[j].n
			}
			return out[i].name < out[j].name
		})
		return out
	}
	src, tag := map[string]int{}, map[string]int{}
	for i := range arts {
		if s := arts[i].Source; s != "" {
			src[s]++
		}
		for _, t := range arts[i].Tags {
			tag[t]++
		}
	}
	spk := map[string]int{}
	for _, p := range people {
		docs := map[int]bool{}
		for _, r := range p.Quotes {
			docs[r.Doc] = true
		}
		spk[p.Name] = len(docs)
	}
	m.values = [3][]value{count(src), count(spk), count(tag)}
	for k, vals := range m.values {
		m.names[k] = common.NewNameFilter(len(vals), func(i int) []string { return []string{vals[i].name} })
	}
	m.refilter()
}

func (m *Model) refilter() {
	vals := m.values[m.kind]
	m.rows, m.pos = m.rows[:0], m.pos[:0]
	if q := m.input.Value(); q != "" {
		m.rows, m.pos = m.names[m.kind].Filter(q)
	} else {
		for i := range vals {
			m.rows, m.pos = append(m.rows, i), append(m.pos, nil)
		}
	}
	m.clamp()
}

func (m *Model) clamp() {
	_, ih := ui.PaneInner(m.w, m.h)
	page := max(ih-1, 1)
	m.cursor = min(max(m.cursor, 0), max(len(m.rows)-1, 0))
	m.offset = min(max(m.offset, m.cursor-page+1), m.cursor)
	m.offset = max(m.offset, 0)
}

// Update handles the picker's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.filtering {
		switch cancel := key.Matches(k, m.keys.CancelFilter); {
		case cancel || key.Matches(k, m.keys.AcceptFilter):
			m.filtering = false
			m.input.Blur()
			if cancel {
				m.input.SetValue("")
				m.refilter()
			}
			return m, nil
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		if v := m.input.Value(); parse.SanitizeLine(v) != v {
			m.input.SetValue(parse.SanitizeLine(v))
		}
		m.refilter()
		return m, common.Later(cmd)
	}
	keys := m.keys
	switch {
	case key.Matches(k, keys.Up):
		m.cursor--
		m.clamp()
	case key.Matches(k, keys.Down):
		m.cursor++
		m.clamp()
	case key.Matches(k, keys.Next):
		m.kind = (m.kind + 1) % len(kinds)
		m.cursor, m.offset = 0, 0
		m.refilter()
	case key.Matches(k, keys.Filter):
		m.filtering = true
		return m, common.Later(m.input.Focus())
	case key.Matches(k, keys.Pick):
		if m.cursor < len(m.rows) {
			return m, common.Emit(PickedMsg{Op: kinds[m.kind], Value: m.values[m.kind][m.rows[m.cursor]].name})
		}
	case key.Matches(k, keys.Back):
		if m.input.Value() != "" {
			m.input.SetValue("")
			m.refilter()
			return m, nil
		}
		return m, common.Emit(ClosedMsg{})
	}
	return m, nil
}

// View draws the values of the facet shown.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	iw, ih := ui.PaneInner(m.w, m.h)
	tabs := ""
	for i, k := range kinds {
		if i == m.kind {
			tabs += "[" + k + "] "
		} else {
			tabs += " " + k + "  "
		}
	}
	head := tabs
	if m.filtering || m.input.Value() != "" {
		head = m.input.View()
	}
	v := ui.SpeakersView{Offset: m.offset, Cursor: m.cursor, Focused: m.focused, Empty: "no " + kinds[m.kind] + "s in this corpus"}
	if q := m.input.Value(); q != "" {
		v.Empty = "no " + kinds[m.kind] + " matches “" + parse.SanitizeLine(q) + "”"
	}
	vals := m.values[m.kind]
	for i, r := range m.rows {
		v.Rows = append(v.Rows, ui.SpeakerRow{Name: vals[r].name, Count: vals[r].n, Pos: m.pos[i]})
	}
	body := ui.Fit(head, iw, 1) + "\n" + ui.RenderSpeakers(v, m.styles, iw, max(ih-1, 0))
	return ui.Pane(m.styles, "Facets · "+common.Count(len(m.rows), kinds[m.kind]), body, m.w, m.h, m.focused)
}
