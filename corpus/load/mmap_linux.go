package load

import (
	"os"
	"syscall"
)

// readShared returns the bytes of the file at path, mapped read-only
// rather than copied: a fresh process reading a 450 MB cache with
// os.ReadFile spent half a second of system time faulting in and zeroing
// the memory it copies into, where the mapping shares the page cache's
// pages, populated in one call. The mapping is never unmapped: strings of
// the articles point into it for as long as anything holds them.
//
// The cache is only ever replaced by a rename, which leaves a mapped file
// whole; a program that truncated it in place while dossier read it would
// make the reads fault (SIGBUS). That is the price of not copying.
func readShared(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if !fi.Mode().IsRegular() || size <= 0 || size != int64(int(size)) {
		return os.ReadFile(path)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return os.ReadFile(path)
	}
	return b, nil
}
