package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxWordBytes bounds a folded word. Longer runs (base64, URLs glued
// together, hostile input) are not words anyone types; skipping them keeps
// the vocabulary and the typo scan small.
const maxWordBytes = 64

// Token is a word of a string: its folded form and where the original
// sits, so that a match found on the folded copy is highlighted in the
// string the user sees.
type Token struct {
	Word       string // folded
	Start, End int    // byte offsets in the original string
}

// Fold returns s as the index compares it: NFKC-normalised, lower-cased,
// Latin diacritics removed (é → e, but й stays й), ё → е, every kind of
// space a plain space, and a word that mixes Latin with Latin-looking
// Cyrillic letters (ТTaalatbek, with a Cyrillic Т) spelt all in Latin; a
// mostly Cyrillic word with Latin look-alikes is spelt all in Cyrillic.
// Offsets in the result do not match s; use Tokenize for those.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	var buf []byte
	flush := func(to int) {
		for _, r := range s[last:to] {
			switch {
			case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
				b.WriteByte(' ')
			case r < utf8.RuneSelf:
				b.WriteRune(unicode.ToLower(r))
			default:
				b.WriteString(strings.ToLower(norm.NFKC.String(string(r))))
			}
		}
	}
	scanWords(s, buf, 0, func(w []byte, start, end int) {
		flush(start)
		b.Write(w)
		last = end
	})
	flush(len(s))
	return b.String()
}

// Tokenize splits s into folded words with their offsets in s. Runs of
// letters, digits and combining marks are words; soft hyphens and
// zero-width joiners inside a word are dropped, not split on.
func Tokenize(s string) []Token {
	var out []Token
	scanWords(s, nil, maxWordBytes, func(w []byte, start, end int) {
		out = append(out, Token{Word: string(w), Start: start, End: end})
	})
	return out
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ignorable runes continue a word without being part of it.
func ignorable(r rune) bool {
	return r == 0xAD || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060
}

// scanWords calls fn with each word's folded bytes (valid until the next
// call) and its span in s. ASCII words, nearly all of an English corpus,
// take a byte loop; others go through foldWord. maxLen > 0 drops words
// whose folded form is longer. buf is scratch space and may be nil.
func scanWords(s string, buf []byte, maxLen int, fn func(w []byte, start, end int)) []byte {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				i += n
				continue
			}
		}
		start, end, ascii := i, i, true
		j := i
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if !isASCIIWord(c) {
					break
				}
				j++
				end = j
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) {
				ascii = false
				j += n
				end = j
				continue
			}
			if ignorable(r) {
				ascii = false
				j += n
				continue
			}
			break
		}
		i = j
		if ascii {
			buf = append(buf[:0], s[start:end]...)
			for k, c := range buf {
				if c >= 'A' && c <= 'Z' {
					buf[k] = c + 'a' - 'A'
				}
			}
		} else {
			buf = foldWord(buf[:0], s[start:end])
		}
		if len(buf) == 0 || maxLen > 0 && len(buf) > maxLen {
			continue
		}
		fn(buf, start, end)
	}
	return buf
}

// Cyrillic letters that look like Latin ones, lower case.
var cyrToLat = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o',
	'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j',
	'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ү': 'y',
}

var latToCyr = map[rune]rune{
	'a': 'а', 'e': 'е', 'k': 'к', 'm': 'м', 'o': 'о', 'p': 'р', 'c': 'с',
	't': 'т', 'y': 'у', 'x': 'х', 'i': 'і', 'h': 'н', 'b': 'в',
}

// foldWord is the general path of scanWords: compatibility decomposition,
// lower case, marks dropped after Latin letters (and the diaeresis of ё),
// mixed scripts settled, then recomposed so that й stays one letter.
func foldWord(dst []byte, w string) []byte {
	var rs []rune
	var lat, cyr int
	prevLatin, prevE := false, false
	for _, r := range norm.NFKD.String(w) {
		if ignorable(r) {
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			if prevLatin || prevE && r == 0x308 {
				continue
			}
			rs = append(rs, r)
			continue
		}
		r = unicode.ToLower(r)
		prevLatin = unicode.Is(unicode.Latin, r)
		prevE = r == 'е'
		switch {
		case prevLatin:
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
		rs = append(rs, r)
	}
	if lat > 0 && cyr > 0 {
		if lat >= cyr {
			swap(rs, cyrToLat, unicode.Cyrillic)
		} else {
			swap(rs, latToCyr, unicode.Latin)
		}
	}
	mark := len(dst)
	for _, r := range rs {
		dst = utf8.AppendRune(dst, r)
	}
	out := norm.NFC.Append(dst[:mark:mark], dst[mark:]...)
	// NFC may have put ё back together from a precomposed input's parts.
	return []byte(strings.ReplaceAll(string(out), "ё", "е"))
}

// swap maps the letters of script in rs through m, but only when every one
// of them has a look-alike: a word really written in two scripts stays as
// it is.
func swap(rs []rune, m map[rune]rune, script *unicode.RangeTable) {
	for _, r := range rs {
		if unicode.Is(script, r) {
			if _, ok := m[r]; !ok {
				return
			}
		}
	}
	for i, r := range rs {
		if t, ok := m[r]; ok && unicode.Is(script, r) {
			rs[i] = t
		}
	}
}
