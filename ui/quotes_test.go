package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestSparkline(t *testing.T) {
	for _, c := range []struct {
		counts []int
		width  int
		want   string
	}{
		{[]int{0, 1, 0, 8}, 4, " ▁ █"},
		{[]int{1, 1, 1, 1, 0, 0, 0, 8}, 4, "▂▂ █"}, // two months a cell, summed
		{nil, 3, "   "},
		{[]int{5}, 0, ""},
		{[]int{0, 100, 1}, 3, " █▁"}, // one quote still shows
	} {
		if got := Sparkline(c.counts, c.width, false); got != c.want {
			t.Errorf("Sparkline(%v, %d) = %q, want %q", c.counts, c.width, got, c.want)
		}
	}
	if got := Sparkline([]int{0, 1, 8}, 3, true); got != " .#" {
		t.Errorf("ASCII sparkline = %q", got)
	}
}

func TestRenderSpeakersAndQuotes(t *testing.T) {
	s := NewStyles(PlainTheme(), termenv.Ascii)
	v := SpeakersView{Rows: []SpeakerRow{
		{Name: "Marat Imankulov", Count: 7, Spark: []int{0, 3, 0, 4}},
		{Name: "Sooronbai Jeenbekov", Count: 4, Spark: []int{4, 0, 0, 0}},
	}, Cursor: 1, Focused: true}
	for _, size := range [][2]int{{80, 5}, {40, 3}, {12, 2}, {1, 1}} {
		out := RenderSpeakers(v, s, size[0], size[1])
		lines := strings.Split(out, "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w != size[0] {
				t.Errorf("%v: line %q is %d wide", size, ansi.Strip(l), w)
			}
		}
	}
	out := ansi.Strip(RenderSpeakers(v, s, 80, 3))
	if !strings.Contains(out, "Marat Imankulov") || !strings.Contains(out, "7") || !strings.Contains(out, "█") {
		t.Errorf("speakers:\n%s", out)
	}
	q := QuotesView{Rows: []QuoteRow{{Text: strings.Repeat("word ", 40), Date: "2022-09-22", Source: "Interfax", Title: "Kyrgyzstan not considering withdrawal"}}}
	out = ansi.Strip(RenderQuotes(q, s, 40, 6))
	lines := strings.Split(out, "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "«word word") || !strings.HasSuffix(strings.TrimRight(lines[1], " "), "…") ||
		!strings.HasPrefix(lines[2], "  2022-09-22 · Interfax · Kyrgyzstan") {
		t.Errorf("quotes:\n%s", out)
	}
}
