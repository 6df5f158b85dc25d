// Package store keeps the reader's own state between runs: which articles
// were read and which are bookmarked, per corpus.
//
// The state is one small JSON file. It is written atomically (a temporary
// file in the same folder, synced, then renamed over the old one), so a
// crash or a full disk leaves the previous state whole; a state file that
// is a symbolic link is written through, to the file it names. A file that
// cannot be parsed, or is larger than MaxSize, is never overwritten (nor
// read whole): it is moved aside to a name no other file has, and
// reported, and the reader starts from an empty state.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// MaxSize caps the state file: 100,000 read marks with 100-byte IDs take
// 11 MB. A file past it is set aside like a corrupt one, never read whole.
const MaxSize = 64 << 20

// version is the file format; a newer file is kept aside, not misread.
const version = 1

// Marks are one corpus's read articles and bookmarks, by article ID.
type Marks struct {
	Read      map[string]bool
	Bookmarks map[string]bool
}

// State is every corpus's marks, keyed by corpus: "embedded" or a folder's
// absolute path.
type State struct {
	Corpora map[string]*Marks
	// Stuck is set when a bad file could not be moved aside: nothing may
	// be saved over it.
	Stuck bool
}

// file is the JSON shape: sorted lists, so the file diffs well.
type file struct {
	Version int                  `json:"version"`
	Corpora map[string]fileMarks `json:"corpora"`
}

type fileMarks struct {
	Read      []string `json:"read,omitempty"`
	Bookmarks []string `json:"bookmarks,omitempty"`
}

// DefaultPath is $XDG_STATE_HOME/dossier/state.json, or
// ~/.local/state/dossier/state.json; "" when neither can be found.
func DefaultPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "dossier", "state.json")
}

// New is an empty state.
func New() *State { return &State{Corpora: map[string]*Marks{}} }

// For returns the marks of corpus key, creating them.
func (s *State) For(key string) *Marks {
	m := s.Corpora[key]
	if m == nil {
		m = &Marks{Read: map[string]bool{}, Bookmarks: map[string]bool{}}
		s.Corpora[key] = m
	}
	return m
}

// Load reads the state at path. A missing file is an empty state. A file
// that cannot be parsed, or is larger than MaxSize, is renamed to
// path.corrupt-TIMESTAMP (a name never taken before) and an empty state
// comes back with an error that names where it was kept.
func Load(path string) (*State, error) {
	s := New()
	path, err := resolve(path)
	if err != nil {
		s.Stuck = true
		return s, fmt.Errorf("state not read, and nothing will be saved over it: %w", err)
	}
	b, err := readRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil && !errors.Is(err, errTooLarge) {
		// Unreadable is not empty: saving now would replace marks that
		// are still there.
		s.Stuck = true
		return s, fmt.Errorf("state not read, and nothing will be saved over it: %w", err)
	}
	if err == nil {
		err = s.merge(b)
	}
	if err != nil {
		why := err.Error()
		s = New()
		aside, rerr := moveAside(path, time.Now())
		if rerr != nil {
			s.Stuck = true
			return s, fmt.Errorf("state file %s is %s and could not be moved aside (%v); it is left as it was and nothing will be saved over it", path, why, rerr)
		}
		return s, fmt.Errorf("state file was %s; kept as %s, starting afresh", why, aside)
	}
	return s, nil
}

// moveAside renames path to path.corrupt-TIME, TIME to the nanosecond and
// a counter after it if even that is taken. The name is first claimed with
// O_EXCL, so a file kept before is never replaced: the rename only ever
// goes over the empty file just created for it.
func moveAside(path string, t time.Time) (string, error) {
	base := fmt.Sprintf("%s.corrupt-%s", path, t.UTC().Format("20060102T150405.000000000Z"))
	aside := base
	for n := 2; ; n++ {
		f, err := os.OpenFile(aside, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			f.Close()
			break
		}
		if !errors.Is(err, fs.ErrExist) || n > 1000 {
			return "", err
		}
		aside = fmt.Sprintf("%s-%d", base, n)
	}
	if err := os.Rename(path, aside); err != nil {
		os.Remove(aside)
		return "", err
	}
	return aside, nil
}

// merge adds the marks of a state file's bytes to s.
func (s *State) merge(b []byte) error {
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return errors.New("not valid JSON")
	}
	if f.Version < 1 || f.Version > version {
		return errors.New("of an unknown version")
	}
	for key, fm := range f.Corpora {
		m := s.For(key)
		for _, id := range fm.Read {
			m.Read[id] = true
		}
		for _, id := range fm.Bookmarks {
			m.Bookmarks[id] = true
		}
	}
	return nil
}

// errTooLarge is a state file past MaxSize.
var errTooLarge = fmt.Errorf("larger than %d MB", MaxSize>>20)

