package model

import (
	"dossier/corpus/load"
	"dossier/corpus/search"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/ui"
)

// Messages are named for what has happened. Those answering a request
// carry the generation of the request, so a late answer to an old request
// (a search for "ky" arriving after the one for "kyr") is dropped rather
// than shown over a newer one.

// articleRenderedMsg is a rendered article, with the match spans it was
// rendered with.
type articleRenderedMsg struct {
	gen   int
	key   renderKey
	text  string
	spans []search.Span
	plain bool // the renderer ran out of time and the plain fallback was used
}

// searchDoneMsg carries the hits for query.
type searchDoneMsg struct {
	gen   int
	query string
	hits  []search.Hit
}

// indexBuiltMsg carries the search index over the first n articles.
type indexBuiltMsg struct {
	ix *search.Index
	n  int
}

// batchLoadedMsg carries articles the loader has parsed, in arrival order.
type batchLoadedMsg struct{ arts []corpus.Article }

// loadDoneMsg says the loader has finished.
type loadDoneMsg struct {
	skipped []load.Skipped
	err     error
}

// BatchLoaded wraps a batch from load.Options.Progress for
// tea.Program.Send: the list fills as files arrive.
func BatchLoaded(arts []corpus.Article) tea.Msg { return batchLoadedMsg{arts: arts} }

// LoadDone tells the reader that load.Load has returned; the search
// index is built after it.
func LoadDone(skipped []load.Skipped, err error) tea.Msg {
	return loadDoneMsg{skipped: skipped, err: err}
}

// searchLimit caps the hits a corpus search returns: more than a reader
// scrolls through, few enough that ranking and drawing stay cheap.
const searchLimit = 1000

func searchCmd(ix *search.Index, gen int, q string) tea.Cmd {
	return func() tea.Msg {
		return searchDoneMsg{gen: gen, query: q, hits: ix.Search(q, searchLimit)}
	}
}

func buildIndexCmd(arts []corpus.Article) tea.Cmd {
	return func() tea.Msg {
		return indexBuiltMsg{ix: search.NewIndex(arts), n: len(arts)}
	}
}

// renderTimeout is how long the reader waits for the full renderer before
// showing the plain fallback: a pathological article must not leave the
// pane blank.
const renderTimeout = time.Second

// renderCmd finds the matches of key.query in a and renders it for
// key.width. The full renderer runs in its own goroutine so a slow or
// panicking render falls back to plain text instead of hanging the pane.
func renderCmd(a *corpus.Article, gen int, key renderKey, th ui.Theme) tea.Cmd {
	return func() tea.Msg {
		var spans []search.Span
		if key.query != "" {
			spans = search.Find(a, key.query)
		}
		done := make(chan string, 1)
		go func() {
			defer func() {
				if recover() != nil {
					done <- ""
				}
			}()
			done <- ui.RenderArticle(a, key.width, th, spans)
		}()
		timer := time.NewTimer(renderTimeout)
		defer timer.Stop()
		msg := articleRenderedMsg{gen: gen, key: key, spans: spans}
		select {
		case msg.text = <-done:
		case <-timer.C:
		}
		if msg.text == "" {
			msg.text, msg.plain = ui.RenderPlainTheme(a, key.width, th, spans), true
		}
		msg.text = ui.OnlySGR(msg.text)
		return msg
	}
}

// errorText is how an error reads in the status line.
func errorText(err error) string { return fmt.Sprintf("error: %v", err) }
