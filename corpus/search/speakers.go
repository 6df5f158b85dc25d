package search

import "dossier/corpus"

// WithQuotes is ix over arts: the articles ix was built from, in the same
// order and with the same text, now with their quotes read (a first open
// indexes its drafts, parse.DraftBytes, before their quotes are found).
// The words, postings and titles are ix's, shared; only the speakers'
// lists are made again, from arts' quotes. An arts of another length is
// indexed afresh.
func (ix *Index) WithQuotes(arts []corpus.Article) *Index {
	if ix == nil || len(arts) != len(ix.arts) {
		return NewIndex(arts)
	}
	nx := &Index{
		arts:  arts,
		words: ix.words, woff: ix.woff, wmask: ix.wmask, df: ix.df, byLen: ix.byLen,
		post: ix.post, poff: ix.poff, dense: ix.dense,
		keys: ix.keys, koff: ix.koff, kword: ix.kword,
		dates: ix.dates, titleMask: ix.titleMask, tlow: ix.tlow, tlowOff: ix.tlowOff,
		sources: ix.sources, tags: ix.tags,
	}
	spk := map[string][]uint32{}
	for i := range arts {
		d := uint32(i)
		for _, q := range arts[i].Quotes {
			if l := spk[q.Speaker]; q.Speaker != "" && (len(l) == 0 || l[len(l)-1] != d) {
				spk[q.Speaker] = append(l, d)
			}
		}
	}
	nx.speakers = fields(spk)
	return nx
}
