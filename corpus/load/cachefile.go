package load

import (
	"dossier/corpus"
	"dossier/corpus/internal/flat"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// readCache reads the cache at path for the folder real.
func readCache(path, real string, opt Options) (*snapshot, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, release, err := readShared(path)
	if err != nil {
		return nil, err
	}
	if err := cacheHeader(data); err != nil {
		return nil, err
	}
	// The checksum, of the whole file, is computed while the caller
	// walks and stats the folder, which leaves a core idle: the decoding
	// does not need it (every offset is checked), only the use of what
	// was decoded does, and the caller waits for it before that
	// (snapshot.verify). A cache that fails to decode or is not this
	// folder's waits for it here, so a corrupt file is said to be so.
	//
	// Once both are done, none of the file need stay resident: the
	// articles' strings and the index are views of it, and the pages they
	// are read by fault back in from the page cache (readShared).
	sum := make(chan bool, 1)
	decoded := make(chan struct{})
	go func() {
		ok := checksumThen(data[headerSize:], release) == binary.LittleEndian.Uint32(data[20:])
		if release != nil {
			<-decoded
			release(data)
		}
		sum <- ok
	}()
	errSum := errors.New("checksum mismatch")
	s, err := decodeBody(data)
	close(decoded)
	switch {
	case err == nil && real != s.realPath:
		err = errors.New("made for another folder")
	case err == nil && (s.encoding != opt.Encoding || s.maxSize != opt.MaxSize):
		err = errors.New("made with another --encoding or size limit")
	}
	if err != nil {
		if !<-sum {
			return nil, errSum
		}
		return nil, err
	}
	s.verify = sync.OnceValue(func() error {
		if !<-sum {
			return errSum
		}
		return nil
	})
	return s, nil
}

// checksum is the CRC-32C of b's CRC-32Cs by crcChunk, computed across the
// CPUs: a 450 MB cache in ~30 ms on 2 cores rather than ~55.
func checksum(b []byte) uint32 { return checksumThen(b, nil) }

// checksumThen is checksum, handing each chunk to done, when not nil, once
// it is summed.
func checksumThen(b []byte, done func([]byte)) uint32 {
	n := (len(b) + crcChunk - 1) / crcChunk
	sums := make([]byte, 4*n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := w; c < n; c += workers {
				part := b[c*crcChunk : min(len(b), (c+1)*crcChunk)]
				binary.LittleEndian.PutUint32(sums[4*c:], crc32.Checksum(part, castagnoli))
				if done != nil {
					done(part)
				}
			}
		}()
	}
	wg.Wait()
	return crc32.Checksum(sums, castagnoli)
}

// encodeCache lays out the cache of a load; see the header comment.
func encodeCache(wk *walk, arts []corpus.Article, ix *search.Index, opt Options, written time.Time) ([]byte, error) {
	w := flat.Writer{B: make([]byte, headerSize, headerSize+TextSize(arts)*5/4+ix.MemBytes()+64<<10)}
	w.String(wk.realRoot)
	w.String(wk.root)
	w.String(opt.Encoding)
	w.Uint64(uint64(opt.MaxSize))
	w.Uint64(uint64(written.UnixNano()))
	single := uint64(0)
	if fi, err := os.Stat(wk.root); err == nil && !fi.IsDir() {
		single = 1
	}
	w.Uint64(single)

	// Files: only those whose outcome may be cached, and whose article
	// is found by an ID no other article has.
	idx := make(map[string]int, len(arts))
	for i := range arts {
		if _, dup := idx[arts[i].ID]; dup {
			idx[arts[i].ID] = -1
		} else {
			idx[arts[i].ID] = i
		}
	}
	var files []*fileRec
	for i := range wk.files {
		f := &wk.files[i]
		if !f.ok {
			continue
		}
		f.artIdx = -1
		if f.art {
			j, ok := idx[parse.SanitizeLine(f.id)]
			if !ok || j < 0 {
				continue
			}
			f.artIdx = j
		}
		files = append(files, f)
	}
	artOf := make([]uint32, len(files)) // article index + 1, 0 for none
	for i, f := range files {
		if f.art {
			artOf[i] = uint32(f.artIdx + 1)
		}
	}
	encodeFiles(&w, files, artOf)

	if err := encodeArticles(&w, arts); err != nil {
		return nil, err
	}
	b, err := ix.AppendBinary(binary.LittleEndian.AppendUint64(w.B, 0))
	if err != nil {
		return nil, err
	}
	// The index went in as a section: its length before it, padding after.
	start := len(w.B) + 8
	binary.LittleEndian.PutUint64(b[start-8:], uint64(len(b)-start))
	w.B = b
	for len(w.B)%8 != 0 {
		w.B = append(w.B, 0)
	}

	out := w.B
	copy(out, cacheMagic)
	binary.LittleEndian.PutUint32(out[8:], cacheFormat)
	binary.LittleEndian.PutUint32(out[12:], parse.Version)
	binary.LittleEndian.PutUint32(out[16:], search.IndexVersion)
	binary.LittleEndian.PutUint32(out[20:], checksum(out[headerSize:]))
	binary.LittleEndian.PutUint64(out[24:], uint64(len(out)))
	return out, nil
}

