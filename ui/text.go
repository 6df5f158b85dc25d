package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// cellText makes a one-line field safe to put in a cell: control, bidi
// and zero-width-no-break characters are dropped and tabs and newlines
// become spaces. The corpus already cleans what it loads; this guards the
// screen against Articles built any other way.
func cellText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r <= 0x9f), isBidi(r), r == 0xfeff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// OnlySGR removes every escape sequence but SGR (colour and emphasis),
// every control character but newline, bidi controls and U+FEFF from s,
// and turns tabs into spaces. The reader passes rendered articles through
// it once, when they arrive, so the screen stays safe whatever a renderer
// lets through.
func OnlySGR(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipEscape(&b, s, i)
			continue
		case c == '\n':
			b.WriteByte(c)
		case c == '\t':
			b.WriteByte(' ')
		case c < 0x20 || c == 0x7f:
		case c < 0x80:
			b.WriteByte(c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n <= 1:
				b.WriteRune(utf8.RuneError)
			case (r >= 0x80 && r <= 0x9f) || isBidi(r) || r == 0xfeff:
			default:
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		i++
	}
	return b.String()
}

// skipEscape handles the escape at s[i] (an ESC): an SGR sequence is
// copied to b, anything else is dropped whole. It returns the index after it.
func skipEscape(b *strings.Builder, s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		sgr := true
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			if c := s[j]; !(c >= '0' && c <= '9') && c != ';' && c != ':' {
				sgr = false
			}
			if s[j] < 0x20 {
				return j // a broken sequence: drop what was read
			}
			j++
		}
		if j >= len(s) {
			return len(s)
		}
		if sgr && s[j] == 'm' {
			b.WriteString(s[i : j+1])
		}
		return j + 1
	case ']', 'P', '_', '^', 'X':
		// String sequences end at BEL or ST (ESC \).
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b {
				if j+1 < len(s) && s[j+1] == '\\' {
					return j + 2
				}
				return j
			}
		}
		return len(s)
	}
	return i + 2
}

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
