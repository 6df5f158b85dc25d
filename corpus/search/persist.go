package search

// Persisting the index
//
// The index is already flat: a vocabulary string with offsets, posting
// lists in one byte slice, masks, counts and dates in arrays. So it is
// written as those arrays, one little-endian section each (see
// corpus/internal/flat), and read back as views of the caller's buffer:
// restoring the index of 100,000 articles costs a check of its offsets and
// the few hundred dense bit sets put back in their map, not a rebuild
// (2.7 s) nor a decode of 50 million postings into new memory.
//
// The check is what makes a restored index safe to search: every offset
// in its run, every word and article below its count, every array of the
// length its counts say. A buffer that fails is an error, never an index
// that could index out of range later. The posting lists themselves are
// not decoded here: a pass over them cost as much as the rest of a
// reopen, so the two loops that decode them (decode, postings) stop at an
// article out of range instead, at no cost a posting. What the check
// cannot see (a word out of sort order, a list out of order) makes
// searches wrong, not unsafe; the cache's checksum keeps those out.

import (
	"dossier/corpus"
	"dossier/corpus/internal/flat"
	"encoding/binary"
	"errors"
	"fmt"
)

// IndexVersion is the version of the index's layout and of what it holds.
// Bump it whenever NewIndex would build something else from the same
// articles (tokenising, folding, keys, flags, bit sets): a cached index of
// another version is rebuilt, never used.
const IndexVersion = 1

// indexMagic opens a marshalled index.
const indexMagic = "DXIX"

// MarshalBinary returns the index in the layout UnmarshalIndex reads. The
// articles are not included: the caller stores them and hands them back.
func (ix *Index) MarshalBinary() ([]byte, error) {
	return ix.AppendBinary(nil)
}

// AppendBinary appends the index to b, as MarshalBinary returns it.
func (ix *Index) AppendBinary(b []byte) ([]byte, error) {
	if ix == nil {
		return nil, errors.New("nil index")
	}
	w := flat.Writer{B: b}
	w.B = append(w.B, indexMagic...)
	w.B = binary.LittleEndian.AppendUint32(w.B, IndexVersion)
	w.Uint64(uint64(len(ix.arts)))
	w.String(ix.words)
	w.Uint32s(ix.woff)
	w.Uint64s(ix.wmask)
	w.Uint32s(ix.df)
	var lens []uint32
	var all []uint32
	lens = append(lens, 0)
	for _, l := range ix.byLen {
		all = append(all, l...)
		lens = append(lens, uint32(len(all)))
	}
	w.Uint32s(lens)
	w.Uint32s(all)
	w.Bytes(ix.post)
	w.Ints(ix.poff)
	// Dense words in vocabulary order, so the file is the same bytes for
	// the same index; each word's two bit sets follow one another.
	var dw []uint32
	for wid := range uint32(len(ix.df)) {
		if ix.dense[wid] != nil {
			dw = append(dw, wid)
		}
	}
	w.Uint32s(dw)
	var bits []uint64
	for _, wid := range dw {
		bits = append(bits, ix.dense[wid].any...)
		bits = append(bits, ix.dense[wid].title...)
	}
	w.Uint64s(bits)
	w.String(ix.keys)
	w.Uint32s(ix.koff)
	w.Uint32s(ix.kword)
	w.Int64s(ix.dates)
	w.Uint64s(ix.titleMask)
	w.String(ix.tlow)
	w.Uint32s(ix.tlowOff)
	for _, fs := range [][]field{ix.speakers, ix.sources, ix.tags} {
		var s []byte
		soff := []uint32{0}
		doff := []uint32{0}
		var docs []uint32
		for _, f := range fs {
			s = append(s, f.s...)
			soff = append(soff, uint32(len(s)))
			docs = append(docs, f.docs...)
			doff = append(doff, uint32(len(docs)))
		}
		w.Bytes(s)
		w.Uint32s(soff)
		w.Uint32s(doff)
		w.Uint32s(docs)
	}
	return w.B, nil
}

