package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
)

// dateMark names where a date came from, as shown after it in the metadata
// line: "·header" (the text's own date line), "·metadata" (front matter or
// the sidecar file) or "·in text" (found in the prose, the least sure).
func dateMark(o corpus.Origin) string {
	switch o {
	case corpus.OriginHeader:
		return "·header"
	case corpus.OriginMetadata:
		return "·metadata"
	case corpus.OriginText:
		return "·in text"
	}
	return ""
}

// dateLabel is the date's Text with its dateMark: "2022-09-22 16:47 ·header",
// "2023-02 ·in text", or "undated".
func dateLabel(d corpus.Date) string {
	s := d.Text()
	if m := dateMark(d.Origin); m != "" && !d.IsZero() {
		s += " " + m
	}
	return s
}

// readingTime is "N words · M min read" at 200 words a minute, at least one
// minute.
func readingTime(words int) string {
	if words < 0 {
		words = 0
	}
	m := (words + wordsPerMinute - 1) / wordsPerMinute
	if m < 1 {
		m = 1
	}
	unit := "words"
	if words == 1 {
		unit = "word"
	}
	return fmt.Sprintf("%d %s · %d min read", words, unit, m)
}

// HeaderLine is the plain metadata line of a: date with its origin mark,
// source, dateline place and reading time, joined by " — ". Missing parts
// are left out; the date never is ("undated").
func HeaderLine(a *corpus.Article) string {
	parts := []string{dateLabel(a.Date)}
	if s := oneLine(a.Source); s != "" {
		parts = append(parts, s)
	}
	if s := oneLine(a.Dateline); s != "" {
		parts = append(parts, s)
	}
	words := a.Words
	if words <= 0 {
		for _, p := range a.Paragraphs {
			words += len(strings.Fields(p))
		}
	}
	parts = append(parts, readingTime(words))
	return strings.Join(parts, " — ")
}

// oneLine cleans s and folds its white space into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(cleanText(s)), " ") }

// headerTitle is the title as drawn, "(untitled)" for none.
func headerTitle(a *corpus.Article) string {
	if title := oneLine(a.Title); title != "" {
		return title
	}
	return "(untitled)"
}

// URLLine is the article's address as the header draws it: cleaned of
// controls and folded to one line (white space inside an address is not
// part of it), "" for none. It is text, never a hyperlink escape: the
// address comes from the file.
func URLLine(a *corpus.Article) string {
	return strings.Join(strings.Fields(cleanText(a.URL)), "")
}

// renderHeader draws the title, the metadata line and the address on a
// line of its own, wrapped to width, with a one-column margin to line up
// with the body.
func renderHeader(a *corpus.Article, width int, st *articleStyles) string {
	var b strings.Builder
	writeWrapped(&b, headerTitle(a), width, st.Title)
	writeWrapped(&b, HeaderLine(a), width, st.Meta)
	if u := URLLine(a); u != "" {
		writeWrapped(&b, u, width, st.Meta)
	}
	return b.String()
}

// writeWrapped wraps plain text to width with the base margin and styles
// each line on its own, so no style spans a line break.
func writeWrapped(b *strings.Builder, s string, width int, style lipgloss.Style) {
	inner, margin := bodyWidth(width)
	for _, line := range strings.Split(ansi.Wrap(s, inner, ""), "\n") {
		b.WriteString(margin)
		b.WriteString(style.Render(line))
		b.WriteByte('\n')
	}
}

// bodyWidth is the text width inside the one-column margin, and the margin;
// a pane narrower than 2 columns has no margin.
func bodyWidth(width int) (int, string) {
	if width < 2 {
		return 1, ""
	}
	return width - 1, " "
}
