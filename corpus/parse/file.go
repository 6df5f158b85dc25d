package parse

import (
	"context"
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
// Front matter that cannot be read is left out (see BytesContext).
func Bytes(id, file string, b []byte, enc string) (corpus.Article, error) {
	a, _, err := BytesContext(context.Background(), id, file, b, enc)
	return a, err
}

// BytesContext is Bytes within ctx: a parse that outlives ctx stops and
// returns its error. warn is "" or one line saying what was wrong with
// the file that did not stop it loading: front matter that could not be
// read, and was left out so the text parses as if it had none.
func BytesContext(ctx context.Context, id, file string, b []byte, enc string) (a corpus.Article, warn string, err error) {
	text, err := decode(b, enc)
	if err != nil {
		return corpus.Article{}, "", err
	}
	text = Sanitize(text)
	body, meta, warn := frontMatter(text)
	a, err = TextContext(ctx, id, file, body, meta)
	if err != nil {
		return corpus.Article{}, "", err
	}
	return a, warn, nil
}

// DraftBytes is BytesContext without the quotes, in about half its time:
// the title, dates, dateline, source, tags and paragraphs a list shows,
// for a first pass over a big folder. Finish adds the quotes; the two
// together give what BytesContext gives.
func DraftBytes(ctx context.Context, id, file string, b []byte, enc string) (Draft, string, error) {
	text, err := decode(b, enc)
	if err != nil {
		return Draft{}, "", err
	}
	text = Sanitize(text)
	body, meta, warn := frontMatter(text)
	a, err := draftText(&budget{ctx: ctx}, id, file, body)
	if err != nil {
		return Draft{}, "", err
	}
	head := a.Title
	applyMeta(&a, meta)
	if a.Title == "" {
		a.Title = id
	}
	return Draft{Article: a, head: head}, warn, nil
}

// Draft is an article parsed without its quotes (see DraftBytes).
type Draft struct {
	corpus.Article
	head string // the page's own headline, which the quotes are read against
}

// Head is the headline the page gave, before metadata's title or the
// file's ID took its place: what Finish reads the quotes against. A
// caller that keeps only the Article keeps Head beside it and calls
// FinishArticle.
func (d Draft) Head() string { return d.head }

// Finish is the draft's article with its quotes, as BytesContext would
// have parsed it; it stops with ctx's error like the rest of the parse.
func (d Draft) Finish(ctx context.Context) (corpus.Article, error) {
	return FinishArticle(ctx, d.Article, d.head)
}

// FinishArticle is Finish on a draft's article kept apart from its Draft,
// with the draft's Head.
func FinishArticle(ctx context.Context, a corpus.Article, head string) (corpus.Article, error) {
	b := &budget{ctx: ctx}
	a.Quotes = findQuotes(head, a.Paragraphs, b)
	if b.err != nil {
		return corpus.Article{}, fmt.Errorf("parse stopped: %w", b.err)
	}
	return a, nil
}

// Front matter bounds, checked before the YAML decoder sees a byte: its
// check for duplicate keys compares each key with every other, so 40,000
// keys took 5 s. Hand-written front matter is a few lines of a handful of
// keys; 64 KB and 64 keys leave a hundredfold room.
const (
	maxFrontMatter = 64 << 10 // bytes between the fences
	maxFrontKeys   = 64       // keys at every level together
)

// reYAMLKey is a line that starts a YAML mapping entry: what makes a
// fenced block front matter rather than a Markdown rule.
var reYAMLKey = lazy(`^[ \t]*[\p{L}\p{N}_-]+[ \t]*:(?:[ \t]|$)`)

// frontMatter splits YAML front matter ("---" lines around it) off text.
// Front matter that cannot be read (too large, too many keys, not YAML
// even after repair) is left out: body is the text after it, m is nil and
// warn says why. A fenced block that does not look like YAML is no front
// matter at all.
func frontMatter(text string) (body string, m *Meta, warn string) {
	if !strings.HasPrefix(text, "---\n") {
		return text, nil, ""
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return text, nil, ""
	}
	head := text[4 : 4+end]
	rest := text[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		rest = rest[i+1:]
	} else if strings.TrimSpace(rest) == "" {
		rest = ""
	} else {
		return text, nil, "" // "---" followed by text on the same line: not a fence
	}
	if first := firstLine(head); first != "" && !reYAMLKey().MatchString(first) {
		return text, nil, "" // "---" rules around prose: Markdown, not YAML
	}
	meta, err := readFrontMatter(head)
	if err != nil {
		return rest, nil, "front matter ignored: " + SanitizeLine(err.Error())
	}
	return rest, meta, ""
}

// firstLine is the first line of s that is neither blank nor a comment.
func firstLine(s string) string {
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return line
		}
	}
	return ""
}

// readFrontMatter decodes head within the bounds above. Front matter a
// person wrote by hand often has a colon in an unquoted value ("title:
// Reading list: CSTO"), which YAML refuses; such values are quoted and
// the block read again.
func readFrontMatter(head string) (*Meta, error) {
	if len(head) > maxFrontMatter {
		return nil, fmt.Errorf("larger than %d KB", maxFrontMatter>>10)
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(head), &n); err != nil {
		fixed, ok := quoteValues(head)
		if !ok {
			return nil, err
		}
		n = yaml.Node{}
		if err2 := yaml.Unmarshal([]byte(fixed), &n); err2 != nil {
			return nil, err
		}
	}
	// The parser builds the tree without comparing keys; the decoder,
	// which does, only sees a tree this small.
	if k := countKeys(&n, 0); k > maxFrontKeys {
		return nil, fmt.Errorf("more than %d keys", maxFrontKeys)
	}
	var m Meta
	if err := n.Decode(&m); err != nil {
		return nil, err
	}
	return &m, nil
}

// countKeys counts the mapping keys in the tree under n, stopping once
// past maxFrontKeys. Aliases are not followed: the decoder bounds their
// expansion itself.
func countKeys(n *yaml.Node, k int) int {
	if n.Kind == yaml.MappingNode {
		k += len(n.Content) / 2
	}
	for _, c := range n.Content {
		if k > maxFrontKeys {
			break
		}
		k = countKeys(c, k)
	}
	return k
}

// reLooseValue is a top-level "key: value" line whose plain value holds
// a colon and a space, which YAML reads as a second mapping.
var reLooseValue = lazy(`^([\p{L}\p{N}_-]+[ \t]*:[ \t]+)([^"'\[{|>&*!%@` + "`" + `#].*:(?:[ \t].*)?)$`)

// quoteValues quotes the values reLooseValue finds, and turns tabs that
// indent a line into spaces; ok is false when it changed nothing.
func quoteValues(head string) (string, bool) {
	lines := strings.Split(head, "\n")
	changed := false
	for i, l := range lines {
		if t := strings.TrimLeft(l, "\t"); len(t) < len(l) {
			l = strings.Repeat("  ", len(l)-len(t)) + t
			lines[i], changed = l, true
		}
		if m := reLooseValue().FindStringSubmatch(strings.TrimRight(l, " \t")); m != nil {
			lines[i] = m[1] + "'" + strings.ReplaceAll(m[2], "'", "''") + "'"
			changed = true
		}
	}
	return strings.Join(lines, "\n"), changed
}
