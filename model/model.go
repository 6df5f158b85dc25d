// Package model is dossier's Bubble Tea model: state, Init/Update, the key
// map, focus, messages and commands. Drawing is left to package ui.
package model

import (
	"dossier/corpus/search"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/model/store"
	"dossier/ui"
)

// Focus is the pane that receives keys.
type Focus int

// The panes, in tab order.
const (
	FocusList Focus = iota
	FocusArticle
	FocusTimeline
)

// String names the pane, for tests and messages.
func (f Focus) String() string {
	switch f {
	case FocusArticle:
		return "article"
	case FocusTimeline:
		return "timeline"
	}
	return "list"
}

// Options configure New.
type Options struct {
	// Articles is the corpus, when it is already in memory.
	Articles []corpus.Article
	// Loading says the articles will arrive as BatchLoaded messages
	// followed by LoadDone.
	Loading bool
	Theme   ui.Theme
	// ASCII draws marks and borders from ASCII only.
	ASCII bool
	// Source names the corpus in the status line: "embedded corpus" or a path.
	Source string
	// KeyMap overrides DefaultKeyMap when not nil.
	KeyMap *KeyMap
	// State holds read marks and bookmarks; nil turns them off. StateKey
	// names this corpus in it, Saver writes it, and StateErr is what went
	// wrong reading it, for the status line.
	State    *store.State
	StateKey string
	Saver    *store.Saver
	StateErr error
}

// Model is the reader. It owns one small model per pane and the state they
// share: the articles, the index, the window size and the focus. Update
// handles global keys and the window size itself and routes the rest to
// the focused pane.
type Model struct {
	theme  ui.Theme
	styles ui.Styles
	keys   KeyMap
	help   help.Model
	source string

	arts  []corpus.Article
	index *search.Index
	ixN   int // articles the index covers

	list     listModel
	detail   detailModel
	timeline timelineModel
	search   searchModel
	cache    renderCache

	focus         Focus
	width, height int
	lay           layout
	showHelp      bool

	loading bool
	skipped int
	err     error
	note    string // a one-off message for the status line

	sourceW int // the widest source, for the list's source column

	marks         *store.Marks // this corpus's, nil when state is off
	saver         *store.Saver
	stateKey      string
	saveGen       int
	bookmarksOnly bool
}

// New builds the reader.
func New(opts Options) Model {
	th := opts.Theme
	if th.Name == "" {
		th = ui.DarkTheme()
	}
	st := ui.NewStyles(th)
	st.ASCII = opts.ASCII
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = st.HelpKey, st.HelpKey
	h.Styles.ShortDesc, h.Styles.FullDesc = st.HelpDesc, st.HelpDesc
	h.Styles.ShortSeparator, h.Styles.FullSeparator = st.HelpSep, st.HelpSep
	m := Model{
		theme: th, styles: st, help: h,
		keys:     DefaultKeyMap(),
		source:   opts.Source,
		detail:   newDetail(),
		search:   newSearch(),
		loading:  opts.Loading,
		timeline: timelineModel{cursor: -1},
	}
	if opts.KeyMap != nil {
		m.keys = *opts.KeyMap
	}
	if m.source == "" {
		m.source = "corpus"
	}
	if opts.State != nil {
		m.marks, m.saver = opts.State.For(opts.StateKey), opts.Saver
		m.stateKey = opts.StateKey
	}
	if opts.StateErr != nil {
		m.note = opts.StateErr.Error()
	}
	m.addArticles(opts.Articles)
	return m
}

// Init builds the search index off the UI path when the corpus is already
// in memory.
func (m Model) Init() tea.Cmd {
	if !m.loading && len(m.arts) > 0 {
		return buildIndexCmd(m.arts)
	}
	return nil
}

// addArticles takes in a batch: the date order, the timeline and the
// visible list are updated incrementally, keeping the selection.
func (m *Model) addArticles(batch []corpus.Article) {
	if len(batch) == 0 {
		return
	}
	keep := m.list.selected()
	if !m.list.touched {
		// Until the reader moves, the list stays at its top as newer
		// articles stream in above the first ones loaded.
		keep = -1
		m.list.cursor, m.list.offset = 0, 0
	}
	from := len(m.arts)
	m.arts = append(m.arts, batch...)
	if from == 0 {
		m.timeline.tl = corpus.NewTimeline(m.arts)
	} else {
		for i := from; i < len(m.arts); i++ {
			m.timeline.tl.Add(&m.arts[i])
		}
	}
	for i := from; i < len(m.arts); i++ {
		m.sourceW = max(m.sourceW, ansi.StringWidth(m.arts[i].Source))
	}
	m.list.addArticles(m.arts, from)
	m.refreshList(keep)
}