// encodeFiles writes the file table: per file its path, ID, size,
// modification time and inode, artOf (its article's number + 1, 0 for
// none) and its reason or warning.
func encodeFiles(w *flat.Writer, files []*fileRec, artOf []uint32) {
	w.Uint64(uint64(len(files)))
	var rels, ids, reasons []byte
	roff, ioff, soff := []uint32{0}, []uint32{0}, []uint32{0}
	sizes, mtimes := make([]int64, len(files)), make([]int64, len(files))
	inos := make([]uint64, len(files))
	var skipOf, skipKept []uint32
	for i, f := range files {
		rels = append(rels, f.rel...)
		roff = append(roff, uint32(len(rels)))
		ids = append(ids, f.id...)
		ioff = append(ioff, uint32(len(ids)))
		sizes[i], mtimes[i], inos[i] = f.size, f.mtime, f.ino
		if f.skip != nil {
			skipOf = append(skipOf, uint32(i))
			kept := uint32(0)
			if f.skip.Kept {
				kept = 1
			}
			skipKept = append(skipKept, kept)
			reasons = append(reasons, f.skip.Reason...)
			soff = append(soff, uint32(len(reasons)))
		}
	}
	w.Bytes(rels)
	w.Uint32s(roff)
	w.Bytes(ids)
	w.Uint32s(ioff)
	w.Int64s(sizes)
	w.Int64s(mtimes)
	w.Uint64s(inos)
	w.Uint32s(artOf)
	w.Uint32s(skipOf)
	w.Uint32s(skipKept)
	w.Bytes(reasons)
	w.Uint32s(soff)
}

// TextSize is the bytes of every string of arts, what a cache of them
// holds besides the index.
func TextSize(arts []corpus.Article) int {
	n := 0
	for i := range arts {
		a := &arts[i]
		n += len(a.ID) + len(a.File) + len(a.Title) + len(a.Source) + len(a.URL) + len(a.Dateline)
		for _, p := range a.Paragraphs {
			n += len(p)
		}
		for _, t := range a.Tags {
			n += len(t)
		}
	}
	return n
}

