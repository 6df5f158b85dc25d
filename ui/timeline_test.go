package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/parse"
)

// TestTimelineLineWholeSpan: the one-line timeline shows the seeds' whole
// span, 2018 to 2024, at every width that has room for the labels, in
// buckets that fit, and never overflows or panics down to 1 column.
func TestTimelineLineWholeSpan(t *testing.T) {
	tl := corpus.NewTimeline(parse.Embedded())
	s := NewStyles(DarkTheme(), termenv.Ascii)
	for _, tc := range []struct {
		width  int
		per    int // months a cell
		labels bool
	}{
		{80, 3, true}, {50, 3, true}, {30, 6, true}, {17, 12, true}, {16, 60, true}, {10, 84, false}, {1, 84, false},
	} {
		for _, focused := range []bool{false, true} {
			v := TimelineView{TL: tl, Selected: 2022*12 + 8, Cursor: 2021*12 + 8, Focused: focused}
			l := RenderTimelineLine(v, s, tc.width)
			if w := lipgloss.Width(l); w != tc.width || strings.Contains(l, "\n") {
				t.Fatalf("width %d: %d cells: %q", tc.width, w, l)
			}
			lay := layoutLine(v, tc.width)
			if tc.width >= 30 && (lay.per != tc.per || lay.labels != tc.labels) {
				t.Errorf("width %d focused %v: %d months a cell, labels %v; want %d, %v", tc.width, focused, lay.per, lay.labels, tc.per, tc.labels)
			}
			if tc.labels && !focused || tc.width >= 30 {
				if !strings.Contains(l, "2018 ") || !strings.Contains(l, " 2024") {
					t.Errorf("width %d focused %v: the span's years are not both shown: %q", tc.width, focused, l)
				}
			}
			if tc.width >= 30 && strings.Index(l, "2018") > strings.Index(l, "2024") {
				t.Errorf("width %d: years out of order: %q", tc.width, l)
			}
		}
	}
	// At 80 columns the note stays, and every quarter of seven years has
	// its cell.
	l := RenderTimelineLine(TimelineView{TL: tl, Selected: -1, Cursor: -1}, s, 80)
	if !strings.HasPrefix(l, "2018 ") || !strings.Contains(l, " 2024 +1 undated") {
		t.Fatalf("80: %q", l)
	}
	if bars := l[len("2018 "):strings.Index(l, " 2024")]; lipgloss.Width(bars) != 28 {
		t.Fatalf("80: %d cells for 28 quarters: %q", lipgloss.Width(bars), bars)
	}
}

// TestTimelineLineBuckets: a cell is the sum of its months, the cursor and
// the selection light the cell their month is in, and a click maps back
// to the first month of the cell.
func TestTimelineLineBuckets(t *testing.T) {
	arts := []corpus.Article{
		{Date: corpus.Date{Year: 2020, Month: 1, Prec: corpus.PrecMonth}},
		{Date: corpus.Date{Year: 2020, Month: 3, Prec: corpus.PrecMonth}},
		{Date: corpus.Date{Year: 2023, Month: 12, Prec: corpus.PrecMonth}},
	}
	tl := corpus.NewTimeline(arts)
	s := NewStyles(DarkTheme(), termenv.Ascii)
	s.ASCII = true
	v := TimelineView{TL: tl, Selected: -1, Cursor: -1}
	// 48 months in 30 columns: quarters, 16 cells.
	l := RenderTimelineLine(v, s, 30)
	if want := "2020 @              = 2023"; !strings.HasPrefix(l, want) {
		t.Fatalf("quarters: %q, want %q", l, want)
	}
	if m := TimelineAt(v, 30, 5+4, 0, true); m != 2021*12 {
		t.Fatalf("a click on the fifth cell: %d, want 2021-01", m)
	}
	if m := TimelineAt(v, 30, 4, 0, true); m != -1 {
		t.Fatalf("a click on the label: %d", m)
	}
	// The cursor in February lights the first quarter's cell.
	v.Focused, v.Cursor = true, 2020*12+1
	l = RenderTimelineLine(v, s, 30)
	if !strings.HasPrefix(l, ">2020 @") {
		t.Fatalf("focused: %q", l)
	}
}

// TestTimelineLineLongSpan: a span too long for years takes whole numbers
// of years a cell, and a span of one year still labels it.
func TestTimelineLineLongSpan(t *testing.T) {
	var arts []corpus.Article
	for y := 1900; y <= 2024; y += 3 {
		arts = append(arts, corpus.Article{Date: corpus.Date{Year: y, Month: 6, Prec: corpus.PrecMonth}})
	}
	tl := corpus.NewTimeline(arts)
	s := NewStyles(DarkTheme(), termenv.Ascii)
	for _, w := range []int{1, 2, 5, 11, 20, 50, 80, 200} {
		v := TimelineView{TL: tl, Selected: 1950 * 12, Cursor: -1}
		l := RenderTimelineLine(v, s, w)
		if lipgloss.Width(l) != w {
			t.Fatalf("width %d: %q", w, l)
		}
		if lay := layoutLine(v, w); w >= 20 && (lay.per%12 != 0 || lay.n > w) {
			t.Fatalf("width %d: %+v", w, lay)
		}
		if w >= 20 && (!strings.HasPrefix(l, "1900 ") || !strings.Contains(l, " 2023")) {
			t.Fatalf("width %d: %q", w, l)
		}
	}
	one := corpus.NewTimeline(arts[:1])
	if l := RenderTimelineLine(TimelineView{TL: one, Selected: -1, Cursor: -1}, s, 50); !strings.HasPrefix(l, fmt.Sprintf("%d ", 1900)) || !strings.Contains(l, " 1900") {
		t.Fatalf("one year: %q", l)
	}
}
