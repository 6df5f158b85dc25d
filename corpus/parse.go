package corpus

import (
	"io"
	"strings"
)

// Meta is what a file's YAML front matter, or the seeds' sidecar file, says
// of an article. Empty fields say nothing.
type Meta struct {
	Title  string   `yaml:"title" json:"title,omitempty"`
	Date   string   `yaml:"date" json:"date,omitempty"`
	Source string   `yaml:"source" json:"source,omitempty"`
	URL    string   `yaml:"url" json:"url,omitempty"`
	Tags   []string `yaml:"tags" json:"tags,omitempty"`
}

// Parse reads one file's bytes, decodes and cleans them, splits off YAML
// front matter and parses the rest. name is the file's path; the ID is its
// base name without extension.
// STUB: owned by the loader work.
func Parse(name string, r io.Reader) (Article, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return Article{}, err
	}
	id := name
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	if i := strings.LastIndexByte(id, '.'); i > 0 {
		id = id[:i]
	}
	return ParseText(id, name, string(b), nil), nil
}

// ParseText parses text that is already decoded and cleaned, and has no
// front matter. meta, when not nil, fills what the text lacks.
// STUB: owned by the parser work.
func ParseText(id, file, text string, meta *Meta) Article {
	a := Article{ID: id, File: file}
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if a.Title == "" {
			a.Title = p
			continue
		}
		a.Paragraphs = append(a.Paragraphs, p)
		a.Words += len(strings.Fields(p))
	}
	return a
}