// refreshList recomputes the visible order from the sort, the timeline
// filter and the search hits, keeping article keep selected if it is
// still shown.
func (m *Model) refreshList(keep int) {
	l := &m.list
	switch {
	case m.search.hits != nil:
		l.order, l.hits = l.order[:0:0], m.search.hits[:0:0]
		for _, h := range m.search.hits {
			if h.Doc >= 0 && h.Doc < len(m.arts) && m.timeline.keep(&m.arts[h.Doc]) && m.keepBookmarked(h.Doc) {
				l.order = append(l.order, h.Doc)
				l.hits = append(l.hits, h)
			}
		}
	case m.timeline.filter != filterNone || m.bookmarksOnly:
		l.hits = nil
		base := l.base(m.arts)
		l.order = make([]int, 0, 64)
		for _, d := range base {
			if m.timeline.keep(&m.arts[d]) && m.keepBookmarked(d) {
				l.order = append(l.order, d)
			}
		}
	default:
		l.hits = nil
		l.order = l.base(m.arts)
	}
	if !l.selectDoc(keep) {
		l.moveTo(l.cursor)
	}
}

// selectionChanged follows the list's cursor in the article pane, when the
// pane is on screen.
func (m *Model) selectionChanged() tea.Cmd {
	d := m.list.selected()
	if d < 0 {
		// An empty list (a filter, bookmarks only) shows no article, not
		// the last one it held.
		m.detail.doc = -1
		return nil
	}
	if !m.lay.wide && m.focus != FocusArticle {
		return nil
	}
	return m.open(d, m.hlQuery(), false)
}

// hlQuery is the highlight an article opened from the list gets: the
// corpus search's query while its hits are shown.
func (m *Model) hlQuery() string {
	if m.search.hits != nil && !m.search.inDoc {
		return m.search.query
	}
	return ""
}

// open shows article doc in the article pane, highlighting query; toMatch
// scrolls to the first match once it is rendered.
func (m *Model) open(doc int, query string, toMatch bool) tea.Cmd {
	d := &m.detail
	if doc != d.doc {
		d.match = 0
		d.find = false
	}
	d.doc, d.query, d.toMatch = doc, query, toMatch
	return m.requestRender()
}

// requestRender asks for the rendering the article pane needs: from the
// cache at once, or from a command whose answer is stamped with a new
// generation.
func (m *Model) requestRender() tea.Cmd {
	d := &m.detail
	if d.doc < 0 || d.doc >= len(m.arts) || d.vp.Width <= 0 {
		return nil
	}
	k := renderKey{doc: d.doc, id: m.arts[d.doc].ID, width: d.vp.Width, theme: m.theme.Name, query: d.query}
	if k == d.have && d.ready {
		if d.toMatch {
			d.toMatch = false
			d.match = 0
			d.scrollToMatch()
		}
		d.want = k
		return nil
	}
	d.want = k
	if r, ok := m.cache.get(k); ok {
		d.setContent(m.arts, k, r)
		return nil
	}
	d.gen++
	return renderCmd(&m.arts[d.doc], d.gen, k, m.theme)
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	cmd2 := m.relayout()
	cmd3 := m.markRead() // before m is copied out
	return m, tea.Batch(cmd, cmd2, cmd3)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		return nil
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		return m.updateMouse(msg)
	case articleRenderedMsg:
		m.cache.put(msg.key, rendered{text: msg.text, spans: msg.spans})
		if msg.gen == m.detail.gen && msg.key == m.detail.want {
			m.detail.setContent(m.arts, msg.key, rendered{text: msg.text, spans: msg.spans})
		}
		return nil
	case searchDoneMsg:
		if msg.gen != m.search.gen || m.search.inDoc {
			return nil // a newer query has been typed since
		}
		return m.showHits(msg.query, msg.hits)
	case indexBuiltMsg:
		if msg.n < m.ixN {
			return nil
		}
		m.index, m.ixN = msg.ix, msg.n
		if m.search.pending {
			m.search.pending = false
			return m.runSearch()
		}
		return nil
	case batchLoadedMsg:
		m.addArticles(msg.arts)
		if m.detail.doc < 0 || (!m.list.touched && m.list.selected() != m.detail.doc) {
			return m.selectionChanged()
		}
		return nil
	case stateSavedMsg:
		if msg.err != nil {
			m.note = msg.err.Error()
		}
		return nil
	case loadDoneMsg:
		m.loading = false
		m.skipped += len(msg.skipped)
		if msg.err != nil {
			m.err = msg.err
		}
		if len(m.arts) > 0 {
			return buildIndexCmd(m.arts)
		}
		return nil
	}
	if m.search.active {
		var cmd tea.Cmd
		m.search.input, cmd = m.search.input.Update(msg)
		return cmd
	}
	return nil
}

