package search

// The search index
//
// A query is typed one key at a time, and every keystroke searches the
// whole corpus again, so the index is built for that case: up to 100,000
// articles (about 50 million words, 300 MB of text) answered within a
// frame or two, from memory smaller than the text itself.
//
// Words. Titles and bodies are cut into words and folded (see Fold), so
// "Café", "cafe" and "CAFÉ" are one word, and a name typed with a stray
// Cyrillic letter is found by its Latin spelling. Every folded word is put
// in a vocabulary sorted as strings, which makes a prefix a contiguous
// range found by binary search. For each vocabulary word the index keeps a
// posting list: the articles that contain it, in increasing order, each
// stored as one uvarint of (gap from the previous article << 4 | in-title
// bit << 3 | min(count, 7)). Gaps are small for common words, so most
// postings take one or two bytes; at 100,000 synthetic articles the lists
// are about a tenth of the text (the bit sets below add as much again).
// Word positions are not stored: they
// would triple the size, and the one thing they serve, phrase proximity,
// is computed by re-reading the few articles at the top (see Ranking).
//
// Matching a query. The query is folded and cut into words the same way.
// Each word matches vocabulary words that are
//   - equal to it (exact);
//   - longer and starting with it, for the last word only, since it is
//     being typed (prefix); a trailing space in the query ends the word;
//   - within an optimal-string-alignment distance of 1, or 2 for words of
//     8 letters or more (typo), for words of 4 letters or more.
//
// The typo search does not compare the query with every vocabulary word.
// Words are bucketed by length in letters, so only lengths within the
// allowed distance are looked at, and each word carries a 64-bit mask of
// the letters it contains: an edit changes at most one letter of the set,
// so a word whose mask differs from the query's by more than d letters in
// either direction is skipped with two popcounts. The banded distance
// computation, with an early exit once a row exceeds d, runs only on the
// survivors: typically a few hundred words, tens of microseconds.
//
// A prefix of one or two letters matches thousands of words and half the
// postings of the corpus; such prefixes are expanded to only their most
// frequent few words (shortPrefixCap), and every query word stops being
// expanded once postingBudget postings are collected for it, so one
// keystroke costs at most a few million varint decodes.
//
// Several words must all match (AND). Each word's expansions are decoded
// into a per-article best score for that word, then added to an
// accumulator for the articles that matched every earlier word; the last
// word's survivors are the candidates. The accumulators are dense arrays
// indexed by article, reused through a sync.Pool: no map, no sort on the
// hot path, cost proportional to the postings read.
//
// Common words. In news, a few hundred words ("said", "security",
// "council") are in most articles, and typing "security co" would decode
// several lists of 50,000+ entries for a handful of surviving candidates.
// Words in at least 1/denseShare of the articles therefore also get two
// bit sets (in the article, in its title), and a later query word probes
// the survivors against them, branch-free, whenever there are fewer
// survivors than probeRatio × the list length. A probed word scores as if
// it appeared once in the body: bit sets hold no counts, and for a common
// word (low idf) the count hardly moves the rank.
//
// Short fields. Sources and speakers (Quote.Speaker) are a few hundred
// distinct strings: the whole query runs through sahilm/fuzzy against
// them on every keystroke, whose subsequence matching forgives dropped
// letters ("mrt imnkulov"), and every article of a matching speaker or
// source becomes a candidate too. Titles are 100,000 strings, too many for
// that: running sahilm over them cost 100 ms a keystroke. Title words take
// the word path (with the in-title bit), and sahilm runs over whole titles
// only as a fallback, when the words found fewer hits than asked for, for
// one-word queries of minFuzzyRunes or more letters, over at most
// maxFuzzyTitles titles, and only over titles that hold
// every letter of the query (a 64-bit mask) in order (an IndexByte scan of
// a lower-cased copy). A fuzzy match must also be compact (the matched
// letters spread over not much more than the query's length), because a
// loose subsequence of a long title is noise.
//
// Ranking. A query word's score in an article is
//
//	kind × idf × (body + titleWeight·inTitle)
//
// where kind is 1 for exact, prefixWeight for prefix and typoWeight (or
// typo2Weight at distance 2) for typos, idf = ln(1 + N/df) so rare words
// (names) outweigh common ones, and body grows with the log of the count.
// An article's score is the sum over query words of the best expansion,
// plus fuzzy bonuses for title, speaker and source. For queries of several
// words, the best proximityPool candidates are re-read: the smallest
// window of words holding every query word in one paragraph or the title
// adds proximityWeight × (words/window) × Σidf, so a phrase ranks above
// the same words scattered. Ties go to the newer article (Date.Key), then
// to the earlier index.
//
// Hits. Title positions, snippet and snippet positions are computed only
// for the hits returned, by re-tokenising those articles; a snippet is
// about one line (≤ snippetMax bytes) of the paragraph with the best
// match, cut at word boundaries with "…".
//
// Building is pure (NewIndex returns a new value and touches nothing
// else), so the UI runs it in a tea.Cmd and swaps the index in when it
// arrives; tokenising is split across GOMAXPROCS goroutines by contiguous
// ranges of articles, whose local vocabularies are merged and sorted
// once, and the posting lists are written in two passes (sizes, then
// bytes) into one allocation.
//
// Costs at 100,000 synthetic articles, 2 cores (see index_bench_test.go
// and the measurements in the commit that added them): build about 5 s,
// index under 30% of the text's size, a keystroke 1–6 ms, against about a
// second for a linear fzf scan of all text.