// resolve follows the symbolic links at path to the file they name, which
// need not exist yet. A state file that is a link (into a synced folder or
// a dotfiles repository, say) is written through, in the target's folder so
// the rename stays atomic, rather than replaced by a regular file that
// would quietly part from the copy the link meant.
func resolve(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// readRegular reads path if it is a regular file: a FIFO or a device in
// its place must not block the reader. A file past MaxSize is not read:
// its size is checked first, and the read stops one byte past the cap in
// case it grew meanwhile.
func readRegular(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if st.Size() > MaxSize {
		return nil, errTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSize {
		return nil, errTooLarge
	}
	return b, nil
}

// Change is one mark set or cleared.
type Change struct {
	Corpus, ID string
	Bookmark   bool // a bookmark; otherwise the read mark
	On         bool
}

// Snapshot encodes the state as it is now.
func (s *State) Snapshot() []byte {
	f := file{Version: version, Corpora: map[string]fileMarks{}}
	for key, m := range s.Corpora {
		fm := fileMarks{Read: keys(m.Read), Bookmarks: keys(m.Bookmarks)}
		if len(fm.Read)+len(fm.Bookmarks) > 0 {
			f.Corpora[key] = fm
		}
	}
	b, _ := json.MarshalIndent(f, "", "  ") // maps of strings always encode
	return append(b, '\n')
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// apply sets or clears one mark.
func (s *State) apply(c Change) {
	m := s.For(c.Corpus)
	set := m.Read
	if c.Bookmark {
		set = m.Bookmarks
	}
	if c.On {
		set[c.ID] = true
	} else {
		delete(set, c.ID)
	}
}

// Saver writes this session's changes to one path. Each save re-reads the
// file under a lock and applies on top of it only the changes this session
// made since its last successful save, so two readers open at once keep
// each other's marks, a mark another reader cleared is not set again by a
// later save of something else, and a change whose save failed is carried
// by the next one. A save that finishes after a newer one never undoes it:
// each mark keeps the decision with the highest generation.
type Saver struct {
	Path string

	write   sync.Mutex  // one read-merge-write at a time
	locking atomic.Bool // a write is waiting for the file's lock

	mu      sync.Mutex      // guards the maps
	latest  map[mark]int    // the newest generation seen for each mark
	pending map[mark]change // decisions not yet in the file
}

// mark is one article's read mark or bookmark in one corpus.
type mark struct {
	Corpus, ID string
	Bookmark   bool
}

// change is a decision on a mark and its generation.
type change struct {
	on  bool
	gen int
}

// Save records changes made at generation gen and writes the file.
func (sv *Saver) Save(gen int, changes ...Change) error {
	if sv == nil || sv.Path == "" {
		return nil
	}
	sv.mu.Lock()
	if sv.latest == nil {
		sv.latest, sv.pending = map[mark]int{}, map[mark]change{}
	}
	for _, c := range changes {
		k := mark{c.Corpus, c.ID, c.Bookmark}
		if gen > sv.latest[k] {
			sv.latest[k] = gen
			sv.pending[k] = change{c.On, gen}
		}
	}
	sv.mu.Unlock()
	if err := sv.flush(); err != nil {
		return fmt.Errorf("state not saved: %w", err)
	}
	return nil
}

// flush writes the pending decisions, if any, and forgets those that were
// not replaced by newer ones meanwhile.
func (sv *Saver) flush() error {
	sv.write.Lock()
	defer sv.write.Unlock()
	sv.mu.Lock()
	batch := maps.Clone(sv.pending)
	sv.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	if err := sv.writeBatch(batch); err != nil {
		return err
	}
	sv.mu.Lock()
	for k, c := range batch {
		if sv.pending[k] == c {
			delete(sv.pending, k)
		}
	}
	sv.mu.Unlock()
	return nil
}

// Close waits, at most timeout, for the saves under way and queued to
// finish, and retries what a failed one left. The program calls it as it
// quits, when the saves its commands started would otherwise die with it;
// the error says which marks are not in the file, and why.
func (sv *Saver) Close(timeout time.Duration) error {
	if sv == nil || sv.Path == "" {
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- sv.flush() }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s not saved: %w", sv.unsaved(), err)
		}
		return nil
	case <-timer.C:
		why := fmt.Sprintf("the save was not done after %v", timeout)
		if sv.locking.Load() {
			why = fmt.Sprintf("another dossier held the state file's lock for %v", timeout)
		}
		return fmt.Errorf("%s not saved: %s", sv.unsaved(), why)
	}
}

// unsaved names the kinds of marks still pending.
func (sv *Saver) unsaved() string {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	var read, book bool
	for k := range sv.pending {
		book = book || k.Bookmark
		read = read || !k.Bookmark
	}
	switch {
	case read && book:
		return "bookmarks and read marks"
	case read:
		return "read marks"
	}
	return "bookmarks"
}

// writeBatch applies batch to the file as it is now, under its lock.
func (sv *Saver) writeBatch(batch map[mark]change) error {
	path, err := resolve(sv.Path)
	if err != nil {
		return err
	}
	sv.locking.Store(true)
	unlock, err := lockFile(path + ".lock")
	sv.locking.Store(false)
	if err != nil {
		return err
	}
	defer unlock()
	cur := New()
	b, err := readRegular(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case errors.Is(err, errTooLarge):
		return fmt.Errorf("the file became %w", err)
	case err != nil:
		return err
	default:
		if err := cur.merge(b); err != nil {
			return fmt.Errorf("the file became %s", err)
		}
	}
	for k, c := range batch {
		cur.apply(Change{Corpus: k.Corpus, ID: k.ID, Bookmark: k.Bookmark, On: c.on})
	}
	removeStaleTemps(filepath.Dir(path), time.Now().Add(-staleTemp))
	data := cur.Snapshot()
	if len(data) > MaxSize {
		// Written, it would be set aside at the next start.
		return fmt.Errorf("the state would be %s", errTooLarge)
	}
	return WriteAtomic(path, data)
}

// staleTemp is the age past which a temporary state file is taken to be
// left by a reader that was killed mid-save: writing one takes moments.
const staleTemp = 10 * time.Minute

// removeStaleTemps removes the temporary state files in dir last written
// before cutoff.
func removeStaleTemps(dir string, cutoff time.Time) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if ok, _ := filepath.Match(tempPattern, e.Name()); !ok || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempPattern names WriteAtomic's temporary files.
const tempPattern = ".state-*.tmp"

// WriteAtomic replaces path with data: a temporary file in the same folder,
// synced, then renamed over it.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return nil
}
