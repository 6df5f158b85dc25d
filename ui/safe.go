package ui

import (
	"dossier/corpus/parse"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// KeepSGR returns s with every escape sequence removed except SGR (ESC [
// params m), the only kind that changes how text looks without moving the
// cursor, talking to the clipboard, retitling the window or asking the
// terminal for anything. It also drops C0 controls other than newline and
// tab, DEL, C1 controls (raw or UTF-8 encoded), bidi overrides and bytes
// that are not UTF-8, so the result is valid UTF-8 and safe to print.
//
// It is the last step of every article render: whatever Glamour or Lip
// Gloss emit, only colours and text reach the terminal.
func KeepSGR(s string) string {
	if isPlainSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var state byte
	for len(s) > 0 {
		seq, _, n, newState := ansi.DecodeSequence(s, state, nil)
		if n <= 0 { // never loop forever on a decoder surprise
			n = 1
			seq = s[:1]
		}
		state = newState
		s = s[n:]
		switch c := seq[0]; {
		case c == ansi.ESC:
			if isSGR(seq) {
				b.WriteString(seq)
			}
		case c == '\n' || c == '\t':
			b.WriteByte(c)
		case c < 0x20 || c == ansi.DEL:
			// C0 control: dropped.
		case c < utf8.RuneSelf:
			b.WriteString(seq)
		default:
			// A grapheme, or a C1 control the decoder read as an 8-bit
			// introducer. Keep only the runes that print.
			if r, size := utf8.DecodeRuneInString(seq); r == utf8.RuneError && size == 1 {
				// 8-bit C1 or a stray byte: the whole sequence goes, so
				// "\x9b2J" cannot leave "2J" behind.
				continue
			}
			for _, r := range seq {
				if printable(r) {
					b.WriteRune(r)
				}
			}
		}
	}
	return b.String()
}

// isSGR reports whether seq is exactly CSI params m with numeric params:
// no private prefix, no intermediates, nothing a terminal answers.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[0] != ansi.ESC || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// isPlainSafe reports whether s is printable ASCII plus newline and tab:
// the common case, which KeepSGR returns unchanged without decoding.
func isPlainSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// printable reports whether r may reach the terminal as text: newline,
// tab, and whatever parse.UnsafeRune lets through. That list also holds
// the word joiner the renderer uses as its own marker (mdSentinel), so
// the marker never shows.
func printable(r rune) bool { return r == '\n' || r == '\t' || !parse.UnsafeRune(r) }

// cleanText makes article text safe to lay out: what printable refuses is
// removed, CR, LF and tab become spaces each (a paragraph is one flowing
// line), and invalid UTF-8 becomes U+FFFD. The loader already cleans what
// it reads, but the renderer must not depend on that: an Article may be
// built by any caller.
func cleanText(s string) string {
	if isPlainSafe(s) && !strings.ContainsAny(s, "\n\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case printable(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// squeezeSGR drops SGR sequences that style nothing: a style set and reset
// before any text, and repeated resets. Glamour emits them by the hundred
// (a seed article at 80 columns is 85% such bytes), and every frame pays
// for them in width measuring and in bytes sent to the terminal. The text
// and what it looks like are unchanged. s holds no escapes but SGR (it has
// been through KeepSGR).
func squeezeSGR(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var pending []string // styles set since the last text
	reset := false       // a reset is owed before the next text
	for i := 0; i < len(s); {
		if s[i] == ansi.ESC && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				if seq := s[i : j+1]; seq == "\x1b[0m" || seq == "\x1b[m" {
					pending, reset = pending[:0], true
				} else {
					pending = append(pending, seq)
				}
				i = j + 1
				continue
			}
		}
		if reset {
			b.WriteString("\x1b[0m")
			reset = false
		}
		for _, p := range pending {
			b.WriteString(p)
		}
		pending = pending[:0]
		b.WriteByte(s[i])
		i++
	}
	if reset {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}
