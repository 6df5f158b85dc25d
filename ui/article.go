package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/search"
)

// An article is drawn in two parts. The header (title, then one metadata
// line) is laid out here with Lip Gloss. The body goes through Glamour for
// wrapping and styling, but Glamour never sees the article's text as
// markdown: news is not markdown, and a headline like "*Breaking* <b>"
// must print as written. articleMarkdown escapes every ASCII punctuation
// character and then adds the only markup that reaches Glamour: its own,
// for quotes, speakers, terms and matches. Whatever comes back goes through
// KeepSGR, and every line is held to the pane width.
//
// Glamour has pathological cases (deep block quote nesting is exponential,
// one huge word is quadratic). Escaping removes the nesting, long words are
// broken before rendering, and the input is capped (maxRenderBytes,
// maxRenderParas). Plain draws the same article without Glamour, fast and
// linear, for when Glamour fails or is too slow.
//
// The parts live in their own files: header.go (title and metadata line),
// segments.go (a paragraph cut at quotes, speakers and matches),
// markdown.go (the escaped Glamour input), renderer.go (the Renderer and its
// Glamour pools).

// Caps on what one render lays out; the rest is replaced by a notice.
const (
	maxRenderBytes = 256 << 10 // bytes of paragraph text
	maxRenderParas = 2000      // paragraphs
	wordsPerMinute = 200       // reading speed for "N min read"
)

// Article renders a for a pane width columns wide: title, metadata line,
// paragraphs with quotes highlighted, marks on the spans in hl. The result
// holds no escape sequence other than SGR colour (none at all on an ASCII
// profile) and no line wider than width (a width below 1 counts as 1).
// When Glamour fails it returns Plain's drawing.
func (r *Renderer) Article(a *corpus.Article, width int, hl []search.Span) (out string) {
	if a == nil {
		return ""
	}
	if width < 1 {
		width = 1
	}
	defer func() {
		// Glamour is a large dependency fed adversarial text: if it ever
		// panics, the reader still gets the article.
		if recover() != nil {
			out = r.Plain(a, width, hl)
		}
	}()
	md, notice := articleMarkdown(a, width, hl)
	body, err := r.set(width).render(md)
	if err != nil {
		return r.Plain(a, width, hl)
	}
	var b strings.Builder
	b.WriteString(renderHeader(a, width, &r.styles))
	b.WriteByte('\n')
	b.WriteString(strings.Trim(body, "\n"))
	b.WriteByte('\n')
	if notice != "" {
		b.WriteByte('\n')
		writeWrapped(&b, notice, width, r.styles.Notice)
	}
	return finish(b.String(), width, r.profile)
}

// Plain renders a like Article but without Glamour: Lip Gloss styles and
// x/ansi wrapping only. It is linear in the article's size, so the reader
// falls back to it when a Glamour render takes too long.
func (r *Renderer) Plain(a *corpus.Article, width int, hl []search.Span) (out string) {
	if a == nil {
		return ""
	}
	if width < 1 {
		width = 1
	}
	defer func() {
		if recover() != nil {
			out = ""
		}
	}()
	st := r.styles
	inner, margin := bodyWidth(width)
	var b strings.Builder
	b.WriteString(renderHeader(a, width, &st))
	paras, notice := capParagraphs(a.Paragraphs)
	for i, p := range paras {
		segs, pull := segments(p, i, a.Quotes, hl)
		if len(segs) == 0 {
			continue
		}
		b.WriteByte('\n')
		var line strings.Builder
		for _, s := range segs {
			text := cleanText(s.text)
			if text == "" && s.speaker == "" {
				continue
			}
			style := st.Text
			switch {
			case s.match && s.term:
				style = st.TermMatch
			case s.match && (s.speech || pull != nil):
				style = st.SpeechMatch
			case s.match:
				style = st.Match
			case s.name:
				style = st.Speaker
			case s.term:
				style = st.Term
			case s.speech:
				style = st.Speech
			case pull != nil:
				style = st.Pull
			}
			if text != "" {
				line.WriteString(style.Render(text))
			}
			if s.speaker != "" {
				line.WriteString(st.Text.Render(" (") + st.Speaker.Render(s.speaker) + st.Text.Render(")"))
			}
		}
		lead, w := margin, inner
		if pull != nil {
			lead, w = margin+st.PullBar.Render("│")+" ", inner-2
			if w < 1 {
				lead, w = margin, inner
			}
		}
		for _, l := range strings.Split(ansi.Wrap(line.String(), w, ""), "\n") {
			b.WriteString(lead + l + "\n")
		}
		if pull != nil && pull.speaker != "" {
			who := st.Speaker
			if pull.match {
				who = st.Match
			}
			writeWrapped(&b, "— "+pull.speaker, width, who)
		}
	}
	if notice != "" {
		b.WriteByte('\n')
		writeWrapped(&b, notice, width, st.Notice)
	}
	return finish(b.String(), width, r.profile)
}

