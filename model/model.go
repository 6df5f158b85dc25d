// Package model is dossier's root Bubble Tea model. It owns the panes
// (model/list, model/article, model/timeline, model/search), the articles
// they share, the focus and the layout, and it only routes: global keys
// first, then the focused pane; the panes' messages upward are turned into
// method calls on the panes that care. Drawing is left to package ui.
package model

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/model/article"
	"dossier/model/common"
	"dossier/model/list"
	"dossier/model/marks"
	"dossier/model/search"
	"dossier/model/store"
	"dossier/model/timeline"
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
	// Profile is the terminal's colour profile; nil takes Lip Gloss's
	// at New.
	Profile *termenv.Profile
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

// Model is the reader.
type Model struct {
	styles ui.Styles
	keys   KeyMap
	help   help.Model
	source string
	arts   []corpus.Article

	list     list.Model
	article  article.Model
	timeline timeline.Model
	search   search.Model
	findSeq  int // the last in-article find applied

	focus         Focus
	width, height int
	lay           ui.Screen
	layKey        [4]int // what lay was computed from: size, search row, help rows
	showHelp      bool

	loading bool
	skipped int
	err     error
	note    string // a one-off message for the status line

	marks         *marks.Marks // nil when state is off
	bookmarksOnly bool
}

// New builds the reader.
func New(opts Options) Model {
	th := opts.Theme
	if th.Name == "" {
		th = ui.DarkTheme()
	}
	profile := lipgloss.ColorProfile()
	if opts.Profile != nil {
		profile = *opts.Profile
	}
	st := ui.NewStyles(th, profile)
	st.ASCII = opts.ASCII
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = st.HelpKey, st.HelpKey
	h.Styles.ShortDesc, h.Styles.FullDesc = st.HelpDesc, st.HelpDesc
	h.Styles.ShortSeparator, h.Styles.FullSeparator = st.HelpSep, st.HelpSep
	m := Model{styles: st, help: h, keys: DefaultKeyMap(), source: opts.Source, loading: opts.Loading,
		layKey: [4]int{-1}} // no layout yet
	if opts.KeyMap != nil {
		m.keys = *opts.KeyMap
	}
	m.list = list.New(m.keys.List, st)
	m.list.Focus()
	m.article = article.New(m.keys.Article, st, ui.NewRenderer(th, profile))
	m.timeline = timeline.New(m.keys.Timeline, st)
	m.search = search.New(m.keys.Line)
	if m.source == "" {
		m.source = "corpus"
	}
	if m.marks = marks.New(opts.State, opts.StateKey, opts.Saver); m.marks != nil {
		m.list.SetMarks(m.marks.Of)
	}
	if opts.StateErr != nil {
		m.note = opts.StateErr.Error()
	}
	m.addArticles(opts.Articles)
	m.settle()
	return m
}

// Init builds the search index off the UI path when the corpus is already
// in memory.
func (m Model) Init() tea.Cmd {
	if !m.loading && len(m.arts) > 0 {
		return m.search.Index(m.arts)
	}
	return nil
}

// addArticles takes in a batch: the date order, the timeline and the
// visible list are updated incrementally, keeping the selection.
func (m *Model) addArticles(batch []corpus.Article) {
	if len(batch) == 0 {
		return
	}
	from := len(m.arts)
	m.arts = append(m.arts, batch...)
	m.timeline.SetArticles(m.arts, from)
	m.refreshList(m.list.AddArticles(m.arts, from))
}

// refreshList recomputes the visible rows from the sort, the timeline
// filter, the bookmarks and the search hits, keeping article keep
// selected if it is still shown.
func (m *Model) refreshList(keep int) {
	f := list.Filter{Range: m.timeline.Filter()}
	if m.bookmarksOnly && m.marks != nil {
		f.Only = func(id string) bool { _, b := m.marks.Of(id); return b }
	}
	m.list.Refresh(m.search.Hits(), f, keep)
}

