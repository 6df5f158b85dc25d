// Package flat writes and reads the flat binary layouts of dossier's cache:
// little-endian sections, each 8-byte aligned, read back as views of the
// one buffer they were read into, without decoding element by element.
//
// A reopen of 100,000 articles must not cost 100,000 decodes: arrays of
// uint32, uint64 and int64 are handed back as slices over the buffer when
// the machine is little-endian and the section is aligned (every amd64 and
// arm64 machine, and every buffer Go allocates for a file), and copied
// element by element only otherwise. Strings are views too (unsafe.String):
// the buffer is never written once read, so they stay valid for as long as
// anything holds one of them.
//
// Nothing read is trusted: every length is checked against what is left
// before it is sliced, and a short or malformed buffer is an error, never a
// panic. Whether the values make sense together (offsets in range, ids
// below a count) is the caller's to check.
package flat

import (
	"encoding/binary"
	"errors"
	"math"
	"unsafe"
)

// ErrShort is returned for a buffer that ends inside a section.
var ErrShort = errors.New("truncated")

// littleEndian is whether the machine stores integers as the file does,
// so that a section can be used in place.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// Writer appends sections to a buffer: each is its length in bytes as a
// uint64, then its bytes, padded with zeros to a multiple of 8.
type Writer struct{ B []byte }

func (w *Writer) pad() {
	for len(w.B)%8 != 0 {
		w.B = append(w.B, 0)
	}
}

// Uint64 appends one 8-byte value (no length prefix).
func (w *Writer) Uint64(v uint64) { w.B = binary.LittleEndian.AppendUint64(w.B, v) }

// Bytes appends a section of raw bytes.
func (w *Writer) Bytes(b []byte) {
	w.Uint64(uint64(len(b)))
	w.B = append(w.B, b...)
	w.pad()
}

// String appends a section holding s.
func (w *Writer) String(s string) {
	w.Uint64(uint64(len(s)))
	w.B = append(w.B, s...)
	w.pad()
}

// Uint32s appends a section of uint32s.
func (w *Writer) Uint32s(v []uint32) {
	w.Uint64(uint64(4 * len(v)))
	for _, x := range v {
		w.B = binary.LittleEndian.AppendUint32(w.B, x)
	}
	w.pad()
}

// Uint64s appends a section of uint64s.
func (w *Writer) Uint64s(v []uint64) {
	w.Uint64(uint64(8 * len(v)))
	for _, x := range v {
		w.B = binary.LittleEndian.AppendUint64(w.B, x)
	}
}

// Int64s appends a section of int64s.
func (w *Writer) Int64s(v []int64) {
	w.Uint64(uint64(8 * len(v)))
	for _, x := range v {
		w.B = binary.LittleEndian.AppendUint64(w.B, uint64(x))
	}
}

// Ints appends a section of ints, as int64s.
func (w *Writer) Ints(v []int) {
	w.Uint64(uint64(8 * len(v)))
	for _, x := range v {
		w.B = binary.LittleEndian.AppendUint64(w.B, uint64(int64(x)))
	}
}

// Reader takes sections off the front of a buffer, in the order a Writer
// put them. The first error sticks: every later call returns a zero value,
// and Err reports it.
type Reader struct {
	B   []byte
	err error
}

// Err is the first error met, or nil.
func (r *Reader) Err() error { return r.err }

func (r *Reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.B = nil
}

// Uint64 takes one 8-byte value.
func (r *Reader) Uint64() uint64 {
	if r.err != nil || len(r.B) < 8 {
		r.fail(ErrShort)
		return 0
	}
	v := binary.LittleEndian.Uint64(r.B)
	r.B = r.B[8:]
	return v
}

// section takes a section of n·size bytes' worth of elements and returns
// its bytes, the padding skipped.
func (r *Reader) section(size int) []byte {
	n := r.Uint64()
	if r.err != nil {
		return nil
	}
	if n%uint64(size) != 0 || n > uint64(len(r.B)) || n > math.MaxInt-8 {
		r.fail(ErrShort)
		return nil
	}
	b := r.B[:n:n]
	padded := (n + 7) &^ 7
	if padded > uint64(len(r.B)) {
		r.fail(ErrShort)
		return nil
	}
	r.B = r.B[padded:]
	return b
}

// Bytes takes a section of raw bytes, as a view of the buffer.
func (r *Reader) Bytes() []byte { return r.section(1) }

// String takes a section as a string over the buffer.
func (r *Reader) String() string { return View(r.section(1)) }

// Uint32s takes a section of uint32s.
func (r *Reader) Uint32s() []uint32 {
	b := r.section(4)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	v := make([]uint32, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v
}

// Uint64s takes a section of uint64s.
func (r *Reader) Uint64s() []uint64 {
	b := r.section(8)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), len(b)/8)
	}
	v := make([]uint64, len(b)/8)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return v
}

// Int64s takes a section of int64s.
func (r *Reader) Int64s() []int64 {
	b := r.section(8)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return unsafe.Slice((*int64)(unsafe.Pointer(&b[0])), len(b)/8)
	}
	v := make([]int64, len(b)/8)
	for i := range v {
		v[i] = int64(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v
}

// Ints takes a section of int64s as ints; on a 32-bit machine a value
// that does not fit is an error.
func (r *Reader) Ints() []int {
	b := r.section(8)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && unsafe.Sizeof(int(0)) == 8 && uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return unsafe.Slice((*int)(unsafe.Pointer(&b[0])), len(b)/8)
	}
	v := make([]int, len(b)/8)
	for i := range v {
		x := int64(binary.LittleEndian.Uint64(b[8*i:]))
		if int64(int(x)) != x {
			r.fail(errors.New("value out of range"))
			return nil
		}
		v[i] = int(x)
	}
	return v
}

// View is b as a string, sharing its memory: b must never be written
// again.
func View(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Offsets reports whether off is a table of n+1 offsets into a run of
// size bytes: starting at 0, never decreasing, ending at size.
func Offsets(off []uint32, n, size int) bool {
	if n < 0 || len(off) != n+1 || off[0] != 0 || uint64(off[n]) != uint64(size) {
		return false
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] {
			return false
		}
	}
	return true
}

// Below reports whether every value of v is below n.
func Below(v []uint32, n int) bool {
	for _, x := range v {
		if n <= 0 || uint64(x) >= uint64(n) {
			return false
		}
	}
	return true
}
