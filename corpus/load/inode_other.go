//go:build !unix

package load

import "io/fs"

// inode is 0 where FileInfo carries no inode number: path, size and
// modification time still tell a changed file.
func inode(fs.FileInfo) uint64 { return 0 }