import (
	"dossier/corpus"
	"encoding/binary"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Ranking weights; see the header comment.
const (
	prefixWeight    = 0.7
	typoWeight      = 0.5
	typo2Weight     = 0.35
	keyWeight       = 0.9 // the same word in another script or spelling (see Key)
	titleWeight     = 3.0
	tfWeight        = 0.25 // body score is 1 + tfWeight·ln(count)
	speakerWeight   = 2.5  // × the query's best idf, for a fuzzy speaker match
	sourceWeight    = 1.5
	titleFuzzWeight = 2.0 // a compact fuzzy title match that the words missed
	proximityWeight = 1.0
	scoreScale      = 1000 // Hit.Score is the float score times this
)

// Matching limits; see the header comment.
const (
	maxQueryWords  = 8
	minTypoRunes   = 4
	longWordRunes  = 8 // words this long allow two edits
	shortPrefixCap = 4 // expansions of a one-letter prefix; ×4 for two letters
	prefixCap      = 256
	postingBudget  = 1 << 19
	probeRatio     = 4  // probe bit sets when the candidates are fewer than probeRatio × the list
	denseShare     = 32 // words in at least 1/denseShare of the articles get bit sets
	minFuzzyRunes  = 4
	maxFuzzyTitles = 2048 // titles sahilm/fuzzy looks at in one search
	proximityPool  = 64
	snippetMax     = 160
	maxWordRunes   = maxWordBytes
)

// Index answers searches over titles, sources, speakers and bodies. It is
// immutable once built and safe for concurrent Search calls.
type Index struct {
	arts []corpus.Article

	words string   // the vocabulary, sorted, concatenated
	woff  []uint32 // word w is words[woff[w]:woff[w+1]]
	wmask []uint64 // letter mask of each word
	df    []uint32 // articles containing each word
	byLen [maxWordRunes + 1][]uint32
	post  []byte              // posting lists, concatenated
	poff  []int               // word w's list is post[poff[w]:poff[w+1]]
	dense map[uint32]*bitsets // the commonest words' articles as bit sets

	// The words whose Key differs from them, sorted by key: keys is the
	// keys concatenated, koff their offsets, kword the vocabulary word of
	// each. A word that is its own key is found by the key in the
	// vocabulary itself.
	keys  string
	koff  []uint32
	kword []uint32

	dates     []int64  // Date.Key of each article
	titleMask []uint64 // letter mask of each lower-cased title
	tlow      string   // the lower-cased titles, concatenated
	tlowOff   []uint32 // title d is tlow[tlowOff[d]:tlowOff[d+1]]
	speakers  []field
	sources   []field
	tags      []field

	pool      sync.Pool                     // *scratch
	fields    fieldMemo                     // derived from speakers and sources on first use
	recent    atomic.Pointer[recentScans]   // the last search's re-reads
	recentPh  atomic.Pointer[recentPhrases] // and its phrase checks
	recentRun atomic.Pointer[recentRun]     // and its query and hits
}

// bitsets hold a common word's articles, and those with it in the title,
// one bit per article: testing a few thousand candidates against them is
// cheaper than decoding a posting list that covers most of the corpus.
type bitsets struct {
	any, title []uint64
}

// field is a distinct short string and the articles that carry it.
type field struct {
	s    string
	docs []uint32
}

// Hit is one article that matches a query.
type Hit struct {
	Doc        int      // index into the slice the Index was built from
	Score      int      // higher is better
	TitlePos   []int    // byte offsets in Title of the matched characters
	Snippet    string   // a line of the body around the best match
	SnippetPos [][2]int // byte spans in Snippet of the matched words
	Terms      []string // the folded vocabulary words the query matched
	// Detailed is set once TitlePos, Snippet, SnippetPos and Terms are
	// filled: by Run for the first Query.Detail hits, by Detail after.
	Detailed bool
	why      *hitTerms
}

// Span is a match in an article's paragraph.
type Span struct {
	Para       int
	Start, End int // byte offsets in Paragraphs[Para]
}

// Len returns the number of articles indexed.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	return len(ix.arts)
}

