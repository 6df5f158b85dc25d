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
//	articles one blob of every string (titles, sources, paragraphs,
//	         quotes, …; short ones and quotes stored once), tables of
//	         (offset, length) per string, 16 uint32s per article and 8 per
//	         quote pointing into them
//	index    search.Index.MarshalBinary: its arrays as they are in memory
//
// Reading it is one mmap (os.ReadFile off Linux), a checksum, and views:
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
// used, so no file can make the reader index out of range. A file fails
// whole: corrupt, truncated, of another version or another program's, it
// is reported in one line and rebuilt. Each file of the folder is taken
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
	"dossier/corpus/internal/flat"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Cache file constants; see the header comment.
const (
	cacheMagic  = "DOSSIERC"
	cacheFormat = 2 // bump when the layout below changes
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
	if !opt.Cache {
		arts, skips, err := Load(ctx, root, opt)
		if err != nil {
			return nil, nil, skips, err
		}
		return arts, search.NewIndex(arts), skips, nil
	}
	opt = opt.defaults()
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
	var arts []corpus.Article
	var skips []Skipped
	var wk *walk
	if prev != nil {
		prev.rebase(root)
		same, changed := prev.compare(ctx, root, real)
		switch {
		case same && len(changed) == 0:
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
		arts, skips, wk, err = load(ctx, root, opt, prev)
		if err != nil {
			return nil, nil, skips, err
		}
	}
	if prev.same(wk) {
		ix, err := search.UnmarshalIndex(arts, prev.index)
		if err == nil {
			return arts, ix, skips, nil
		}
		warn("cache %s: %v; rebuilding it", path, err)
	}
	ix := patchIndex(prev, wk, arts)
	if ix == nil {
		ix = search.NewIndex(arts)
	}
	if path != "" && ctx.Err() == nil {
		if err := writeCache(path, wk, arts, ix, opt); err != nil {
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
	old, err := search.UnmarshalIndex(prev.arts, prev.index)
	if err != nil {
		return nil
	}
	from := make(map[string]int32, len(prev.arts))
	for i := range wk.files {
		f := &wk.files[i]
		if !f.hit || !f.art || f.artIdx < 0 || f.artIdx >= len(prev.arts) {
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

// fileRec is what the cache keeps of one file the walk found.
type fileRec struct {
	seq         int // place in the walk
	rel, id     string
	size, mtime int64
	ino         uint64
	ok          bool     // the stat is set and the outcome may be cached
	hit         bool     // taken from the cache
	art         bool     // the file gave an article
	artIdx      int      // in snapshot.arts, for a cached file
	skip        *Skipped // why it was left out, or its warning
}

// stat sets the file's identity from fi, or marks it uncacheable.
func (r *fileRec) stat(fi fs.FileInfo) {
	if fi == nil {
		r.ok = false
		return
	}
	r.size, r.mtime, r.ino, r.ok = fi.Size(), fi.ModTime().UnixNano(), inode(fi), true
}

// walk is what one load saw: every file, in walk order.
type walk struct {
	root, realRoot string
	files          []fileRec
}

// snapshot is a cache read back.
type snapshot struct {
	realPath string // the folder's real path, what the file is named by
	root     string // as named when written
	single   bool   // root was a file
	written  int64  // Unix nanoseconds
	files    []fileRec
	byRel    map[string]int
	arts     []corpus.Article // in date order
	index    []byte
	encoding string
	maxSize  int64
}

// reuse takes the file at p from the cache when it is the one cached,
// filling rec; ok is false when it must be read.
func (s *snapshot) reuse(p string, rec *fileRec) (corpus.Article, *Skipped, bool) {
	if s == nil {
		return corpus.Article{}, nil, false
	}
	i, ok := s.byRel[rec.rel]
	if !ok {
		return corpus.Article{}, nil, false
	}
	e := &s.files[i]
	fi, err := os.Stat(p)
	if e.id != rec.id || err != nil || !fi.Mode().IsRegular() {
		return corpus.Article{}, nil, false
	}
	rec.stat(fi)
	if rec.size != e.size || rec.mtime != e.mtime || rec.ino != e.ino || e.mtime >= s.written-int64(racyWindow) {
		return corpus.Article{}, nil, false
	}
	rec.hit, rec.artIdx = true, e.artIdx
	var a corpus.Article
	if e.art {
		a = s.arts[e.artIdx]
	}
	var sk *Skipped
	if e.skip != nil {
		sk = &Skipped{Path: parse.SanitizeLine(filepath.ToSlash(p)), Reason: e.skip.Reason, Kept: e.skip.Kept}
	}
	return a, sk, true
}

// compare reports whether the folder at root (real, its real path) holds
// exactly the cached files (same), and which of them are not as cached
// (changed, in order). It is load's walk without workers, channels or
// parsing (the same folders skipped, the same files in the same order),
// then a stat of every file split across the CPUs: on a reopen of 100,000
// files the stats are most of the cost. A folder it cannot read is not
// the same, and the full load sorts it out; a file it cannot stat is
// changed, and read again.
func (s *snapshot) compare(ctx context.Context, root, real string) (same bool, changed []int) {
	var dirs []string
	dir := make([]int32, 0, len(s.files))
	names := make([]string, 0, len(s.files))
	if s.single {
		if len(s.files) != 1 {
			return false, nil
		}
		dirs = append(dirs, filepath.Dir(root))
		dir = append(dir, 0)
		names = append(names, filepath.Base(root))
	} else {
		seen := map[string]int32{}
		prefix := real + string(filepath.Separator)
		same := true
		err := filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
			if err != nil || ctx.Err() != nil {
				same = false
				return fs.SkipAll
			}
			if d.IsDir() {
				if p != real && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				seen[p] = int32(len(dirs))
				dirs = append(dirs, p)
				return nil
			}
			if !extensions[strings.ToLower(filepath.Ext(p))] {
				return nil
			}
			rel, ok := strings.CutPrefix(p, prefix)
			if !ok {
				rel, _ = filepath.Rel(real, p)
			}
			// The same paths in the same order settle to the same IDs:
			// the cached ones, settled by load from this sequence.
			i := len(names)
			if i >= len(s.files) || s.files[i].rel != rel {
				same = false
				return fs.SkipAll
			}
			name := d.Name()
			at, ok := seen[p[:len(p)-len(name)-1]] // WalkDir's own join of folder and name
			if !ok {
				same = false
				return fs.SkipAll
			}
			dir = append(dir, at)
			names = append(names, name)
			return nil
		})
		if err != nil || !same || len(names) != len(s.files) {
			return false, nil
		}
	}
	// Files folder by folder, split across the CPUs.
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(dir[a]) - int(dir[b]) })
	workers := max(1, min(runtime.GOMAXPROCS(0), len(order)/512+1))
	found := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			part := order[len(order)*w/workers : len(order)*(w+1)/workers]
			statAll(dirs, dir, names, part, func(i int, size, mtime int64, ino uint64, ok bool) bool {
				e := &s.files[i]
				if !ok || size != e.size || mtime != e.mtime || ino != e.ino || e.mtime >= s.written-int64(racyWindow) {
					found[w] = append(found[w], i)
				}
				return ctx.Err() == nil
			})
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return false, nil
	}
	for _, f := range found {
		changed = append(changed, f...)
	}
	sort.Ints(changed)
	return true, changed
}

// refresh is load for a folder that holds exactly the cached files, some
// of them changed: only those are read and parsed again, the rest taken
// from the cache, without a walk of its own (compare made it).
func (s *snapshot) refresh(ctx context.Context, root, real string, changed []int, opt Options) ([]corpus.Article, []Skipped, *walk) {
	wk := &walk{root: root, realRoot: real, files: make([]fileRec, len(s.files))}
	for i := range s.files {
		wk.files[i] = s.files[i]
		wk.files[i].seq, wk.files[i].hit = i, true
	}
	path := func(dir string, f *fileRec) string {
		if s.single {
			return dir
		}
		return filepath.Join(dir, f.rel)
	}
	fresh := make([]corpus.Article, len(changed))
	var wg sync.WaitGroup
	workers := max(1, min(opt.Workers, len(changed)))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < len(changed); k += workers {
				f := &wk.files[changed[k]]
				a, sk, fi := loadFile(ctx, path(root, f), path(real, f), f.id, opt)
				rec := fileRec{seq: f.seq, rel: f.rel, id: f.id, artIdx: -1}
				rec.stat(fi)
				rec.art, rec.skip = sk == nil || sk.Kept, sk
				*f, fresh[k] = rec, a
			}
		}()
	}
	wg.Wait()
	arts := make([]corpus.Article, 0, len(s.arts))
	var skips []Skipped
	k := 0
	for i := range wk.files {
		f := &wk.files[i]
		switch {
		case k < len(changed) && changed[k] == i:
			if f.art {
				arts = append(arts, fresh[k])
			}
			k++
		case f.art:
			arts = append(arts, s.arts[f.artIdx])
		}
		if f.skip != nil {
			skips = append(skips, Skipped{Path: parse.SanitizeLine(filepath.ToSlash(path(root, f))), Reason: f.skip.Reason, Kept: f.skip.Kept})
		}
	}
	corpus.SortByDate(arts)
	sort.Slice(skips, func(i, j int) bool { return skips[i].Path < skips[j].Path })
	if opt.Progress != nil && len(arts) > 0 {
		opt.Progress(arts)
	}
	return arts, skips, wk
}

