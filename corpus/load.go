package corpus

import (
	"context"
	"embed"
	"io"
	"io/fs"
	"path"
	"strings"
)

//go:embed seeds/*.txt
var seedFS embed.FS

// Skipped is a file the loader left out, and why.
type Skipped struct {
	Path   string // cleaned for display
	Reason string
}

// Error formats the skip as the stderr line shows it, without the program name.
func (s Skipped) Error() string { return "skipped " + s.Path + ": " + s.Reason }

// LoadOptions tune Load. The zero value is ready to use.
type LoadOptions struct {
	// Encoding forces a decoding: "utf-8", "utf-16", "windows-1251",
	// "koi8-r". Empty means detect.
	Encoding string
	// MaxSize is the largest file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, receives articles as they are parsed, unsorted,
	// in batches, from the loading goroutine.
	Progress func(batch []Article)
}

// DefaultMaxSize is the largest file Load reads unless told otherwise.
const DefaultMaxSize = 8 << 20

// Embedded returns the seed articles built into the binary, oldest first.
// STUB: owned by the loader work.
func Embedded() []Article {
	var arts []Article
	ents, _ := fs.ReadDir(seedFS, "seeds")
	for _, e := range ents {
		f, err := seedFS.Open(path.Join("seeds", e.Name()))
		if err != nil {
			continue
		}
		a, err := Parse(path.Join("seeds", e.Name()), f)
		f.Close()
		if err == nil {
			arts = append(arts, a)
		}
	}
	SortByDate(arts)
	return arts
}

// Load reads root, a file or a folder walked recursively, and returns its
// articles oldest first with the files it skipped. The error is for a root
// that cannot be read at all.
// STUB: owned by the loader work.
func Load(ctx context.Context, root string, opt LoadOptions) ([]Article, []Skipped, error) {
	return nil, nil, nil
}

// Sanitize makes text safe to print: ESC and every other C0/C1 control but
// newline and tab, bidi controls and U+FEFF are removed, CRLF and lone CR
// become newline, invalid UTF-8 becomes U+FFFD. Sanitize(Sanitize(s)) ==
// Sanitize(s).
// STUB: owned by the loader work.
func Sanitize(s string) string { return s }

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
