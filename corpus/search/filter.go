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
	"unicode/utf8"
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
		tw, keys := keysOf(v), ix.memo().spkKeys
		b := make([]uint64, len(set))
		for i, f := range ix.speakers {
			if keysMatch(tw, keys[i]) {
				for _, d := range f.docs {
					b[d>>6] |= 1 << (d & 63)
				}
			}
		}
		and(b)
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
	return keysMatch(keysOf(typed), keysOf(speaker))
}

// keysMatch is NameMatches on the keys of the typed name's words (tw) and
// of the speaker's (sw).
func keysMatch(tw, sw []string) bool {
	if len(tw) == 0 {
		return false
	}
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

// withPhrases returns, in rank order, the candidates of rk that hold
// every phrase, until limit are found or the best maxPhraseChecks were
// read; it reorders rk and returns a prefix of it. The candidates are
// ranked a batch at a time (selectBest, then a sort of the batch), so a
// phrase most of the best hold costs a sort of about limit of them, not
// of maxPhraseChecks.
// With open set, the last phrase's last word is a prefix (it is typed).
func (ix *Index) withPhrases(rk []ranked, phrases [][]string, open bool, limit int) []ranked {
	pc := ix.phraseChecker(phrases, open)
	defer pc.keep()
	n := min(len(rk), maxPhraseChecks)
	found, done := 0, 0
	batch := limit + limit/4 + 16
	for done < n && found < limit {
		end := min(n, done+batch)
		selectBest(rk[done:], end-done)
		sortRanked(rk[done:end])
		for i := done; i < end && found < limit; i++ {
			if pc.holds(rk[i].doc) {
				rk[found] = rk[i] // found ≤ i: only read candidates move
				found++
			}
		}
		// The next batch from the share of this one that held them.
		passed := found
		done = end
		if passed == 0 {
			batch *= 4
		} else {
			batch = max(batch, (limit-found)*done/passed+16)
		}
	}
	return rk[:found]
}

// holdsPhrases reports whether article d holds every phrase, each in its
// title or in one paragraph.
func (ix *Index) holdsPhrases(d uint32, phrases [][]string, open bool) bool {
	a := &ix.arts[d]
	for i, p := range phrases {
		pre := open && i == len(phrases)-1
		if !holdsPhrase(a.Title, p, pre) && !anyPara(a.Paragraphs, p, pre) {
			return false
		}
	}
	return true
}

func anyPara(paras []string, p []string, prefix bool) bool {
	for _, para := range paras {
		if holdsPhrase(para, p, prefix) {
			return true
		}
	}
	return false
}

// holdsPhrase is hasPhrase: asciiPhrase where it can tell, else asked
// only of a text that may hold the phrase's longest word.
func holdsPhrase(s string, p []string, prefix bool) bool {
	if found, ok := asciiPhrase(s, p, prefix); ok {
		return found
	}
	long := ""
	for _, w := range p {
		if len(w) > len(long) {
			long = w
		}
	}
	return mayHold(s, long) && hasPhrase(s, p, prefix)
}

// mayHold reports whether s can hold the folded word w, or the start of a
// word w begins: false only when w is ASCII, s has no case-insensitive
// occurrence of it, and s has nothing outside ASCII that folding could
// turn into one of its letters (a letter, a mark, a soft hyphen or a
// joiner; typographic quotes, dashes and spaces cannot). It spares the
// phrase check tokenising most of the paragraphs it is asked about.
func mayHold(s, w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || w[i] >= 'A' && w[i] <= 'Z' {
			return true // not a folded ASCII word: no shortcut
		}
	}
	if w == "" {
		return true
	}
	c0 := w[0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !inertRune(r) {
				return true
			}
			i += n - 1
			continue
		}
		if c|0x20 == c0 || c == c0 {
			if i+len(w) <= len(s) && asciiFoldEq(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// inertRune is a rune folding never turns into, or joins to, an ASCII
// letter or digit: spaces, quotes, dashes and the like.
func inertRune(r rune) bool {
	switch {
	case r == 0xA0 || r == 0xAB || r == 0xBB || r == 0xB7 || r == 0xA9 || r == 0xAE || r == 0xB0:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E:
		return true
	}
	return false
}

// asciiFoldEq compares s with the lower-case ASCII word w, ignoring
// ASCII case in s.
func asciiFoldEq(s, w string) bool {
	for i := 0; i < len(w); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
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