// skips are the cached files' reasons and warnings, named under root and
// in load's order.
func (s *snapshot) skips(root string) []Skipped {
	var out []Skipped
	for i := range s.files {
		if e := &s.files[i]; e.skip != nil {
			p := root
			if !s.single {
				p = filepath.Join(root, e.rel)
			}
			out = append(out, Skipped{Path: parse.SanitizeLine(filepath.ToSlash(p)), Reason: e.skip.Reason, Kept: e.skip.Kept})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// byPath indexes the cached files by path, for the full load's workers.
func (s *snapshot) byPath() {
	s.byRel = make(map[string]int, len(s.files))
	for i := range s.files {
		s.byRel[s.files[i].rel] = i
	}
}

// same reports whether wk found exactly the cached files, all unchanged.
func (s *snapshot) same(wk *walk) bool {
	if s == nil || wk == nil || len(wk.files) != len(s.files) {
		return false
	}
	for i := range wk.files {
		if !wk.files[i].hit {
			return false
		}
	}
	return true
}

// rebase names the cached articles' files as under root, when the folder
// was opened by another name (news, ./news, /home/me/news) last time.
func (s *snapshot) rebase(root string) {
	if s.root == root {
		return
	}
	for i := range s.files {
		e := &s.files[i]
		if !e.art {
			continue
		}
		p := root
		if !s.single {
			p = filepath.Join(root, e.rel)
		}
		s.arts[e.artIdx].File = parse.SanitizeLine(filepath.ToSlash(p))
	}
	s.root = root
}

// readCache reads the cache at path for the folder real.
func readCache(path, real string, opt Options) (*snapshot, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := readShared(path)
	if err != nil {
		return nil, err
	}
	s, err := decodeCache(data, true)
	if err != nil {
		return nil, err
	}
	if real != s.realPath {
		return nil, errors.New("made for another folder")
	}
	if s.encoding != opt.Encoding || s.maxSize != opt.MaxSize {
		return nil, errors.New("made with another --encoding or size limit")
	}
	return s, nil
}

// checksum is the CRC-32C of b's CRC-32Cs by crcChunk, computed across the
// CPUs: a 450 MB cache in ~30 ms on 2 cores rather than ~55.
func checksum(b []byte) uint32 {
	n := (len(b) + crcChunk - 1) / crcChunk
	sums := make([]byte, 4*n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := w; c < n; c += workers {
				part := b[c*crcChunk : min(len(b), (c+1)*crcChunk)]
				binary.LittleEndian.PutUint32(sums[4*c:], crc32.Checksum(part, castagnoli))
			}
		}()
	}
	wg.Wait()
	return crc32.Checksum(sums, castagnoli)
}

// encodeCache lays out the cache of a load; see the header comment.
func encodeCache(wk *walk, arts []corpus.Article, ix *search.Index, opt Options, written time.Time) ([]byte, error) {
	w := flat.Writer{B: make([]byte, headerSize, headerSize+TextSize(arts)*5/4+ix.MemBytes()+64<<10)}
	w.String(wk.realRoot)
	w.String(wk.root)
	w.String(opt.Encoding)
	w.Uint64(uint64(opt.MaxSize))
	w.Uint64(uint64(written.UnixNano()))
	single := uint64(0)
	if fi, err := os.Stat(wk.root); err == nil && !fi.IsDir() {
		single = 1
	}
	w.Uint64(single)

	// Files: only those whose outcome may be cached, and whose article
	// is found by an ID no other article has.
	idx := make(map[string]int, len(arts))
	for i := range arts {
		if _, dup := idx[arts[i].ID]; dup {
			idx[arts[i].ID] = -1
		} else {
			idx[arts[i].ID] = i
		}
	}
	var files []*fileRec
	for i := range wk.files {
		f := &wk.files[i]
		if !f.ok {
			continue
		}
		f.artIdx = -1
		if f.art {
			j, ok := idx[parse.SanitizeLine(f.id)]
			if !ok || j < 0 {
				continue
			}
			f.artIdx = j
		}
		files = append(files, f)
	}
	w.Uint64(uint64(len(files)))
	var rels, ids, reasons []byte
	roff, ioff, soff := []uint32{0}, []uint32{0}, []uint32{0}
	sizes, mtimes := make([]int64, len(files)), make([]int64, len(files))
	inos := make([]uint64, len(files))
	artOf := make([]uint32, len(files)) // article index + 1, 0 for none
	var skipOf, skipKept []uint32
	for i, f := range files {
		rels = append(rels, f.rel...)
		roff = append(roff, uint32(len(rels)))
		ids = append(ids, f.id...)
		ioff = append(ioff, uint32(len(ids)))
		sizes[i], mtimes[i], inos[i] = f.size, f.mtime, f.ino
		if f.art {
			artOf[i] = uint32(f.artIdx + 1)
		}
		if f.skip != nil {
			skipOf = append(skipOf, uint32(i))
			kept := uint32(0)
			if f.skip.Kept {
				kept = 1
			}
			skipKept = append(skipKept, kept)
			reasons = append(reasons, f.skip.Reason...)
			soff = append(soff, uint32(len(reasons)))
		}
	}
	w.Bytes(rels)
	w.Uint32s(roff)
	w.Bytes(ids)
	w.Uint32s(ioff)
	w.Int64s(sizes)
	w.Int64s(mtimes)
	w.Uint64s(inos)
	w.Uint32s(artOf)
	w.Uint32s(skipOf)
	w.Uint32s(skipKept)
	w.Bytes(reasons)
	w.Uint32s(soff)

	if err := encodeArticles(&w, arts); err != nil {
		return nil, err
	}
	b, err := ix.AppendBinary(binary.LittleEndian.AppendUint64(w.B, 0))
	if err != nil {
		return nil, err
	}
	// The index went in as a section: its length before it, padding after.
	start := len(w.B) + 8
	binary.LittleEndian.PutUint64(b[start-8:], uint64(len(b)-start))
	w.B = b
	for len(w.B)%8 != 0 {
		w.B = append(w.B, 0)
	}

	out := w.B
	copy(out, cacheMagic)
	binary.LittleEndian.PutUint32(out[8:], cacheFormat)
	binary.LittleEndian.PutUint32(out[12:], parse.Version)
	binary.LittleEndian.PutUint32(out[16:], search.IndexVersion)
	binary.LittleEndian.PutUint32(out[20:], checksum(out[headerSize:]))
	binary.LittleEndian.PutUint64(out[24:], uint64(len(out)))
	return out, nil
}

// TextSize is the bytes of every string of arts, what a cache of them
// holds besides the index.
func TextSize(arts []corpus.Article) int {
	n := 0
	for i := range arts {
		a := &arts[i]
		n += len(a.ID) + len(a.File) + len(a.Title) + len(a.Source) + len(a.URL) + len(a.Dateline)
		for _, p := range a.Paragraphs {
			n += len(p)
		}
		for _, t := range a.Tags {
			n += len(t)
		}
	}
	return n
}

// encodeArticles writes the articles' blob, string tables, records and
// quotes. Single strings (ID, title, source, a quote's text and speaker,
// …) are numbered in one table, the strings of lists (tags, paragraphs)
// in another, in article order, so that an article's lists start where
// the previous article's ended and need no offsets of their own.
func encodeArticles(w *flat.Writer, arts []corpus.Article) error {
	// The blob is written in place, into the buffer sized for it: its
	// length goes before it once known.
	w.Uint64(uint64(len(arts)))
	w.Uint64(0)
	start := len(w.B)
	var strtab, listtab []uint32 // offset, length
	short := map[string]uint32{}
	str := func(s string) uint32 {
		if len(s) <= shortString {
			if i, ok := short[s]; ok {
				return i
			}
		}
		i := uint32(len(strtab) / 2)
		strtab = append(strtab, uint32(len(w.B)-start), uint32(len(s)))
		w.B = append(w.B, s...)
		if len(s) <= shortString {
			short[s] = i
		}
		return i
	}
	list := func(s string) uint32 {
		at := uint32(len(w.B) - start)
		listtab = append(listtab, at, uint32(len(s)))
		w.B = append(w.B, s...)
		return at
	}
	recs := make([]uint32, 0, artWords*len(arts))
	var quotes []uint32
	var paraAt []uint32
	for i := range arts {
		a := &arts[i]
		r := [artWords]uint32{str(a.ID), str(a.File), str(a.Title), str(a.Source), str(a.URL), str(a.Dateline),
			uint32(len(a.Tags)), uint32(len(a.Paragraphs)), uint32(len(a.Quotes)), uint32(a.Words)}
		for _, t := range a.Tags {
			list(t)
		}
		paraAt = paraAt[:0]
		for _, p := range a.Paragraphs {
			paraAt = append(paraAt, list(p))
		}
		for _, q := range a.Quotes {
			var text uint32
			// The quoted words are nearly always in their span: stored
			// as a window of the paragraph, not again.
			if q.Para >= 0 && q.Para < len(a.Paragraphs) && 0 <= q.Start && q.Start <= q.End && q.End <= len(a.Paragraphs[q.Para]) {
				if k := strings.Index(a.Paragraphs[q.Para][q.Start:q.End], q.Text); k >= 0 {
					text = uint32(len(strtab) / 2)
					strtab = append(strtab, paraAt[q.Para]+uint32(q.Start+k), uint32(len(q.Text)))
				} else {
					text = str(q.Text)
				}
			} else {
				text = str(q.Text)
			}
			quotes = append(quotes, uint32(q.Para), uint32(q.Start), uint32(q.End), text, str(q.Speaker),
				uint32(q.Kind), uint32(q.SpeakerSpan[0]), uint32(q.SpeakerSpan[1]))
		}
		d := a.Date
		r[10], r[11], r[12], r[13], r[14] = uint32(d.Year), uint32(d.Month), uint32(d.Day), uint32(d.Hour), uint32(d.Minute)
		var nils uint32
		if a.Tags == nil {
			nils |= 1
		}
		if a.Paragraphs == nil {
			nils |= 2
		}
		if a.Quotes == nil {
			nils |= 4
		}
		r[15] = uint32(d.Prec) | uint32(d.Origin)<<4 | uint32(a.TitleFrom)<<8 | uint32(a.SourceFrom)<<12 | uint32(a.URLFrom)<<16 | nils<<20
		recs = append(recs, r[:]...)
		if uint64(len(w.B)-start) > math.MaxUint32 {
			return errors.New("corpus too large to cache")
		}
	}
	binary.LittleEndian.PutUint64(w.B[start-8:], uint64(len(w.B)-start))
	for len(w.B)%8 != 0 {
		w.B = append(w.B, 0)
	}
	w.Uint32s(strtab)
	w.Uint32s(listtab)
	w.Uint32s(recs)
	w.Uint32s(quotes)
	return nil
}

// decodeCache reads a cache file's bytes. With verify unset the checksum
// is not checked (the fuzzer's way past it to the structure); everything
// else always is.
func decodeCache(data []byte, verify bool) (*snapshot, error) {
	if len(data) < headerSize || string(data[:8]) != cacheMagic {
		return nil, errors.New("not a dossier cache")
	}
	format := binary.LittleEndian.Uint32(data[8:])
	pv := binary.LittleEndian.Uint32(data[12:])
	iv := binary.LittleEndian.Uint32(data[16:])
	if format != cacheFormat || pv != parse.Version || iv != search.IndexVersion {
		return nil, fmt.Errorf("made by another version (format %d.%d.%d, this one reads %d.%d.%d)",
			format, pv, iv, cacheFormat, parse.Version, search.IndexVersion)
	}
	if n := binary.LittleEndian.Uint64(data[24:]); n != uint64(len(data)) {
		return nil, fmt.Errorf("truncated (%d bytes of %d)", len(data), n)
	}
	if verify && checksum(data[headerSize:]) != binary.LittleEndian.Uint32(data[20:]) {
		return nil, errors.New("checksum mismatch")
	}
	r := flat.Reader{B: data[headerSize:]}
	bad := func(what string) (*snapshot, error) {
		if err := r.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		return nil, errors.New("bad " + what)
	}
	s := &snapshot{}
	s.realPath = r.String()
	s.root = r.String()
	s.encoding = r.String()
	s.maxSize = int64(r.Uint64())
	s.written = int64(r.Uint64())
	s.single = r.Uint64() == 1
	if r.Err() != nil {
		return bad("header")
	}

	nf64 := r.Uint64()
	rels, roff := r.String(), r.Uint32s()
	ids, ioff := r.String(), r.Uint32s()
	sizes, mtimes, inos := r.Int64s(), r.Int64s(), r.Uint64s()
	artOf := r.Uint32s()
	skipOf, skipKept := r.Uint32s(), r.Uint32s()
	reasons, soff := r.String(), r.Uint32s()
	if r.Err() != nil || nf64 != uint64(len(artOf)) {
		return bad("file table")
	}
	nf := len(artOf)
	ns := len(skipOf)
	if !flat.Offsets(roff, nf, len(rels)) || !flat.Offsets(ioff, nf, len(ids)) || len(sizes) != nf ||
		len(mtimes) != nf || len(inos) != nf || len(skipKept) != ns || !flat.Offsets(soff, ns, len(reasons)) ||
		!flat.Below(skipOf, nf) {
		return bad("file table")
	}

	arts, err := decodeArticles(&r)
	if err != nil {
		return nil, err
	}
	s.arts = arts
	s.files = make([]fileRec, nf)
	for i := range s.files {
		f := &s.files[i]
		f.seq, f.rel, f.id = i, rels[roff[i]:roff[i+1]], ids[ioff[i]:ioff[i+1]]
		f.size, f.mtime, f.ino, f.ok = sizes[i], mtimes[i], inos[i], true
		if a := artOf[i]; a > 0 {
			if uint64(a) > uint64(len(arts)) {
				return bad("file table")
			}
			f.art, f.artIdx = true, int(a-1)
		}
	}
	for k, i := range skipOf {
		f := &s.files[i]
		if f.skip != nil || skipKept[k] > 1 || (skipKept[k] == 1) != f.art {
			return bad("skips")
		}
		f.skip = &Skipped{Reason: reasons[soff[k]:soff[k+1]], Kept: skipKept[k] == 1}
	}
	for i := range s.files {
		if f := &s.files[i]; !f.art && f.skip == nil {
			return bad("file table") // a file gives an article or a reason
		}
	}
	s.index = r.Bytes()
	if r.Err() != nil || len(r.B) != 0 {
		return bad("index section")
	}
	return s, nil
}

// decodeArticles fills the articles from their sections, every index and
// span checked. A first pass adds up where each article's lists and quotes
// start; then the articles are filled across the CPUs, each worker
// writing only its own articles' windows of the shared arrays. This is the
// one step of a reopen that is proportional to the number of strings
// (2.8 million at 100,000 articles), so it makes as few as it can: no
// table of every string, only the list strings get slots of their own.
func decodeArticles(r *flat.Reader) ([]corpus.Article, error) {
	n64 := r.Uint64()
	blob := r.Bytes()
	strtab, listtab := r.Uint32s(), r.Uint32s()
	recs, quotes := r.Uint32s(), r.Uint32s()
	if r.Err() != nil {
		return nil, fmt.Errorf("articles: %w", r.Err())
	}
	if n64 > uint64(len(recs)) || uint64(len(recs)) != n64*artWords || len(strtab)%2 != 0 || len(listtab)%2 != 0 || len(quotes)%quoteWords != 0 {
		return nil, errors.New("bad article table")
	}
	n := int(n64)
	nl, nq := len(listtab)/2, len(quotes)/quoteWords
	starts := make([]uint32, 2*n) // first list string, first quote
	var l, q uint64
	for i := range n {
		rec := recs[artWords*i:]
		starts[2*i], starts[2*i+1] = uint32(l), uint32(q)
		l += uint64(rec[6]) + uint64(rec[7])
		q += uint64(rec[8])
		if l > uint64(nl) || q > uint64(nq) {
			return nil, errors.New("bad article table")
		}
	}
	if l != uint64(nl) || q != uint64(nq) {
		return nil, errors.New("bad article table")
	}
	// Filling 85 MB of new structs of pointers at 100,000 articles ran
	// three collections that found nothing to free (the arrays are all
	// live) and took the fill from ~100 ms to ~190 ms in a fresh process.
	// The collector waits until they are filled.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	lists := make([]string, nl)
	qs := make([]corpus.Quote, nq)
	arts := make([]corpus.Article, n)
	d := articleDecoder{blob: blob, strtab: strtab, listtab: listtab, recs: recs, quotes: quotes, starts: starts, lists: lists, qs: qs, arts: arts}
	workers := max(1, min(runtime.GOMAXPROCS(0), n/2048+1))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = d.fill(n*w/workers, n*(w+1)/workers)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return arts, nil
}

// articleDecoder holds the sections decodeArticles fills articles from.
type articleDecoder struct {
	blob                                  []byte
	strtab, listtab, recs, quotes, starts []uint32
	lists                                 []string
	qs                                    []corpus.Quote
	arts                                  []corpus.Article
}

var errBadString = errors.New("bad string table")

// view is the string at (off, len) in tab's entry i.
func (d *articleDecoder) view(tab []uint32, i uint32) (string, error) {
	if uint64(i) >= uint64(len(tab)/2) {
		return "", errBadString
	}
	off, l := uint64(tab[2*i]), uint64(tab[2*i+1])
	if off+l > uint64(len(d.blob)) {
		return "", errBadString
	}
	return flat.View(d.blob[off : off+l]), nil
}

// fill decodes articles lo..hi-1.
func (d *articleDecoder) fill(lo, hi int) error {
	for i := lo; i < hi; i++ {
		rec := d.recs[artWords*i : artWords*(i+1)]
		a := &d.arts[i]
		var err error
		for k, dst := range []*string{&a.ID, &a.File, &a.Title, &a.Source, &a.URL, &a.Dateline} {
			if *dst, err = d.view(d.strtab, rec[k]); err != nil {
				return err
			}
		}
		ls, qs := d.starts[2*i], d.starts[2*i+1]
		for j := ls; j < ls+rec[6]+rec[7]; j++ {
			if d.lists[j], err = d.view(d.listtab, j); err != nil {
				return err
			}
		}
		for j := qs; j < qs+rec[8]; j++ {
			q := d.quotes[quoteWords*j : quoteWords*(j+1)]
			if q[5] > uint32(corpus.Pull) {
				return errors.New("bad quote")
			}
			text, err := d.view(d.strtab, q[3])
			if err != nil {
				return err
			}
			speaker, err := d.view(d.strtab, q[4])
			if err != nil {
				return err
			}
			d.qs[j] = corpus.Quote{
				Para: int(q[0]), Start: int(q[1]), End: int(q[2]), Text: text, Speaker: speaker,
				Kind: corpus.QuoteKind(q[5]), SpeakerSpan: [2]int{int(q[6]), int(q[7])},
			}
		}
		p := rec[15]
		prec, origin := corpus.Precision(p&15), corpus.Origin(p>>4&15)
		tf, sf, uf, nils := corpus.Origin(p>>8&15), corpus.Origin(p>>12&15), corpus.Origin(p>>16&15), p>>20
		if prec > corpus.PrecMinute || max(origin, tf, sf, uf) > corpus.OriginText || nils > 7 ||
			(nils&1 != 0 && rec[6] > 0) || (nils&2 != 0 && rec[7] > 0) || (nils&4 != 0 && rec[8] > 0) {
			return errors.New("bad article")
		}
		if nils&1 == 0 {
			a.Tags = d.lists[ls : ls+rec[6] : ls+rec[6]]
		}
		if ps := ls + rec[6]; nils&2 == 0 {
			a.Paragraphs = d.lists[ps : ps+rec[7] : ps+rec[7]]
		}
		if nils&4 == 0 {
			a.Quotes = d.qs[qs : qs+rec[8] : qs+rec[8]]
		}
		a.Words = int(int32(rec[9]))
		a.Date = corpus.Date{Year: int(int32(rec[10])), Month: int(int32(rec[11])), Day: int(int32(rec[12])),
			Hour: int(int32(rec[13])), Minute: int(int32(rec[14])), Prec: prec, Origin: origin}
		a.TitleFrom, a.SourceFrom, a.URLFrom = tf, sf, uf
		if a.Words < 0 || !plausible(a.Date) {
			// A year of two billion would make the timeline's buckets.
			return errors.New("bad article")
		}
		if err := checkSpans(a); err != nil {
			return fmt.Errorf("article %d: %w", i, err)
		}
	}
	return nil
}

// plausible reports whether d is a date as the parser makes them: fields
// within the calendar up to its precision, zero below it.
func plausible(d corpus.Date) bool {
	in := func(v, lo, hi int, p corpus.Precision) bool {
		if d.Prec >= p {
			return v >= lo && v <= hi
		}
		return v == 0
	}
	return in(d.Year, 1, 9999, corpus.PrecYear) && in(d.Month, 1, 12, corpus.PrecMonth) &&
		in(d.Day, 1, 31, corpus.PrecDay) && in(d.Hour, 0, 23, corpus.PrecMinute) && in(d.Minute, 0, 59, corpus.PrecMinute)
}

// checkSpans is parse.Check without its pass over every rune (the
// checksum covers the text): quote and speaker spans inside their
// paragraphs, which is what the reader slices by.
func checkSpans(a *corpus.Article) error {
	for _, q := range a.Quotes {
		if q.Para < 0 || q.Para >= len(a.Paragraphs) {
			return errors.New("quote outside the paragraphs")
		}
		p := len(a.Paragraphs[q.Para])
		if q.Start < 0 || q.End > p || q.Start >= q.End {
			return errors.New("quote span outside its paragraph")
		}
		if sp := q.SpeakerSpan; sp != [2]int{} && (sp[0] < 0 || sp[0] >= sp[1] || sp[1] > p) {
			return errors.New("speaker span outside its paragraph")
		}
	}
	return nil
}

// writeCache writes the cache of a load to path, atomically.
func writeCache(path string, wk *walk, arts []corpus.Article, ix *search.Index, opt Options) error {
	data, err := encodeCache(wk, arts, ix, opt, time.Now())
	if err != nil {
		return err
	}
	return writeAtomic(path, data)
}

// writeAtomic replaces path with data: a temporary file beside it, renamed
// over it, so a reader sees the old file or the new one, whole.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
