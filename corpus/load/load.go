package load

import (
	"bytes"
	"context"
	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
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
)

// Skipped is a file the loader left out, and why; or, with Kept set, a
// file it loaded with part of it left out (front matter it could not
// read), and what.
type Skipped struct {
	Path   string // cleaned for display
	Reason string
	Kept   bool // the file loaded: Reason is a warning
}

// Error formats the skip as the stderr line shows it, without the program
// name: "skipped news/x.bin: binary file", or for a file that loaded,
// "news/x.md: front matter ignored: …".
func (s Skipped) Error() string {
	if s.Kept {
		return s.Path + ": " + s.Reason
	}
	return "skipped " + s.Path + ": " + s.Reason
}

// Dropped is skips without the warnings about files that loaded.
func Dropped(skips []Skipped) []Skipped {
	var out []Skipped
	for _, s := range skips {
		if !s.Kept {
			out = append(out, s)
		}
	}
	return out
}

// Options tune Load. The zero value is ready to use.
type Options struct {
	// Encoding forces a decoding: "utf-8", "utf-16", "windows-1251",
	// "koi8-r". Empty means detect.
	Encoding string
	// MaxSize is the largest file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, receives articles as they are parsed, unsorted,
	// in batches, from the loading goroutine.
	Progress func(batch []corpus.Article)
	// Found, when set, hears how many article files the walk has found,
	// now and then and once more with done when the walk is over: the
	// total a progress line counts against. The walk runs ahead of the
	// parsing to give it early.
	Found func(n int, done bool)
	// Indexing, when set, hears that Open has read every file and is
	// building (or patching) the index.
	Indexing func()
	// Searchable, when set, receives a first open's whole corpus before
	// its quotes are read, sorted, with its index: the list is whole and
	// search works, but for speakers, while Open reads the quotes (see
	// draft.go). Open then returns the articles with their quotes.
	Searchable func(arts []corpus.Article, ix *search.Index)
	// FileBudget is how long one file may take to parse; 0 means
	// DefaultBudget for its size. A file past it is skipped.
	FileBudget time.Duration

	// Cache, for Open: take unchanged files and the index from the
	// folder's cache and write it after a load that changed anything.
	Cache bool
	// CacheDir is where Open keeps caches; empty means CacheDir().
	CacheDir string
	// Warn, when set, receives the one line Open says about a cache it
	// could not use or write (the load goes on without it).
	Warn func(msg string)

	parse func(ctx context.Context, id, file string, b []byte, enc string) (corpus.Article, string, error) // tests swap in one that hangs
	// draft has load parse the files it reads without their quotes, the
	// walk keeping each draft's head for finish (draft.go).
	draft bool
}

