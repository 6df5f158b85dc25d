//go:build !unix

package store

import (
	"os"
	"path/filepath"
)

// lockFile is a no-op where flock is not available: saves still go
// through a temporary file and a rename, only not serialised across
// processes.
func lockFile(path string) (func(), error) {
	return func() {}, os.MkdirAll(filepath.Dir(path), 0o700)
}
