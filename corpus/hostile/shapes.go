package hostile

import (
	"fmt"
	"strings"
)

// Shape is a text built to make one stage of the parser slow or its
// result big. Make grows it to at least size bytes, so a test can load it
// small and a benchmark can see whether the cost per byte stays flat as
// it grows.
type Shape struct {
	Name string
	Make func(size int) string
}

// Shapes are the texts that made the parser quadratic or its memory
// balloon (issue 13), each a plain .txt body as a file would hold it.
var Shapes = []Shape{
	// One role, named once, then mentioned in lower case at every
	// sentence: each mention used to re-read the rest of the text.
	{"role-repeat", func(size int) string {
		return grow(`Headline`+"\n\n"+`"We agree on this point fully," the Minister said. `, size, func(int) string {
			return "the minister spoke. "
		})
	}},
	// Thousands of distinct roles: each used to lowercase and re-read
	// every paragraph.
	{"distinct-roles", func(size int) string {
		return grow("Headline\n\n", size, func(i int) string {
			s := fmt.Sprintf(`"We agree on point %d," the Head%04d said. `, i, i)
			if i%10 == 9 {
				s += "\n\n"
			}
			return s
		})
	}},
	// Thousands of distinct surnames among a growing list of names: each
	// used to scan every name the article gave.
	{"distinct-surnames", func(size int) string {
		return grow("Headline\n\n", size, func(i int) string {
			s := fmt.Sprintf(`Ivan %s met Anna %s. "We agree," %s said. `, letters(i), letters(i+1), letters(i+7))
			if i%10 == 9 {
				s += "\n\n"
			}
			return s
		})
	}},
	// A paragraph of straight quote marks: a quote record for every two
	// bytes.
	{"quote-marks", func(size int) string {
		return grow("Headline\n\n", size, func(int) string { return `""""""""""""""""` })
	}},
	// Many short paragraphs of quotes: the article's count, not one
	// paragraph's.
	{"quote-paragraphs", func(size int) string {
		return grow("Headline\n\n", size, func(i int) string { return `"a" "b" "c" "d" "e" "f"` + "\n\n" })
	}},
	// Front matter of many keys: the YAML decoder checks each key
	// against every other.
	{"front-matter-keys", func(size int) string {
		s := grow("---\n", size, func(i int) string { return fmt.Sprintf("k%06d: v\n", i) })
		return s + "---\n\nHeadline\n\nBody text.\n"
	}},
	// A front-matter title as long as the file.
	{"front-matter-title", func(size int) string {
		return "---\ntitle: " + strings.Repeat("Long ", size/5) + "\n---\n\nHeadline\n\nBody text.\n"
	}},
}

// grow appends piece(0), piece(1), … to head until it holds size bytes.
func grow(head string, size int, piece func(i int) string) string {
	var b strings.Builder
	b.Grow(size + 64)
	b.WriteString(head)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(piece(i))
	}
	return b.String()
}

// letters spells n as a capitalised word of letters only ("Baaa"), so it
// reads as a name word.
func letters(n int) string {
	b := []byte{'B', 'a', 'a', 'a', 'a'}
	for k := len(b) - 1; k > 0 && n > 0; k-- {
		b[k] = 'a' + byte(n%26)
		n /= 26
	}
	b[0] = 'B' + byte(n%24)
	return string(b)
}
