// Package feed is the corpus as it reaches the reader: the batches a load
// streams in, the load's progress, its own sorted and indexed corpus in
// their place when it returns, and a live folder's changes. It holds the
// articles the panes share and says upward what became of them (GrewMsg,
// ReplacedMsg, SkippedMsg, UnindexedMsg); the root hands them to the
// panes. It draws nothing.
package feed

import (
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/load"
	csearch "dossier/corpus/search"
	"dossier/model/common"
)

// Model is the corpus and the state of its load.
type Model struct {
	arts         []corpus.Article
	loading      bool
	found, total int  // files found, and all of them once the walk is over
	indexing     bool // the load is indexing what it read
	quoting      bool // the load's corpus is searchable, its quotes still being read
	err          error
}

// New holds arts; loading says more will arrive as BatchLoaded messages
// and end with Loaded or LoadDone.
func New(arts []corpus.Article, loading bool) Model {
	return Model{arts: arts, loading: loading}
}

// Articles is the corpus: an article's number is its index here.
func (m Model) Articles() []corpus.Article { return m.arts }

// Loading says the load has not returned yet.
func (m Model) Loading() bool { return m.loading }

// Progress is the load's files found so far, all it will read (0 until
// the walk is over), and whether it is indexing them.
func (m Model) Progress() (found, total int, indexing bool) {
	return m.found, m.total, m.indexing
}

// Quoting says the load's whole corpus is listed and searchable while it
// reads the quotes: speakers are still to come.
func (m Model) Quoting() bool { return m.loading && m.quoting }

// Err is what stopped the load, nil if nothing did.
func (m Model) Err() error { return m.err }

// GrewMsg says a batch was appended to the corpus, now Arts: articles
// From on are new.
type GrewMsg struct {
	Arts []corpus.Article
	From int
}

// ReplacedMsg says the corpus was replaced by Arts. Old maps an article's
// number in the corpus before to its number in Arts (-1 when it is gone);
// Changed holds the files whose text changed; Index, when not nil, is
// Arts's own search index.
type ReplacedMsg struct {
	Arts    []corpus.Article
	Old     func(int) int
	Changed map[string]bool
	Index   *csearch.Index
}

// SkippedMsg carries every file the corpus skipped or warned about, as it
// stands now.
type SkippedMsg struct{ Files []load.Skipped }

// UnindexedMsg says the load is over without an index for the corpus,
// Arts: one is to be built.
type UnindexedMsg struct{ Arts []corpus.Article }

// Update takes the loader's and the watcher's messages.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case batchMsg:
		if len(msg.arts) == 0 {
			return m, nil
		}
		from := len(m.arts)
		m.arts = append(m.arts, msg.arts...)
		return m, common.Emit(GrewMsg{Arts: m.arts, From: from})
	case progressMsg:
		if msg.indexing {
			m.indexing = true
		} else {
			m.found, m.total = max(m.found, msg.found), msg.total
		}
	case searchableMsg:
		old := match(m.arts, msg.arts)
		m.arts, m.indexing, m.quoting = msg.arts, false, true
		return m, common.Emit(ReplacedMsg{Arts: m.arts, Old: old, Index: msg.ix})
	case doneMsg:
		m.loading, m.quoting = false, false
		cmds := []tea.Cmd{common.Emit(SkippedMsg{Files: msg.skipped})}
		switch {
		case msg.err != nil:
			m.err = msg.err
		case msg.ix != nil:
			old := match(m.arts, msg.arts)
			m.arts = msg.arts
			cmds = append(cmds, common.Emit(ReplacedMsg{Arts: m.arts, Old: old, Index: msg.ix}))
		case len(m.arts) > 0:
			cmds = append(cmds, common.Emit(UnindexedMsg{Arts: m.arts}))
		}
		return m, tea.Batch(cmds...)
	case changesMsg:
		next, old, skips := load.Apply(m.arts, msg.changes)
		changed := make(map[string]bool, len(msg.changes))
		for _, c := range msg.changes {
			changed[c.Path] = true
		}
		m.arts = next
		return m, tea.Batch(common.Emit(SkippedMsg{Files: skips}),
			common.Emit(ReplacedMsg{Arts: m.arts, Old: old, Changed: changed}))
	}
	return m, nil
}

// match maps the number of each article of from to its number in to, by
// ID: the batches streamed in, and the load's own corpus, sorted.
func match(from, to []corpus.Article) func(int) int {
	at := make(map[string]int, len(to))
	for i := range to {
		at[to[i].ID] = i
	}
	return func(d int) int {
		if d < 0 || d >= len(from) {
			return -1
		}
		if i, ok := at[from[d].ID]; ok {
			return i
		}
		return -1
	}
}

type (
	batchMsg      struct{ arts []corpus.Article }
	changesMsg    struct{ changes []load.Change }
	searchableMsg struct {
		arts []corpus.Article
		ix   *csearch.Index
	}
	progressMsg struct {
		found, total int
		indexing     bool
	}
	doneMsg struct {
		arts    []corpus.Article
		ix      *csearch.Index
		skipped []load.Skipped
		err     error
	}
)

// BatchLoaded wraps a batch from load.Options.Progress for
// tea.Program.Send: the list fills as files arrive.
func BatchLoaded(arts []corpus.Article) tea.Msg { return batchMsg{arts: arts} }

// LoadProgress says the load has found found files so far; done says its
// walk is over, so found is the total it will read.
func LoadProgress(found int, done bool) tea.Msg {
	if done {
		return progressMsg{found: found, total: found}
	}
	return progressMsg{found: found}
}

// LoadIndexing says the load has read every file and is building the
// index.
func LoadIndexing() tea.Msg { return progressMsg{indexing: true} }

// Searchable wraps what load.Options.Searchable receives: the whole
// corpus, sorted, and its index, in place of the batches streamed in;
// the load goes on with the quotes and ends with Loaded.
func Searchable(arts []corpus.Article, ix *csearch.Index) tea.Msg {
	return searchableMsg{arts: arts, ix: ix}
}

// LoadDone says that load.Load has returned, with every file it skipped
// or warned about; the search index is built after it.
func LoadDone(skipped []load.Skipped, err error) tea.Msg {
	return doneMsg{skipped: skipped, err: err}
}

// Loaded says that load.Open has returned the corpus arts and their index
// ix (built, or from the cache): they take the place of the batches
// streamed in, and search is ready at once.
func Loaded(arts []corpus.Article, ix *csearch.Index, skipped []load.Skipped, err error) tea.Msg {
	return doneMsg{arts: arts, ix: ix, skipped: skipped, err: err}
}

// FilesChanged wraps a batch from load.Watch for tea.Program.Send: the
// reader takes the files in, changed or gone, keeping its selection.
func FilesChanged(cs []load.Change) tea.Msg { return changesMsg{changes: cs} }
