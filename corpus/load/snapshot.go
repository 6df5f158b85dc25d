package load

import (
	"context"
	"dossier/corpus"
	"dossier/corpus/parse"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

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
	// oldOf, when set, is for each article of the load its number in
	// the cache's base, -1 for one not there: a refresh knows it, and
	// the index patch need not match articles by ID.
	oldOf []int32
	// heads, after a load of drafts, holds each draft's head by its
	// article's ID: the articles still to be finished (draft.go).
	heads map[string]string
}

// snapshot is a cache read back.
type snapshot struct {
	realPath  string // the folder's real path, what the file is named by
	root      string // as named when written
	single    bool   // root was a file
	written   int64  // Unix nanoseconds
	files     []fileRec
	byRel     map[string]int
	arts      []corpus.Article // the base's, in date order, then the delta's
	nb        int              // how many of arts are the base's, which index is of
	index     []byte
	header    []byte // the base's header, which a delta names its base by
	delta     bool   // a delta was applied: files and arts[nb:] are its
	deltaRoot string // the folder as named when the delta was written
	encoding  string
	maxSize   int64
	// verify, when set, waits for the file's checksum (readCache computes
	// it in the background) and says whether it failed: nothing read
	// from the file is used before it has said nil.
	verify func() error
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
// (changed, in order): load's walk without workers, channels or parsing
// (the same folders skipped, the same files in the same order), and a
// stat of every file, as os.Stat would (following links). On a reopen of
// 100,000 files the walk and the stats are most of the cost. A folder it
// cannot read is not the same, and the full load sorts it out; a file it
// cannot stat, or that is not regular, is changed, and read again.
func (s *snapshot) compare(ctx context.Context, root, real string) (same bool, changed []int) {
	if !s.single {
		return s.compareTree(ctx, real)
	}
	if len(s.files) != 1 {
		return false, nil
	}
	return s.statCompare(ctx, []string{filepath.Dir(root)}, []int32{0}, []string{filepath.Base(root)})
}

// compareWalk is compare for a folder with filepath.WalkDir, then the
// stats split across the CPUs: what a system without compareTree's
// walker uses, and what that walker is checked against.
func (s *snapshot) compareWalk(ctx context.Context, real string) (same bool, changed []int) {
	var dirs []string
	dir := make([]int32, 0, len(s.files))
	names := make([]string, 0, len(s.files))
	seen := map[string]int32{}
	prefix := real + string(filepath.Separator)
	same = true
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
	return s.statCompare(ctx, dirs, dir, names)
}

// statCompare stats names[i] in dirs[dir[i]], the cache's file i, folder
// by folder and split across the CPUs, and says which are not as cached.
func (s *snapshot) statCompare(ctx context.Context, dirs []string, dir []int32, names []string) (same bool, changed []int) {
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
				if !s.unchanged(i, size, mtime, ino, ok) {
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

// unchanged reports whether the cache's file i, stated as size, mtime and
// ino (ok: stated, and regular), is as cached, and was cached when its
// time was no longer racy.
func (s *snapshot) unchanged(i int, size, mtime int64, ino uint64, ok bool) bool {
	e := &s.files[i]
	return ok && size == e.size && mtime == e.mtime && ino == e.ino && e.mtime < s.written-int64(racyWindow)
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
	// The base's articles the files still give, in the base's order, and
	// the others (the changed files', the delta's) to merge in.
	keep := make([]bool, s.nb)
	merge := true
	var add []corpus.Article
	var skips []Skipped
	k := 0
	for i := range wk.files {
		f := &wk.files[i]
		switch {
		case k < len(changed) && changed[k] == i:
			if f.art {
				add = append(add, fresh[k])
			}
			k++
		case f.art && f.artIdx < s.nb:
			merge = merge && !keep[f.artIdx] // two files of one article: sorted as they come
			keep[f.artIdx] = true
		case f.art:
			add = append(add, s.arts[f.artIdx])
		}
		if f.skip != nil {
			skips = append(skips, Skipped{Path: parse.SanitizeLine(filepath.ToSlash(path(root, f))), Reason: f.skip.Reason, Kept: f.skip.Kept})
		}
	}
	var arts []corpus.Article
	if merge {
		arts, wk.oldOf, merge = mergeByDate(s.arts[:s.nb], keep, add)
	}
	if !merge {
		arts, wk.oldOf = make([]corpus.Article, 0, len(s.arts)), nil
		k = 0
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
		}
		corpus.SortByDate(arts)
	}
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
	if s.root == root && (!s.delta || s.deltaRoot == root) {
		return
	}
	for i := range s.files {
		e := &s.files[i]
		if !e.art || (s.root == root && e.artIdx < s.nb) {
			continue
		}
		p := root
		if !s.single {
			p = filepath.Join(root, e.rel)
		}
		s.arts[e.artIdx].File = parse.SanitizeLine(filepath.ToSlash(p))
	}
	s.root, s.deltaRoot = root, root
}