// encodeArticles writes the articles' blob, string tables, records and
// quotes. Single strings (ID, title, source, a quote's text and speaker,
// …) are numbered in one table, the strings of lists (tags, paragraphs)
// in another, in article order, so that an article's lists start where
// the previous article's ended and need no offsets of their own.
func encodeArticles(w *flat.Writer, arts []corpus.Article) error {
	// The blob is written in place, into the buffer sized for it: its
	// length goes before it once known.
	w.Uint64(uint64(len(arts)))
	w.Uint64(0)
	start := len(w.B)
	var strtab, listtab []uint32 // offset, length
	// The single strings go after the lists, in a run of their own: the
	// reader touches every title and ID (the list, the read marks) but
	// only the text of what it opens or searches, and a title among the
	// paragraphs would keep a page of them resident for each article.
	var singles []byte
	var moved []uint32 // the strtab entries in singles, offsets to move
	short := map[string]uint32{}
	str := func(s string) uint32 {
		if len(s) <= shortString {
			if i, ok := short[s]; ok {
				return i
			}
		}
		i := uint32(len(strtab) / 2)
		moved = append(moved, i)
		strtab = append(strtab, uint32(len(singles)), uint32(len(s)))
		singles = append(singles, s...)
		if len(s) <= shortString {
			short[s] = i
		}
		return i
	}
	list := func(s string) uint32 {
		at := uint32(len(w.B) - start)
		listtab = append(listtab, at, uint32(len(s)))
		w.B = append(w.B, s...)
		return at
	}
	recs := make([]uint32, 0, artWords*len(arts))
	var quotes []uint32
	var paraAt []uint32
	for i := range arts {
		a := &arts[i]
		r := [artWords]uint32{str(a.ID), str(a.File), str(a.Title), str(a.Source), str(a.URL), str(a.Dateline),
			uint32(len(a.Tags)), uint32(len(a.Paragraphs)), uint32(len(a.Quotes)), uint32(a.Words)}
		for _, t := range a.Tags {
			list(t)
		}
		paraAt = paraAt[:0]
		for _, p := range a.Paragraphs {
			paraAt = append(paraAt, list(p))
		}
		for _, q := range a.Quotes {
			var text uint32
			// The quoted words are nearly always in their span: stored
			// as a window of the paragraph, not again.
			if q.Para >= 0 && q.Para < len(a.Paragraphs) && 0 <= q.Start && q.Start <= q.End && q.End <= len(a.Paragraphs[q.Para]) {
				if k := strings.Index(a.Paragraphs[q.Para][q.Start:q.End], q.Text); k >= 0 {
					text = uint32(len(strtab) / 2)
					strtab = append(strtab, paraAt[q.Para]+uint32(q.Start+k), uint32(len(q.Text)))
				} else {
					text = str(q.Text)
				}
			} else {
				text = str(q.Text)
			}
			quotes = append(quotes, uint32(q.Para), uint32(q.Start), uint32(q.End), text, str(q.Speaker),
				uint32(q.Kind), uint32(q.SpeakerSpan[0]), uint32(q.SpeakerSpan[1]))
		}
		d := a.Date
		r[10], r[11], r[12], r[13], r[14] = uint32(d.Year), uint32(d.Month), uint32(d.Day), uint32(d.Hour), uint32(d.Minute)
		var nils uint32
		if a.Tags == nil {
			nils |= 1
		}
		if a.Paragraphs == nil {
			nils |= 2
		}
		if a.Quotes == nil {
			nils |= 4
		}
		r[15] = uint32(d.Prec) | uint32(d.Origin)<<4 | uint32(a.TitleFrom)<<8 | uint32(a.SourceFrom)<<12 | uint32(a.URLFrom)<<16 | nils<<20
		recs = append(recs, r[:]...)
		if uint64(len(w.B)-start+len(singles)) > math.MaxUint32 {
			return errors.New("corpus too large to cache")
		}
	}
	base := uint32(len(w.B) - start)
	for _, i := range moved {
		strtab[2*i] += base
	}
	w.B = append(w.B, singles...)
	binary.LittleEndian.PutUint64(w.B[start-8:], uint64(len(w.B)-start))
	for len(w.B)%8 != 0 {
		w.B = append(w.B, 0)
	}
	w.Uint32s(strtab)
	w.Uint32s(listtab)
	w.Uint32s(recs)
	w.Uint32s(quotes)
	return nil
}

// decodeCache reads a cache file's bytes. With verify unset the checksum
// is not checked (the fuzzer's way past it to the structure); everything
// else always is.
func decodeCache(data []byte, verify bool) (*snapshot, error) {
	if err := cacheHeader(data); err != nil {
		return nil, err
	}
	if verify && checksum(data[headerSize:]) != binary.LittleEndian.Uint32(data[20:]) {
		return nil, errors.New("checksum mismatch")
	}
	return decodeBody(data)
}

// cacheHeader checks a cache file's header: magic, versions, length.
func cacheHeader(data []byte) error {
	if len(data) < headerSize || string(data[:8]) != cacheMagic {
		return errors.New("not a dossier cache")
	}
	format := binary.LittleEndian.Uint32(data[8:])
	pv := binary.LittleEndian.Uint32(data[12:])
	iv := binary.LittleEndian.Uint32(data[16:])
	if format != cacheFormat || pv != parse.Version || iv != search.IndexVersion {
		return fmt.Errorf("made by another version (format %d.%d.%d, this one reads %d.%d.%d)",
			format, pv, iv, cacheFormat, parse.Version, search.IndexVersion)
	}
	if n := binary.LittleEndian.Uint64(data[24:]); n != uint64(len(data)) {
		return fmt.Errorf("truncated (%d bytes of %d)", len(data), n)
	}
	return nil
}

