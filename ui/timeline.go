package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"dossier/corpus"
)

// TimelineView is what the timeline shows. Months are corpus.MonthIndex
// values throughout, -1 meaning none.
type TimelineView struct {
	TL corpus.Timeline
	// Hits, when not nil, has TL.Counts' shape: the search hits per month.
	// The marks then show the hits, and months without any fade.
	Hits []int
	// HitsOff counts the hits that have no month on the axis (undated or
	// dated to the year only), shown beside it while Hits is set.
	HitsOff  int
	Selected int // the selected article's month
	Cursor   int // the cursor's month; drawn only when Focused
	Focused  bool
}

// TimelineLines is the height of the full timeline's body.
const TimelineLines = 3

var (
	blocks = []rune("▁▂▃▄▅▆▇█")
	asciiM = []rune(".:-=+*#@")
)

// mark returns the cell for count c against the largest count top: taller
// with the count, and never empty for a month that has any.
func (s Styles) mark(c, top int) string {
	levels := blocks
	empty := "·"
	if s.ASCII {
		levels, empty = asciiM, " "
	}
	if c <= 0 || top <= 0 {
		return empty
	}
	l := (c*len(levels) + top - 1) / top // ceil: one article is never invisible
	return string(levels[min(max(l, 1), len(levels))-1])
}

// TimelineStart returns the first month drawn when cols cells are free:
// the whole axis if it fits, else a window that keeps anchor (the cursor or
// the selected month) in view, centred when it can be.
func TimelineStart(tl corpus.Timeline, cols, anchor int) int {
	n := tl.Len()
	if n <= cols || cols <= 0 {
		return tl.First
	}
	if anchor < tl.First || anchor > tl.Last {
		anchor = tl.Last
	}
	start := anchor - cols/2
	return min(max(start, tl.First), tl.Last-cols+1)
}

func (v TimelineView) anchor() int {
	if v.Focused && v.Cursor >= 0 {
		return v.Cursor
	}
	if v.Selected >= 0 {
		return v.Selected
	}
	return v.TL.Last
}

// undatedLabel is the note drawn beside the axis: the articles, or while
// searching the hits, that have no month on it.
func undatedLabel(v TimelineView) string {
	n := v.TL.Undated + v.TL.YearOnly
	if v.Hits != nil {
		n = v.HitsOff
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" +%d undated", n)
}

// timelineGeom returns where the full timeline's bars go on a line of
// width cells: the first month and how many months. The full form has a
// cell a month, and a window over the axis when it is wider than the
// pane.
func timelineGeom(v TimelineView, width int) (start, n int, note string) {
	note = undatedLabel(v)
	if !v.TL.Dated() {
		return -1, 0, note
	}
	room := width
	if room-len(note) >= 12 {
		room -= len(note) + 1
	} else {
		note = ""
	}
	room = max(room, 0)
	start = TimelineStart(v.TL, room, v.anchor())
	n = min(v.TL.Len(), room)
	return start, n, note
}

// The one-line timeline, drawn where there is no room for the full one,
// shows the whole span, never a window: a reader who sees "2022 … 2024"
// takes the corpus to start in 2022. When the months do not fit, a cell
// holds a bucket of them, the fewest that fit of a month, a quarter, half
// a year, a year, then whole numbers of years; buckets follow the calendar
// (a quarter is January to March), so a year is always a whole number of
// cells and no year falls out. The first and last year stand at the ends
// as labels. What gives way when the width shrinks, in order: the undated
// note, the finer buckets, then the labels.
const (
	lineLabels  = 10 // "2018 " before the bars, " 2024" after
	lineNoteMin = 12 // the bars keep at least this much room beside the note
)

// lineBuckets are the bucket sizes tried before whole numbers of years.
var lineBuckets = []int{1, 3, 6, 12}

// lineLayout is where the one-line timeline's parts go.
type lineLayout struct {
	per    int  // months a cell
	n      int  // cells
	x0     int  // column of the first cell
	labels bool // the first and last year at the ends
	note   string
}

// bucketCells is how many cells of per months the axis takes.
func bucketCells(tl corpus.Timeline, per int) int {
	return floorDiv(tl.Last, per) - floorDiv(tl.First, per) + 1
}

