package model

import (
	"fmt"

	"dossier/corpus"
)

// filterKind is how the timeline narrows the list.
type filterKind int

const (
	filterNone filterKind = iota
	filterYear
	filterMonth
)

// timelineModel is the timeline pane's state: a cursor month and the
// filter it has put on the list.
type timelineModel struct {
	tl     corpus.Timeline
	cursor int // MonthIndex, -1 when nothing is dated
	filter filterKind
	year   int // the filtered year
	month  int // the filtered MonthIndex
}

// keep reports whether a passes the filter. Year-only dates pass a year
// filter; undated articles pass none.
func (t *timelineModel) keep(a *corpus.Article) bool {
	switch t.filter {
	case filterYear:
		return corpus.YearRange(t.year).Contains(a.Date)
	case filterMonth:
		return corpus.MonthRange(t.month).Contains(a.Date)
	}
	return true
}

// label says which filter is on, "" for none.
func (t *timelineModel) label() string {
	switch t.filter {
	case filterYear:
		return fmt.Sprintf("filter %04d", t.year)
	case filterMonth:
		return "filter " + corpus.MonthDate(t.month).Text()
	}
	return ""
}

// moveCursor moves the cursor by d months, staying on the axis.
func (t *timelineModel) moveCursor(d int) {
	if !t.tl.Dated() {
		t.cursor = -1
		return
	}
	if t.cursor < 0 {
		t.cursor = t.tl.Last
	}
	t.cursor = t.tl.Clamp(t.cursor + d)
}

// narrow applies enter: the cursor's year first, then, on the same year,
// its month.
func (t *timelineModel) narrow() {
	if t.cursor < 0 {
		return
	}
	y := corpus.MonthYear(t.cursor)
	if t.filter == filterYear && t.year == y || t.filter == filterMonth && corpus.MonthYear(t.month) == y {
		t.filter, t.month = filterMonth, t.cursor
		return
	}
	t.filter, t.year = filterYear, y
}
