package load

// The delta
//
// A reopen after a few files changed used to rewrite the whole cache: at
// 100,000 articles, 535 MB encoded (1.1 s) and written (1.2 s) for a
// hundred articles, 3.6 s in all. Now it writes a delta beside the cache
// (the same name and ".delta"), a second small file that holds only what
// the cache does not: the whole file table of the folder as it is now
// (every file's path, ID, stat, outcome; 5 MB at 100,000 files), and the
// articles of the files that are not as the cache has them, encoded as the
// cache's articles are. A file of the table names its article either in
// the cache (its number there) or in the delta. No index is stored: the
// cache's index is patched (search.Index.Patch) on every open that has a
// delta, which tokenises only the delta's articles.
//
// A delta is rewritten whole each time, never appended to, so it has one
// writer's content or another's, never a mix: written as the cache is, a
// temporary file renamed over the old one. It names its base by the base's
// 32-byte header, which holds the base's CRC and length: a delta written
// for an older base (another process compacted in between) is not
// applied, and is removed without a word, since that is a race and not a
// fault; the files it covered are read again. A delta that is corrupt,
// truncated or of another version is reported in one line and removed,
// never used: the base alone is a whole cache, older, and the open goes on
// from it, reading what changed since, and writes a new delta.
//
// Compaction. An open with a delta patches the cache's index, about
// 0.4 s more at 100,000 articles than one without. So once the delta is
// written and Open has returned, the whole cache is written again in the
// background (2.3 s of one core at 100,000 articles) and the delta
// removed; WaitCache waits for it. A process that exits first leaves the
// delta, still good, and the next open tries again; once the delta's
// articles are more than 1/compactShare of the base's, that open writes
// the whole cache itself. A temporary file left by a writer that died is
// removed by a later write once it is staleTemp old.
//
// Layout: a 64-byte header (magic "DOSSIERD", the cache format,
// parse.Version, search.IndexVersion, a CRC-32C of the rest, the file's
// length, then the base's header), then, as flat sections: the write time,
// the folder as named, the file table (as the cache's), the articles (as
// the cache's).