// VocabLen returns the number of distinct folded words.
func (ix *Index) VocabLen() int {
	if ix == nil {
		return 0
	}
	return len(ix.df)
}

// MemBytes estimates the memory the index holds beyond the articles
// themselves, for comparing with the size of the text.
func (ix *Index) MemBytes() int {
	if ix == nil {
		return 0
	}
	n := 0
	for _, b := range ix.dense {
		n += 8*(len(b.any)+len(b.title)) + 64
	}
	n += len(ix.keys) + 4*len(ix.koff) + 4*len(ix.kword)
	n += len(ix.words) + 4*len(ix.woff) + 8*len(ix.wmask) + 4*len(ix.df) + len(ix.post) + 8*len(ix.poff)
	for _, b := range ix.byLen {
		n += 4 * len(b)
	}
	n += 8*len(ix.dates) + 8*len(ix.titleMask) + len(ix.tlow) + 4*len(ix.tlowOff)
	for _, fs := range [][]field{ix.speakers, ix.sources, ix.tags} {
		for _, f := range fs {
			n += 16 + 4*len(f.docs)
		}
	}
	return n
}

// TextBytes returns the bytes of title and body text of arts, what MemBytes
// is measured against.
func TextBytes(arts []corpus.Article) int {
	n := 0
	for i := range arts {
		n += len(arts[i].Title)
		for _, p := range arts[i].Paragraphs {
			n += len(p)
		}
	}
	return n
}

func (ix *Index) word(w uint32) string { return ix.words[ix.woff[w]:ix.woff[w+1]] }

func (ix *Index) titleLow(d int) string { return ix.tlow[ix.tlowOff[d]:ix.tlowOff[d+1]] }

// letterMask sets one of 64 bits per letter: a–z and 0–9 their own, other
// runes hashed onto the rest. Collisions only let more words through the
// filter, never fewer.
func letterMask(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= 1 << runeBit(r)
	}
	return m
}

func runeBit(r rune) uint {
	switch {
	case r >= 'a' && r <= 'z':
		return uint(r - 'a')
	case r >= '0' && r <= '9':
		return 26 + uint(r-'0')
	}
	return 36 + uint(r)%28
}

// docTerms is one worker's output: per article, its words as
// local-id<<4 | flags, in a flat slice.
type docTerms struct {
	lo, hi int
	start  []int // article lo+i's pairs are pairs[start[i]:start[i+1]]
	pairs  []uint32
	vocab  map[string]uint32
	remap  []uint32
}

