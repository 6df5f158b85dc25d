package model

import (
	"dossier/corpus/search"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// searchModel is the search line. It searches the corpus from the list and
// the timeline, and the open article from the article pane.
type searchModel struct {
	input  textinput.Model
	active bool // the line has the keyboard
	inDoc  bool // searching the open article, not the corpus

	gen     int          // stamps each corpus search; older answers are dropped
	query   string       // the query whose hits are shown
	hits    []search.Hit // nil when the list is not showing hits
	counts  []int        // hits per timeline month
	off     int          // hits with no month on the timeline
	pending bool         // a query waits for the index
}

func newSearch() searchModel {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "search"
	ti.CharLimit = 200
	// A static cursor: no blink timer ticking through every frame, and
	// views that golden files can pin.
	ti.Cursor.SetMode(cursor.CursorStatic)
	return searchModel{input: ti}
}

// showing reports whether the search line takes a row on screen.
func (s *searchModel) showing() bool { return s.active || s.hits != nil }
