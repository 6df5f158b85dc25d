package search

// Filters: the operators of a query (see operators.go) turned into the set
// of articles a hit may come from, and the check of quoted phrases.
//
// Speakers, sources and tags are a few thousand distinct strings at most,
// so each filter walks its field list once and sets the bits of the
// articles that carry a match; the date range walks the articles' dates;
// an excluded word clears the bits of its postings (in every spelling, as
// the words are matched). All of it is O(articles/64 + matches) a
// keystroke. Phrases need the words' order, which the index does not keep:
// the best candidates are re-read in rank order until limit of them hold
// the phrase, at most maxPhraseChecks of them.

import (
	"strings"
)

// maxPhraseChecks bounds the articles re-read for a phrase in one search.
const maxPhraseChecks = 4096

// allow returns the articles q's operators let through as a bit set, or
// nil when it has none.
func (ix *Index) allow(q Query) []uint64 {
	if !q.filtered() {
		return nil
	}
	n := len(ix.arts)
	set := make([]uint64, (n+63)/64)
	for i := range set {
		set[i] = ^uint64(0)
	}
	and := func(keep []uint64) {
		for i := range set {
			set[i] &= keep[i]
		}
	}
	mark := func(fs []field, match func(string) bool) []uint64 {
		b := make([]uint64, len(set))
		for _, f := range fs {
			if match(f.s) {
				for _, d := range f.docs {
					b[d>>6] |= 1 << (d & 63)
				}
			}
		}
		return b
	}
	for _, v := range q.Speakers {
		and(mark(ix.speakers, func(s string) bool { return NameMatches(v, s) }))
	}
	for _, v := range q.Sources {
		and(mark(ix.sources, func(s string) bool { return wordsPrefix(v, s) }))
	}
	for _, v := range q.Tags {
		fv := strings.Join(folded(v), " ")
		and(mark(ix.tags, func(s string) bool { return strings.Join(folded(s), " ") == fv }))
	}
	if !q.Range.IsZero() {
		for d := range ix.arts {
			if !q.Range.Contains(ix.arts[d].Date) {
				set[d>>6] &^= 1 << (d & 63)
			}
		}
	}
	for _, w := range q.Exclude {
		exps, _ := ix.expand(newQword(w, false, false), nil)
		if len(w) >= minKeyRunes && hasKey(w) {
			exps = ix.expandKey(qword{text: w, key: Key(w)}, exps, map[uint32]bool{})
		}
		for _, e := range exps {
			ix.postings(e.w, func(d int, _ uint64) { set[d>>6] &^= 1 << (d & 63) })
		}
	}
	if n%64 != 0 {
		set[len(set)-1] &= 1<<(n%64) - 1
	}
	return set
}

// NameMatches reports whether the name a person typed names speaker: each
// of its words, by Key, is one of the speaker's words, or starts one when
// it is the last. So "imankulov", "Иманкулов" and "Marat Imankulov" all
// name Marat Imankulov, and "marat i" does too, but "Marat" alone names
// every Marat.
func NameMatches(typed, speaker string) bool {
	tw := keysOf(typed)
	if len(tw) == 0 {
		return false
	}
	sw := keysOf(speaker)
	for i, t := range tw {
		found := false
		for _, s := range sw {
			if s == t || i == len(tw)-1 && len(t) >= 3 && strings.HasPrefix(s, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func keysOf(s string) []string {
	toks := Tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Key(t.Word)
	}
	return out
}

// wordsPrefix reports whether every folded word of typed starts a folded
// word of s: "source:24" finds 24.kg, "source:inter" Interfax.
func wordsPrefix(typed, s string) bool {
	tw, sw := folded(typed), folded(s)
	if len(tw) == 0 {
		return false
	}
	for _, t := range tw {
		found := false
		for _, w := range sw {
			if strings.HasPrefix(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// withPhrases keeps, in rank order, the candidates that hold every phrase,
// until limit are found or maxPhraseChecks were read.
// With open set, the last phrase's last word is a prefix (it is typed).
func (ix *Index) withPhrases(top []ranked, phrases [][]string, open bool, limit int) []ranked {
	out := top[:0]
	for i, r := range top {
		if len(out) >= limit || i >= maxPhraseChecks {
			break
		}
		a := &ix.arts[r.doc]
		ok := true
		for i, p := range phrases {
			pre := open && i == len(phrases)-1
			if !hasPhrase(a.Title, p, pre) && !anyPara(a.Paragraphs, p, pre) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

func anyPara(paras []string, p []string, prefix bool) bool {
	for _, para := range paras {
		if hasPhrase(para, p, prefix) {
			return true
		}
	}
	return false
}

// hasPhrase reports whether the folded words of p follow each other in s.
// It tracks every partial match at once, so a phrase that repeats a word
// ("bla bla car") is found after any run of it; at most len(p) partial
// matches are alive, so the scan is linear in s. With prefix, the last
// word of p need only start a word of s.
func hasPhrase(s string, p []string, prefix bool) bool {
	if len(p) == 0 {
		return true
	}
	var live, next []int // words of p matched so far, per partial match
	found := false
	var buf []byte
	buf = scanWords(s, buf, maxWordBytes, func(w []byte, _, _ int) {
		if found {
			return
		}
		next = next[:0]
		is := func(k int) bool {
			if prefix && k == len(p)-1 {
				return strings.HasPrefix(string(w), p[k])
			}
			return string(w) == p[k]
		}
		for _, k := range live {
			if is(k) {
				if k+1 == len(p) {
					found = true
					return
				}
				next = append(next, k+1)
			}
		}
		if is(0) {
			if len(p) == 1 {
				found = true
				return
			}
			next = append(next, 1)
		}
		live, next = next, live
	})
	_ = buf
	return found
}
