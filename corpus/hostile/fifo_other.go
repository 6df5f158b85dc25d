//go:build !unix

package hostile

import "errors"

// mkfifo has no named pipe to make here; the corpus goes without one.
func mkfifo(string) error { return errors.ErrUnsupported }