// DefaultBudget is how long a file of size bytes may take to parse: 2 s,
// and 1 s more a megabyte. An article parses in well under a millisecond
// and the slowest shapes known in about half a second a megabyte, so only
// a shape nobody has met yet reaches it, and then one file costs seconds,
// not the load.
func DefaultBudget(size int64) time.Duration {
	return 2*time.Second + time.Duration(size)*time.Second/(1<<20)
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

// Load reads root, a file or a folder walked recursively, and returns its
// articles oldest first with the files it skipped. The error is for a root
// that cannot be read at all. Files are read and parsed by Workers
// goroutines; the result is sorted once, at the end.
func Load(ctx context.Context, root string, opt Options) ([]corpus.Article, []Skipped, error) {
	arts, skips, _, err := load(ctx, root, opt, nil)
	return arts, skips, err
}

// load is Load that takes files unchanged since prev from it, without
// reading them, and returns with the articles a record of every file it
// looked at, in walk order, for the next cache.
func load(ctx context.Context, root string, opt Options, prev *snapshot) ([]corpus.Article, []Skipped, *walk, error) {
	opt = opt.defaults()
	if opt.Encoding != "" {
		if err := parse.CheckEncoding(opt.Encoding); err != nil {
			return nil, nil, nil, err
		}
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("cannot read %s: %w", parse.SanitizeLine(root), rootCause(err))
	}
	walkRoot := realRoot(root)
	wk := &walk{root: root, realRoot: walkRoot}

	type job struct {
		path, rel, id, real string
		seq                 int // the file's place in the walk
	}
	type result struct {
		art   corpus.Article
		head  string // a draft's (see Options.draft)
		draft bool
		skip  *Skipped
		rec   *fileRec // nil for a folder's skip
	}
	found := make(chan job, 256)
	jobs := make(chan job, 256)
	results := make(chan result, 256)
	// The walk queues its jobs here without waiting for the workers, so
	// Found learns the total early; a job is a few paths, so even a big
	// folder's queue is small.
	go func() {
		defer close(jobs)
		var queue []job
		in := found
		for in != nil || len(queue) > 0 {
			var out chan job
			var next job
			if len(queue) > 0 {
				out, next = jobs, queue[0]
			}
			select {
			case j, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				queue = append(queue, j)
			case out <- next:
				queue = queue[1:]
			case <-ctx.Done():
				return
			}
		}
	}()
	var skips []Skipped
	var walkErr error

	ids := idSet{}
	seq := 0
	go func() {
		defer close(found)
		if !st.IsDir() {
			base := filepath.Base(root)
			found <- job{root, base, strings.TrimSuffix(base, filepath.Ext(base)), walkRoot, 0}
			return
		}
		said := time.Now()
		defer func() {
			if opt.Found != nil && ctx.Err() == nil {
				opt.Found(seq, true)
			}
		}()
		walkErr = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			rel, _ := filepath.Rel(walkRoot, p)
			p = filepath.Join(root, rel) // shown as the user named it
			if err != nil {
				if rel != "." {
					// Named as files are: the path under the root as given.
					sk := &Skipped{Path: parse.SanitizeLine(filepath.ToSlash(p)), Reason: "unreadable: " + reason(err)}
					select {
					case results <- result{skip: sk}:
					case <-ctx.Done():
						return ctx.Err()
					}
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
			select {
			case found <- job{p, rel, ids.settle(filepath.ToSlash(rel)), filepath.Join(walkRoot, rel), seq}:
				seq++
				if opt.Found != nil && time.Since(said) >= progressEvery {
					opt.Found(seq, false)
					said = time.Now()
				}
			case <-ctx.Done():
				return ctx.Err()
			}
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
				rec := &fileRec{seq: j.seq, rel: j.rel, id: j.id}
				a, s, ok := prev.reuse(j.path, rec)
				var head string
				if !ok {
					var fi fs.FileInfo
					a, head, s, fi = readFile(ctx, j.path, j.real, j.id, opt, opt.draft)
					rec.stat(fi)
				}
				rec.art, rec.skip = s == nil || s.Kept, s
				results <- result{a, head, opt.draft && !ok, s, rec}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var arts []corpus.Article
	var batch []corpus.Article
	last := time.Now()
	for {
		var r result
		var ok bool
		select {
		case r, ok = <-results:
		case <-ctx.Done():
			// Quitting stops the load at once, even with a worker still
			// in a file (a parse sees the cancel within a step; a read
			// from a slow disk may not): what is still sent is drained.
			go func() {
				for range results {
				}
			}()
			return nil, skips, nil, ctx.Err()
		}
		if !ok {
			break
		}
		if r.rec != nil {
			wk.files = append(wk.files, *r.rec)
		}
		if r.skip != nil {
			skips = append(skips, *r.skip)
			if !r.skip.Kept {
				continue
			}
		}
		arts = append(arts, r.art)
		if r.draft {
			if wk.heads == nil {
				wk.heads = map[string]string{}
			}
			wk.heads[r.art.ID] = r.head
		}
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
		return nil, skips, nil, err
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return nil, skips, nil, walkErr
	}
	sort.Slice(wk.files, func(i, j int) bool { return wk.files[i].seq < wk.files[j].seq })
	if prev.same(wk) && !prev.delta {
		// Every file is the one cached, and no file came or went: the
		// cached order is the order a sort would give (IDs break ties).
		arts = prev.arts
	} else {
		corpus.SortByDate(arts)
	}
	sort.Slice(skips, func(i, j int) bool { return skips[i].Path < skips[j].Path })
	return arts, skips, wk, nil
}

// defaults fills the zero fields of opt.
func (opt Options) defaults() Options {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return opt
}

// realRoot is root's real path, absolute: where the walk goes (WalkDir
// does not follow a link at its root), and what the cache is keyed by.
func realRoot(root string) string {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	return root
}

// loadFile reads and parses one file, or says why it was skipped; a
// file that loaded with a warning comes with a Kept skip.
// real is p's real path but for p's own link, if it is one.
// fi is set when the outcome follows from the file's bytes as of fi, and
// so may be cached: not for a link, nor for a file that could not be read.
func loadFile(ctx context.Context, p, real, id string, opt Options) (a corpus.Article, sk *Skipped, fi fs.FileInfo) {
	a, _, sk, fi = readFile(ctx, p, real, id, opt, false)
	return a, sk, fi
}

// readFile is loadFile that, with draft, parses the file without its
// quotes (parse.DraftBytes) and returns the draft's head for the finish.
func readFile(ctx context.Context, p, real, id string, opt Options, draft bool) (a corpus.Article, head string, sk *Skipped, fi fs.FileInfo) {
	show := parse.SanitizeLine(filepath.ToSlash(p))
	skip := func(why string) (corpus.Article, string, *Skipped, fs.FileInfo) {
		return corpus.Article{}, "", &Skipped{Path: show, Reason: why}, fi
	}
	defer func() {
		// A parser bug must cost one file, not the program: the file is
		// reported like any other that could not be read.
		if r := recover(); r != nil {
			a, head, sk, _ = skip(fmt.Sprintf("parser failed: %v", r))
			sk.Reason = parse.SanitizeLine(sk.Reason)
		}
	}()
	st, err := os.Lstat(p)
	if err != nil {
		return skip("unreadable: " + reason(err))
	}
	link := st.Mode()&fs.ModeSymlink != 0
	if link {
		st, err = os.Stat(p)
		switch {
		case errors.Is(err, syscall.ELOOP):
			return skip("symlink loop")
		case err != nil:
			return skip("broken symlink: " + reason(err))
		}
	}
	// A link to /proc/self/environ is a regular file of size 0 that
	// reads as the process's environment: the real path decides.
	if link {
		if real, err = filepath.EvalSymlinks(p); err == nil {
			real, _ = filepath.Abs(real)
		}
	}
	if specialPath(real) {
		if link {
			// Named as the link says, /proc/self/environ, not /proc/4242/environ.
			to, err := os.Readlink(p)
			if err != nil || !filepath.IsAbs(to) {
				to = real
			}
			return skip("links to a special file (" + parse.SanitizeLine(filepath.ToSlash(to)) + ")")
		}
		return skip("special file")
	}
	if !st.Mode().IsRegular() {
		return skip("not a regular file")
	}
	if !link {
		fi = st
	}
	if st.Size() > opt.MaxSize {
		return skip(fmt.Sprintf("oversized: %s, limit %s", size(st.Size()), size(opt.MaxSize)))
	}
	// Non-blocking, and checked again once open: a file swapped for a
	// FIFO after the Lstat above must not hang a worker.
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		fi = nil
		return skip("unreadable: " + reason(err))
	}
	defer f.Close()
	fst, err := f.Stat()
	if err != nil || !fst.Mode().IsRegular() {
		fi = nil
		return skip("not a regular file")
	}
	if !link {
		fi = fst // what is read, should the file change after the Lstat
	}
	// A regular file of size 0 is empty, and one that reads otherwise is
	// a kernel's (proc, sysfs) whose contents are made up on reading.
	if fst.Size() == 0 {
		return skip("empty file")
	}
	b, err := readAll(f, fst.Size(), opt.MaxSize)
	if err != nil {
		fi = nil
		return skip("unreadable: " + reason(err))
	}
	if int64(len(b)) > opt.MaxSize {
		return skip(fmt.Sprintf("oversized: more than %s", size(opt.MaxSize)))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return skip("empty file")
	}
	budget := opt.FileBudget
	if budget <= 0 {
		budget = DefaultBudget(int64(len(b)))
	}
	fctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	parseBytes := parse.BytesContext
	switch {
	case opt.parse != nil:
		parseBytes = opt.parse
	case draft:
		parseBytes = func(ctx context.Context, id, file string, b []byte, enc string) (corpus.Article, string, error) {
			d, warn, err := parse.DraftBytes(ctx, id, file, b, enc)
			head = d.Head()
			return d.Article, warn, err
		}
	}
	a, warn, err := parseBytes(fctx, parse.SanitizeLine(id), show, b, opt.Encoding)
	switch {
	case err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded):
		return skip(tooLong(budget))
	case err != nil && ctx.Err() != nil:
		fi = nil
		return skip(err.Error())
	case err != nil:
		return skip(err.Error())
	case warn != "":
		return a, head, &Skipped{Path: show, Reason: warn, Kept: true}, fi
	}
	return a, head, nil, fi
}

// tooLong is the reason a file past its parse budget is skipped.
func tooLong(budget time.Duration) string {
	return fmt.Sprintf("took too long to parse (more than %v)", budget.Round(time.Millisecond))
}

// specialPath reports whether real, a path with its links resolved, is in
// a kernel's file system, whose files are made up on reading.
func specialPath(real string) bool {
	real = filepath.ToSlash(real)
	for _, dir := range []string{"/proc", "/sys", "/dev"} {
		if real == dir || strings.HasPrefix(real, dir+"/") {
			return true
		}
	}
	return false
}

// idSet settles unique IDs as the walk finds files, before any is parsed
// or streamed, so the reader and the commands see the same ID for a file.
// The walk goes in name order, so when a.txt and a.md share a folder a.md
// is "a" and a.txt keeps its extension, "a.txt"; a number follows if even
// that is taken (a.txt, a.md and a.txt.md).
type idSet map[string]bool

// settle returns the ID for the file at rel (slash-separated, under the
// root) and takes it.
func (t idSet) settle(rel string) string {
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	id := stem
	if t[id] {
		id = rel
		for n := 2; t[id]; n++ {
			id = fmt.Sprintf("%s~%d", rel, n)
		}
	}
	t[id] = true
	return id
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
func reason(err error) string { return parse.SanitizeLine(rootCause(err).Error()) }

func rootCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readAll reads f, of size bytes when statted, to its end or to more than
// max bytes. Sized by the stat, as os.ReadFile is, a file is one read and
// the read that says it ended, where io.ReadAll's growing buffer took five
// reads and as many copies for an article of 4 KB: a tenth of a first
// open's CPU at 100,000 files.
func readAll(f *os.File, size, max int64) ([]byte, error) {
	b := make([]byte, 0, min(size, max)+512)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		room := b[len(b):cap(b)]
		if left := max + 1 - int64(len(b)); int64(len(room)) > left {
			room = room[:left]
		}
		n, err := f.Read(room)
		b = b[:len(b)+n]
		switch {
		case int64(len(b)) == size && size < max:
			// All the stat said: the read that would say so is spared
			// (a file grown since reads as it was statted, as its
			// cache entry says).
			return b, nil
		case int64(len(b)) > max:
			return b, nil
		case err == io.EOF:
			return b, nil
		case err != nil:
			return b, err
		}
	}
}
