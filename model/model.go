// Package model is dossier's root Bubble Tea model. It owns the panes
// (model/list, model/article, model/timeline, model/search and the
// overlays model/help, model/quotes, model/facets, model/skipped), the
// articles they share, the focus and the layout, and it only routes:
// global keys first, then the open overlay or the focused pane; what a
// pane says upward (its messages) is turned into calls on the panes that
// care. Drawing is left to package ui.
//
// To add a pane: write it as a package of its own under model/, shaped as
// the others are (New, Update, View, SetSize, a KeyMap, messages upward,
// never another pane's import); give it a field here, a size in resize,
// a place in View, and its messages a case in route. An overlay (a pane
// that takes the list and article's place while it is open) goes in
// model/overlay instead, with a key here to open it.
package model

import (
	"io"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/model/article"
	"dossier/model/common"
	"dossier/model/facets"
	"dossier/model/feed"
	"dossier/model/help"
	"dossier/model/keymap"
	"dossier/model/list"
	"dossier/model/marks"
	"dossier/model/overlay"
	"dossier/model/quotes"
	"dossier/model/search"
	"dossier/model/skipped"
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
	return [...]string{"list", "article", "timeline"}[f%3]
}

// defaultExportDir is where x writes when Options.ExportDir is "": the
// working folder. The tests point it elsewhere, so a key pressed at
// random never leaves files in the source tree.
var defaultExportDir = ""

// Options configure New.
type Options struct {
	// Articles is the corpus, when it is already in memory.
	Articles []corpus.Article
	// Loading says the articles will arrive as feed.BatchLoaded messages
	// followed by feed.Loaded or feed.LoadDone.
	Loading bool
	Theme   ui.Theme
	// Profile is the terminal's colour profile; nil takes Lip Gloss's
	// at New.
	Profile *termenv.Profile
	// ASCII draws marks and borders from ASCII only.
	ASCII bool
	// Source names the corpus in the status line: "embedded corpus" or a path.
	Source string
	// KeyMap overrides keymap.Default when not nil.
	KeyMap *keymap.KeyMap
	// State holds read marks and bookmarks; nil turns them off. StateKey
	// names this corpus in it, Saver writes it, and StateErr is what went
	// wrong reading it, for the status line.
	State    *store.State
	StateKey string
	Saver    *store.Saver
	StateErr error
	// Clipboard is the terminal, for the OSC 52 sequence a copy writes;
	// nil copies through the system clipboard only. ExportDir is where x
	// writes reading lists, the working folder when "".
	Clipboard io.Writer
	ExportDir string
}

// Model is the reader.
type Model struct {
	styles ui.Styles
	keys   keymap.KeyMap
	source string
	feed   feed.Model // the articles, and their load

	list     list.Model
	article  article.Model
	timeline timeline.Model
	search   search.Model
	over     overlay.Model
	findSeq  int // the last in-article find applied

	focus         Focus
	width, height int
	lay           ui.Screen
	stale         [2]int // the corpus size the quotes and facets last counted; -1 for a new scope

	note string // a one-off message for the status line

	marks         *marks.Marks // nil when state is off
	bookmarksOnly bool

	clipboard io.Writer
	exportDir string
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
	m := Model{styles: st, keys: keymap.Default(), source: opts.Source, lay: ui.Layout(0, 0),
		clipboard: opts.Clipboard, exportDir: opts.ExportDir}
	if m.exportDir == "" {
		m.exportDir = defaultExportDir
	}
	if opts.KeyMap != nil {
		m.keys = *opts.KeyMap
	}
	k := m.keys
	m.list = list.New(k.List, st)
	m.list.Focus()
	m.article = article.New(k.Article, st, ui.NewRenderer(th, profile))
	m.timeline = timeline.New(k.Timeline, st)
	m.search = search.New(k.Line)
	o := k.Overlays
	m.over = overlay.Model{Help: help.New(o.Help, st, k.Sections()), Quotes: quotes.New(o.Quotes, st),
		Facets: facets.New(o.Facets, st), Skipped: skipped.New(o.Skipped, st)}
	if m.source == "" {
		m.source = "corpus"
	}
	if m.marks = marks.New(opts.State, opts.StateKey, opts.Saver); m.marks != nil {
		m.list.SetMarks(m.marks.Of)
	}
	if opts.StateErr != nil {
		m.note = opts.StateErr.Error()
	}
	m.feed = feed.New(opts.Articles, opts.Loading)
	m.grew(0)
	m.settle()
	return m
}

// Init builds the search index off the UI path when the corpus is already
// in memory.
func (m Model) Init() tea.Cmd {
	if !m.feed.Loading() && len(m.arts()) > 0 {
		return m.search.Index(m.arts())
	}
	return nil
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	cmd2 := m.settle()
	cmd3 := m.markRead() // before m is copied out
	return m, tea.Batch(cmd, cmd2, cmd3)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		ks := common.SplitRunes(msg)
		cmds := make([]tea.Cmd, len(ks))
		for i, k := range ks {
			cmds[i] = m.updateKey(k)
		}
		return tea.Batch(cmds...)
	case tea.MouseMsg:
		return m.updateMouse(msg)
	case peopleMsg:
		m.counted(msg)
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
	// The loader's and the watcher's go to the feed.
	var c0, c1, c2 tea.Cmd
	m.feed, c0 = m.feed.Update(msg)
	m.article, c1 = m.article.Update(msg)
	m.search, c2 = m.search.Update(msg)
	return tea.Batch(m.resolve(c0), m.resolve(c1), m.resolve(c2))
}

// resolve runs a pane's reply at once; see common.Resolve.
func (m *Model) resolve(cmd tea.Cmd) tea.Cmd { return common.Resolve(cmd, m.route) }

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	if m.search.Active() {
		m.search, cmd = m.search.Update(msg)
		return m.resolve(cmd)
	}
	m.note = ""
	k := m.keys
	typing := m.over.Typing()
	switch {
	case typing && msg.String() == "ctrl+c":
		return tea.Quit
	case typing:
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case m.over.Open != overlay.None:
	case key.Matches(msg, k.Help):
		m.over.Open = overlay.Help
		return nil
	case key.Matches(msg, k.Quotes), key.Matches(msg, k.Facets):
		m.over.Open = map[bool]overlay.Kind{true: overlay.Quotes, false: overlay.Facets}[key.Matches(msg, k.Quotes)]
		return m.recount()
	case key.Matches(msg, k.Skipped):
		m.over.Open = overlay.Skipped
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
	default:
		if cmd, ok := m.action(msg); ok {
			return cmd
		}
	}
	switch {
	case m.over.Open != overlay.None:
		m.over, cmd = m.over.Update(msg)
	case m.focus == FocusArticle:
		m.article, cmd = m.article.Update(msg)
	case m.focus == FocusTimeline:
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
// pane's own coordinates. Overlays take keys only.
func (m *Model) updateMouse(msg tea.MouseMsg) tea.Cmd {
	wheel := tea.MouseEvent(msg).IsWheel()
	if m.lay.TooSmall || m.over.Open != overlay.None || !wheel && (msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft) {
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

// arts is the corpus the panes share.
func (m *Model) arts() []corpus.Article { return m.feed.Articles() }