// finish is the last step of both renderers: it removes the renderer's
// marker, keeps only SGR sequences (none on an ASCII profile) and holds
// every line to width cells.
func finish(s string, width int, profile termenv.Profile) string {
	s = strings.ReplaceAll(s, string(mdSentinel), "")
	s = squeezeSGR(KeepSGR(s))
	if profile == termenv.Ascii {
		// An ASCII profile means no escapes at all, as Lip Gloss does;
		// Glamour would still send bold and italics.
		s = ansi.Strip(s)
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		// Glamour pads every line with spaces to the wrap width; they
		// only cost bytes and break copy and paste.
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "m") {
			l = trimRightSpaces(l)
		}
		if ansi.StringWidth(l) > width {
			l = ansi.Hardwrap(l, width, false)
			// A grapheme wider than the pane (a CJK character in one
			// column) cannot fit at all: cut it.
			if strings.Contains(l, "\n") || ansi.StringWidth(l) > width {
				var parts []string
				for _, p := range strings.Split(l, "\n") {
					parts = append(parts, ansi.Truncate(p, width, ""))
				}
				l = strings.Join(parts, "\n")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// trimRightSpaces drops spaces at the end of a line, also when SGR
// sequences sit between them.
func trimRightSpaces(l string) string {
	var b strings.Builder
	var state byte
	pending := "" // spaces and sequences not yet known to precede text
	for len(l) > 0 {
		seq, _, n, ns := ansi.DecodeSequence(l, state, nil)
		if n <= 0 {
			n, seq = 1, l[:1]
		}
		state, l = ns, l[n:]
		switch {
		case seq == " ":
			pending += seq
		case seq[0] == ansi.ESC:
			if pending == "" {
				b.WriteString(seq)
			} else {
				pending += seq
			}
		default:
			b.WriteString(pending)
			pending = ""
			b.WriteString(seq)
		}
	}
	// Keep the sequences (resets) from the trailing run, not its spaces.
	b.WriteString(strings.ReplaceAll(pending, " ", ""))
	return b.String()
}

// capParagraphs returns the paragraphs that fit maxRenderParas and
// maxRenderBytes, the last possibly cut at a rune boundary, and the notice
// to show when some were left out.
func capParagraphs(ps []string) ([]string, string) {
	out := ps
	cut := false
	if len(out) > maxRenderParas {
		out, cut = out[:maxRenderParas], true
	}
	total := 0
	for i, p := range out {
		if total+len(p) <= maxRenderBytes {
			total += len(p)
			continue
		}
		keep := maxRenderBytes - total
		for keep > 0 && keep < len(p) && !utf8.RuneStart(p[keep]) {
			keep--
		}
		short := append([]string(nil), out[:i]...)
		if keep > 0 {
			short = append(short, p[:keep]+" …")
		}
		out, cut = short, true
		break
	}
	if !cut {
		return out, ""
	}
	more := len(ps) - len(out)
	if len(out) > 0 && len(out) <= len(ps) && out[len(out)-1] != ps[len(out)-1] {
		more++ // the last one shown is cut short
	}
	unit := "paragraphs"
	if more == 1 {
		unit = "paragraph"
	}
	return out, fmt.Sprintf("… article truncated (%d more %s)", more, unit)
}

// Highlights are drawn over a finished rendering instead of being rendered
// with it: the article is wrapped once, whatever the query, and a match is
// a run of cells on lines that are already laid out, so line breaks are
// the same with and without a highlight, and a new query or a new current
// match costs no render.
//
// Locate finds where a paragraph's bytes landed. It walks the text the
// renderers draw (the header, then each paragraph's segments, speaker tags
// and pull quote attributions, built from the same segments call they use)
// rune by rune beside the rendering's visible runes, white space left out
// on both sides: wrapping, margins and the words broken to fit change only
// white space. What a renderer adds that is not in that text (a pull
// quote's bar) is skipped by a short lookahead; what it drops (a grapheme
// too wide for a one-column pane) is skipped on the text's side, with a
// resynchronisation on a few runes in a row should the two ever drift.
// The cost is linear in the article, paid once per rendering and query, in
// the pane's command.

// TitlePara is the Para of a span in the article's title: its Start and
// End are byte offsets in Article.Title.
const TitlePara = -1