// showHits puts a corpus search's hits in the list and on the timeline.
func (m *Model) showHits(q string, hits []search.Hit) tea.Cmd {
	if hits == nil {
		hits = []search.Hit{}
	}
	m.search.query, m.search.hits = q, hits
	docs := make([]int, len(hits))
	for i, h := range hits {
		docs[i] = h.Doc
	}
	m.search.counts = m.timeline.tl.CountsOf(m.arts, docs)
	m.search.off = 0
	for _, d := range docs {
		if mi := m.arts[d].Date.MonthIndex(); mi < m.timeline.tl.First || mi > m.timeline.tl.Last {
			m.search.off++
		}
	}
	m.list.cursor, m.list.offset = 0, 0
	m.refreshList(-1)
	return m.selectionChanged()
}

// clearSearch leaves search mode and puts the full list back, keeping the
// selected article.
func (m *Model) clearSearch() tea.Cmd {
	keep := m.list.selected()
	m.search.gen++ // answers still in flight are stale now
	m.search.active, m.search.pending = false, false
	m.search.query, m.search.hits, m.search.counts = "", nil, nil
	m.search.input.Blur()
	m.search.input.SetValue("")
	m.refreshList(keep)
	return m.selectionChanged()
}

// runSearch searches for the search line's text: the corpus in a command,
// or the open article by re-rendering it with the query highlighted.
func (m *Model) runSearch() tea.Cmd {
	q := strings.TrimSpace(m.search.input.Value())
	if m.search.inDoc {
		m.detail.find = q != ""
		return m.open(m.detail.doc, q, true)
	}
	m.search.gen++
	if q == "" {
		keep := m.list.selected()
		m.search.query, m.search.hits, m.search.counts = "", nil, nil
		m.refreshList(keep)
		return nil
	}
	if m.index == nil {
		m.search.pending = true
		return nil
	}
	return searchCmd(m.index, m.search.gen, q)
}

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.search.active {
		// The terminal delivered several keys in one read ("/kyr" typed
		// fast, or sent by a script): each is a command of its own, and
		// the first may open the search line that takes the rest.
		var cmds []tea.Cmd
		for i, r := range msg.Runes {
			if m.search.active {
				rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:], Alt: msg.Alt}
				cmds = append(cmds, m.updateSearchKey(rest))
				break
			}
			cmds = append(cmds, m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	if m.search.active {
		return m.updateSearchKey(msg)
	}
	m.note = ""
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
		return nil
	case key.Matches(msg, k.NextPane):
		return m.setFocus((m.focus + 1) % 3)
	case key.Matches(msg, k.PrevPane):
		return m.setFocus((m.focus + 2) % 3)
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.BookmarksOnly):
		return m.toggleBookmarksOnly()
	case key.Matches(msg, k.Bookmark) && m.focus == FocusArticle:
		return m.toggleBookmark(m.detail.doc)
	case key.Matches(msg, k.Bookmark) && m.focus == FocusList:
		return m.toggleBookmark(m.list.selected())
	}
	switch m.focus {
	case FocusArticle:
		return m.updateArticleKey(msg)
	case FocusTimeline:
		return m.updateTimelineKey(msg)
	}
	return m.updateListKey(msg)
}

