//go:build unix

package load

import (
	"io/fs"
	"syscall"
)

// inode is the file's inode number: a file replaced by another of the same
// size and time (a rename over it, a restore from a backup) is another
// inode.
func inode(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