// decodeBody decodes a cache file whose header cacheHeader passed, every
// offset, count and span checked, but not the checksum.
func decodeBody(data []byte) (*snapshot, error) {
	r := flat.Reader{B: data[headerSize:]}
	bad := func(what string) (*snapshot, error) {
		if err := r.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		return nil, errors.New("bad " + what)
	}
	s := &snapshot{header: data[:headerSize:headerSize]}
	s.realPath = r.String()
	s.root = r.String()
	s.encoding = r.String()
	s.maxSize = int64(r.Uint64())
	s.written = int64(r.Uint64())
	s.single = r.Uint64() == 1
	if r.Err() != nil {
		return bad("header")
	}

	files, artOf, err := decodeFiles(&r)
	if err != nil {
		return nil, err
	}
	arts, err := decodeArticles(&r)
	if err != nil {
		return nil, err
	}
	s.arts, s.nb, s.files = arts, len(arts), files
	if err := linkFiles(files, artOf, len(arts)); err != nil {
		return nil, err
	}
	s.index = r.Bytes()
	if r.Err() != nil || len(r.B) != 0 {
		return bad("index section")
	}
	return s, nil
}

// decodeFiles reads the file table encodeFiles wrote, every offset
// checked; artOf is left for linkFiles, once the articles are known.
func decodeFiles(r *flat.Reader) ([]fileRec, []uint32, error) {
	bad := func(what string) ([]fileRec, []uint32, error) {
		if err := r.Err(); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", what, err)
		}
		return nil, nil, errors.New("bad " + what)
	}
	nf64 := r.Uint64()
	rels, roff := r.String(), r.Uint32s()
	ids, ioff := r.String(), r.Uint32s()
	sizes, mtimes, inos := r.Int64s(), r.Int64s(), r.Uint64s()
	artOf := r.Uint32s()
	skipOf, skipKept := r.Uint32s(), r.Uint32s()
	reasons, soff := r.String(), r.Uint32s()
	if r.Err() != nil || nf64 != uint64(len(artOf)) {
		return bad("file table")
	}
	nf := len(artOf)
	ns := len(skipOf)
	if !flat.Offsets(roff, nf, len(rels)) || !flat.Offsets(ioff, nf, len(ids)) || len(sizes) != nf ||
		len(mtimes) != nf || len(inos) != nf || len(skipKept) != ns || !flat.Offsets(soff, ns, len(reasons)) ||
		!flat.Below(skipOf, nf) {
		return bad("file table")
	}
	files := make([]fileRec, nf)
	for i := range files {
		f := &files[i]
		f.seq, f.rel, f.id = i, rels[roff[i]:roff[i+1]], ids[ioff[i]:ioff[i+1]]
		f.size, f.mtime, f.ino, f.ok, f.artIdx = sizes[i], mtimes[i], inos[i], true, -1
		f.art = artOf[i] > 0
	}
	for k, i := range skipOf {
		f := &files[i]
		if f.skip != nil || skipKept[k] > 1 || (skipKept[k] == 1) != f.art {
			return bad("skips")
		}
		f.skip = &Skipped{Reason: reasons[soff[k]:soff[k+1]], Kept: skipKept[k] == 1}
	}
	for i := range files {
		if f := &files[i]; !f.art && f.skip == nil {
			return bad("file table") // a file gives an article or a reason
		}
	}
	return files, artOf, nil
}

// linkFiles points the files at their articles, of which there are n.
func linkFiles(files []fileRec, artOf []uint32, n int) error {
	for i := range files {
		if a := artOf[i]; a > 0 {
			if uint64(a) > uint64(n) {
				return errors.New("bad file table")
			}
			files[i].artIdx = int(a - 1)
		}
	}
	return nil
}

// writeCache writes the cache of a load to path, atomically.
func writeCache(path string, wk *walk, arts []corpus.Article, ix *search.Index, opt Options) error {
	data, err := encodeCache(wk, arts, ix, opt, time.Now())
	if err != nil {
		return err
	}
	return writeAtomic(path, data)
}

// writeAtomic replaces path with data: a temporary file beside it, renamed
// over it, so a reader sees the old file or the new one, whole.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	removeStale(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
