package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"dossier/corpus"
	"dossier/corpus/search"
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
	// Marks, when set, says which articles were read (their titles are
	// muted) and which are bookmarked (a star before the row).
	Marks func(doc int) (read, bookmarked bool)
}

// ListItemHeight is the number of lines one item takes: the title, then
// its date, source and length, as in bubbles' default delegate, and while
// searching a snippet line too.
func ListItemHeight(searching bool) int {
	if searching {
		return 3
	}
	return 2
}

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
		lines = append(lines, listRow(&v.Arts[d], hit, row, i == v.Cursor, v.Focused, s, width)...)
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

// rowMarks are a row's read and bookmark marks; on is false when the
// reader keeps no state, and the mark column is left out.
type rowMarks struct{ on, read, bookmarked bool }

// listRow draws an item's two lines: its title, then "date · source ·
// words". Plain text is cut first and styled after, so widths are exact
// and escapes are never cut.
func listRow(a *corpus.Article, hit *search.Hit, mk rowMarks, selected, focused bool, s Styles, width int) []string {
	title := cleanText(a.Title)
	if title == "" {
		title = cleanText(a.ID)
	}
	var pos []int
	if hit != nil && title == a.Title {
		pos = hit.TitlePos // byte offsets into a.Title, still valid after a no-op clean
	}
	meta := []string{a.Date.Truncate(corpus.PrecDay).Text()}
	if src := cleanText(a.Source); src != "" {
		meta = append(meta, src)
	}
	if a.Words > 0 {
		meta = append(meta, fmt.Sprintf("%d words", a.Words))
	}

	rowStyle, metaSt, titleSt, matchSt := s.Text, s.Date, s.Title, s.Match
	if mk.read {
		titleSt = s.Muted
	}
	if selected {
		rowStyle = s.CursorBlur
		if focused {
			rowStyle = s.Cursor
		}
		metaSt, titleSt, matchSt = metaSt.Inherit(rowStyle), titleSt.Inherit(rowStyle), matchSt.Inherit(rowStyle)
	}
	// Padding is plain spaces on ordinary rows; only the selected row pays
	// for styling it, to carry its background.
	space := func(n int) string { return strings.Repeat(" ", max(n, 0)) }
	if selected {
		space = func(n int) string { return rowStyle.Render(strings.Repeat(" ", max(n, 0))) }
	}
	lead := 0
	var top, bottom strings.Builder
	if mk.on && width >= 24 {
		star := "★ "
		if s.ASCII {
			star = "* "
		}
		if !mk.bookmarked {
			star = "  "
		}
		top.WriteString(s.Accent.Inherit(rowStyle).Render(star))
		bottom.WriteString(space(2))
		lead = 2
	}
	t, kept := cut(title, width-lead)
	top.WriteString(highlight(t, posMask(kept, pos), titleSt, matchSt))
	top.WriteString(space(width - lead - widthOf(t)))
	m, _ := cut(strings.Join(meta, " · "), width-lead)
	bottom.WriteString(metaSt.Render(m))
	bottom.WriteString(space(width - lead - widthOf(m)))
	return []string{top.String(), bottom.String()}
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