// NewIndex indexes arts; Hit.Doc indexes into arts. It is pure and may run
// in the background (a tea.Cmd); it uses every CPU for tokenising.
func NewIndex(arts []corpus.Article) *Index {
	ix := &Index{arts: arts}
	n := len(arts)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/256+1))
	parts := make([]*docTerms, workers)
	var wg sync.WaitGroup
	for w := range workers {
		p := &docTerms{lo: n * w / workers, hi: n * (w + 1) / workers, vocab: map[string]uint32{}}
		parts[w] = p
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.tokenize(arts)
		}()
	}
	ix.setDocs()
	wg.Wait()

	// The vocabulary: every worker's words, sorted, with each worker's
	// local ids mapped to the global ones.
	all := map[string]uint32{}
	for _, p := range parts {
		for w := range p.vocab {
			all[w] = 0
		}
	}
	vocab := make([]string, 0, len(all))
	for w := range all {
		vocab = append(vocab, w)
	}
	sort.Strings(vocab)
	for i, w := range vocab {
		all[w] = uint32(i)
	}
	ix.setVocab(vocab)
	for _, p := range parts {
		p.remap = make([]uint32, len(p.vocab))
		for w, id := range p.vocab {
			p.remap[id] = all[w]
		}
		p.vocab = nil
	}

	// Postings in two passes: sizes, then bytes, so the lists sit in one
	// exact allocation.
	nw := len(vocab)
	ix.df = make([]uint32, nw)
	last := make([]int32, nw)
	for i := range last {
		last[i] = -1
	}
	size := make([]int, nw)
	var tmp [binary.MaxVarintLen64]byte
	for _, p := range parts {
		for d := p.lo; d < p.hi; d++ {
			for _, pr := range p.pairs[p.start[d-p.lo]:p.start[d-p.lo+1]] {
				w := p.remap[pr>>4]
				v := uint64(int32(d)-last[w])<<4 | uint64(pr&15)
				size[w] += binary.PutUvarint(tmp[:], v)
				last[w] = int32(d)
				ix.df[w]++
			}
		}
	}
	ix.poff = make([]int, nw+1)
	for w := range nw {
		ix.poff[w+1] = ix.poff[w] + size[w]
		size[w] = ix.poff[w] // now the write cursor
		last[w] = -1
	}
	ix.post = make([]byte, ix.poff[nw])
	for _, p := range parts {
		for d := p.lo; d < p.hi; d++ {
			for _, pr := range p.pairs[p.start[d-p.lo]:p.start[d-p.lo+1]] {
				w := p.remap[pr>>4]
				v := uint64(int32(d)-last[w])<<4 | uint64(pr&15)
				size[w] += binary.PutUvarint(ix.post[size[w]:], v)
				last[w] = int32(d)
			}
		}
		p.pairs = nil
	}

	ix.buildDense()
	return ix
}

// setDocs fills what the index keeps of each article besides its words:
// dates, lower-cased titles and their masks, and the short fields.
func (ix *Index) setDocs() {
	arts := ix.arts
	n := len(arts)
	ix.dates = make([]int64, n)
	ix.titleMask = make([]uint64, n)
	ix.tlowOff = make([]uint32, n+1)
	var tl strings.Builder
	spk, src, tag := map[string][]uint32{}, map[string][]uint32{}, map[string][]uint32{}
	for i := range arts {
		ix.setDoc(i, &arts[i], &tl, spk, src, tag)
	}
	ix.tlow = tl.String()
	ix.speakers, ix.sources, ix.tags = fields(spk), fields(src), fields(tag)
}

// setDoc fills article i's date, title mask and lower-cased title (onto
// tl), and adds it to the lists of its speakers, source and tags, for a
// build and for a patch's new articles alike.
func (ix *Index) setDoc(i int, a *corpus.Article, tl *strings.Builder, spk, src, tag map[string][]uint32) {
	ix.dates[i] = a.Date.Key()
	low := strings.ToLower(a.Title)
	ix.titleMask[i] = letterMask(low)
	tl.WriteString(low)
	ix.tlowOff[i+1] = uint32(tl.Len())
	d := uint32(i)
	if a.Source != "" {
		src[a.Source] = append(src[a.Source], d)
	}
	for _, t := range a.Tags {
		if l := tag[t]; len(l) == 0 || l[len(l)-1] != d {
			tag[t] = append(l, d)
		}
	}
	for _, q := range a.Quotes {
		if l := spk[q.Speaker]; q.Speaker != "" && (len(l) == 0 || l[len(l)-1] != d) {
			spk[q.Speaker] = append(l, d)
		}
	}
}

