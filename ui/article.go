package ui

import (
	"strings"

	"dossier/corpus"
)

// RenderArticle renders a for a pane width columns wide: title, metadata
// line, paragraphs with quotes highlighted, marks on the spans in hl. The
// result holds no escape sequence other than SGR colour.
// STUB: owned by the article rendering work.
func RenderArticle(a *corpus.Article, width int, th Theme, hl []corpus.Span) string {
	var b strings.Builder
	b.WriteString(a.Title + "\n\n")
	for _, p := range a.Paragraphs {
		b.WriteString(p + "\n\n")
	}
	return b.String()
}
