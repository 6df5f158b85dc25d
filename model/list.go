package model

import (
	"dossier/corpus/search"
	"slices"
	"strings"

	"dossier/corpus"
)

// sortMode is the list's order when it is not showing search hits.
type sortMode int

const (
	byDate  sortMode = iota // newest first, undated last
	byTitle                 // A to Z, case folded
)

func (s sortMode) String() string {
	if s == byTitle {
		return "by title"
	}
	return "by date"
}

// listModel is the article list's state. It holds article indexes, never
// articles: the visible order is a []int, so moving the cursor is O(1) and
// only the rows on screen are ever drawn, whatever the corpus size.
type listModel struct {
	byDate  []int // every article, newest first; kept sorted as batches arrive
	byTitle []int // every article by title; built on first use
	sort    sortMode

	order []int        // what is shown: a base order, filtered, or the hits
	hits  []search.Hit // parallel to order while searching, else nil

	cursor, offset int
	width, height  int  // inner size in cells
	touched        bool // the reader has moved in the list
}

// newer orders articles newest first, undated last, then by ID for a
// stable order between equal dates.
func newer(arts []corpus.Article) func(i, j int) int {
	return func(i, j int) int { return corpus.Newest(&arts[i], &arts[j]) }
}

// addArticles takes articles from index from on into the date order. The
// new batch is sorted on its own and merged, O(n + b log b), so a folder of
// 100,000 files streaming in batches does not re-sort the corpus per batch.
func (l *listModel) addArticles(arts []corpus.Article, from int) {
	cmp := newer(arts)
	batch := make([]int, 0, len(arts)-from)
	for i := from; i < len(arts); i++ {
		batch = append(batch, i)
	}
	slices.SortFunc(batch, cmp)
	merged := make([]int, 0, len(l.byDate)+len(batch))
	i, j := 0, 0
	for i < len(l.byDate) && j < len(batch) {
		if cmp(l.byDate[i], batch[j]) <= 0 {
			merged = append(merged, l.byDate[i])
			i++
		} else {
			merged = append(merged, batch[j])
			j++
		}
	}
	merged = append(append(merged, l.byDate[i:]...), batch[j:]...)
	l.byDate = merged
	l.byTitle = nil
}

// base returns every article in the current sort order.
func (l *listModel) base(arts []corpus.Article) []int {
	if l.sort == byDate {
		return l.byDate
	}
	if len(l.byTitle) != len(arts) {
		folded := make([]string, len(arts))
		for i := range arts {
			folded[i] = strings.ToLower(arts[i].Title)
		}
		l.byTitle = make([]int, len(arts))
		for i := range l.byTitle {
			l.byTitle[i] = i
		}
		slices.SortStableFunc(l.byTitle, func(a, b int) int {
			if c := strings.Compare(folded[a], folded[b]); c != 0 {
				return c
			}
			return strings.Compare(arts[a].ID, arts[b].ID)
		})
	}
	return l.byTitle
}

// itemHeight is the lines one item takes.
func (l *listModel) itemHeight() int {
	if l.hits != nil {
		return 2
	}
	return 1
}

// rows is how many items fit on screen, at least one.
func (l *listModel) rows() int { return max(l.height/l.itemHeight(), 1) }

// selected returns the article under the cursor, -1 when the list is empty.
func (l *listModel) selected() int {
	if l.cursor < 0 || l.cursor >= len(l.order) {
		return -1
	}
	return l.order[l.cursor]
}

// moveTo puts the cursor on item i, clamped, and scrolls just enough to
// keep it on screen.
func (l *listModel) moveTo(i int) {
	l.cursor = min(max(i, 0), max(len(l.order)-1, 0))
	l.clampScroll()
}

func (l *listModel) clampScroll() {
	rows := l.rows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = min(max(l.offset, 0), max(len(l.order)-rows, 0))
}

// selectDoc moves the cursor onto article doc if it is shown; it reports
// whether it was.
func (l *listModel) selectDoc(doc int) bool {
	if doc < 0 {
		return false
	}
	if i := slices.Index(l.order, doc); i >= 0 {
		l.moveTo(i)
		return true
	}
	return false
}

// itemAt maps a line of the list's body to an item, -1 for none.
func (l *listModel) itemAt(y int) int {
	if y < 0 || y >= l.height {
		return -1
	}
	i := l.offset + y/l.itemHeight()
	if i >= len(l.order) {
		return -1
	}
	return i
}
