package load

// The cache
//
// Opening a folder of 100,000 articles parses 350 MB of text (6 s) and
// indexes it (3 s). Users open the same folders many times a day, so Open
// keeps what a load made, per folder, in one file under
// $XDG_CACHE_HOME/dossier/, named by a hash of the folder's real path, and
// a reopen takes from it every file that has not changed.
//
// Layout. One file: a 32-byte header, then little-endian sections, each
// 8-byte aligned (corpus/internal/flat):
//
//	header   magic "DOSSIERC", the cache format, parse.Version,
//	         search.IndexVersion, a CRC-32C of the rest, the file's length
//	meta     the folder (real path, and as named), the options that change
//	         what a file parses to (encoding, size limit), the write time
//	files    per file found: its path under the folder, its ID, size,
//	         modification time and inode, the article it gave, and the
//	         reason it was skipped or the warning it loaded with
//	articles one blob of every string: the lists (paragraphs, tags) in
//	         article order, then the single strings (IDs, titles,
//	         sources, speakers, …; short ones stored once, a quote's text
//	         as a window of its paragraph); tables of (offset, length) per
//	         string, 16 uint32s per article and 8 per quote pointing into
//	         them
//	index    search.Index.MarshalBinary: its arrays as they are in memory
//
// Reading it is one mmap (os.ReadFile off Linux), a checksum that hands
// the pages back as it goes (readShared), and views:
// every string of every article is an unsafe.String over the mapping, the
// articles' paragraphs and quotes are windows of two shared arrays, the
// index's arrays are the file itself. Nothing is decoded into new memory
// but the Article and Quote structs. At 100,000 articles (a 535 MB file),
// in a fresh process: the mapping 5 ms, the checksum 30-35 ms, the
// structs 50-90 ms, the index under 1 ms, and the walk and stat of the
// folder's 100,000 files 210-240 ms, which is now most of a reopen. With
// os.ReadFile the read alone cost 80 ms (faulting in and zeroing the copy).
// The same articles as one encoding/gob stream took 1.1-2.3 s to decode
// (BenchmarkGobBaseline), every string copied into new memory, before any
// stat or index; an embedded store (bbolt, pebble) would add a dependency
// and still copy each value out.
//
// Validation. The whole file is trusted only with the right magic, format
// and versions, its full length and its checksum; then every offset,
// count and span is checked against what it points into before it is
// used, so no file can make the reader index out of range (which is why
// the checksum can be computed on the core the walk leaves idle, while
// the folder is compared, and waited for before anything read is used).
// A file fails whole: corrupt, truncated, of another version or another
// program's, it is reported in one line and rebuilt. Each file of the folder is taken
// from the cache only if its path, ID, size, modification time and inode
// are as cached, and it was not modified within racyWindow of the cache's
// writing (a file written twice within the clock's granularity keeps its
// time; it is re-read until the cache is younger than it by that much).
// A file that came, went or changed is read and parsed again; then the
// cached index is patched for them (search.Index.Patch: the lists
// renumbered, only the new articles tokenised) and the cache rewritten.
//
// Writing is atomic: a temporary file in the same folder, renamed over the
// cache, so two processes finishing at once leave one whole cache, the
// last one's. It is not synced: a cache torn by a crash fails its
// checksum, and the next open rebuilds it.

