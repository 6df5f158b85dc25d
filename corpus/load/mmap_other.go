//go:build !linux

package load

import "os"

// readShared returns the bytes of the file at path, and no release. Only
// Linux maps the cache (mmap_linux.go); elsewhere it is read.
func readShared(path string) ([]byte, func([]byte), error) {
	b, err := os.ReadFile(path)
	return b, nil, err
}
