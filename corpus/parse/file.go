package parse

import (
	"dossier/corpus"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Embedded parses the seed articles built into the binary (corpus.Seeds),
// oldest first.
// The texts are embedded byte for byte; seeds/meta.yaml adds what they
// do not state (source, url, and 001's date).
func Embedded() []corpus.Article {
	var meta map[string]Meta
	if b, err := corpus.Seeds.ReadFile("seeds/meta.yaml"); err == nil {
		_ = yaml.Unmarshal(b, &meta) // a build-time file; its test keeps it valid
	}
	ents, _ := fs.ReadDir(corpus.Seeds, "seeds")
	var arts []corpus.Article
	for _, e := range ents {
		if path.Ext(e.Name()) != ".txt" {
			continue
		}
		b, err := corpus.Seeds.ReadFile(path.Join("seeds", e.Name()))
		if err != nil {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".txt")
		a, err := Bytes(name, "corpus/seeds/"+e.Name(), b, "")
		if err != nil {
			continue
		}
		if m, ok := meta[e.Name()]; ok {
			applyMeta(&a, &m)
		}
		arts = append(arts, a)
	}
	corpus.SortByDate(arts)
	return arts
}

// Parse reads one file's bytes, decodes and cleans them, splits off YAML
// front matter and parses the rest. name is the file's path; the ID is its
// base name without extension.
func Parse(name string, r io.Reader) (corpus.Article, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return corpus.Article{}, err
	}
	id := path.Base(filepath.ToSlash(name))
	id = strings.TrimSuffix(id, path.Ext(id))
	return Bytes(SanitizeLine(id), SanitizeLine(name), b, "")
}

// Bytes is Parse on bytes already read, with the ID and file name the
// caller chose and an optional forced encoding (see CheckEncoding).
func Bytes(id, file string, b []byte, enc string) (corpus.Article, error) {
	text, err := decode(b, enc)
	if err != nil {
		return corpus.Article{}, err
	}
	text = Sanitize(text)
	body, meta, err := frontMatter(text)
	if err != nil {
		return corpus.Article{}, err
	}
	return Text(id, file, body, meta), nil
}

// frontMatter splits YAML front matter ("---" lines around it) off text.
func frontMatter(text string) (string, *Meta, error) {
	if !strings.HasPrefix(text, "---\n") {
		return text, nil, nil
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return text, nil, nil
	}
	head := text[4 : 4+end]
	rest := text[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		rest = rest[i+1:]
	} else if strings.TrimSpace(rest) == "" {
		rest = ""
	} else {
		return text, nil, nil // "---" followed by text on the same line: not a fence
	}
	var m Meta
	if err := yaml.Unmarshal([]byte(head), &m); err != nil {
		return "", nil, fmt.Errorf("bad front matter: %s", SanitizeLine(err.Error()))
	}
	return rest, &m, nil
}
