package search

// The phrase check's fast path. Most news text is ASCII words between
// ASCII or typographic punctuation (quotes, dashes, non-breaking spaces:
// inertRune), and there tokenising is trivial: a word is a run of ASCII
// letters and digits, folded by lower-casing, and every other byte is a
// separator. asciiPhrase checks a phrase on such text in one pass over
// its bytes, without copying or folding the words, and gives up (ok
// false) on the first rune that folding could join to a word, leaving
// that text to the general scan (mayHold, then hasPhrase).

import (
	"math/bits"
	"unicode/utf8"
)

// asciiWord marks the bytes that make up ASCII words: letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isASCIIWord(byte(c))
	}
	return t
}()

// asciiPhrase reports what hasPhrase(s, p, prefix) reports, with ok set,
// when p is folded ASCII words and s holds nothing outside ASCII but
// inert runes up to where the answer is known; else ok is false.
func asciiPhrase(s string, p []string, prefix bool) (found, ok bool) {
	if len(p) == 0 || len(p) > 63 {
		return false, false
	}
	for _, w := range p {
		if w == "" {
			return false, false
		}
		for i := 0; i < len(w); i++ {
			if c := w[i]; !asciiWord[c] || c >= 'A' && c <= 'Z' {
				return false, false
			}
		}
	}
	last := len(p) - 1
	var live uint64 // bit k: the words before p[k] have just been read
	for i := 0; i < len(s); {
		c := s[i]
		if !asciiWord[c] {
			if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !inertRune(r) {
					return false, false
				}
				i += n
				continue
			}
			i++
			continue
		}
		start := i
		for i < len(s) && asciiWord[s[i]] {
			i++
		}
		if i < len(s) && s[i] >= utf8.RuneSelf {
			// The word ends only if what follows cannot continue it.
			if r, _ := utf8.DecodeRuneInString(s[i:]); !inertRune(r) {
				return false, false
			}
		}
		w := s[start:i]
		if len(w) > maxWordBytes {
			continue // not a word to scanWords either
		}
		var next uint64
		for m := live | 1; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			pk := p[k]
			var is bool
			if prefix && k == last {
				is = len(w) >= len(pk) && asciiFoldEq(w[:len(pk)], pk)
			} else {
				is = len(w) == len(pk) && asciiFoldEq(w, pk)
			}
			if is {
				if k == last {
					return true, true
				}
				next |= 1 << (k + 1)
			}
		}
		live = next
	}
	return false, true
}