import (
	"context"
	"crypto/sha256"
	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Cache file constants; see the header comment.
const (
	cacheMagic  = "DOSSIERC"
	cacheFormat = 3 // bump when the layout below changes
	headerSize  = 32
	racyWindow  = 2 * time.Second
	artWords    = 16 // uint32s an article record takes
	quoteWords  = 8  // uint32s a quote record takes
	crcChunk    = 8 << 20
	shortString = 64 // strings up to this long are stored once however often used
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Open loads root as Load does and indexes it. With opt.Cache set it goes
// through the folder's cache: files unchanged since it was written are
// taken from it, and when nothing changed the index is too; otherwise the
// cached index is patched (search.Index.Patch) and the cache rewritten. A
// cache that cannot be used or written costs one call of opt.Warn, and
// the load goes on without it.
func Open(ctx context.Context, root string, opt Options) ([]corpus.Article, *search.Index, []Skipped, error) {
	opt = opt.defaults()
	if !opt.Cache {
		opt.draft = true
		arts, skips, wk, err := load(ctx, root, opt, nil)
		if err != nil {
			return nil, nil, skips, err
		}
		return finish(ctx, arts, wk, skips, opt)
	}
	if opt.Encoding != "" {
		if err := parse.CheckEncoding(opt.Encoding); err != nil {
			return nil, nil, nil, err // before the cache is looked at, let alone reported
		}
	}
	warned := false
	warn := func(format string, a ...any) {
		if !warned && opt.Warn != nil {
			warned = true
			opt.Warn(parse.SanitizeLine(fmt.Sprintf(format, a...)))
		}
	}
	real := realRoot(root)
	path, err := CachePath(opt.CacheDir, real)
	if err != nil {
		warn("no cache: %v", err)
	}
	var prev *snapshot
	if path != "" {
		prev, err = readCache(path, real, opt)
		// No cache is no news; a cache folder that is a file is said
		// when writing fails.
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			warn("cache %s: %v; rebuilding it", path, rootCause(err))
		}
	}
	var deltaErr error // said once the base is known to be good
	if prev != nil {
		d, err := readDelta(path+deltaSuffix, prev)
		switch {
		case err == nil:
			prev = d
		case errors.Is(err, fs.ErrNotExist):
		default:
			// The base is a whole cache without it: what the delta
			// held is read again, and a new one written.
			if !errors.Is(err, errOtherBase) {
				deltaErr = err
			}
			os.Remove(path + deltaSuffix)
		}
	}
	var arts []corpus.Article
	var skips []Skipped
	var wk *walk
	if prev != nil {
		prev.rebase(root)
		same, changed := prev.compare(ctx, root, real)
		if prev.verify != nil {
			if err := prev.verify(); err != nil {
				warn("cache %s: %v; rebuilding it", path, err)
				prev, same = nil, false
			}
		}
		if deltaErr != nil {
			warn("cache %s: %v; rebuilding it", path+deltaSuffix, rootCause(deltaErr))
		}
		switch {
		case prev == nil:
		case same && len(changed) == 0 && !prev.delta:
			ix, err := search.UnmarshalIndex(prev.arts, prev.index)
			if err == nil {
				if opt.Progress != nil && len(prev.arts) > 0 {
					opt.Progress(prev.arts)
				}
				return prev.arts, ix, prev.skips(root), nil
			}
			warn("cache %s: %v; rebuilding it", path, err)
			prev = nil
		case same && 2*len(changed) <= len(prev.files):
			arts, skips, wk = prev.refresh(ctx, root, real, changed, opt)
			if err := ctx.Err(); err != nil {
				return nil, nil, skips, err
			}
		default:
			prev.byPath()
		}
	}
	if wk == nil {
		// With nothing to take from a cache, a first open reads the
		// folder in two passes (draft.go).
		first := opt
		first.draft = prev == nil
		arts, skips, wk, err = load(ctx, root, first, prev)
		if err != nil {
			return nil, nil, skips, err
		}
	}
	if wk.heads != nil {
		var ix *search.Index
		arts, ix, skips, err = finish(ctx, arts, wk, skips, opt)
		if err != nil {
			return nil, nil, skips, err
		}
		if path != "" && ctx.Err() == nil {
			if err = writeCache(path, wk, arts, ix, opt); err == nil {
				os.Remove(path + deltaSuffix)
			} else {
				warn("cannot write the cache %s: %v", path, rootCause(err))
			}
		}
		return arts, ix, skips, nil
	}
	if prev.same(wk) && !prev.delta {
		ix, err := search.UnmarshalIndex(arts, prev.index)
		if err == nil {
			return arts, ix, skips, nil
		}
		warn("cache %s: %v; rebuilding it", path, err)
		prev = nil
	}
	if opt.Indexing != nil {
		opt.Indexing()
	}
	// The delta holds no index: it is written while the index is patched
	// (on the core the patch's serial steps leave idle), and used once
	// the patch is known to have worked.
	type wrote struct {
		ok  bool
		err error
	}
	var delta chan wrote
	if path != "" && ctx.Err() == nil && prev != nil && !prev.same(wk) {
		delta = make(chan wrote, 1)
		go func() {
			ok, err := writeDelta(path, prev, wk, arts)
			delta <- wrote{ok, err}
		}()
	}
	ix := patchIndex(prev, wk, arts)
	var dw wrote
	if delta != nil {
		dw = <-delta
	}
	if ix == nil {
		ix = search.NewIndex(arts)
		prev = nil // no index to patch: the cache is written whole
	}
	if path != "" && ctx.Err() == nil && !prev.same(wk) {
		// A delta, unless there is no base to write it for or it
		// would be too big; then the whole cache, and no delta.
		ok := false
		var err error
		if prev != nil && delta != nil {
			ok, err = dw.ok, dw.err
			if ok && err == nil {
				compactLater(path, wk, arts, ix, opt)
			}
		}
		if !ok && err == nil {
			if err = writeCache(path, wk, arts, ix, opt); err == nil {
				os.Remove(path + deltaSuffix)
			}
		}
		if err != nil {
			warn("cannot write the cache %s: %v", path, rootCause(err))
		}
	}
	return arts, ix, skips, nil
}

// patchIndex is the index of arts patched from the cached one, or nil when
// there is none to patch: the cache's articles and those of arts taken
// from it are matched by ID (unique in a load).
func patchIndex(prev *snapshot, wk *walk, arts []corpus.Article) *search.Index {
	if prev == nil || wk == nil {
		return nil
	}
	old, err := search.UnmarshalIndex(prev.arts[:prev.nb], prev.index)
	if err != nil {
		return nil
	}
	if wk.oldOf != nil && len(wk.oldOf) == len(arts) {
		return old.Patch(arts, wk.oldOf)
	}
	from := make(map[string]int32, prev.nb)
	for i := range wk.files {
		f := &wk.files[i]
		if !f.hit || !f.art || f.artIdx < 0 || f.artIdx >= prev.nb {
			continue
		}
		id := prev.arts[f.artIdx].ID
		if _, dup := from[id]; dup {
			return nil
		}
		from[id] = int32(f.artIdx)
	}
	oldOf := make([]int32, len(arts))
	for d := range arts {
		o, ok := from[arts[d].ID]
		if !ok {
			o = -1
		}
		oldOf[d] = o
	}
	return old.Patch(arts, oldOf)
}

// CacheDir is where caches are kept unless Options.CacheDir says
// otherwise: $XDG_CACHE_HOME/dossier, or the system's cache folder
// (~/.cache, ~/Library/Caches, %LocalAppData%) when it is unset.
func CacheDir() (string, error) {
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dossier"), nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "dossier"), nil
}

// CachePath is the cache file of the corpus at root under dir (CacheDir
// when empty): named by a hash of root's real, absolute path, so the same
// folder reached by another name shares its cache.
func CachePath(dir, root string) (string, error) {
	if dir == "" {
		d, err := CacheDir()
		if err != nil {
			return "", err
		}
		dir = d
	}
	sum := sha256.Sum256([]byte(realRoot(root)))
	return filepath.Join(dir, hex.EncodeToString(sum[:16])), nil
}
