package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/search"
)

// mdSentinel (U+2060 WORD JOINER) is glued inside every delimiter the
// renderer emits. It is neither space nor punctuation, so "*" and "~~" next
// to it always open and close emphasis, whatever the text around them.
// cleanText removes it from article text and finish removes it from the
// output, so it never shows.
const mdSentinel = '\u2060'

// articleMarkdown builds the Glamour input for a's body and the truncation
// notice. Every word is broken to fit the width it will be wrapped to.
func articleMarkdown(a *corpus.Article, width int, hl []search.Span) (string, string) {
	inner, _ := bodyWidth(width)
	paras, notice := capParagraphs(a.Paragraphs)
	var b strings.Builder
	for i, p := range paras {
		segs, pull := segments(p, i, a.Quotes, hl)
		if len(segs) == 0 {
			continue
		}
		w := inner
		prefix := ""
		if pull != nil {
			w, prefix = inner-1, "> "
		}
		if w < 1 {
			w = 1
		}
		b.WriteString(prefix)
		// Runs with the same markup are merged first: "~~a~~~~b~~"
		// would read as one four-tilde run, not two matches.
		type piece struct {
			delim, text, speaker string
		}
		var pieces []piece
		run := 0
		for _, s := range segs {
			pc := piece{text: breakWords(cleanText(s.text), w, &run)}
			switch {
			case s.match:
				pc.delim = "~~"
			case s.name:
				pc.delim = "**"
			case s.term:
				pc.delim = "`"
			case s.speech:
				pc.delim = "*"
			}
			if s.speaker != "" {
				pc.speaker = breakWords(s.speaker, w, new(int))
				run = 0
			}
			if n := len(pieces); n > 0 && pieces[n-1].delim == pc.delim && pieces[n-1].speaker == "" {
				pieces[n-1].text += pc.text
				pieces[n-1].speaker = pc.speaker
				continue
			}
			pieces = append(pieces, pc)
		}
		for _, pc := range pieces {
			if pc.text != "" {
				switch pc.delim {
				case "":
					escapeMarkdown(&b, pc.text)
				case "`":
					writeDelimited(&b, pc.delim, pc.text, escapeCode)
				default:
					writeDelimited(&b, pc.delim, pc.text, escapeMarkdown)
				}
			}
			if pc.speaker != "" {
				b.WriteString(" \\(")
				writeDelimited(&b, "**", pc.speaker, escapeMarkdown)
				b.WriteString("\\)")
			}
		}
		b.WriteString("\n\n")
		if pull != nil && pull.speaker != "" {
			b.WriteString("> — ")
			delim := "**"
			if pull.match {
				delim = "~~"
			}
			writeDelimited(&b, delim, breakWords(pull.speaker, w, new(int)), escapeMarkdown)
			b.WriteString("\n\n")
		}
	}
	return b.String(), notice
}

// writeDelimited writes text between a pair of delimiters, with the
// sentinel inside each so that they open and close whatever is around.
func writeDelimited(b *strings.Builder, delim, text string, esc func(*strings.Builder, string)) {
	b.WriteString(delim)
	b.WriteRune(mdSentinel)
	esc(b, text)
	b.WriteRune(mdSentinel)
	b.WriteString(delim)
}

// glamourUnescaped are the characters whose backslash escape Glamour
// removes again after parsing (its escapeReplacer). The other ASCII
// punctuation would print with its backslash, so it is written as a
// numeric character reference, which Glamour decodes (html.UnescapeString)
// and which markdown never treats as syntax. "&" itself must be a
// reference: "\&#27;" would come out as a backslash and a raw ESC.
const glamourUnescaped = "\\`*_{}[]<>()#+-.!|"

// escapeMarkdown writes text so that goldmark sees no markup in it.
func escapeMarkdown(b *strings.Builder, text string) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= utf8.RuneSelf || !isASCIIPunct(c):
			b.WriteByte(c)
		case strings.IndexByte(glamourUnescaped, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '&':
			b.WriteString("&amp;")
		default:
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(c)))
			b.WriteByte(';')
		}
	}
}

// escapeCode writes text for a code span, where backslash escapes do not
// exist but Glamour still decodes character references.
func escapeCode(b *strings.Builder, text string) {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '`':
			b.WriteString("&#96;")
		default:
			b.WriteByte(c)
		}
	}
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// breakWords inserts a space into every word wider than w cells, at
// grapheme boundaries, so Glamour's word wrap never meets a word it cannot
// place (it would overflow the pane, and one huge word makes it
// quadratic). run carries the width of the word in progress from the
// previous segment, as a word may span a quote or match boundary.
func breakWords(s string, w int, run *int) string {
	if w < 1 {
		w = 1
	}
	// Fast path: ASCII with short words needs no change.
	short := true
	n := *run
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			short = false
			break
		}
		if c == ' ' {
			n = 0
		} else if n++; n > w {
			short = false
			break
		}
	}
	if short {
		*run = n
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/w)
	for len(s) > 0 {
		g, gw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if len(g) == 0 {
			g, gw = s[:1], 1
		}
		s = s[len(g):]
		if g == " " {
			*run = 0
			b.WriteByte(' ')
			continue
		}
		if *run > 0 && *run+gw > w {
			b.WriteByte(' ')
			*run = 0
		}
		b.WriteString(g)
		*run += gw
	}
	return b.String()
}
