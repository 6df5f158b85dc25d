// Package reading is the reading screen: the list, the article, the
// timeline and the search line, the four panes a reader moves between
// with tab, and what they say to each other. A selection in the list
// opens the article beside it, the timeline and the search narrow the
// list, J and K step through it; the keys that act on an article
// (bookmarks, read marks, links, copying, export) act on the one in view.
//
// It routes, as the root does one level up: the focused pane gets the
// keys, and its messages (list.SelectionChangedMsg,
// timeline.FilterChangedMsg, search.HitsChangedMsg, …) become calls on
// the panes that care. The panes stay packages of their own, and none
// imports another; what is not the screen's, a note for the status line
// (common.NotedMsg), goes up to the root.
package reading

import (
	"io"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/model/article"
	"dossier/model/common"
	"dossier/model/keymap"
	"dossier/model/list"
	"dossier/model/marks"
	"dossier/model/search"
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

// Options are what the screen needs besides its keys and styles.
type Options struct {
	Renderer *ui.Renderer
	// Marks holds read marks and bookmarks; nil turns them off.
	Marks *marks.Marks
	// Source names the corpus in an exported reading list's title.
	Source string
	// Clipboard is the terminal, for the OSC 52 sequence a copy writes;
	// ExportDir is where x writes reading lists.
	Clipboard io.Writer
	ExportDir string
}

// Model is the reading screen.
type Model struct {
	keys keymap.KeyMap
	opts Options
	arts []corpus.Article

	list     list.Model
	article  article.Model
	timeline timeline.Model
	search   search.Model
	findSeq  int // the last in-article find applied

	focus         Focus
	lay           ui.Screen
	loading       bool
	bookmarksOnly bool
	scopeGen      int // counts the list's refreshes, for Scope's readers
}

// New builds the screen, empty until articles arrive.
func New(k keymap.KeyMap, st ui.Styles, opts Options) Model {
	m := Model{keys: k, opts: opts, lay: ui.Layout(0, 0)}
	m.list = list.New(k.List, st)
	m.list.Focus()
	m.article = article.New(k.Article, st, opts.Renderer)
	m.timeline = timeline.New(k.Timeline, st)
	m.search = search.New(k.Line)
	if opts.Marks != nil {
		m.list.SetMarks(opts.Marks.Of)
	}
	return m
}

// Update takes a key, a click or a pane's message, then brings the
// screen up to date: the article a wide window shows, the snippets of
// the rows about to be drawn, the open article marked read.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, tea.Batch(cmd, m.settle(), m.markRead())
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		return m.updateMouse(msg)
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

// resolve runs a pane's reply at once and routes what it says (see
// common.Resolve); what the screen does not take, a note, goes up.
func (m *Model) resolve(cmd tea.Cmd) tea.Cmd { return common.Resolve(cmd, m.route) }

// Typing reports whether the search line takes every key.
func (m Model) Typing() bool { return m.search.Active() }

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	if m.search.Active() {
		m.search, cmd = m.search.Update(msg)
		return m.resolve(cmd)
	}
	k := m.keys
	switch {
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
			return m.resolve(m.search.OpenFind(v))
		}
		m.setFocus(FocusList)
		return m.resolve(m.search.OpenCorpus())
	}
	if cmd, ok := m.action(msg); ok {
		return cmd
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

// SetScreen hands the screen its boxes, the root's layout of the window;
// an article rendered at another width is rendered again.
func (m *Model) SetScreen(l ui.Screen) tea.Cmd {
	m.lay = l
	was := m.article.Width()
	m.timeline.SetSize(l.Timeline.W, l.Timeline.H)
	m.search.SetSize(l.Status.W, 1)
	m.list.SetSize(l.List.W, l.List.H)
	m.article.SetSize(l.Article.W, l.Article.H)
	var cmd tea.Cmd
	if was != m.article.Width() && m.article.Doc() >= 0 && !l.TooSmall {
		cmd = m.article.Refresh()
	}
	return tea.Batch(cmd, m.settle())
}

// SetLoading says whether more articles are on their way, for what the
// empty list says.
func (m *Model) SetLoading(on bool) { m.loading = on }

// settle brings what follows from the state up to date after a message:
// the article a wide window shows, the text the panes show.
func (m *Model) settle() tea.Cmd {
	m.list.SetEmpty(m.emptyText())
	// Snippets for the hits about to be drawn, and a screen either side.
	c, n := m.list.Cursor(), max(m.lay.List.H/ui.ListItemHeight(true), 1)
	m.list.Detail(c-n, c+2*n, m.search.Detail)
	m.timeline.SetSelected(m.selectedMonth())
	if m.lay.TooSmall || m.article.Doc() >= 0 || !m.lay.Wide {
		return nil
	}
	if d := m.list.Selected(); d >= 0 {
		return m.open(d, m.hlQuery(), false)
	}
	return nil
}

// View draws the list and the article, beside each other in a wide
// window, else the focused one; the timeline is drawn apart
// (TimelineView), above whatever the root shows below it.
func (m Model) View() string {
	switch {
	case m.lay.Wide:
		return ui.Beside(m.list.View(), m.article.View())
	case m.focus == FocusArticle:
		return m.article.View()
	}
	return m.list.View()
}

// TimelineView draws the timeline pane.
func (m Model) TimelineView() string { return m.timeline.View() }

// SearchView draws the search line while it is typed in, and its status.
func (m Model) SearchView() (line, status string) { return m.search.View(), m.search.Status() }
