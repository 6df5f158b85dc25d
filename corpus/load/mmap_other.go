//go:build !linux

package load

import "os"

// readShared returns the bytes of the file at path. Only Linux maps the
// cache (mmap_linux.go); elsewhere it is read.
func readShared(path string) ([]byte, error) { return os.ReadFile(path) }