// selectionChanged follows the list's cursor in the article pane, when the
// pane is on screen.
func (m *Model) selectionChanged() tea.Cmd {
	d := m.list.Selected()
	if d < 0 {
		// An empty list (a filter, bookmarks only) shows no article, not
		// the last one it held.
		m.article.Clear()
		return nil
	}
	if !m.lay.Wide && m.focus != FocusArticle {
		return nil
	}
	return m.open(d, m.hlQuery(), false)
}

// hlQuery is the highlight an article opened from the list gets: the
// corpus search's query while its hits are shown.
func (m *Model) hlQuery() string {
	if m.search.Hits() != nil && !m.search.InArticle() {
		return m.search.Query()
	}
	return ""
}

// open shows article doc in the article pane, highlighting query; toMatch
// scrolls to the first match once it is rendered.
func (m *Model) open(doc int, query string, toMatch bool) tea.Cmd {
	if doc < 0 || doc >= len(m.arts) {
		return nil
	}
	return m.article.Show(doc, &m.arts[doc], query, toMatch)
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	cmd2 := m.settle()
	cmd3 := m.markRead() // before m is copied out
	return m, tea.Batch(cmd, cmd2, cmd3)
}

// settle brings what follows from the state up to date after a message:
// the layout, the article a wide window shows, the text the panes show.
func (m *Model) settle() tea.Cmd {
	w := m.article.Width()
	m.relayout()
	m.list.SetEmpty(m.emptyText())
	// Snippets for the rows about to be drawn, and a screen either side.
	c, h := m.list.Cursor(), m.lay.List.H
	m.search.Detail(c-h, c+h)
	m.timeline.SetSelected(m.selectedMonth())
	if m.lay.TooSmall {
		return nil
	}
	if m.article.Doc() < 0 && m.lay.Wide {
		if d := m.list.Selected(); d >= 0 {
			return m.open(d, m.hlQuery(), false)
		}
	}
	if w != m.article.Width() && m.article.Doc() >= 0 {
		return m.article.Refresh()
	}
	return nil
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
	case batchLoadedMsg:
		m.addArticles(msg.arts)
		if m.article.Doc() < 0 || (!m.list.Touched() && m.list.Selected() != m.article.Doc()) {
			return m.selectionChanged()
		}
		return nil
	case loadDoneMsg:
		m.loading = false
		m.skipped += len(msg.skipped)
		if msg.err != nil {
			m.err = msg.err
		}
		if len(m.arts) > 0 {
			return m.search.Index(m.arts)
		}
		return nil
	case marks.SavedMsg:
		if msg.Err != nil {
			m.note = msg.Err.Error()
		}
		return nil
	}
	if cmd, ok := m.route(msg); ok {
		return cmd
	}
	// The rest belongs to the panes that started it: renderings, the
	// index, search answers, the search line's own messages.
	var c1, c2 tea.Cmd
	m.article, c1 = m.article.Update(msg)
	m.search, c2 = m.search.Update(msg)
	return tea.Batch(m.resolve(c1), m.resolve(c2))
}

