package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// The quotes explorer draws two lists: the corpus's speakers, each with
// the number of their quotes and a sparkline of when they were quoted,
// and one speaker's quotes in date order with their citations.

// SpeakerRow is one speaker in the explorer.
type SpeakerRow struct {
	Name  string
	Count int   // quotes
	Spark []int // quotes per month along the timeline, any length
	Pos   []int // byte offsets in Name matched by the filter
}

// SpeakersView is the explorer's list of speakers.
type SpeakersView struct {
	Rows           []SpeakerRow
	Offset, Cursor int // indexes into Rows
	Focused        bool
	Empty          string // shown when Rows is empty
}

// QuoteRow is one quote with its citation.
type QuoteRow struct {
	Text, Date, Source, Title string
}

// QuotesView is one speaker's quotes.
type QuotesView struct {
	Rows           []QuoteRow
	Offset, Cursor int
	Focused        bool
	Empty          string
}

// QuoteItemHeight is the lines one quote takes: two of text, one of
// citation.
const QuoteItemHeight = 3

// sparkWidth is the sparkline's width in cells when the row has room.
const sparkWidth = 24

// RenderSpeakers draws the rows of v that fit: the name, a sparkline and
// the count, exactly width cells by height lines.
func RenderSpeakers(v SpeakersView, s Styles, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	var lines []string
	if len(v.Rows) == 0 {
		msg, _ := cut(v.Empty, width)
		lines = append(lines, s.Muted.Render(msg))
	}
	countW := 1
	for _, r := range v.Rows {
		countW = max(countW, len(fmt.Sprint(r.Count)))
	}
	spark := min(sparkWidth, max(width/3, 0))
	hasSpark := false
	for _, r := range v.Rows {
		hasSpark = hasSpark || r.Spark != nil
	}
	if width < 30 || !hasSpark {
		spark = 0 // a facet list has no timeline to draw
	}
	for i := max(v.Offset, 0); i < len(v.Rows) && len(lines) < height; i++ {
		r := v.Rows[i]
		nameW := max(width-countW-1-spark-boolInt(spark > 0), 1)
		name, kept := cut(oneLine(r.Name), nameW)
		var pos []int
		for _, p := range r.Pos {
			if p < kept {
				pos = append(pos, p)
			}
		}
		selected := i == v.Cursor
		base := s.Text
		if selected {
			base = s.cursor(v.Focused)
		}
		row := highlight(name, posMask(len(name), pos), base, s.Match.Inherit(base))
		row += base.Render(strings.Repeat(" ", max(nameW-widthOf(name), 0)))
		if spark > 0 {
			row += base.Render(" ") + s.Bar.Inherit(base).Render(Sparkline(r.Spark, spark, s.ASCII))
		}
		row += base.Render(" ") + s.Muted.Inherit(base).Render(fmt.Sprintf("%*d", countW, r.Count))
		lines = append(lines, row)
	}
	return Fit(strings.Join(lines, "\n"), width, height)
}

// RenderQuotes draws the quotes of v that fit, QuoteItemHeight lines each:
// the quote, wrapped to two lines and cut with "…", then its date,
// outlet and article.
func RenderQuotes(v QuotesView, s Styles, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	var lines []string
	if len(v.Rows) == 0 {
		msg, _ := cut(v.Empty, width)
		lines = append(lines, s.Muted.Render(msg))
	}
	for i := max(v.Offset, 0); i < len(v.Rows) && len(lines)+QuoteItemHeight <= height; i++ {
		r := v.Rows[i]
		base, cite := s.Text, s.Muted
		if i == v.Cursor {
			base = s.cursor(v.Focused)
			cite = cite.Inherit(base)
		}
		text := wrapTwo("«"+oneLine(r.Text)+"»", width)
		for _, l := range text {
			lines = append(lines, base.Render(pad(l, width)))
		}
		parts := []string{r.Date}
		if r.Source != "" {
			parts = append(parts, r.Source)
		}
		parts = append(parts, oneLine(r.Title))
		c, _ := cut("  "+strings.Join(parts, " · "), width)
		lines = append(lines, cite.Render(pad(c, width)))
	}
	return Fit(strings.Join(lines, "\n"), width, height)
}

// wrapTwo wraps s at spaces into two lines of width cells, the second cut
// with "…" when more remains.
func wrapTwo(s string, width int) [2]string {
	var out [2]string
	if widthOf(s) <= width {
		out[0] = s
		return out
	}
	first, _ := cut(s, width+1) // the cut's "…" marks where it stopped
	first = strings.TrimSuffix(first, "…")
	if i := strings.LastIndexByte(first, ' '); i > 0 {
		first = first[:i]
	}
	out[0] = first
	out[1], _ = cut(strings.TrimLeft(s[len(first):], " "), width)
	return out
}

// sparkLevels draw a sparkline from nothing to the most; the ASCII set is
// for terminals without block characters.
var (
	sparkLevels      = []rune(" ▁▂▃▄▅▆▇█")
	sparkLevelsASCII = []rune(" .:-=+*#")
)

// Sparkline draws counts in width cells, each cell the sum of the counts
// it stands for, scaled to the largest; a cell with any count shows at
// least the lowest mark, so one quote in a decade is still seen.
func Sparkline(counts []int, width int, ascii bool) string {
	if width <= 0 {
		return ""
	}
	levels := sparkLevels
	if ascii {
		levels = sparkLevelsASCII
	}
	cells := make([]int, width)
	if n := len(counts); n > 0 {
		for i, c := range counts {
			cells[i*width/n] += c
		}
	}
	top := 0
	for _, c := range cells {
		top = max(top, c)
	}
	var b strings.Builder
	for _, c := range cells {
		l := 0
		if c > 0 && top > 0 {
			l = max(1, c*(len(levels)-1)/top)
		}
		b.WriteRune(levels[l])
	}
	return b.String()
}

// cursor is the selected row's style, focused or not.
func (s Styles) cursor(focused bool) lipgloss.Style {
	if focused {
		return s.Cursor
	}
	return s.CursorBlur
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
