//go:build unix

package hostile

import "syscall"

// mkfifo makes a named pipe, which the loader must skip without blocking.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
