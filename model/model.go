// Package model is dossier's root Bubble Tea model. It holds the reading
// screen (model/reading: the list, the article, the timeline and the
// search line), the overlays (model/overlay: the help, the quotes
// explorer, the facets, the skipped files), the corpus as it arrives
// (model/feed) and the status line, and it only routes and lays out: the
// layout is computed on a window size and handed down; global keys are
// matched first, then the open overlay or the reading screen gets the
// key; what they say upward becomes calls on the one that cares; their
// views are joined. Drawing is left to package ui.
//
// To add a pane: write it as a package of its own under model/, shaped as
// the others are (New, Update, View, SetSize, a KeyMap, messages upward,
// never another pane's import), and give it to the screen it belongs to:
// model/reading for a pane beside the list, model/overlay for one that
// takes the list and article's place while it is open (with a key here to
// open it).
package model

import (
	"io"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	csearch "dossier/corpus/search"
	"dossier/model/common"
	"dossier/model/facets"
	"dossier/model/feed"
	"dossier/model/help"
	"dossier/model/keymap"
	"dossier/model/marks"
	"dossier/model/overlay"
	"dossier/model/quotes"
	"dossier/model/reading"
	"dossier/model/skipped"
	"dossier/model/store"
	"dossier/model/system"
	"dossier/ui"
)

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

	feed  feed.Model // the articles, and their load
	read  reading.Model
	over  overlay.Model
	stale [2]int // the corpus size the quotes and facets last counted, and the scope they last had

	width, height int
	lay           ui.Screen
	note          string // a one-off message for the status line
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
	m := Model{styles: st, keys: keymap.Default(), source: opts.Source, lay: ui.Layout(0, 0), stale: [2]int{-1, -1}}
	if opts.KeyMap != nil {
		m.keys = *opts.KeyMap
	}
	if m.source == "" {
		m.source = "corpus"
	}
	if opts.ExportDir == "" {
		opts.ExportDir = defaultExportDir
	}
	k := m.keys
	m.read = reading.New(k, st, reading.Options{Renderer: ui.NewRenderer(th, profile),
		Marks: marks.New(opts.State, opts.StateKey, opts.Saver), Source: m.source,
		Clipboard: opts.Clipboard, ExportDir: opts.ExportDir})
	o := k.Overlays
	m.over = overlay.Model{Help: help.New(o.Help, st, k.Sections()), Quotes: quotes.New(o.Quotes, st),
		Facets: facets.New(o.Facets, st), Skipped: skipped.New(o.Skipped, st)}
	if opts.StateErr != nil {
		m.note = opts.StateErr.Error()
	}
	m.feed = feed.New(opts.Articles, opts.Loading)
	m.read.SetLoading(opts.Loading)
	m.over.Quotes.SetReading(opts.Loading)
	m.read, _ = m.read.Update(feed.GrewMsg{Arts: opts.Articles})
	return m
}

// Init builds the search index off the UI path when the corpus is already
// in memory.
func (m Model) Init() tea.Cmd {
	if arts := m.feed.Articles(); !m.feed.Loading() && len(arts) > 0 {
		_, cmd := m.read.Update(feed.UnindexedMsg{Arts: arts})
		return cmd
	}
	return nil
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		ks := common.SplitRunes(msg)
		cmds := make([]tea.Cmd, len(ks))
		for i, k := range ks {
			cmds[i] = m.updateKey(k)
		}
		return m, tea.Batch(cmds...)
	case tea.MouseMsg:
		if m.over.Open != overlay.None {
			return m, nil // overlays take keys only
		}
	}
	if cmd, ok := m.route(msg); ok {
		return m, cmd
	}
	// The loader's and the watcher's messages go to the feed, and what it
	// makes of them to the screens; the rest is the reading screen's.
	var cmd tea.Cmd
	m.feed, cmd = m.feed.Update(msg)
	m.read.SetLoading(m.feed.Loading())
	// Speakers may still come while the corpus loads.
	m.over.Quotes.SetReading(m.feed.Loading())
	if cmd != nil {
		return m, m.resolve(cmd)
	}
	return m, m.toRead(msg)
}

