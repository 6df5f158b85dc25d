package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// OnlySGR is KeepSGR with tabs turned into spaces: the reader passes
// rendered articles through it once, when they arrive, so the screen stays
// safe whatever a renderer lets through.
func OnlySGR(s string) string { return strings.ReplaceAll(KeepSGR(s), "\t", " ") }

// cut shortens plain text s to at most w cells, ending in an ellipsis when
// it had to cut. kept is the byte length of s that survives, so match
// positions into s can be clipped to it.
func cut(s string, w int) (out string, kept int) {
	if w <= 0 {
		return "", 0
	}
	if ansi.StringWidth(s) <= w {
		return s, len(s)
	}
	p := ansi.Truncate(s, w-1, "")
	return p + "…", len(p)
}

// highlight styles s with base, and the runes marked in mask with match.
// It styles whole runs, not single characters, so a row costs a handful of
// Render calls whatever its length.
func highlight(s string, mask []bool, base, match lipgloss.Style) string {
	if len(mask) == 0 {
		return base.Render(s)
	}
	var b strings.Builder
	start, on := 0, false
	for i := 0; i <= len(s); {
		m := false
		if i < len(s) {
			m = i < len(mask) && mask[i]
		}
		if i == len(s) || m != on {
			if i > start {
				st := base
				if on {
					st = match
				}
				b.WriteString(st.Render(s[start:i]))
			}
			start, on = i, m
		}
		if i == len(s) {
			break
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return b.String()
}

// posMask marks the runes starting at the byte offsets in pos, for the
// first n bytes of a string.
func posMask(n int, pos []int) []bool {
	if len(pos) == 0 {
		return nil
	}
	m := make([]bool, n)
	for _, p := range pos {
		if p >= 0 && p < n {
			m[p] = true
		}
	}
	return m
}

// spanMask marks the bytes inside the spans, for the first n bytes.
func spanMask(n int, spans [][2]int) []bool {
	if len(spans) == 0 {
		return nil
	}
	m := make([]bool, n)
	for _, sp := range spans {
		for j := max(sp[0], 0); j < min(sp[1], n); j++ {
			m[j] = true
		}
	}
	return m
}

// pad fills a styled line with spaces to w cells.
func pad(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// Fit clips s to w cells by h lines and pads every line to w, so a pane
// always occupies exactly its box. Sizes below zero count as zero.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lw := ansi.StringWidth(l) // measured once: it is the costly part of a frame
		if lw > w {
			l, lw = ansi.Truncate(l, w, ""), w
		}
		if lw < w {
			l += strings.Repeat(" ", w-lw)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// widthOf is the cell width of plain or styled text.
func widthOf(s string) int { return ansi.StringWidth(s) }