// setFocus moves the keyboard to pane f. Focusing the article opens the
// selected one, which in a narrow window switches screens.
func (m *Model) setFocus(f Focus) tea.Cmd {
	m.focus = f
	switch f {
	case FocusArticle:
		if m.detail.doc < 0 || (!m.lay.wide && m.list.selected() != m.detail.doc) {
			if d := m.list.selected(); d >= 0 {
				return m.open(d, m.hlQuery(), m.hlQuery() != "")
			}
		}
	case FocusTimeline:
		if m.timeline.cursor < 0 {
			m.timeline.cursor = m.selectedMonth()
			m.timeline.moveCursor(0)
		}
	}
	return nil
}

// selectedMonth is the month of the selected article, -1 when it has none.
func (m *Model) selectedMonth() int {
	d := m.list.selected()
	if m.focus == FocusArticle && m.detail.doc >= 0 {
		d = m.detail.doc
	}
	if d < 0 || d >= len(m.arts) {
		return -1
	}
	return m.arts[d].Date.MonthIndex()
}

func (m *Model) openSearch() tea.Cmd {
	s := &m.search
	s.inDoc = m.focus == FocusArticle && m.detail.doc >= 0
	s.active = true
	s.input.Prompt = "/"
	if s.inDoc {
		s.input.Prompt = "find in article: "
		s.input.SetValue(m.detail.query)
		if !m.detail.find {
			s.input.SetValue("")
		}
	} else {
		s.input.SetValue(s.query)
		if m.focus != FocusList {
			m.focus = FocusList
		}
	}
	s.input.CursorEnd()
	return s.input.Focus()
}

