package ui

import (
	"dossier/corpus/search"
	"strings"
	"unicode/utf8"

	"dossier/corpus"
)

// ListView is what the article list shows: the rows in display order and
// where the window onto them stands. Only the rows on screen are drawn, so
// the cost of RenderList does not grow with the corpus.
type ListView struct {
	Arts  []corpus.Article
	Order []int // indexes into Arts, in display order
	// Hits, when not nil, is parallel to Order: the list is showing search
	// results, and each item gets a snippet line.
	Hits           []search.Hit
	Offset, Cursor int // indexes into Order
	Focused        bool
	Empty          string // shown when Order is empty
	// SourceWidth is the widest source in the corpus, in cells; the source
	// column is no wider, and left out when no article has a source. A
	// negative value means unknown: the column takes a sixth of the row.
	SourceWidth int
	// Marks, when set, says which articles were read (their titles are
	// muted) and which are bookmarked (a star before the row).
	Marks func(doc int) (read, bookmarked bool)
}

// ListItemHeight is the number of lines one item takes: two while
// searching (title and snippet), one otherwise.
func ListItemHeight(searching bool) int {
	if searching {
		return 2
	}
	return 1
}

// dateWidth fits "2006-01-02" and "undated".
const dateWidth = 10

// maxSourceWidth caps the source column: "Interfax", "24.kg", "AKIpress"
// fit; a long outlet name is cut.
const maxSourceWidth = 12

// RenderList draws the rows of v that fit in height lines of width cells.
// The result is exactly height lines, each exactly width cells wide.
func RenderList(v ListView, s Styles, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	searching := v.Hits != nil
	ih := ListItemHeight(searching)
	lines := make([]string, 0, height)
	if len(v.Order) == 0 {
		msg, _ := cut(v.Empty, width)
		lines = append(lines, s.Muted.Render(msg))
	}
	for i := max(v.Offset, 0); i < len(v.Order) && len(lines)+ih <= height; i++ {
		d := v.Order[i]
		if d < 0 || d >= len(v.Arts) {
			continue
		}
		var hit *search.Hit
		if searching && i < len(v.Hits) {
			hit = &v.Hits[i]
		}
		row := rowMarks{}
		if v.Marks != nil {
			row.on = true
			row.read, row.bookmarked = v.Marks(d)
		}
		lines = append(lines, listRow(&v.Arts[d], hit, row, i == v.Cursor, v.Focused, s, width, v.SourceWidth))
		if searching {
			lines = append(lines, snippetRow(hit, s, width))
		}
	}
	// Rows come out exactly width wide; only snippet lines and the missing
	// rows at the end need filling.
	for i, l := range lines {
		if w := widthOf(l); w < width {
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines, "\n")
}

// listRow draws "date  source  title", truncating the plain text first and
// styling it after, so widths are exact and escapes are never cut.
// rowMarks are a row's read and bookmark marks; on is false when the
// reader keeps no state, and the mark column is left out.
type rowMarks struct{ on, read, bookmarked bool }

func listRow(a *corpus.Article, hit *search.Hit, mk rowMarks, selected, focused bool, s Styles, width, sourceW int) string {
	date := a.Date.Truncate(corpus.PrecDay).Text()
	src := cleanText(a.Source)
	title := cleanText(a.Title)
	if title == "" {
		title = cleanText(a.ID)
	}
	var pos []int
	if hit != nil && title == a.Title {
		pos = hit.TitlePos // byte offsets into a.Title, still valid after a no-op clean
	}

	dateW, srcW := dateWidth, min(16, max(6, width/6))
	if sourceW >= 0 {
		srcW = min(sourceW, maxSourceWidth, max(6, width/5))
	}
	switch {
	case width < 24:
		dateW, srcW = 0, 0
	case width < 40:
		srcW = 0
	}
	rowStyle, dateSt, srcSt, titleSt, matchSt := s.Text, s.Date, s.Source, s.Title, s.Match
	if mk.read {
		titleSt = s.Muted
	}
	if selected {
		rowStyle = s.CursorBlur
		if focused {
			rowStyle = s.Cursor
		}
		dateSt, srcSt = dateSt.Inherit(rowStyle), srcSt.Inherit(rowStyle)
		titleSt, matchSt = titleSt.Inherit(rowStyle), matchSt.Inherit(rowStyle)
	}

	// Gaps and padding are plain spaces on ordinary rows; only the
	// selected row pays for styling them, to carry its background.
	space := func(n int) string { return strings.Repeat(" ", max(n, 0)) }
	if selected {
		space = func(n int) string { return rowStyle.Render(strings.Repeat(" ", max(n, 0))) }
	}
	var b strings.Builder
	used := 0
	gap := space(2)
	if mk.on && width >= 24 {
		star := "★ "
		if s.ASCII {
			star = "* "
		}
		if !mk.bookmarked {
			star = "  "
		}
		b.WriteString(s.Accent.Inherit(rowStyle).Render(star))
		used += 2
	}
	if dateW > 0 {
		d, _ := cut(date, dateW)
		b.WriteString(dateSt.Render(d + strings.Repeat(" ", dateW-len(d))))
		b.WriteString(gap)
		used += dateW + 2
	}
	if srcW > 0 {
		sv, _ := cut(src, srcW)
		b.WriteString(srcSt.Render(sv))
		b.WriteString(space(srcW - widthOf(sv) + 2))
		used += srcW + 2
	}
	t, kept := cut(title, width-used)
	b.WriteString(highlight(t, posMask(kept, pos), titleSt, matchSt))
	used += widthOf(t)
	if used < width {
		b.WriteString(space(width - used))
	}
	return b.String()
}

// snippetRow draws the body line around a hit's best match, indented under
// the title.
func snippetRow(hit *search.Hit, s Styles, width int) string {
	if hit == nil || hit.Snippet == "" {
		return ""
	}
	indent := min(4, width/4)
	sn := cleanText(hit.Snippet)
	var spans [][2]int
	if sn == hit.Snippet {
		spans = hit.SnippetPos
	}
	// A narrow column would cut the match off: start the line a little
	// before the first match instead, with an ellipsis.
	room := width - indent
	if len(spans) > 0 && widthOf(sn[:min(spans[0][1], len(sn))]) > room {
		from := spans[0][0] - room/3
		for from > 0 && !utf8.RuneStart(sn[from]) {
			from--
		}
		if sp := strings.LastIndexByte(sn[:max(from, 0)], ' '); sp > 0 && spans[0][0]-sp < room/2 {
			from = sp + 1
		}
		if from > 0 {
			shifted := make([][2]int, 0, len(spans))
			for _, sp := range spans {
				if sp[0] >= from {
					// "…" is three bytes where from bytes were cut.
					shifted = append(shifted, [2]int{sp[0] - from + len("…"), sp[1] - from + len("…")})
				}
			}
			sn, spans = "…"+sn[from:], shifted
		}
	}
	t, kept := cut(sn, room)
	return strings.Repeat(" ", indent) + highlight(t, spanMask(kept, spans), s.Snippet, s.Match)
}
