package search

// Patching the index
//
// A folder of 100,000 articles where a scraper changed a hundred files is
// reopened with 99,900 articles already indexed. Building again costs
// about 3 s, nearly all of it tokenising text that did not change; Patch
// tokenises only the new articles and rewrites the posting lists from the
// old ones, renumbered. Articles are numbered by their place in date
// order, so a new one shifts every later number: each list is decoded,
// its articles renumbered (those gone dropped), merged with the new
// articles' postings and encoded again, which is a pass over the lists'
// bytes instead of over the text. Everything derived from the lists and
// the vocabulary (bit sets, keys, lengths) is then made as NewIndex makes
// it; the articles' short fields (titles, dates, sources, speakers, tags)
// are the old index's, renumbered, and the new articles' (patchDocs). The
// result is the index NewIndex would build, byte for byte (the tests hold
// it to that).

import (
	"dossier/corpus"
	"encoding/binary"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Patch returns the index of arts, made from ix: arts are ix's articles
// with some gone and some new, in the same order, and oldOf[d] is the
// number in ix of arts[d], or -1 for an article ix does not hold (new, or
// changed since). It returns nil when oldOf is not such a map (wrong
// length, out of range, kept articles out of order). When most articles
// are new it is NewIndex.
func (ix *Index) Patch(arts []corpus.Article, oldOf []int32) *Index {
	if ix == nil || len(oldOf) != len(arts) {
		return nil
	}
	n0 := len(ix.arts)
	newOf := make([]int32, n0)
	for i := range newOf {
		newOf[i] = -1
	}
	var fresh []int32 // the new articles' numbers, increasing
	last := int32(-1)
	for d, o := range oldOf {
		switch {
		case o < 0:
			fresh = append(fresh, int32(d))
		case int(o) >= n0 || o <= last:
			return nil
		default:
			newOf[o], last = int32(d), o
		}
	}
	if 2*len(fresh) > len(arts) {
		return NewIndex(arts)
	}

	// The new articles' words, as NewIndex's workers find them.
	p := &docTerms{hi: len(fresh), vocab: map[string]uint32{}}
	freshArts := make([]corpus.Article, len(fresh))
	for k, d := range fresh {
		freshArts[k] = arts[d]
	}
	p.tokenize(freshArts)

	// How many articles each old word keeps: its count less the gone
	// articles that hold it, found by tokenising those few again rather
	// than by reading every list.
	nw0 := len(ix.df)
	kept := ix.df
	// In place: every kept article keeps its number (files edited in
	// place, new ones dated last), so a list no gone or new article
	// holds is the same bytes, and the others are spliced.
	inPlace := true
	for o, d := range newOf {
		if d >= 0 && int(d) != o {
			inPlace = false
			break
		}
	}
	var touched []bool // old words a gone article holds
	var gone []int32   // the gone articles' numbers, increasing
	if inPlace {
		touched = make([]bool, nw0)
		for o, d := range newOf {
			if d < 0 {
				gone = append(gone, int32(o))
			}
		}
	}
	if len(arts)-len(fresh) < n0 {
		var gone []corpus.Article
		for o, d := range newOf {
			if d < 0 {
				gone = append(gone, ix.arts[o])
			}
		}
		g := &docTerms{hi: len(gone), vocab: map[string]uint32{}}
		g.tokenize(gone)
		kept = append([]uint32(nil), ix.df...)
		holders := make([]uint32, len(g.vocab)) // gone articles a word is in
		for _, pr := range g.pairs {
			holders[pr>>4]++
		}
		for w, id := range g.vocab {
			n := holders[id]
			o, ok := ix.find(w)
			if !ok || kept[o] < n {
				return NewIndex(arts) // ix was not built from its articles
			}
			kept[o] -= n
			if touched != nil {
				touched[o] = true
			}
		}
	}

	// The vocabulary: surviving old words and new ones, merged in order.
	freshWords := make([]string, 0, len(p.vocab))
	for w := range p.vocab {
		freshWords = append(freshWords, w)
	}
	sort.Strings(freshWords)
	type source struct{ old, fresh int32 }
	var vocab []string
	var from []source
	i, j := 0, 0
	for i < nw0 || j < len(freshWords) {
		for i < nw0 && kept[i] == 0 {
			i++
		}
		var ow, fw string
		hasO, hasF := i < nw0, j < len(freshWords)
		if hasO {
			ow = ix.word(uint32(i))
		}
		if hasF {
			fw = freshWords[j]
		}
		switch {
		case !hasO && !hasF:
		case hasO && (!hasF || ow < fw):
			vocab, from = append(vocab, ow), append(from, source{int32(i), -1})
			i++
		case hasF && (!hasO || fw < ow):
			vocab, from = append(vocab, fw), append(from, source{-1, int32(p.vocab[fw])})
			j++
		default:
			vocab, from = append(vocab, ow), append(from, source{int32(i), int32(p.vocab[fw])})
			i++
			j++
		}
	}

	// The new articles' postings, grouped by their local word.
	nl := len(p.vocab)
	fstart := make([]int, nl+1)
	for _, pr := range p.pairs {
		fstart[pr>>4+1]++
	}
	for w := range nl {
		fstart[w+1] += fstart[w]
	}
	fpost := make([]uint64, len(p.pairs)) // doc<<4 | flags
	at := append([]int(nil), fstart[:nl]...)
	for k := range fresh {
		for _, pr := range p.pairs[p.start[k]:p.start[k+1]] {
			fpost[at[pr>>4]] = uint64(fresh[k])<<4 | uint64(pr&15)
			at[pr>>4]++
		}
	}

	// Every list renumbered and merged, by ranges of words across the CPUs.
	nx := &Index{arts: arts}
	nw := len(vocab)
	nx.df = make([]uint32, nw)
	nx.poff = make([]int, nw+1)
	// The lists are written straight into one buffer, each range of
	// words in its own window of it, then closed up: a window is its
	// words' old lists and 10 bytes (a varint's most) a new posting. In
	// place that is a bound (dropping a posting never lengthens a list,
	// the two gaps it joins took at least the bytes of one), and was a
	// second buffer of every list, copied whole into this one; otherwise
	// a gap can grow past it, and a range that outgrew its window is
	// appended elsewhere and everything copied as before.
	room := make([]int, nw+1)
	for w, f := range from {
		room[w+1] = room[w]
		if f.old >= 0 {
			room[w+1] += ix.poff[f.old+1] - ix.poff[f.old]
		}
		if f.fresh >= 0 {
			room[w+1] += 10 * (fstart[f.fresh+1] - fstart[f.fresh])
		}
	}
	buf := make([]byte, room[nw])
	type part struct {
		lo  int
		out []byte
	}
	var parts []part
	var mu sync.Mutex
	nx.dense = map[uint32]*bitsets{}
	n := len(arts)
	docsDone := make(chan struct{})
	go func() { // the articles' own fields, beside the lists
		defer close(docsDone)
		nx.patchDocs(ix, oldOf, newOf)
	}()
	parallel(nw, func(lo, hi int) {
		dense := map[uint32]*bitsets{}
		out := buf[room[lo]:room[lo]:room[hi]]
		var ops []bitOp // splice's, reused
		for w := lo; w < hi; w++ {
			start := len(out)
			prev := int32(-1)
			df := uint32(0)
			var fl []uint64
			if f := from[w].fresh; f >= 0 {
				fl = fpost[fstart[f]:fstart[f+1]]
			}
			// The bit sets of a common word are set as its list is
			// written: its count is known before (kept and new).
			var b *bitsets
			total := uint32(len(fl))
			if o := from[w].old; o >= 0 {
				total += kept[o]
			}
			isDense := n >= 1024 && int(total)*denseShare >= n
			o := from[w].old
			if isDense && (o < 0 || !inPlace) {
				b = &bitsets{any: make([]uint64, (n+63)/64), title: make([]uint64, (n+63)/64)}
				dense[uint32(w)] = b
			}
			if o >= 0 && inPlace {
				var k uint32
				out, k, b = splice(out, ix.post[ix.poff[o]:ix.poff[o+1]], fl, gone, n0, n, ix.dense[uint32(o)], isDense, !touched[o], ix.df[o], &ops)
				if b != nil {
					dense[uint32(w)] = b
				}
				df += k
				fl = nil
			} else if o >= 0 {
				// postings, inline: this loop is the whole cost of a patch.
				pl := ix.post[ix.poff[o]:ix.poff[o+1]]
				d := -1
				for len(pl) > 0 {
					v, k := uint64(pl[0]), 1
					if v >= 0x80 {
						if v, k = binary.Uvarint(pl); k <= 0 {
							break
						}
					}
					pl = pl[k:]
					d += int(v >> 4)
					if uint(d) >= uint(n0) {
						break // only a damaged list; see persist.go
					}
					nd := newOf[d]
					if nd < 0 {
						continue
					}
					for len(fl) > 0 && int32(fl[0]>>4) < nd {
						out = binary.AppendUvarint(out, uint64(int32(fl[0]>>4)-prev)<<4|fl[0]&15)
						prev = int32(fl[0] >> 4)
						b.set(prev, fl[0])
						df++
						fl = fl[1:]
					}
					out = binary.AppendUvarint(out, uint64(nd-prev)<<4|v&15)
					prev = nd
					b.set(nd, v)
					df++
				}
			}
			for _, f := range fl {
				out = binary.AppendUvarint(out, uint64(int32(f>>4)-prev)<<4|f&15)
				prev = int32(f >> 4)
				b.set(prev, f)
				df++
			}
			nx.df[w] = df
			nx.poff[w+1] = len(out) - start // a size for now
		}
		mu.Lock()
		parts = append(parts, part{lo, out})
		for w, b := range dense {
			nx.dense[w] = b
		}
		mu.Unlock()
	})
	sort.Slice(parts, func(i, j int) bool { return parts[i].lo < parts[j].lo })
	size, inWindows := 0, true
	for i, pt := range parts {
		size += len(pt.out)
		hi := nw
		if i+1 < len(parts) {
			hi = parts[i+1].lo
		}
		// Still in its window: not grown past it, so not moved.
		inWindows = inWindows && cap(pt.out) == room[hi]-room[pt.lo] && (cap(pt.out) == 0 || &pt.out[:1][0] == &buf[room[pt.lo]])
	}
	if inWindows {
		// Each part moves down, never onto one not yet moved.
		nx.post = buf[:0]
		for _, pt := range parts {
			nx.post = append(nx.post, pt.out...)
		}
		nx.post = nx.post[:len(nx.post):len(nx.post)]
	} else {
		nx.post = make([]byte, 0, size)
		for _, pt := range parts {
			nx.post = append(nx.post, pt.out...)
		}
	}
	for w := range nw {
		nx.poff[w+1] += nx.poff[w]
	}

	nx.setVocab(vocab)
	<-docsDone
	return nx
}

// patchDocs sets the articles' own fields (dates, titles, speakers,
// sources, tags) as setDocs would, taking the kept articles' from ix: runs
// of them copied as they are, the fields' article lists renumbered, and
// only the new articles' fields worked out (setDocs lower-cases and hashes
// every article's: 0.2 s at 100,000). oldOf and newOf are Patch's maps.
func (nx *Index) patchDocs(ix *Index, oldOf, newOf []int32) {
	arts := nx.arts
	n := len(arts)
	nx.dates = make([]int64, n)
	nx.titleMask = make([]uint64, n)
	nx.tlowOff = make([]uint32, n+1)
	var tl strings.Builder
	tl.Grow(len(ix.tlow) + 64)
	spk, src, tag := map[string][]uint32{}, map[string][]uint32{}, map[string][]uint32{}
	for d := 0; d < n; {
		o := int(oldOf[d])
		if o < 0 {
			nx.setDoc(d, &arts[d], &tl, spk, src, tag)
			d++
			continue
		}
		// A run of kept articles that were together in ix.
		e := d + 1
		for e < n && int(oldOf[e]) == o+e-d {
			e++
		}
		oe := o + e - d
		copy(nx.dates[d:e], ix.dates[o:oe])
		copy(nx.titleMask[d:e], ix.titleMask[o:oe])
		shift := uint32(tl.Len()) - ix.tlowOff[o]
		tl.WriteString(ix.tlow[ix.tlowOff[o]:ix.tlowOff[oe]])
		for k := d; k < e; k++ {
			nx.tlowOff[k+1] = ix.tlowOff[o+k-d+1] + shift
		}
		d = e
	}
	nx.tlow = tl.String()
	nx.speakers = patchFields(ix.speakers, spk, newOf)
	nx.sources = patchFields(ix.sources, src, newOf)
	nx.tags = patchFields(ix.tags, tag, newOf)
}

// patchFields is the fields of a patched index, sorted as fields makes
// them: old's, their articles renumbered by newOf (those gone dropped,
// and a field left with none), merged with add, the new articles' (in
// increasing order). A field whose articles all keep their numbers and
// gain none keeps its list.
func patchFields(old []field, add map[string][]uint32, newOf []int32) []field {
	keys := make([]string, 0, len(add))
	for s := range add {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	out := make([]field, 0, len(old)+len(keys))
	j := 0
	for i := range old {
		f := old[i]
		for j < len(keys) && keys[j] < f.s {
			out = append(out, field{keys[j], add[keys[j]]})
			j++
		}
		var fresh []uint32
		if j < len(keys) && keys[j] == f.s {
			fresh = add[keys[j]]
			j++
		}
		same := len(fresh) == 0
		for _, o := range f.docs {
			if same && (int(o) >= len(newOf) || newOf[o] != int32(o)) {
				same = false
			}
		}
		if same {
			out = append(out, f)
			continue
		}
		docs := make([]uint32, 0, len(f.docs)+len(fresh))
		for _, o := range f.docs {
			if int(o) >= len(newOf) || newOf[o] < 0 {
				continue
			}
			d := uint32(newOf[o])
			for len(fresh) > 0 && fresh[0] < d {
				docs, fresh = append(docs, fresh[0]), fresh[1:]
			}
			docs = append(docs, d)
		}
		docs = append(docs, fresh...)
		if len(docs) > 0 {
			out = append(out, field{f.s, docs})
		}
	}
	for ; j < len(keys); j++ {
		out = append(out, field{keys[j], add[keys[j]]})
	}
	return out
}

// parallel calls fn on contiguous ranges of 0..n, one a CPU at most, and
// waits for them.
func parallel(n int, fn func(lo, hi int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/4096+1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(n*w/workers, n*(w+1)/workers)
		}()
	}
	wg.Wait()
}
