// Package marks keeps the reader's read marks and bookmarks for one
// corpus. They live in memory and every change is saved by a command, off
// the UI's path, stamped with a generation so a slow save never undoes a
// newer one (see store.Saver). A nil *Marks is valid: state is off, and
// nothing is marked.
package marks

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/store"
)

// SavedMsg reports a save; an error goes to the status line.
type SavedMsg struct{ Err error }

// Marks is one corpus's marks and the saver that keeps them.
type Marks struct {
	m     *store.Marks
	saver *store.Saver
	key   string
	gen   int
}

// New returns the marks of corpus key in st, saved by saver (nil saves
// nothing); nil when st is nil.
func New(st *store.State, key string, saver *store.Saver) *Marks {
	if st == nil {
		return nil
	}
	return &Marks{m: st.For(key), saver: saver, key: key}
}

// Of reports whether article id was read and whether it is bookmarked.
func (k *Marks) Of(id string) (read, bookmarked bool) {
	if k == nil {
		return false, false
	}
	return k.m.Read[id], k.m.Bookmarks[id]
}

// MarkRead records that article id was read; nil when it already was.
func (k *Marks) MarkRead(id string) tea.Cmd {
	if k == nil || k.m.Read[id] {
		return nil
	}
	k.m.Read[id] = true
	return k.save(store.Change{Corpus: k.key, ID: id, On: true})
}

// MarkUnread takes article id's read mark away; nil when it had none.
func (k *Marks) MarkUnread(id string) tea.Cmd {
	if k == nil || !k.m.Read[id] {
		return nil
	}
	delete(k.m.Read, id)
	return k.save(store.Change{Corpus: k.key, ID: id, On: false})
}

// ToggleBookmark bookmarks article id, or takes its bookmark away; on says
// which.
func (k *Marks) ToggleBookmark(id string) (on bool, save tea.Cmd) {
	on = !k.m.Bookmarks[id]
	if on {
		k.m.Bookmarks[id] = true
	} else {
		delete(k.m.Bookmarks, id)
	}
	return on, k.save(store.Change{Corpus: k.key, ID: id, Bookmark: true, On: on})
}

func (k *Marks) save(c store.Change) tea.Cmd {
	if k.saver == nil {
		return nil
	}
	k.gen++
	gen, sv := k.gen, k.saver
	return func() tea.Msg { return SavedMsg{Err: sv.Save(gen, c)} }
}