// fitBucket is the fewest months a cell that fit the axis into room
// cells, 0 when none does; whole numbers of years are tried only with
// years set.
func fitBucket(tl corpus.Timeline, room int, years bool) int {
	if room <= 0 {
		return 0
	}
	for _, per := range lineBuckets {
		if bucketCells(tl, per) <= room {
			return per
		}
	}
	if !years {
		return 0
	}
	span := (tl.Last-tl.First)/12 + 1
	for k := max((span+room-1)/room, 2); k <= span; k++ {
		if bucketCells(tl, 12*k) <= room {
			return 12 * k
		}
	}
	return 12 * (span + 1) // at most two cells; the caller cuts to room
}

// layoutLine lays the one-line timeline out on width cells.
func layoutLine(v TimelineView, width int) lineLayout {
	note := undatedLabel(v)
	mark := 0
	if v.Focused {
		mark = 1 // the focus marker before the first year
	}
	labels := lineLabels + mark
	if room := width - labels - len(note); room >= lineNoteMin {
		if per := fitBucket(v.TL, room, false); per > 0 {
			return lineLayout{per: per, n: bucketCells(v.TL, per), x0: 5 + mark, labels: true, note: note}
		}
	}
	if per := fitBucket(v.TL, width-labels, true); per > 0 {
		return lineLayout{per: per, n: bucketCells(v.TL, per), x0: 5 + mark, labels: true}
	}
	per := fitBucket(v.TL, max(width, 1), true)
	return lineLayout{per: per, n: min(bucketCells(v.TL, per), max(width, 0))}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// bars draws n cells of per months each, the first holding month start
// (buckets follow the calendar: cell i is bucket floor(start/per)+i, cut
// to the axis). A cell shows the sum of its months and is the cursor's or
// the selection's when that month is in it. Cells are grouped into runs
// of one style and each run is rendered once: a frame costs a handful of
// Render calls, not one per cell.
func (v TimelineView) bars(s Styles, start, n, per int) string {
	if n <= 0 {
		return ""
	}
	per = max(per, 1)
	type cell struct{ c, h, lo, hi int }
	cells := make([]cell, n)
	top, hitTop := 0, 0
	fb := floorDiv(start, per)
	for i := range cells {
		lo := max((fb+i)*per, v.TL.First)
		hi := min((fb+i)*per+per-1, v.TL.Last)
		c := cell{lo: lo, hi: hi}
		for m := lo; m <= hi; m++ {
			c.c += v.TL.Count(m)
			if j := m - v.TL.First; v.Hits != nil && j >= 0 && j < len(v.Hits) {
				c.h += v.Hits[j]
			}
		}
		top, hitTop = max(top, c.c), max(hitTop, c.h)
		cells[i] = c
	}
	const (
		stBar = iota
		stEmpty
		stHit
		stCursor
		stSelected
	)
	var b, run strings.Builder
	cur := -1
	flush := func() {
		if run.Len() == 0 {
			return
		}
		var st lipgloss.Style
		switch cur {
		case stBar:
			st = s.Bar
		case stEmpty:
			st = s.BarEmpty
		case stHit:
			st = s.BarHit
		case stCursor:
			st = s.TimeCursor
		case stSelected:
			st = s.TimeSelected
		}
		b.WriteString(st.Render(run.String()))
		run.Reset()
	}
	in := func(m int, c cell) bool { return m >= c.lo && m <= c.hi }
	for _, c := range cells {
		mk, kind := s.mark(c.c, top), stBar
		if c.c == 0 {
			kind = stEmpty
		}
		if v.Hits != nil {
			mk, kind = s.mark(c.h, hitTop), stHit
			if c.h == 0 {
				kind = stEmpty
				if c.c > 0 {
					mk = s.mark(0, 0)
				}
			}
		}
		switch {
		case v.Focused && in(v.Cursor, c):
			kind = stCursor
			if mk == " " || mk == "·" {
				mk = "_"
			}
		case in(v.Selected, c):
			kind = stSelected
		}
		if kind != cur {
			flush()
			cur = kind
		}
		run.WriteString(mk)
	}
	flush()
	return b.String()
}

// RenderTimeline draws the full timeline, TimelineLines lines of width
// cells: the marks with the undated count beside them, a line marking the
// selected article's month, and the year labels.
func RenderTimeline(v TimelineView, s Styles, width int) string {
	if width <= 0 {
		return ""
	}
	if !v.TL.Dated() {
		msg := "no dated articles"
		if note := undatedLabel(v); note != "" {
			msg += " ·" + note
		}
		return Fit(s.Muted.Render(msg), width, TimelineLines)
	}
	start, n, note := timelineGeom(v, width)
	var lines [TimelineLines]string
	lines[0] = v.bars(s, start, n, 1)
	if note != "" {
		lines[0] += " " + s.Muted.Render(note)
	}
	arrow := "▲"
	if s.ASCII {
		arrow = "^"
	}
	if i := v.Selected - start; v.Selected >= 0 && i >= 0 && i < n {
		lines[1] = strings.Repeat(" ", i) + s.TimeSelected.Render(arrow)
	}
	lines[2] = s.Year.Render(yearLabels(start, n))
	return Fit(strings.Join(lines[:], "\n"), width, TimelineLines)
}

// yearLabels writes each year's number at its January (or at the window's
// first month), skipping a label that would run into the previous one.
func yearLabels(start, n int) string {
	b := []byte(strings.Repeat(" ", n))
	next := 0
	for m := start; m < start+n; m++ {
		if m != start && corpus.MonthOfYear(m) != 1 {
			continue
		}
		if next := 13 - corpus.MonthOfYear(m); m == start && next < 13 && next <= 4 && next+4 <= n {
			continue // the next January is too close: label that year instead
		}
		at := m - start
		y := strconv.Itoa(corpus.MonthYear(m))
		if at < next || at+len(y) > n {
			continue
		}
		copy(b[at:], y)
		next = at + len(y) + 1
	}
	return string(b)
}

// RenderTimelineLine draws the timeline on one line for narrow windows:
// "2018 ·▂·█··▅·█ 2024 +1 undated", the whole span in cells of a month, a
// quarter, half a year or a year, whichever fit (see layoutLine).
func RenderTimelineLine(v TimelineView, s Styles, width int) string {
	if width <= 0 {
		return ""
	}
	if !v.TL.Dated() {
		return Fit(s.Muted.Render("no dated articles"+undatedLabel(v)), width, 1)
	}
	l := layoutLine(v, width)
	var b strings.Builder
	if v.Focused && l.labels {
		// The one-line form has no border to light up: a marker before
		// the first year says it has the keyboard.
		mk := "▸"
		if s.ASCII {
			mk = ">"
		}
		b.WriteString(s.PaneTitleFocused.Render(mk))
	}
	year := func(m int) string { return fmt.Sprintf("%-4.4s", strconv.Itoa(corpus.MonthYear(m))) }
	if l.labels {
		b.WriteString(s.Year.Render(year(v.TL.First) + " "))
	}
	b.WriteString(v.bars(s, v.TL.First, l.n, l.per))
	if l.labels {
		b.WriteString(s.Year.Render(" " + year(v.TL.Last)))
	}
	b.WriteString(s.Muted.Render(l.note))
	return Fit(b.String(), width, 1)
}

// TimelineAt maps a click at column x of line y of the timeline's body
// (line is true for the one-line form) to a month, -1 for none. A click on
// a year label gives that year's first month on the axis.
func TimelineAt(v TimelineView, width, x, y int, line bool) int {
	if !v.TL.Dated() || x < 0 || y < 0 {
		return -1
	}
	if line {
		l := layoutLine(v, width)
		i := x - l.x0
		if i < 0 || i >= l.n {
			return -1
		}
		return v.TL.Clamp((floorDiv(v.TL.First, l.per) + i) * l.per)
	}
	start, n, _ := timelineGeom(v, width)
	i := x
	if i < 0 || i >= n {
		return -1
	}
	m := start + i
	if y == 2 {
		// A year label spans four cells from its January.
		for j := m; j >= start && j > m-5; j-- {
			if corpus.MonthOfYear(j) == 1 || j == start {
				return v.TL.Clamp(corpus.MonthYear(j) * 12)
			}
		}
	}
	return m
}
