package search

// Splicing a list in place: see Patch.

import (
	"encoding/binary"
	"math/bits"
)

// splice appends to out the list pl of a patch in place, with the new
// postings fl merged in and those of the gone articles (old numbers,
// increasing) dropped, and returns it with the postings it holds and the
// word's bit sets for n articles (nil unless dense). Between one gone or
// new article and the next, a list's gaps do not change, so its bytes are
// copied as they are: only scanned, not encoded again, and not even
// decoded when the word had bit sets (ob), which say how many postings a
// run holds and where it ends: the run is skipped by counting the
// varints' last bytes, eight at a time. A list no gone article holds
// (untouched, of had postings) is not even scanned unless it needs bit
// sets it had none of. The old bit sets are the new ones when the word's
// articles and title flags come out as they were (an article edited in
// place keeps most of its words), else a copy, amended.
func splice(out, pl []byte, fl []uint64, gone []int32, n0, n int, ob *bitsets, dense, untouched bool, had uint32, scratch *[]bitOp) ([]byte, uint32, *bitsets) {
	words := (n + 63) / 64
	var b *bitsets
	shared := false // b is ob, until a bit changes
	switch {
	case !dense:
	case ob != nil && len(ob.any) == words && len(ob.title) == words:
		b, shared = ob, true
	default:
		b = &bitsets{any: make([]uint64, words), title: make([]uint64, words)}
		if ob != nil {
			copy(b.any, ob.any)
			copy(b.title, ob.title)
		}
	}
	copied := b != nil && ob != nil
	if untouched && len(fl) == 0 && (b == nil || copied) {
		return append(out, pl...), had, b
	}
	setBits := b != nil && !copied
	skip := ob != nil && len(ob.any)*64 >= n0
	ops := (*scratch)[:0] // the changes to shared bit sets, made at the end if any changes anything
	defer func() { *scratch = ops }()
	df := uint32(0)
	d, prev := -1, -1 // the last article read, and the last written
	run, pos := 0, 0  // pl[run:pos] is still to be copied to out
	gi := 0
	for pos < len(pl) {
		for gi < len(gone) && int(gone[gi]) <= d {
			gi++
		}
		if d == prev {
			next := n0 // the next article where the gaps change
			if gi < len(gone) {
				next = int(gone[gi])
			}
			if len(fl) > 0 && int(fl[0]>>4) < next {
				next = int(fl[0] >> 4)
			}
			if skip {
				if c := countBits(ob.any, d+1, next); c > 0 {
					pos = skipVarints(pl, pos, c)
					d = lastBit(ob.any, d+1, next)
					df += uint32(c)
				}
			} else {
				for pos < len(pl) {
					v, k := uint64(pl[pos]), 1
					if v >= 0x80 {
						// Two bytes, most of a rare word's gaps, inline.
						if pos+1 < len(pl) && pl[pos+1] < 0x80 {
							v, k = v&0x7f|uint64(pl[pos+1])<<7, 2
						} else if v, k = binary.Uvarint(pl[pos:]); k <= 0 {
							break
						}
					}
					nd := d + int(v>>4)
					if nd >= next {
						break
					}
					if setBits {
						b.set(int32(nd), v)
					}
					d, pos = nd, pos+k
					df++
				}
			}
			prev = d
		}
		if pos >= len(pl) {
			break
		}
		v, k := uint64(pl[pos]), 1
		if v >= 0x80 {
			if v, k = binary.Uvarint(pl[pos:]); k <= 0 {
				break
			}
		}
		nd := d + int(v>>4)
		if uint(nd) >= uint(n0) {
			break // only a damaged list; see persist.go
		}
		out = append(out, pl[run:pos]...)
		for len(fl) > 0 && int(fl[0]>>4) < nd {
			out = binary.AppendUvarint(out, uint64(int(fl[0]>>4)-prev)<<4|fl[0]&15)
			prev = int(fl[0] >> 4)
			if shared {
				ops = append(ops, bitOp{int32(prev), true, fl[0]&8 != 0})
			} else {
				b.set(int32(prev), fl[0])
			}
			df++
			fl = fl[1:]
		}
		for gi < len(gone) && int(gone[gi]) < nd {
			gi++
		}
		if gi < len(gone) && int(gone[gi]) == nd {
			switch {
			case shared:
				ops = append(ops, bitOp{int32(nd), false, false})
			case copied && nd>>6 < len(b.any):
				b.any[nd>>6] &^= 1 << (nd & 63)
				b.title[nd>>6] &^= 1 << (nd & 63)
			}
		} else {
			out = binary.AppendUvarint(out, uint64(nd-prev)<<4|v&15)
			prev = nd
			if setBits {
				b.set(int32(nd), v)
			}
			df++
		}
		d, pos = nd, pos+k
		run = pos
	}
	out = append(out, pl[run:pos]...)
	for _, f := range fl {
		out = binary.AppendUvarint(out, uint64(int(f>>4)-prev)<<4|f&15)
		prev = int(f >> 4)
		if shared {
			ops = append(ops, bitOp{int32(prev), true, f&8 != 0})
		} else {
			b.set(int32(prev), f)
		}
		df++
	}
	if shared && ob.changedBy(ops) {
		b = &bitsets{any: append([]uint64(nil), ob.any...), title: append([]uint64(nil), ob.title...)}
		for _, op := range ops {
			b.apply(op)
		}
	}
	return out, df, b
}

