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

// timelineGeom returns where the bars go on a line of width cells: the
// first month, how many months, and the column of the first bar.
func timelineGeom(v TimelineView, width int, line bool) (start, n, x0 int, note string) {
	note = undatedLabel(v)
	if !v.TL.Dated() {
		return -1, 0, 0, note
	}
	room := width
	if line {
		if room-len(note) >= 12 {
			room -= len(note)
		} else {
			note = ""
		}
		if room >= 24 {
			x0 = 5 // "2019 " before, " 2024" after
			if v.Focused {
				x0 = 6 // and the focus marker
			}
			room -= x0 + 5
		}
	} else {
		if room-len(note) >= 12 {
			room -= len(note) + 1
		} else {
			note = ""
		}
	}
	room = max(room, 0)
	start = TimelineStart(v.TL, room, v.anchor())
	n = min(v.TL.Len(), room)
	return start, n, x0, note
}

// bars draws n months from start. Cells are grouped into runs of one
// style and each run is rendered once: a frame costs a handful of Render
// calls, not one per month.
func (v TimelineView) bars(s Styles, start, n int) string {
	top := v.TL.Max()
	hitTop := 0
	for _, c := range v.Hits {
		hitTop = max(hitTop, c)
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
	for m := start; m < start+n; m++ {
		c := v.TL.Count(m)
		cell, kind := s.mark(c, top), stBar
		if c == 0 {
			kind = stEmpty
		}
		if v.Hits != nil {
			h := 0
			if i := m - v.TL.First; i >= 0 && i < len(v.Hits) {
				h = v.Hits[i]
			}
			cell, kind = s.mark(h, hitTop), stHit
			if h == 0 {
				kind = stEmpty
				if c > 0 {
					cell = s.mark(0, 0)
				}
			}
		}
		switch {
		case v.Focused && m == v.Cursor:
			kind = stCursor
			if cell == " " || cell == "·" {
				cell = "_"
			}
		case m == v.Selected:
			kind = stSelected
		}
		if kind != cur {
			flush()
			cur = kind
		}
		run.WriteString(cell)
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
	start, n, _, note := timelineGeom(v, width, false)
	var lines [TimelineLines]string
	lines[0] = v.bars(s, start, n)
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
// "2019 ▁▂▅▇ 2024 +3 undated".
func RenderTimelineLine(v TimelineView, s Styles, width int) string {
	if width <= 0 {
		return ""
	}
	if !v.TL.Dated() {
		return Fit(s.Muted.Render("no dated articles"+undatedLabel(v)), width, 1)
	}
	start, n, x0, note := timelineGeom(v, width, true)
	var b strings.Builder
	if v.Focused && x0 > 0 {
		// The one-line form has no border to light up: a marker in the
		// first year's place says it has the keyboard.
		mk := "▸"
		if s.ASCII {
			mk = ">"
		}
		b.WriteString(s.PaneTitleFocused.Render(mk))
	}
	// "‹" and "›" beside the labels say the window does not reach the
	// span's first or last month.
	before, after := " ", " "
	if start > v.TL.First {
		before = "‹"
	}
	if start+n-1 < v.TL.Last {
		after = "›"
	}
	if s.ASCII {
		before, after = strings.NewReplacer("‹", "<").Replace(before), strings.NewReplacer("›", ">").Replace(after)
	}
	if x0 > 0 {
		b.WriteString(s.Year.Render(fmt.Sprintf("%-4.4s", strconv.Itoa(corpus.MonthYear(start))) + before))
	}
	b.WriteString(v.bars(s, start, n))
	if x0 > 0 {
		b.WriteString(s.Year.Render(after + fmt.Sprintf("%-4.4s", strconv.Itoa(corpus.MonthYear(start+n-1)))))
	}
	b.WriteString(s.Muted.Render(note))
	return Fit(b.String(), width, 1)
}

// TimelineAt maps a click at column x of line y of the timeline's body
// (line is true for the one-line form) to a month, -1 for none. A click on
// a year label gives that year's first month on the axis.
func TimelineAt(v TimelineView, width, x, y int, line bool) int {
	if !v.TL.Dated() || x < 0 || y < 0 {
		return -1
	}
	start, n, x0, _ := timelineGeom(v, width, line)
	i := x - x0
	if i < 0 || i >= n {
		return -1
	}
	m := start + i
	if !line && y == 2 {
		// A year label spans four cells from its January.
		for j := m; j >= start && j > m-5; j-- {
			if corpus.MonthOfYear(j) == 1 || j == start {
				return v.TL.Clamp(corpus.MonthYear(j) * 12)
			}
		}
	}
	return m
}
