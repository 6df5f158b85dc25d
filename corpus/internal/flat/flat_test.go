package flat

import (
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var w Writer
	w.B = append(w.B, "HEAD0000"...)
	w.String("hello")
	w.Uint32s([]uint32{1, 2, 3})
	w.Uint64s([]uint64{1 << 40, 7})
	w.Int64s([]int64{-1, 5})
	w.Ints([]int{0, 9, 1 << 33})
	w.Bytes([]byte{9, 8, 7})
	w.Uint64(42)
	w.String("")
	for _, buf := range [][]byte{w.B, append([]byte{0}, w.B...)[1:]} { // aligned, and not
		r := Reader{B: buf[8:]}
		if got := r.String(); got != "hello" {
			t.Errorf("String = %q", got)
		}
		if got := r.Uint32s(); !reflect.DeepEqual(got, []uint32{1, 2, 3}) {
			t.Errorf("Uint32s = %v", got)
		}
		if got := r.Uint64s(); !reflect.DeepEqual(got, []uint64{1 << 40, 7}) {
			t.Errorf("Uint64s = %v", got)
		}
		if got := r.Int64s(); !reflect.DeepEqual(got, []int64{-1, 5}) {
			t.Errorf("Int64s = %v", got)
		}
		if got := r.Ints(); !reflect.DeepEqual(got, []int{0, 9, 1 << 33}) {
			t.Errorf("Ints = %v", got)
		}
		if got := r.Bytes(); !reflect.DeepEqual(got, []byte{9, 8, 7}) {
			t.Errorf("Bytes = %v", got)
		}
		if got := r.Uint64(); got != 42 {
			t.Errorf("Uint64 = %d", got)
		}
		if got := r.String(); got != "" || r.Err() != nil || len(r.B) != 0 {
			t.Errorf("end: %q, %v, %d bytes left", got, r.Err(), len(r.B))
		}
		if r.Uint64(); r.Err() != ErrShort {
			t.Errorf("read past the end: %v", r.Err())
		}
	}
	// Every cut of the buffer is an error, never a panic.
	for n := 8; n < len(w.B)-8; n++ {
		r := Reader{B: w.B[8:n]}
		_ = r.String()
		r.Uint32s()
		r.Uint64s()
		r.Int64s()
		r.Ints()
		r.Bytes()
		r.Uint64()
		_ = r.String()
		if r.Err() == nil {
			t.Fatalf("cut at %d of %d: no error", n, len(w.B))
		}
	}
}

func TestChecks(t *testing.T) {
	for _, c := range []struct {
		off     []uint32
		n, size int
		want    bool
	}{
		{[]uint32{0, 2, 5}, 2, 5, true},
		{[]uint32{0}, 0, 0, true},
		{[]uint32{0, 2, 5}, 2, 6, false},
		{[]uint32{0, 3, 2}, 2, 2, false},
		{[]uint32{1, 2}, 1, 2, false},
		{nil, 0, 0, false},
		{[]uint32{0}, -1, 0, false},
	} {
		if got := Offsets(c.off, c.n, c.size); got != c.want {
			t.Errorf("Offsets(%v, %d, %d) = %v", c.off, c.n, c.size, got)
		}
	}
	if !Below([]uint32{0, 4}, 5) || Below([]uint32{5}, 5) || Below([]uint32{0}, 0) || !Below(nil, 0) {
		t.Error("Below")
	}
}