// UnmarshalIndex restores an index that MarshalBinary wrote for arts. The
// index keeps views of data, which must not be written afterwards. Data
// that is not such an index, is of another IndexVersion or was written for
// a different number of articles is an error.
func UnmarshalIndex(arts []corpus.Article, data []byte) (*Index, error) {
	if len(data) < 8 || string(data[:4]) != indexMagic {
		return nil, errors.New("not a dossier index")
	}
	if v := binary.LittleEndian.Uint32(data[4:]); v != IndexVersion {
		return nil, fmt.Errorf("index version %d, want %d", v, IndexVersion)
	}
	r := flat.Reader{B: data[8:]}
	bad := func(what string) (*Index, error) {
		if err := r.Err(); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		return nil, errors.New("index: bad " + what)
	}
	n := len(arts)
	if r.Uint64() != uint64(n) {
		return bad("article count")
	}
	ix := &Index{arts: arts}
	ix.words = r.String()
	ix.woff = r.Uint32s()
	ix.wmask = r.Uint64s()
	ix.df = r.Uint32s()
	nw := len(ix.df)
	if r.Err() != nil || !flat.Offsets(ix.woff, nw, len(ix.words)) || len(ix.wmask) != nw {
		return bad("vocabulary")
	}
	lens, all := r.Uint32s(), r.Uint32s()
	if r.Err() != nil || !flat.Offsets(lens, len(ix.byLen), len(all)) || !flat.Below(all, nw) {
		return bad("lengths")
	}
	for l := range ix.byLen {
		if lens[l] < lens[l+1] {
			ix.byLen[l] = all[lens[l]:lens[l+1]:lens[l+1]]
		}
	}
	ix.post = r.Bytes()
	ix.poff = r.Ints()
	if r.Err() != nil || !intOffsets(ix.poff, nw, len(ix.post)) {
		return bad("postings")
	}
	dw, bits := r.Uint32s(), r.Uint64s()
	words64 := (n + 63) / 64
	if r.Err() != nil || !flat.Below(dw, nw) || len(bits) != 2*words64*len(dw) {
		return bad("bit sets")
	}
	ix.dense = make(map[uint32]*bitsets, len(dw))
	for i, wid := range dw {
		b := bits[2*words64*i : 2*words64*(i+1)]
		ix.dense[wid] = &bitsets{any: b[:words64:words64], title: b[words64:]}
	}
	ix.keys = r.String()
	ix.koff = r.Uint32s()
	ix.kword = r.Uint32s()
	if r.Err() != nil || !flat.Offsets(ix.koff, len(ix.kword), len(ix.keys)) || !flat.Below(ix.kword, nw) {
		return bad("keys")
	}
	ix.dates = r.Int64s()
	ix.titleMask = r.Uint64s()
	ix.tlow = r.String()
	ix.tlowOff = r.Uint32s()
	if r.Err() != nil || len(ix.dates) != n || len(ix.titleMask) != n || !flat.Offsets(ix.tlowOff, n, len(ix.tlow)) {
		return bad("titles")
	}
	for _, dst := range []*[]field{&ix.speakers, &ix.sources, &ix.tags} {
		s := r.String()
		soff, doff, docs := r.Uint32s(), r.Uint32s(), r.Uint32s()
		k := len(soff) - 1
		if r.Err() != nil || k < 0 || !flat.Offsets(soff, k, len(s)) || !flat.Offsets(doff, k, len(docs)) || !flat.Below(docs, n) {
			return bad("fields")
		}
		fs := make([]field, k)
		for i := range fs {
			fs[i] = field{s[soff[i]:soff[i+1]], docs[doff[i]:doff[i+1]:doff[i+1]]}
		}
		*dst = fs
	}
	if r.Err() != nil || len(r.B) != 0 {
		return bad("length")
	}
	return ix, nil
}

// intOffsets is flat.Offsets for the []int of the posting offsets.
func intOffsets(off []int, n, size int) bool {
	if len(off) != n+1 || off[0] != 0 || off[n] != size {
		return false
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] {
			return false
		}
	}
	return true
}
