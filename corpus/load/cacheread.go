package load

// The cache's articles, read back: the decoder and its checks.

import (
	"dossier/corpus"
	"dossier/corpus/internal/flat"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

// decodeArticles fills the articles from their sections, every index and
// span checked. A first pass adds up where each article's lists and quotes
// start; then the articles are filled across the CPUs, each worker
// writing only its own articles' windows of the shared arrays. This is the
// one step of a reopen that is proportional to the number of strings
// (2.8 million at 100,000 articles), so it makes as few as it can: no
// table of every string, only the list strings get slots of their own.
func decodeArticles(r *flat.Reader) ([]corpus.Article, error) {
	n64 := r.Uint64()
	blob := r.Bytes()
	strtab, listtab := r.Uint32s(), r.Uint32s()
	recs, quotes := r.Uint32s(), r.Uint32s()
	if r.Err() != nil {
		return nil, fmt.Errorf("articles: %w", r.Err())
	}
	if n64 > uint64(len(recs)) || uint64(len(recs)) != n64*artWords || len(strtab)%2 != 0 || len(listtab)%2 != 0 || len(quotes)%quoteWords != 0 {
		return nil, errors.New("bad article table")
	}
	n := int(n64)
	nl, nq := len(listtab)/2, len(quotes)/quoteWords
	starts := make([]uint32, 2*n) // first list string, first quote
	var l, q uint64
	for i := range n {
		rec := recs[artWords*i:]
		starts[2*i], starts[2*i+1] = uint32(l), uint32(q)
		l += uint64(rec[6]) + uint64(rec[7])
		q += uint64(rec[8])
		if l > uint64(nl) || q > uint64(nq) {
			return nil, errors.New("bad article table")
		}
	}
	if l != uint64(nl) || q != uint64(nq) {
		return nil, errors.New("bad article table")
	}
	// Filling 85 MB of new structs of pointers at 100,000 articles ran
	// three collections that found nothing to free (the arrays are all
	// live) and took the fill from ~100 ms to ~190 ms in a fresh process.
	// The collector waits until they are filled.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	lists := make([]string, nl)
	qs := make([]corpus.Quote, nq)
	arts := make([]corpus.Article, n)
	d := articleDecoder{blob: blob, strtab: strtab, listtab: listtab, recs: recs, quotes: quotes, starts: starts, lists: lists, qs: qs, arts: arts}
	workers := max(1, min(runtime.GOMAXPROCS(0), n/2048+1))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = d.fill(n*w/workers, n*(w+1)/workers)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return arts, nil
}

// articleDecoder holds the sections decodeArticles fills articles from.
type articleDecoder struct {
	blob                                  []byte
	strtab, listtab, recs, quotes, starts []uint32
	lists                                 []string
	qs                                    []corpus.Quote
	arts                                  []corpus.Article
}

var errBadString = errors.New("bad string table")

// view is the string at (off, len) in tab's entry i.
func (d *articleDecoder) view(tab []uint32, i uint32) (string, error) {
	if uint64(i) >= uint64(len(tab)/2) {
		return "", errBadString
	}
	off, l := uint64(tab[2*i]), uint64(tab[2*i+1])
	if off+l > uint64(len(d.blob)) {
		return "", errBadString
	}
	return flat.View(d.blob[off : off+l]), nil
}

// fill decodes articles lo..hi-1.
func (d *articleDecoder) fill(lo, hi int) error {
	for i := lo; i < hi; i++ {
		rec := d.recs[artWords*i : artWords*(i+1)]
		a := &d.arts[i]
		var err error
		for k, dst := range []*string{&a.ID, &a.File, &a.Title, &a.Source, &a.URL, &a.Dateline} {
			if *dst, err = d.view(d.strtab, rec[k]); err != nil {
				return err
			}
		}
		ls, qs := d.starts[2*i], d.starts[2*i+1]
		for j := ls; j < ls+rec[6]+rec[7]; j++ {
			if d.lists[j], err = d.view(d.listtab, j); err != nil {
				return err
			}
		}
		for j := qs; j < qs+rec[8]; j++ {
			q := d.quotes[quoteWords*j : quoteWords*(j+1)]
			if q[5] > uint32(corpus.Pull) {
				return errors.New("bad quote")
			}
			text, err := d.view(d.strtab, q[3])
			if err != nil {
				return err
			}
			speaker, err := d.view(d.strtab, q[4])
			if err != nil {
				return err
			}
			d.qs[j] = corpus.Quote{
				Para: int(q[0]), Start: int(q[1]), End: int(q[2]), Text: text, Speaker: speaker,
				Kind: corpus.QuoteKind(q[5]), SpeakerSpan: [2]int{int(q[6]), int(q[7])},
			}
		}
		p := rec[15]
		prec, origin := corpus.Precision(p&15), corpus.Origin(p>>4&15)
		tf, sf, uf, nils := corpus.Origin(p>>8&15), corpus.Origin(p>>12&15), corpus.Origin(p>>16&15), p>>20
		if prec > corpus.PrecMinute || max(origin, tf, sf, uf) > corpus.OriginText || nils > 7 ||
			(nils&1 != 0 && rec[6] > 0) || (nils&2 != 0 && rec[7] > 0) || (nils&4 != 0 && rec[8] > 0) {
			return errors.New("bad article")
		}
		if nils&1 == 0 {
			a.Tags = d.lists[ls : ls+rec[6] : ls+rec[6]]
		}
		if ps := ls + rec[6]; nils&2 == 0 {
			a.Paragraphs = d.lists[ps : ps+rec[7] : ps+rec[7]]
		}
		if nils&4 == 0 {
			a.Quotes = d.qs[qs : qs+rec[8] : qs+rec[8]]
		}
		a.Words = int(int32(rec[9]))
		a.Date = corpus.Date{Year: int(int32(rec[10])), Month: int(int32(rec[11])), Day: int(int32(rec[12])),
			Hour: int(int32(rec[13])), Minute: int(int32(rec[14])), Prec: prec, Origin: origin}
		a.TitleFrom, a.SourceFrom, a.URLFrom = tf, sf, uf
		if a.Words < 0 || !plausible(a.Date) {
			// A year of two billion would make the timeline's buckets.
			return errors.New("bad article")
		}
		if err := checkSpans(a); err != nil {
			return fmt.Errorf("article %d: %w", i, err)
		}
	}
	return nil
}

// plausible reports whether d is a date as the parser makes them: fields
// within the calendar up to its precision, zero below it.
func plausible(d corpus.Date) bool {
	in := func(v, lo, hi int, p corpus.Precision) bool {
		if d.Prec >= p {
			return v >= lo && v <= hi
		}
		return v == 0
	}
	return in(d.Year, 1, 9999, corpus.PrecYear) && in(d.Month, 1, 12, corpus.PrecMonth) &&
		in(d.Day, 1, 31, corpus.PrecDay) && in(d.Hour, 0, 23, corpus.PrecMinute) && in(d.Minute, 0, 59, corpus.PrecMinute)
}

// checkSpans is parse.Check without its pass over every rune (the
// checksum covers the text): quote and speaker spans inside their
// paragraphs, which is what the reader slices by.
func checkSpans(a *corpus.Article) error {
	for _, q := range a.Quotes {
		if q.Para < 0 || q.Para >= len(a.Paragraphs) {
			return errors.New("quote outside the paragraphs")
		}
		p := len(a.Paragraphs[q.Para])
		if q.Start < 0 || q.End > p || q.Start >= q.End {
			return errors.New("quote span outside its paragraph")
		}
		if sp := q.SpeakerSpan; sp != [2]int{} && (sp[0] < 0 || sp[0] >= sp[1] || sp[1] > p) {
			return errors.New("speaker span outside its paragraph")
		}
	}
	return nil
}
