//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package load

import (
	"os"
	"path/filepath"
)

// statAll stats names[i] in dirs[dir[i]] for each i in idx with os.Stat,
// and calls fn with what it found; ok is false for a file it cannot stat
// or that is not regular. fn returning false stops it.
func statAll(dirs []string, dir []int32, names []string, idx []int, fn func(i int, size, mtime int64, ino uint64, ok bool) bool) {
	for _, i := range idx {
		fi, err := os.Stat(filepath.Join(dirs[dir[i]], names[i]))
		if err != nil || !fi.Mode().IsRegular() {
			if !fn(i, 0, 0, 0, false) {
				return
			}
			continue
		}
		if !fn(i, fi.Size(), fi.ModTime().UnixNano(), inode(fi), true) {
			return
		}
	}
}
