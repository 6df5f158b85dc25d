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
// inert runes up to where the answer is known; else ok is false. It
// skips, eight bytes at a time, to the next byte that may start p's
// first word (its first letter in either case) or that is not ASCII.
func asciiPhrase(s string, p []string, prefix bool) (found, ok bool) {
	if len(p) == 0 {
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
	// Skip to the rarest letter of the first word: at j in it.
	w0 := p[0]
	j := 0
	for k := 1; k < len(w0); k++ {
		if letterRank[w0[k]] < letterRank[w0[j]] {
			j = k
		}
	}
	for i := 0; ; {
		i = nextStop(s, i, w0[j])
		if i >= len(s) {
			return false, true
		}
		if s[i] >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !inertRune(r) {
				return false, false
			}
			i += n
			continue
		}
		// Every byte before i has been looked at: a rune outside ASCII
		// there is inert.
		st := i - j
		i++
		if st < 0 || !asciiFoldEq(s[st:st+j+1], w0[:j+1]) || st > 0 && asciiWord[s[st-1]] {
			continue // not the first word starting at st
		}
		end, ok := wordEnd(s, st+j+1)
		if !ok {
			return false, false
		}
		if end-st <= maxWordBytes {
			if found, ok := phraseAt(s, st, end, p, prefix); found || !ok {
				return found, ok
			}
		}
	}
}

// letterRank orders the bytes of words by how often they are letters of
// English text, rarest first (0); digits rank with the rarest.
var letterRank = func() (t [256]uint8) {
	const order = "zqxjkvbpgwyfmculdhrsnioate"
	for i := range order {
		t[order[i]] = uint8(i)
	}
	return t
}()

// wordEnd returns where the word starting at i ends, and false when a
// rune follows it that folding could join to it.
func wordEnd(s string, i int) (int, bool) {
	for i < len(s) && asciiWord[s[i]] {
		i++
	}
	if i < len(s) && s[i] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRuneInString(s[i:]); !inertRune(r) {
			return i, false
		}
	}
	return i, true
}

// phraseAt reports whether p's words are the words of s from the one at
// s[start:end] on, as scanWords cuts them (words over maxWordBytes are
// none); ok is false on a rune folding could join to a word.
func phraseAt(s string, start, end int, p []string, prefix bool) (found, ok bool) {
	last := len(p) - 1
	for k := 0; ; k++ {
		w, pk := s[start:end], p[k]
		if prefix && k == last {
			found = len(w) >= len(pk) && asciiFoldEq(w[:len(pk)], pk)
		} else {
			found = len(w) == len(pk) && asciiFoldEq(w, pk)
		}
		if !found || k == last {
			return found, true
		}
		// The next word.
		for {
			i := end
			for i < len(s) && !asciiWord[s[i]] {
				if s[i] >= utf8.RuneSelf {
					r, n := utf8.DecodeRuneInString(s[i:])
					if !inertRune(r) {
						return false, false
					}
					i += n
					continue
				}
				i++
			}
			if i == len(s) {
				return false, true
			}
			start = i
			if end, ok = wordEnd(s, i); !ok {
				return false, false
			}
			if end-start <= maxWordBytes {
				break
			}
		}
	}
}

const (
	lsb8 = 0x0101010101010101
	msb8 = 0x8080808080808080
)

// load8 reads s[i:i+8] as a little-endian word.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// nextStop returns the first index from i of a byte b of s with
// b|0x20 == c (c lower case: the letter in either case) or b ≥ 0x80, or
// len(s): eight bytes at a time.
func nextStop(s string, i int, c byte) int {
	bc := uint64(c) * lsb8
	for ; i+8 <= len(s); i += 8 {
		v := load8(s, i)
		x := (v | 0x20*lsb8) ^ bc
		// The lowest set bit of (x-lsb8)&^x&msb8 marks the first zero
		// byte of x exactly (a borrow only runs up from a zero byte).
		if m := ((x-lsb8)&^x | v) & msb8; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if b := s[i]; b|0x20 == c || b >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// inertASCII reports whether s holds nothing outside ASCII but inert
// runes: then its words are the runs of ASCII letters and digits.
func inertASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load8(s, i)&msb8 != 0 {
			break
		}
	}
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !inertRune(r) {
			return false
		}
		i += n
	}
	return true
}
