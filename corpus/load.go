package corpus

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed seeds/*.txt seeds/meta.yaml
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

// DefaultMaxSize is the largest file Load reads unless told otherwise:
// larger files are skipped as oversized. News articles are kilobytes.
const DefaultMaxSize = 8 << 20

// progressEvery bounds how long a batch waits before Progress sees it.
const (
	progressBatch = 512
	progressEvery = 50 * time.Millisecond
)

// extensions are the files Load reads; others are passed over silently.
var extensions = map[string]bool{".txt": true, ".md": true, ".markdown": true}

// Embedded returns the seed articles built into the binary, oldest first.
// The texts are embedded byte for byte; seeds/meta.yaml adds what they
// do not state (source, url, and 001's date).
func Embedded() []Article {
	var meta map[string]Meta
	if b, err := seedFS.ReadFile("seeds/meta.yaml"); err == nil {
		_ = yaml.Unmarshal(b, &meta) // a build-time file; its test keeps it valid
	}
	ents, _ := fs.ReadDir(seedFS, "seeds")
	var arts []Article
	for _, e := range ents {
		if path.Ext(e.Name()) != ".txt" {
			continue
		}
		b, err := seedFS.ReadFile(path.Join("seeds", e.Name()))
		if err != nil {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".txt")
		a, err := parseBytes(name, "corpus/seeds/"+e.Name(), b, "")
		if err != nil {
			continue
		}
		if m, ok := meta[e.Name()]; ok {
			applyMeta(&a, &m)
		}
		arts = append(arts, a)
	}
	SortByDate(arts)
	return arts
}

// Parse reads one file's bytes, decodes and cleans them, splits off YAML
// front matter and parses the rest. name is the file's path; the ID is its
// base name without extension.
func Parse(name string, r io.Reader) (Article, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return Article{}, err
	}
	id := path.Base(filepath.ToSlash(name))
	id = strings.TrimSuffix(id, path.Ext(id))
	return parseBytes(SanitizeLine(id), SanitizeLine(name), b, "")
}

// parseBytes is Parse on bytes already read, with an optional forced
// encoding.
func parseBytes(id, file string, b []byte, enc string) (Article, error) {
	text, err := decode(b, enc)
	if err != nil {
		return Article{}, err
	}
	text = Sanitize(text)
	body, meta, err := frontMatter(text)
	if err != nil {
		return Article{}, err
	}
	return ParseText(id, file, body, meta), nil
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

// Load reads root, a file or a folder walked recursively, and returns its
// articles oldest first with the files it skipped. The error is for a root
// that cannot be read at all. Files are read and parsed by Workers
// goroutines; the result is sorted once, at the end.
func Load(ctx context.Context, root string, opt LoadOptions) ([]Article, []Skipped, error) {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Encoding != "" {
		if _, err := encodingByName(opt.Encoding); err != nil {
			return nil, nil, err
		}
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", SanitizeLine(root), rootCause(err))
	}
	// WalkDir does not follow a symlink at the root: walk what it points
	// to, keeping the path as given for display.
	walkRoot := root
	if st.IsDir() {
		if real, err := filepath.EvalSymlinks(root); err == nil {
			walkRoot = real
		}
	}

	type job struct{ path, rel string }
	type result struct {
		art  Article
		skip *Skipped
	}
	jobs := make(chan job, 256)
	results := make(chan result, 256)
	var skips []Skipped
	var walkErr error

	go func() {
		defer close(jobs)
		if !st.IsDir() {
			jobs <- job{root, filepath.Base(root)}
			return
		}
		walkErr = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			rel, _ := filepath.Rel(walkRoot, p)
			p = filepath.Join(root, rel) // shown as the user named it
			if err != nil {
				if rel != "." {
					results <- result{skip: &Skipped{SanitizeLine(rel), "unreadable: " + reason(err)}}
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if rel != "." && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir // .git and friends
				}
				return nil
			}
			if !extensions[strings.ToLower(filepath.Ext(p))] {
				return nil
			}
			jobs <- job{p, rel}
			return nil
		})
	}()

	var wg sync.WaitGroup
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				a, s := loadFile(j.path, j.rel, opt)
				results <- result{a, s}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var arts []Article
	var batch []Article
	last := time.Now()
	for r := range results {
		if r.skip != nil {
			skips = append(skips, *r.skip)
			continue
		}
		arts = append(arts, r.art)
		if opt.Progress != nil {
			batch = append(batch, r.art)
			if len(batch) >= progressBatch || time.Since(last) >= progressEvery {
				opt.Progress(batch)
				batch, last = nil, time.Now()
			}
		}
	}
	if opt.Progress != nil && len(batch) > 0 {
		opt.Progress(batch)
	}
	if err := ctx.Err(); err != nil {
		return nil, skips, err
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return nil, skips, walkErr
	}
	dedupeIDs(arts)
	SortByDate(arts)
	sort.Slice(skips, func(i, j int) bool { return skips[i].Path < skips[j].Path })
	return arts, skips, nil
}

// loadFile reads and parses one file, or says why it was skipped.
func loadFile(p, rel string, opt LoadOptions) (a Article, sk *Skipped) {
	show := SanitizeLine(filepath.ToSlash(p))
	skip := func(why string) (Article, *Skipped) { return Article{}, &Skipped{show, why} }
	defer func() {
		// A parser bug must cost one file, not the program: the file is
		// reported like any other that could not be read.
		if r := recover(); r != nil {
			a, sk = skip(fmt.Sprintf("parser failed: %v", r))
			sk.Reason = SanitizeLine(sk.Reason)
		}
	}()
	st, err := os.Lstat(p)
	if err != nil {
		return skip("unreadable: " + reason(err))
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		st, err = os.Stat(p)
		switch {
		case errors.Is(err, syscall.ELOOP):
			return skip("symlink loop")
		case err != nil:
			return skip("broken symlink: " + reason(err))
		}
	}
	if !st.Mode().IsRegular() {
		return skip("not a regular file")
	}
	if st.Size() > opt.MaxSize {
		return skip(fmt.Sprintf("oversized: %s, limit %s", size(st.Size()), size(opt.MaxSize)))
	}
	// Non-blocking, and checked again once open: a file swapped for a
	// FIFO after the Lstat above must not hang a worker.
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return skip("unreadable: " + reason(err))
	}
	defer f.Close()
	if fst, err := f.Stat(); err != nil || !fst.Mode().IsRegular() {
		return skip("not a regular file")
	}
	b, err := io.ReadAll(io.LimitReader(f, opt.MaxSize+1))
	if err != nil {
		return skip("unreadable: " + reason(err))
	}
	if int64(len(b)) > opt.MaxSize {
		return skip(fmt.Sprintf("oversized: more than %s", size(opt.MaxSize)))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return skip("empty file")
	}
	rel = filepath.ToSlash(rel)
	id := strings.TrimSuffix(rel, path.Ext(rel))
	a, err = parseBytes(SanitizeLine(id), show, b, opt.Encoding)
	if err != nil {
		return skip(err.Error())
	}
	return a, nil
}

// dedupeIDs keeps IDs unique when a.txt and a.md share a folder: the later
// file (by name) keeps its extension in its ID, and a number if even that
// is taken.
func dedupeIDs(arts []Article) {
	// Files in name order, so the choice does not depend on which worker
	// finished first.
	order := make([]int, len(arts))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(x, y int) bool { return arts[order[x]].File < arts[order[y]].File })
	taken := make(map[string]bool, len(arts))
	for _, i := range order {
		id := arts[i].ID
		if taken[id] {
			id += path.Ext(arts[i].File)
			for n := 2; taken[id]; n++ { // a.txt, a.md and a.txt.md
				id = fmt.Sprintf("%s~%d", arts[i].ID+path.Ext(arts[i].File), n)
			}
		}
		arts[i].ID = id
		taken[id] = true
	}
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// reason is an error without the path it carries, made safe to print.
func reason(err error) string { return SanitizeLine(rootCause(err).Error()) }

func rootCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isBinary reports whether b looks like a binary file: NULs or other
// non-text control bytes make up more than a tenth of it. A few stray NULs
// in a text file do not make it binary.
func isBinary(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	n := len(b)
	if n > 64<<10 {
		b = b[:64<<10]
		n = len(b)
	}
	bad := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\f' && c != '\a' && c != '\b' {
			bad++
		}
	}
	return bad*10 > n
}