// bitOp is a change to a word's bit sets: doc set (in the title too when
// title is), or cleared from both.
type bitOp struct {
	doc        int32
	set, title bool
}

// apply makes the change op.
func (b *bitsets) apply(op bitOp) {
	w, m := op.doc>>6, uint64(1)<<(op.doc&63)
	if int(w) >= len(b.any) {
		return
	}
	if !op.set {
		b.any[w] &^= m
		b.title[w] &^= m
		return
	}
	b.any[w] |= m
	if op.title {
		b.title[w] |= m
	}
}

// changedBy reports whether the changes ops, made in order, leave b other
// than it is. splice makes them in article order, and an article's
// clearing (it was gone) right before its setting (it is new), so each
// article's last change is what it ends as.
func (b *bitsets) changedBy(ops []bitOp) bool {
	for i, op := range ops {
		if i+1 < len(ops) && ops[i+1].doc == op.doc {
			continue
		}
		w, m := op.doc>>6, uint64(1)<<(op.doc&63)
		if int(w) >= len(b.any) {
			continue
		}
		if (b.any[w]&m != 0) != op.set || (b.title[w]&m != 0) != (op.set && op.title) {
			return true
		}
	}
	return false
}

// countBits is how many of the bits lo..hi-1 of a are set.
func countBits(a []uint64, lo, hi int) int {
	hi = min(hi, len(a)*64)
	if lo >= hi {
		return 0
	}
	wl, wh := lo>>6, (hi-1)>>6
	ml, mh := ^uint64(0)<<(lo&63), ^uint64(0)>>(63-(hi-1)&63)
	if wl == wh {
		return bits.OnesCount64(a[wl] & ml & mh)
	}
	c := bits.OnesCount64(a[wl] & ml)
	for _, x := range a[wl+1 : wh] {
		c += bits.OnesCount64(x)
	}
	return c + bits.OnesCount64(a[wh]&mh)
}

// lastBit is the highest of the bits lo..hi-1 of a that is set, or lo-1.
func lastBit(a []uint64, lo, hi int) int {
	hi = min(hi, len(a)*64)
	if lo >= hi {
		return lo - 1
	}
	wl, wh := lo>>6, (hi-1)>>6
	x := a[wh] & (^uint64(0) >> (63 - (hi-1)&63))
	for w := wh; ; w-- {
		if w == wl {
			x &= ^uint64(0) << (lo & 63)
		}
		if x != 0 {
			return w<<6 + 63 - bits.LeadingZeros64(x)
		}
		if w == wl {
			return lo - 1
		}
		x = a[w-1]
	}
}

// skipVarints is the position in pl after the c varints from pos (or
// pl's end): a varint ends at a byte without its top bit, so they are
// counted eight bytes at a time.
func skipVarints(pl []byte, pos, c int) int {
	for c >= 8 && pos+8 <= len(pl) {
		c -= bits.OnesCount64(^binary.LittleEndian.Uint64(pl[pos:]) & 0x8080808080808080)
		pos += 8
	}
	for ; c > 0 && pos < len(pl); pos++ {
		if pl[pos] < 0x80 {
			c--
		}
	}
	return pos
}

// set marks doc in the bit sets, and in the title's when flags say so;
// nil bit sets are a word that has none.
func (b *bitsets) set(doc int32, flags uint64) {
	if b == nil {
		return
	}
	b.any[doc>>6] |= 1 << (doc & 63)
	if flags&8 != 0 {
		b.title[doc>>6] |= 1 << (doc & 63)
	}
}