import (
	"bytes"
	"dossier/corpus"
	"dossier/corpus/internal/flat"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

const (
	deltaMagic      = "DOSSIERD"
	deltaHeaderSize = 32 + headerSize
	deltaSuffix     = ".delta"
)

// compactShare: a delta of more than 1/compactShare of the base's
// articles is not written, the whole cache is. Tests lower it.
var compactShare = 10

// staleTemp is how old a cache's temporary file must be to be taken for
// one a dead writer left: a live writer writes it within seconds.
const staleTemp = 10 * time.Minute

// compacting holds the background compactions still running.
var compacting sync.WaitGroup

// background is whether compactLater compacts; tests turn it off to see
// the delta.
var background = true

// errOtherBase is a delta written for another base than the one read.
var errOtherBase = errors.New("written for another cache")

// readDelta reads the delta at path for the base s, and returns s with it
// applied; s itself is not changed.
func readDelta(path string, s *snapshot) (*snapshot, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, _, err := readShared(path)
	if err != nil {
		return nil, err
	}
	return decodeDelta(data, s, true)
}

// encodeDelta lays out the delta of a load from the base prev; ok is
// false when it would hold too much of the corpus, and the whole cache
// should be written instead.
func encodeDelta(prev *snapshot, wk *walk, arts []corpus.Article, written time.Time) (data []byte, ok bool, err error) {
	nb := prev.nb
	base := func(f *fileRec) bool { return f.hit && f.artIdx >= 0 && f.artIdx < nb }
	// The articles not in the base, found in arts by an ID no other
	// article has: a file whose article is not found so is not cached.
	need := map[string]int{}
	for i := range wk.files {
		if f := &wk.files[i]; f.ok && f.art && !base(f) {
			need[parse.SanitizeLine(f.id)] = -2
		}
	}
	if len(need)*compactShare > nb {
		return nil, false, nil
	}
	if len(need) > 0 {
		for j := range arts {
			if v, ok := need[arts[j].ID]; ok {
				if v == -2 {
					need[arts[j].ID] = j
				} else {
					need[arts[j].ID] = -1
				}
			}
		}
	}
	files := make([]*fileRec, 0, len(wk.files))
	artOf := make([]uint32, 0, len(wk.files))
	var extra []corpus.Article
	for i := range wk.files {
		f := &wk.files[i]
		if !f.ok {
			continue
		}
		ref := uint32(0)
		if f.art {
			if base(f) {
				ref = uint32(f.artIdx + 1)
			} else {
				j := need[parse.SanitizeLine(f.id)]
				if j < 0 {
					continue
				}
				extra = append(extra, arts[j])
				ref = uint32(nb + len(extra))
			}
		}
		files = append(files, f)
		artOf = append(artOf, ref)
	}
	w := flat.Writer{B: make([]byte, deltaHeaderSize, deltaHeaderSize+TextSize(extra)*5/4+64*len(files)+64<<10)}
	w.Uint64(uint64(written.UnixNano()))
	w.String(wk.root)
	encodeFiles(&w, files, artOf)
	if err := encodeArticles(&w, extra); err != nil {
		return nil, false, err
	}
	out := w.B
	copy(out, deltaMagic)
	binary.LittleEndian.PutUint32(out[8:], cacheFormat)
	binary.LittleEndian.PutUint32(out[12:], parse.Version)
	binary.LittleEndian.PutUint32(out[16:], search.IndexVersion)
	binary.LittleEndian.PutUint64(out[24:], uint64(len(out)))
	copy(out[32:], prev.header)
	binary.LittleEndian.PutUint32(out[20:], checksum(out[32:]))
	return out, true, nil
}

// decodeDelta reads a delta's bytes for the base s and returns s with it
// applied: its files, and its articles after the base's. With verify unset
// the checksum is not checked (the fuzzer's way past it); everything else
// always is.
func decodeDelta(data []byte, s *snapshot, verify bool) (*snapshot, error) {
	if len(data) < deltaHeaderSize || string(data[:8]) != deltaMagic {
		return nil, errors.New("not a dossier cache delta")
	}
	format := binary.LittleEndian.Uint32(data[8:])
	pv := binary.LittleEndian.Uint32(data[12:])
	iv := binary.LittleEndian.Uint32(data[16:])
	if format != cacheFormat || pv != parse.Version || iv != search.IndexVersion {
		return nil, fmt.Errorf("made by another version (format %d.%d.%d, this one reads %d.%d.%d)",
			format, pv, iv, cacheFormat, parse.Version, search.IndexVersion)
	}
	if n := binary.LittleEndian.Uint64(data[24:]); n != uint64(len(data)) {
		return nil, fmt.Errorf("truncated (%d bytes of %d)", len(data), n)
	}
	if verify && checksum(data[32:]) != binary.LittleEndian.Uint32(data[20:]) {
		return nil, errors.New("checksum mismatch")
	}
	if len(s.header) != headerSize || !bytes.Equal(data[32:deltaHeaderSize], s.header) {
		return nil, errOtherBase
	}
	r := flat.Reader{B: data[deltaHeaderSize:]}
	written := int64(r.Uint64())
	root := r.String()
	if r.Err() != nil {
		return nil, fmt.Errorf("header: %w", r.Err())
	}
	files, artOf, err := decodeFiles(&r)
	if err != nil {
		return nil, err
	}
	extra, err := decodeArticles(&r)
	if err != nil {
		return nil, err
	}
	if r.Err() != nil || len(r.B) != 0 {
		return nil, errors.New("bad length")
	}
	if s.single && len(files) != 1 {
		return nil, errors.New("bad file table")
	}
	all := make([]corpus.Article, s.nb+len(extra))
	copy(all, s.arts[:s.nb])
	copy(all[s.nb:], extra)
	if err := linkFiles(files, artOf, len(all)); err != nil {
		return nil, err
	}
	d := *s
	d.files, d.arts, d.byRel = files, all, nil
	d.written, d.deltaRoot, d.delta = written, root, true
	return &d, nil
}

// writeDelta writes the delta of a load from prev beside the cache at
// path, atomically; ok is false when it was not written because the whole
// cache should be.
func writeDelta(path string, prev *snapshot, wk *walk, arts []corpus.Article) (ok bool, err error) {
	data, ok, err := encodeDelta(prev, wk, arts, time.Now())
	if err != nil || !ok {
		return false, err
	}
	return true, writeAtomic(path+deltaSuffix, data)
}

// compactLater writes the whole cache of a load in the background, and
// removes the delta once it is replaced. arts is copied: the caller owns
// the slice it was given, and may sort it.
func compactLater(path string, wk *walk, arts []corpus.Article, ix *search.Index, opt Options) {
	if !background {
		return
	}
	arts = append([]corpus.Article(nil), arts...)
	compacting.Add(1)
	go func() {
		defer compacting.Done()
		if err := writeCache(path, wk, arts, ix, opt); err == nil {
			os.Remove(path + deltaSuffix)
		}
	}()
}

// WaitCache waits for the caches Open is still writing in the background.
// A program that exits without it loses nothing: the next Open uses the
// delta it left and writes the cache again.
func WaitCache() { compacting.Wait() }

// removeStale removes the temporary files of the cache at path that a
// writer which died left behind.
func removeStale(path string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"*.tmp-*"))
	for _, p := range old {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleTemp {
			os.Remove(p)
		}
	}
}