// toRead hands msg to the reading screen.
func (m *Model) toRead(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.read, cmd = m.read.Update(msg)
	if m.over.Open == overlay.Quotes {
		m.rescope()
	}
	return cmd
}

// resolve runs an overlay's or the feed's reply at once; see common.Resolve.
func (m *Model) resolve(cmd tea.Cmd) tea.Cmd { return common.Resolve(cmd, m.route) }

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	if m.read.Typing() {
		return m.toRead(msg)
	}
	m.note = ""
	k := m.keys
	typing := m.over.Typing()
	var cmd tea.Cmd
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
	default:
		return m.toRead(msg)
	}
	m.over, cmd = m.over.Update(msg)
	return m.resolve(cmd)
}

// route takes what the feed and the overlays say upward, and the notes.
func (m *Model) route(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case common.NotedMsg:
		m.note = msg.Text
	case marks.SavedMsg:
		if msg.Err != nil {
			m.note = msg.Err.Error()
		}
	case system.EditedMsg:
		if msg.Err != nil {
			m.note = "edit: " + msg.Err.Error()
		}
	case peopleMsg:
		m.counted(msg)
	case feed.SkippedMsg:
		m.over.Skipped.SetSkipped(msg.Files)
	case feed.ReplacedMsg:
		// The same number of articles may hold other quotes: a file
		// edited, a first open's quotes read.
		m.stale[0], m.stale[1] = -1, -1
		cmd := m.toRead(msg)
		if m.over.Open == overlay.Quotes || m.over.Open == overlay.Facets {
			cmd = tea.Batch(cmd, m.recount())
		}
		return cmd, true
	case feed.GrewMsg, feed.UnindexedMsg:
		m.stale[1] = -1
		return m.toRead(msg), true
	case quotes.OpenedMsg:
		m.over.Open = overlay.None
		return m.toRead(reading.ShowQuoteMsg{Doc: msg.Doc, Quote: msg.Quote}), true
	case facets.PickedMsg:
		m.over.Open = overlay.None
		return m.toRead(reading.SearchForMsg{Op: msg.Op, Value: msg.Value}), true
	default:
		if !overlay.Closed(msg) {
			return nil, false
		}
		m.over.Open = overlay.None
	}
	return nil, true
}

// peopleMsg carries the speakers of arts, counted off the UI's path.
type peopleMsg struct {
	arts   []corpus.Article
	people []csearch.Person
}

// recount brings the quotes explorer and the facets up to date with the
// corpus, when it has moved since they were counted: work started when
// they are opened, not as every batch streams in, and done in a command
// (a pass over every quote: a third of a second at 100,000 articles).
func (m *Model) recount() tea.Cmd {
	m.rescope()
	arts := m.feed.Articles()
	if m.stale[0] == len(arts) {
		return nil
	}
	m.stale[0] = len(arts)
	return func() tea.Msg { return peopleMsg{arts, csearch.People(arts)} }
}

// counted takes the speakers a recount found, unless the corpus has been
// replaced since (a newer count is then on its way).
func (m *Model) counted(msg peopleMsg) {
	arts := m.feed.Articles()
	if len(msg.arts) != len(arts) || len(arts) > 0 && &msg.arts[0] != &arts[0] {
		return
	}
	m.over.Quotes.SetArticles(arts, m.read.Timeline(), msg.people)
	m.over.Facets.SetArticles(arts, msg.people)
	m.stale[1] = -1
	m.rescope()
}

// rescope narrows the explorer to the list's scope when it has moved.
func (m *Model) rescope() {
	if scope, gen := m.read.Scope(); m.stale[1] != gen {
		m.over.Quotes.SetScope(scope)
		m.stale[1] = gen
	}
}