func (m *Model) updateSearchKey(msg tea.KeyMsg) tea.Cmd {
	s := &m.search
	switch msg.Type {
	case tea.KeyCtrlC:
		return tea.Quit
	case tea.KeyEsc:
		if s.inDoc {
			s.active, s.inDoc = false, false
			s.input.Blur()
			m.detail.find = false
			return m.open(m.detail.doc, m.hlQuery(), false)
		}
		return m.clearSearch()
	case tea.KeyEnter:
		s.active = false
		s.input.Blur()
		if s.inDoc {
			s.inDoc = false
			return nil
		}
		if d := m.list.selected(); d >= 0 && s.hits != nil {
			m.focus = FocusArticle
			return m.open(d, s.query, true)
		}
		return nil
	case tea.KeyDown, tea.KeyUp:
		// Arrows walk the hits while typing.
		if !s.inDoc {
			d := 1
			if msg.Type == tea.KeyUp {
				d = -1
			}
			m.list.moveTo(m.list.cursor + d)
			return m.selectionChanged()
		}
		return nil
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != before {
		return tea.Batch(cmd, m.runSearch())
	}
	return cmd
}

func (m *Model) updateListKey(msg tea.KeyMsg) tea.Cmd {
	k, l := m.keys, &m.list
	l.touched = true
	switch {
	case key.Matches(msg, k.Up):
		l.moveTo(l.cursor - 1)
	case key.Matches(msg, k.Down):
		l.moveTo(l.cursor + 1)
	case key.Matches(msg, k.Top):
		l.moveTo(0)
	case key.Matches(msg, k.Bottom):
		l.moveTo(len(l.order) - 1)
	case key.Matches(msg, k.PageUp):
		l.moveTo(l.cursor - l.rows())
	case key.Matches(msg, k.PageDown):
		l.moveTo(l.cursor + l.rows())
	case key.Matches(msg, k.Open):
		if d := l.selected(); d >= 0 {
			m.focus = FocusArticle
			q := m.hlQuery()
			return m.open(d, q, q != "")
		}
		return nil
	case key.Matches(msg, k.Sort):
		if m.search.hits != nil {
			m.note = "search hits are ranked; esc to sort"
			return nil
		}
		l.sort = (l.sort + 1) % 2
		m.refreshList(l.selected())
	case key.Matches(msg, k.Back):
		if m.search.hits != nil {
			return m.clearSearch()
		}
		if m.timeline.filter != filterNone {
			m.timeline.filter = filterNone
			m.refreshList(l.selected())
		}
		return nil
	default:
		return nil
	}
	return m.selectionChanged()
}

func (m *Model) updateArticleKey(msg tea.KeyMsg) tea.Cmd {
	k, d := m.keys, &m.detail
	hasMatches := len(d.matchLines) > 0
	switch {
	case key.Matches(msg, k.Up):
		d.vp.LineUp(1)
	case key.Matches(msg, k.Down):
		d.vp.LineDown(1)
	case key.Matches(msg, k.PageUp):
		d.vp.ViewUp()
	case key.Matches(msg, k.PageDown):
		d.vp.ViewDown()
	case key.Matches(msg, k.Top):
		d.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		d.vp.GotoBottom()
	case hasMatches && key.Matches(msg, k.NextMatch):
		d.match = (d.match + 1) % len(d.matchLines)
		d.scrollToMatch()
	case hasMatches && key.Matches(msg, k.PrevMatch):
		d.match = (d.match + len(d.matchLines) - 1) % len(d.matchLines)
		d.scrollToMatch()
	case key.Matches(msg, k.NextArticle), key.Matches(msg, k.PrevArticle):
		step := 1
		if key.Matches(msg, k.PrevArticle) {
			step = -1
		}
		i := m.list.cursor + step
		if i < 0 || i >= len(m.list.order) {
			m.note = "no more articles"
			return nil
		}
		m.list.moveTo(i)
		q := m.hlQuery()
		return m.open(m.list.selected(), q, q != "")
	case key.Matches(msg, k.Back):
		if d.find {
			d.find = false
			return m.open(d.doc, m.hlQuery(), false)
		}
		m.focus = FocusList
		return nil
	case key.Matches(msg, k.Open):
		return nil
	}
	return nil
}

func (m *Model) updateTimelineKey(msg tea.KeyMsg) tea.Cmd {
	k, t := m.keys, &m.timeline
	switch {
	case key.Matches(msg, k.MonthPrev):
		t.moveCursor(-1)
	case key.Matches(msg, k.MonthNext):
		t.moveCursor(1)
	case key.Matches(msg, k.YearPrev):
		t.moveCursor(-12)
	case key.Matches(msg, k.YearNext):
		t.moveCursor(12)
	case key.Matches(msg, k.Filter):
		if t.cursor < 0 {
			m.note = "no dated articles"
			return nil
		}
		t.narrow()
		return m.applyFilter()
	case key.Matches(msg, k.ClearFilter):
		if t.filter != filterNone {
			t.filter = filterNone
			m.refreshList(m.list.selected())
			return m.selectionChanged()
		}
		if key.Matches(msg, k.Back) {
			m.focus = FocusList
		}
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		// Up and down still walk the list, so the timeline can be browsed
		// against it without switching panes.
		if key.Matches(msg, k.Up) {
			m.list.moveTo(m.list.cursor - 1)
		} else {
			m.list.moveTo(m.list.cursor + 1)
		}
		return m.selectionChanged()
	}
	return nil
}

// applyFilter narrows the list to the timeline's filter and selects the
// article nearest the cursor month.
func (m *Model) applyFilter() tea.Cmd {
	m.refreshList(-1)
	best, bestD := -1, 0
	for i, d := range m.list.order {
		mi := m.arts[d].Date.MonthIndex()
		if mi < 0 {
			continue
		}
		dist := mi - m.timeline.cursor
		if dist < 0 {
			dist = -dist
		}
		if best < 0 || dist < bestD {
			best, bestD = i, dist
		}
	}
	if best < 0 {
		best = 0
	}
	m.list.moveTo(best)
	if len(m.list.order) == 0 {
		m.note = "no articles in " + strings.TrimPrefix(m.timeline.label(), "filter ")
	}
	return m.selectionChanged()
}

func (m *Model) updateMouse(msg tea.MouseMsg) tea.Cmd {
	if m.lay.tooSmall {
		return nil
	}
	x, y := msg.X, msg.Y
	ev := tea.MouseEvent(msg)
	wheel := ev.IsWheel()
	press := msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
	if !wheel && !press {
		return nil
	}
	dir := 1
	if msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelLeft {
		dir = -1
	}
	switch {
	case m.lay.tl.contains(x, y):
		if wheel {
			m.timeline.moveCursor(dir)
			return nil
		}
		m.focus = FocusTimeline
		bx, by, bw, line := m.lay.tlBody()
		mo := ui.TimelineAt(m.timelineView(), bw, x-bx, y-by, line)
		if mo < 0 {
			return m.setFocus(FocusTimeline)
		}
		m.timeline.cursor = mo
		if !line && y-by == 2 { // a year label
			m.timeline.filter, m.timeline.year = filterYear, corpus.MonthYear(mo)
			return m.applyFilter()
		}
		return nil
	case m.lay.list.contains(x, y) && m.listOnScreen():
		m.list.touched = true
		if wheel {
			m.list.moveTo(m.list.cursor + dir)
			return m.selectionChanged()
		}
		m.focus = FocusList
		if i := m.list.itemAt(y - m.lay.list.y - 1); i >= 0 {
			m.list.moveTo(i)
			return m.selectionChanged()
		}
	case m.lay.detail.contains(x, y):
		if wheel {
			if dir < 0 {
				m.detail.vp.LineUp(3)
			} else {
				m.detail.vp.LineDown(3)
			}
			return nil
		}
		return m.setFocus(FocusArticle)
	}
	return nil
}

// listOnScreen reports whether the list pane is drawn: always when wide,
// and when the article is not taking the narrow screen.
func (m *Model) listOnScreen() bool { return m.lay.wide || m.focus != FocusArticle }

// Focus returns the pane that has the keyboard.
func (m Model) Focus() Focus { return m.focus }

// Selected returns the article under the list's cursor, nil for none.
func (m Model) Selected() *corpus.Article {
	if d := m.list.selected(); d >= 0 {
		return &m.arts[d]
	}
	return nil
}

// Open returns the article in the article pane, nil for none.
func (m Model) Open() *corpus.Article {
	if d := m.detail.doc; d >= 0 && d < len(m.arts) {
		return &m.arts[d]
	}
	return nil
}

// Filter describes the timeline filter: "", "2023" or "2023-02".
func (m Model) Filter() string { return strings.TrimPrefix(m.timeline.label(), "filter ") }

// Len returns the number of articles the list shows.
func (m Model) Len() int { return len(m.list.order) }

// statusText is the left side of the status line.
func (m *Model) statusText() string {
	parts := []string{m.source}
	n := fmt.Sprintf("%d articles", len(m.arts))
	if m.loading {
		n = fmt.Sprintf("loading… %d articles", len(m.arts))
	}
	parts = append(parts, n)
	if f := m.timeline.label(); f != "" {
		parts = append(parts, fmt.Sprintf("%s (%d)", f, len(m.list.order)))
	}
	switch {
	case m.search.inDoc || m.detail.find:
		if m.detail.query != "" {
			parts = append(parts, m.matchText())
		}
	case m.search.pending || (m.search.active && m.index == nil && m.search.input.Value() != ""):
		parts = append(parts, "indexing…")
	case m.search.hits != nil:
		n := fmt.Sprint(len(m.search.hits))
		if len(m.search.hits) >= searchLimit {
			n = fmt.Sprintf("best %d", searchLimit) // the index stopped counting there
		}
		unit := "hits"
		if len(m.search.hits) == 1 {
			unit = "hit"
		}
		parts = append(parts, fmt.Sprintf("%s %s for %q", n, unit, m.search.query))
	}
	if m.focus == FocusArticle && !m.detail.find && len(m.detail.matchLines) > 0 {
		parts = append(parts, m.matchText())
	}
	if m.focus == FocusTimeline && m.timeline.cursor >= 0 && !m.lay.wide {
		c := m.timeline.cursor
		parts = append(parts, fmt.Sprintf("timeline %s: %d", corpus.MonthDate(c).Text(), m.timeline.tl.Count(c)))
	}
	if m.bookmarksOnly {
		parts = append(parts, fmt.Sprintf("bookmarks (%d)", len(m.list.order)))
	}
	if m.search.hits == nil {
		parts = append(parts, m.list.sort.String())
	}
	if m.skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", m.skipped))
	}
	if m.note != "" {
		parts = append(parts, m.note)
	}
	return strings.Join(parts, " · ")
}

// matchText is "3/7", or "no matches".
func (m *Model) matchText() string {
	if len(m.detail.matchLines) == 0 {
		if !m.detail.ready || m.detail.have.query != m.detail.query {
			return "finding…"
		}
		return "no matches"
	}
	return fmt.Sprintf("%d/%d", m.detail.match+1, len(m.detail.matchLines))
}
