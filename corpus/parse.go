package corpus

import "strings"

// Meta is what a file's YAML front matter, or the seeds' sidecar file, says
// of an article. Empty fields say nothing.
type Meta struct {
	Title  string   `yaml:"title" json:"title,omitempty"`
	Date   string   `yaml:"date" json:"date,omitempty"`
	Source string   `yaml:"source" json:"source,omitempty"`
	URL    string   `yaml:"url" json:"url,omitempty"`
	Tags   []string `yaml:"tags" json:"tags,omitempty"`
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
