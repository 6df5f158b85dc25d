package load

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"dossier/corpus"
	"dossier/corpus/parse"
)

// Change is a file of a watched folder that appeared, changed or went
// away. Path is named as Load names Article.File (the root as given,
// joined with the path under it), so a change finds its article.
type Change struct {
	Path    string
	Removed bool
	Article corpus.Article // the file read again, unless Removed or skipped
	Skip    *Skipped       // why it was skipped, or its warning (Kept)
}

// settleFor gathers a burst of events into one batch: a scraper writing a
// hundred files, or an editor's write-and-rename, is one change.
const settleFor = 250 * time.Millisecond

// Watch reports changes to root's article files to report, in batches,
// until ctx is done; new folders are watched as they appear. A file is
// read again through the same checks and parser as Load's. The error is
// that of setting the watch up; later trouble with one file is a Skip.
func Watch(ctx context.Context, root string, opt Options, report func([]Change)) error {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	walkRoot := realRoot(root)
	st, err := os.Stat(walkRoot)
	if err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if !st.IsDir() {
		// One file: watch its folder, for the rename an editor saves by.
		if err := w.Add(filepath.Dir(walkRoot)); err != nil {
			return err
		}
	} else if err := addTree(w, walkRoot); err != nil {
		return err
	}

	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: the caller reloads to be sure.
				report([]Change{{Path: root, Skip: &Skipped{Path: parse.SanitizeLine(root), Reason: "too many changes at once: reopen to see them all", Kept: true}}})
			}
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !st.IsDir() && ev.Name != walkRoot {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() && !strings.HasPrefix(fi.Name(), ".") {
					addTree(w, ev.Name)
					// Files written into it before the watch began.
					filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() {
							pending[p] = true
						}
						return nil
					})
				}
			}
			if ev.Op != fsnotify.Chmod {
				pending[ev.Name] = true
				timer = time.After(settleFor)
			}
		case <-timer:
			timer = nil
			if cs := changes(ctx, root, walkRoot, st.IsDir(), pending, opt); len(cs) > 0 {
				report(cs)
			}
			pending = map[string]bool{}
		}
	}
}

// addTree watches dir and every folder under it but the hidden ones.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		return w.Add(p)
	})
}

// changes reads the paths that had events: each is now there (added or
// changed) or not (removed). Paths that are not article files are left
// out; a removed folder reports nothing itself, its files do.
func changes(ctx context.Context, root, walkRoot string, dir bool, paths map[string]bool, opt Options) []Change {
	var out []Change
	names := make([]string, 0, len(paths))
	for p := range paths {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, real := range names {
		shown := root
		if dir {
			rel, err := filepath.Rel(walkRoot, real)
			if err != nil || strings.HasPrefix(rel, "..") || hidden(rel) {
				continue
			}
			shown = filepath.Join(root, rel)
		}
		if !extensions[strings.ToLower(filepath.Ext(real))] {
			continue
		}
		fi, err := os.Lstat(real)
		if err != nil {
			out = append(out, Change{Path: shown, Removed: true})
			continue
		}
		if fi.IsDir() {
			continue
		}
		rel, _ := filepath.Rel(walkRoot, real)
		id := strings.TrimSuffix(filepath.ToSlash(rel), filepath.Ext(rel))
		if !dir {
			base := filepath.Base(root)
			id = strings.TrimSuffix(base, filepath.Ext(base))
		}
		a, sk, _ := loadFile(ctx, shown, real, id, opt)
		c := Change{Path: shown, Skip: sk}
		if sk == nil || sk.Kept {
			c.Article = a
		} else {
			c.Removed = true // a file that no longer loads leaves the list
		}
		out = append(out, c)
	}
	return out
}

// hidden reports a path under a dot-folder, which Load does not read.
func hidden(rel string) bool {
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}

// Apply puts changes into arts and returns the new corpus, arts left
// as it was: a changed file replaces its article (keeping its ID, so marks
// made on it stay), a new one goes at the end, a removed one leaves.
// remap takes an index into arts to its index in next, -1 for an article
// that left; skips are the changes' skips and warnings.
func Apply(arts []corpus.Article, changes []Change) (next []corpus.Article, remap func(int) int, skips []Skipped) {
	at := make(map[string]int, len(arts))
	ids := make(idSet, len(arts))
	for i := range arts {
		at[arts[i].File], ids[arts[i].ID] = i, true
	}
	all := append([]corpus.Article(nil), arts...)
	gone := map[int]bool{}
	for _, c := range changes {
		if c.Skip != nil {
			skips = append(skips, *c.Skip)
		}
		i, ok := at[c.Path]
		switch {
		case c.Removed:
			if ok {
				gone[i] = true
			}
		case ok:
			c.Article.ID = all[i].ID
			all[i] = c.Article
			delete(gone, i)
		default:
			// Named as Load names the second of a.txt and a.md.
			c.Article.ID = ids.settle(c.Article.ID + filepath.Ext(c.Article.File))
			at[c.Path] = len(all)
			all = append(all, c.Article)
		}
	}
	idx := make([]int, len(arts))
	next = make([]corpus.Article, 0, len(all)-len(gone))
	for i := range all {
		if gone[i] {
			if i < len(idx) {
				idx[i] = -1
			}
			continue
		}
		if i < len(idx) {
			idx[i] = len(next)
		}
		next = append(next, all[i])
	}
	return next, func(d int) int {
		if d < 0 || d >= len(idx) {
			return -1
		}
		return idx[d]
	}, skips
}