// resolve runs a pane's reply at once and routes the messages it yields,
// so what a key did is settled before the next key is read. Work the pane
// wrapped in common.Later, and messages that are not the panes' (a quit),
// go on to the runtime.
func (m *Model) resolve(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		cmds := make([]tea.Cmd, 0, len(msg))
		for _, c := range msg {
			cmds = append(cmds, m.resolve(c))
		}
		return tea.Batch(cmds...)
	case common.LaterMsg:
		return msg.Cmd
	default:
		if c, ok := m.route(msg); ok {
			return c
		}
		return func() tea.Msg { return msg }
	}
}

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.search.Active() {
		// The terminal delivered several keys in one read ("/kyr" typed
		// fast, or sent by a script): each is a command of its own, and
		// the first may open the search line that takes the rest.
		var cmds []tea.Cmd
		for i, r := range msg.Runes {
			if m.search.Active() {
				rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:], Alt: msg.Alt}
				cmds = append(cmds, m.updateKey(rest))
				break
			}
			cmds = append(cmds, m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	var cmd tea.Cmd
	if m.search.Active() {
		m.search, cmd = m.search.Update(msg)
		return m.resolve(cmd)
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
		if m.focus == FocusArticle && m.article.Doc() >= 0 {
			v := ""
			if m.article.Finding() {
				v = m.article.Query()
			}
			return m.search.OpenFind(v)
		}
		m.setFocus(FocusList)
		return m.search.OpenCorpus()
	case key.Matches(msg, k.BookmarksOnly):
		return m.toggleBookmarksOnly()
	case key.Matches(msg, k.Bookmark) && m.focus == FocusArticle:
		return m.toggleBookmark(m.article.Doc())
	case key.Matches(msg, k.Bookmark) && m.focus == FocusList:
		return m.toggleBookmark(m.list.Selected())
	}
	switch m.focus {
	case FocusArticle:
		m.article, cmd = m.article.Update(msg)
	case FocusTimeline:
		m.timeline, cmd = m.timeline.Update(msg)
	default:
		m.list, cmd = m.list.Update(msg)
	}
	return m.resolve(cmd)
}

// setFocus moves the keyboard to pane f. Focusing the article opens the
// selected one, which in a narrow window switches screens.
func (m *Model) setFocus(f Focus) tea.Cmd {
	m.focus = f
	m.list.Blur()
	m.article.Blur()
	m.timeline.Blur()
	switch f {
	case FocusArticle:
		m.article.Focus()
		if m.article.Doc() < 0 || (!m.lay.Wide && m.list.Selected() != m.article.Doc()) {
			if d := m.list.Selected(); d >= 0 {
				return m.open(d, m.hlQuery(), m.hlQuery() != "")
			}
		}
	case FocusTimeline:
		m.timeline.SetSelected(m.selectedMonth())
		m.timeline.Focus()
	default:
		m.list.Focus()
	}
	return nil
}

// updateMouse routes a click or the wheel to the pane under it, in the
// pane's own coordinates.
func (m *Model) updateMouse(msg tea.MouseMsg) tea.Cmd {
	wheel := tea.MouseEvent(msg).IsWheel()
	if m.lay.TooSmall || !wheel && (msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft) {
		return nil
	}
	at := func(r ui.Rect) tea.MouseMsg { msg.X, msg.Y = msg.X-r.X, msg.Y-r.Y; return msg }
	var cmd tea.Cmd
	switch l := m.lay; {
	case l.Timeline.Contains(msg.X, msg.Y):
		if !wheel {
			m.setFocus(FocusTimeline)
		}
		m.timeline, cmd = m.timeline.Update(at(l.Timeline))
	case l.List.Contains(msg.X, msg.Y) && (l.Wide || m.focus != FocusArticle):
		if !wheel {
			m.setFocus(FocusList)
		}
		m.list, cmd = m.list.Update(at(l.List))
	case l.Article.Contains(msg.X, msg.Y):
		if !wheel {
			return m.setFocus(FocusArticle)
		}
		m.article, cmd = m.article.Update(at(l.Article))
	}
	return m.resolve(cmd)
}

// Focus returns the pane that has the keyboard.
func (m Model) Focus() Focus { return m.focus }

// Selected returns the article under the list's cursor, nil for none.
func (m Model) Selected() *corpus.Article {
	if d := m.list.Selected(); d >= 0 {
		return &m.arts[d]
	}
	return nil
}

// Open returns the article in the article pane, nil for none.
func (m Model) Open() *corpus.Article {
	if d := m.article.Doc(); d >= 0 && d < len(m.arts) {
		return &m.arts[d]
	}
	return nil
}

// Filter describes the timeline filter: "", "2023" or "2023-02".
func (m Model) Filter() string { return m.timeline.Label() }

// Len returns the number of articles the list shows.
func (m Model) Len() int { return m.list.Len() }
