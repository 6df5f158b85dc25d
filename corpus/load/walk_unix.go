//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package load

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// compareTree is compare for a folder. It walks as filepath.WalkDir
// would (each folder's entries in name order, a folder's files and
// subfolders interleaved so), but opens each folder once, reads it from
// that descriptor, matches its files against the cache's table without
// making their paths, and hands them, a batch at a time, to a stat worker
// a CPU that stats them relative to the same descriptor: the stats of one
// folder overlap the reading of the next, and the kernel resolves one
// name a file instead of a whole path. A root compareWalk would not see
// as a plain folder (a link, or a name not clean) is left to it.
func (s *snapshot) compareTree(ctx context.Context, real string) (same bool, changed []int) {
	if fi, err := os.Lstat(real); err != nil || !fi.IsDir() || filepath.Clean(real) != real || real == string(filepath.Separator) {
		return s.compareWalk(ctx, real)
	}
	t := &treeWalk{s: s, ctx: ctx, jobs: make(chan statBatch, 64)}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(s.files)/512+1))
	found := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var st unix.Stat_t
			for b := range t.jobs {
				found[w] = b.stat(t, &st, found[w])
			}
		}()
	}
	ok := t.dir(real, "")
	t.flush()
	close(t.jobs)
	wg.Wait()
	if !ok || t.failed.Load() || t.n != len(s.files) || ctx.Err() != nil {
		return false, nil
	}
	for _, f := range found {
		changed = append(changed, f...)
	}
	sort.Ints(changed)
	return true, changed
}

// statBatchSize is how many files a stat worker takes at a time: enough
// that handing them over costs nothing, few enough that both CPUs have
// some of a large folder.
const statBatchSize = 256

// treeWalk is one compareTree's walk.
type treeWalk struct {
	s      *snapshot
	ctx    context.Context
	n      int // files matched so far: the next is the cache's file n
	jobs   chan statBatch
	batch  statBatch // the one being filled
	failed atomic.Bool
}

// openDir is a folder open for its stats, closed by whoever drops the last
// reference: the walk holds one while it reads the folder, each batch one.
type openDir struct {
	f    *os.File // keeps fd open: its finalizer would close it
	fd   int
	refs atomic.Int32
}

func (d *openDir) release() {
	if d.refs.Add(-1) == 0 {
		d.f.Close()
	}
}

// statBatch is files of one folder, the cache's files idx, named names.
type statBatch struct {
	d     *openDir
	idx   []int
	names []string
}

// dir walks the folder at path, rel under the root; false when it could
// not be read or does not hold the cache's files, in order.
func (t *treeWalk) dir(path, rel string) bool {
	if t.ctx.Err() != nil || t.failed.Load() {
		return false
	}
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	d := &openDir{f: os.NewFile(uintptr(fd), path), fd: fd}
	d.refs.Store(1)
	defer func() {
		t.flush() // no batch spans two folders
		d.release()
	}()
	ents, err := d.f.ReadDir(-1)
	if err != nil {
		return false
	}
	slices.SortFunc(ents, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	prefix := rel
	if rel != "" {
		prefix += string(filepath.Separator)
	}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() {
			if strings.HasPrefix(name, ".") {
				continue
			}
			t.flush()
			if !t.dir(filepath.Join(path, name), prefix+name) {
				return false
			}
			continue
		}
		if !extensions[strings.ToLower(filepath.Ext(name))] {
			continue
		}
		// The same paths in the same order settle to the same IDs: the
		// cached ones, settled by load from this sequence.
		if t.n >= len(t.s.files) {
			return false
		}
		r := t.s.files[t.n].rel
		if len(r) != len(prefix)+len(name) || r[:len(prefix)] != prefix || r[len(prefix):] != name {
			return false
		}
		if t.batch.d == nil {
			d.refs.Add(1)
			t.batch = statBatch{d: d, idx: make([]int, 0, statBatchSize), names: make([]string, 0, statBatchSize)}
		}
		t.batch.idx = append(t.batch.idx, t.n)
		t.batch.names = append(t.batch.names, name)
		t.n++
		if len(t.batch.idx) == statBatchSize {
			t.flush()
		}
	}
	return true
}

// flush hands the batch being filled to the stat workers.
func (t *treeWalk) flush() {
	if t.batch.d != nil {
		t.jobs <- t.batch
		t.batch = statBatch{}
	}
}

// stat stats the batch's files, as os.Stat would (following links), and
// appends to changed those not as cached.
func (b statBatch) stat(t *treeWalk, st *unix.Stat_t, changed []int) []int {
	defer b.d.release()
	for k, i := range b.idx {
		if t.failed.Load() {
			return changed
		}
		if t.ctx.Err() != nil {
			t.failed.Store(true)
			return changed
		}
		err := unix.Fstatat(b.d.fd, b.names[k], st, 0)
		ok := err == nil && st.Mode&unix.S_IFMT == unix.S_IFREG
		if !t.s.unchanged(i, st.Size, st.Mtim.Sec*1e9+int64(st.Mtim.Nsec), uint64(st.Ino), ok) {
			changed = append(changed, i)
		}
	}
	return changed
}
