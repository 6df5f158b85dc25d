package ui

import "strings"

// HelpSection is one column of the help: a title and its keys, each a
// pair of the key as shown ("↓/j") and what it does.
type HelpSection struct {
	Title string
	Keys  [][2]string
}

// helpGap is the space between two help columns.
const helpGap = 3

// RenderHelp lays the sections out in as many columns as width holds,
// left to right, then in further bands below, and returns the lines; the
// caller scrolls them when they are more than its height. A section wider
// than width is cut, never wrapped.
func RenderHelp(secs []HelpSection, s Styles, width int) []string {
	if width <= 0 {
		return nil
	}
	type column struct {
		w     int
		lines []string
	}
	cols := make([]column, 0, len(secs))
	for _, sec := range secs {
		kw, dw := 0, widthOf(cleanText(sec.Title))
		for _, k := range sec.Keys {
			kw = max(kw, widthOf(cleanText(k[0])))
		}
		for _, k := range sec.Keys {
			dw = max(dw, kw+1+widthOf(cleanText(k[1])))
		}
		c := column{w: min(dw, width)}
		t, _ := cut(cleanText(sec.Title), c.w)
		c.lines = append(c.lines, s.Accent.Render(t)+strings.Repeat(" ", c.w-widthOf(t)))
		for _, k := range sec.Keys {
			key, desc := cleanText(k[0]), cleanText(k[1])
			line, _ := cut(key+strings.Repeat(" ", kw-widthOf(key)+1)+desc, c.w)
			styled := s.HelpKey.Render(line)
			if rest, ok := strings.CutPrefix(line, key); ok {
				styled = s.HelpKey.Render(key) + s.HelpDesc.Render(rest)
			}
			c.lines = append(c.lines, styled+strings.Repeat(" ", c.w-widthOf(line)))
		}
		cols = append(cols, c)
	}
	var out []string
	for i := 0; i < len(cols); {
		// A band: as many columns as fit beside each other.
		j, used := i+1, cols[i].w
		for j < len(cols) && used+helpGap+cols[j].w <= width {
			used += helpGap + cols[j].w
			j++
		}
		rows := 0
		for _, c := range cols[i:j] {
			rows = max(rows, len(c.lines))
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		for r := 0; r < rows; r++ {
			var b strings.Builder
			for n, c := range cols[i:j] {
				if n > 0 {
					b.WriteString(strings.Repeat(" ", helpGap))
				}
				if r < len(c.lines) {
					b.WriteString(c.lines[r])
				} else {
					b.WriteString(strings.Repeat(" ", c.w))
				}
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
		i = j
	}
	return out
}

// RenderSkipped lists files the load skipped or warned about, each as
// its path and, indented below, the reason, cut to width.
func RenderSkipped(paths, reasons []string, s Styles, width int) []string {
	if width <= 0 {
		return nil
	}
	out := make([]string, 0, 2*len(paths))
	for i, p := range paths {
		l, _ := cut(cleanText(p), width)
		out = append(out, s.Accent.Render(l))
		if i < len(reasons) {
			r, _ := cut("  "+cleanText(reasons[i]), width)
			out = append(out, s.Muted.Render(r))
		}
	}
	return out
}
