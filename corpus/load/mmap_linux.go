package load

import (
	"os"
	"syscall"
	"unsafe"
)

// readShared returns the bytes of the file at path, mapped read-only
// rather than copied: a fresh process reading a 450 MB cache with
// os.ReadFile spent half a second of system time faulting in and zeroing
// the memory it copies into, where the mapping shares the page cache's
// pages. The mapping is never unmapped: strings of the articles point
// into it for as long as anything holds them.
//
// The pages are not populated up front: the checksum reads the file once
// and hands each chunk back to the kernel as it is done (release), so
// the reader's resident set holds the pages it goes on to use (an
// article's text when it opens, the postings of the words searched), not
// the whole cache. A page read again comes back from the page cache.
//
// The cache is only ever replaced by a rename, which leaves a mapped file
// whole; a program that truncated it in place while dossier read it would
// make the reads fault (SIGBUS). That is the price of not copying.
func readShared(path string) ([]byte, func([]byte), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := fi.Size()
	if !fi.Mode().IsRegular() || size <= 0 || size != int64(int(size)) {
		b, err := os.ReadFile(path)
		return b, nil, err
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		b, err := os.ReadFile(path)
		return b, nil, err
	}
	return b, release, nil
}

// release drops the whole pages of part, a window of a read-only file
// mapping, from the process's resident set; their next read faults them
// back in from the page cache. Only for readShared's mappings: on other
// memory MADV_DONTNEED would zero the pages.
func release(part []byte) {
	page := os.Getpagesize()
	if len(part) < page {
		return
	}
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(part)))
	skip := (page - int(addr%uintptr(page))) % page
	if skip >= len(part) {
		return
	}
	part = part[skip:]
	part = part[:len(part)/page*page]
	if len(part) > 0 {
		_ = syscall.Madvise(part, syscall.MADV_DONTNEED)
	}
}