// setVocab lays out the sorted vocabulary: the words concatenated, their
// offsets, letter masks and lengths, and the keys.
func (ix *Index) setVocab(vocab []string) {
	var sb strings.Builder
	ix.woff = make([]uint32, len(vocab)+1)
	ix.wmask = make([]uint64, len(vocab))
	for i, w := range vocab {
		sb.WriteString(w)
		ix.woff[i+1] = uint32(sb.Len())
		ix.wmask[i] = letterMask(w)
		l := min(utf8.RuneCountInString(w), maxWordRunes)
		ix.byLen[l] = append(ix.byLen[l], uint32(i))
	}
	ix.words = sb.String()
	ix.buildKeys()
}

// buildDense makes the bit sets of the words in a large share of the
// articles, from their posting lists.
func (ix *Index) buildDense() {
	n := len(ix.arts)
	ix.dense = map[uint32]*bitsets{}
	if n < 1024 {
		return
	}
	for w := range len(ix.df) {
		if int(ix.df[w])*denseShare < n {
			continue
		}
		b := &bitsets{any: make([]uint64, (n+63)/64), title: make([]uint64, (n+63)/64)}
		ix.postings(uint32(w), func(d int, flags uint64) {
			b.any[d>>6] |= 1 << (d & 63)
			if flags&8 != 0 {
				b.title[d>>6] |= 1 << (d & 63)
			}
		})
		ix.dense[uint32(w)] = b
	}
}

// buildKeys fills the key table: every vocabulary word that differs from
// its Key, sorted by key.
func (ix *Index) buildKeys() {
	type kw struct {
		k string
		w uint32
	}
	var list []kw
	var buf []byte
	for w := range len(ix.woff) - 1 {
		word := ix.word(uint32(w))
		if !hasKey(word) {
			continue
		}
		buf = appendKey(buf[:0], word)
		if string(buf) != word {
			list = append(list, kw{string(buf), uint32(w)})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].k < list[j].k })
	var sb strings.Builder
	ix.koff = make([]uint32, len(list)+1)
	ix.kword = make([]uint32, len(list))
	for i, e := range list {
		sb.WriteString(e.k)
		ix.koff[i+1] = uint32(sb.Len())
		ix.kword[i] = e.w
	}
	ix.keys = sb.String()
}

func (ix *Index) key(i int) string { return ix.keys[ix.koff[i]:ix.koff[i+1]] }

// postings calls fn with each article of w's list and its flags.
func (ix *Index) postings(w uint32, fn func(doc int, flags uint64)) {
	p := ix.post[ix.poff[w]:ix.poff[w+1]]
	doc := -1
	for len(p) > 0 {
		v, k := binary.Uvarint(p)
		if k <= 0 {
			return
		}
		p = p[k:]
		doc += int(v >> 4)
		if uint(doc) >= uint(len(ix.arts)) {
			return // only a list restored from a damaged file; see persist.go
		}
		fn(doc, v&15)
	}
}

func fields(m map[string][]uint32) []field {
	out := make([]field, 0, len(m))
	for s, d := range m {
		out = append(out, field{s, d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// tokenize fills p with the words of articles lo..hi. Counts live in a
// dense array by local id, cleared through the list of ids touched.
func (p *docTerms) tokenize(arts []corpus.Article) {
	var tf []uint8
	var touched []uint32
	var buf []byte
	p.start = make([]int, 0, p.hi-p.lo+1)
	add := func(title bool) func(w []byte, _, _ int) {
		return func(w []byte, _, _ int) {
			id, ok := p.vocab[string(w)]
			if !ok {
				id = uint32(len(p.vocab))
				p.vocab[string(w)] = id
				tf = append(tf, 0)
			}
			c := tf[id]
			if c == 0 {
				touched = append(touched, id)
			}
			if title {
				c |= 8
			} else if c&7 < 7 {
				c++
			}
			tf[id] = c
		}
	}
	inTitle, inBody := add(true), add(false)
	for d := p.lo; d < p.hi; d++ {
		p.start = append(p.start, len(p.pairs))
		a := &arts[d]
		buf = scanWords(a.Title, buf, maxWordBytes, inTitle)
		for _, para := range a.Paragraphs {
			buf = scanWords(para, buf, maxWordBytes, inBody)
		}
		for _, id := range touched {
			p.pairs = append(p.pairs, id<<4|uint32(tf[id]))
			tf[id] = 0
		}
		touched = touched[:0]
	}
	p.start = append(p.start, len(p.pairs))
}
