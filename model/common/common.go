// Package common holds the little the reader's panes share: the message a
// pane sends when it has something to say on the status line, and the
// helpers that shape a pane's reply, and the pieces two panes would
// otherwise write twice (Pager, WordStartsFirst, Remap). It never holds
// pane state itself, so no pane reaches another through it.
//
// A pane's reply is a tea.Cmd, as in any Bubble Tea component. The root
// runs it at once and routes the messages it yields before the next key is
// read (a key typed right after enter must find the article focused), so
// the reply must be cheap: messages made with Emit, and work (a search, a
// clipboard read) wrapped in Later, which the root hands to the runtime.
package common

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"
)

// NotedMsg says a pane has a one-off note for the status line, such as
// "no dated articles" when the timeline is asked to filter an undated
// corpus.
type NotedMsg struct{ Text string }

// Emit returns a command that delivers msg to the root: how a pane speaks
// upward.
func Emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// LaterMsg carries work a pane asked for; the root hands Cmd to the
// runtime instead of running it.
type LaterMsg struct{ Cmd tea.Cmd }

// Later wraps cmd, work that may take time, for a pane's reply.
func Later(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg { return LaterMsg{Cmd: cmd} }
}

// Resolve runs cmd, a pane's reply, at once and hands each message it
// yields to route, so what a key did is settled before the next key is
// read. Work wrapped in Later, and messages route does not take (a quit),
// go on to the runtime.
func Resolve(cmd tea.Cmd, route func(tea.Msg) (tea.Cmd, bool)) tea.Cmd {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		cmds := make([]tea.Cmd, 0, len(msg))
		for _, c := range msg {
			cmds = append(cmds, Resolve(c, route))
		}
		return tea.Batch(cmds...)
	case LaterMsg:
		return msg.Cmd
	default:
		if c, ok := route(msg); ok {
			return c
		}
		return func() tea.Msg { return msg }
	}
}

// SplitRunes splits a read of several keys ("/kyr" typed fast, or sent by
// a script) into one key each, so that each is a command of its own; a
// paste stays whole.
func SplitRunes(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return []tea.KeyMsg{msg}
	}
	out := make([]tea.KeyMsg, len(msg.Runes))
	for i, r := range msg.Runes {
		out[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
	}
	return out
}

// Count is n and a noun, plural unless n is one: "1 speaker", "4 speakers".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
