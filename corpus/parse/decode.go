package parse

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	stdunicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Decoding and cleaning. Files arrive as UTF-8 (with or without a BOM),
// UTF-16 (with a BOM, or detected by its NUL pattern), Windows-1251 or
// KOI8-R. Single-byte Cyrillic is told apart by letter case: Russian prose
// is mostly lower case, which Windows-1251 puts at 0xE0–0xFF and KOI8-R at
// 0xC0–0xDF.

var errBinary = errors.New("binary file")

// CheckEncoding reports whether name is an encoding Bytes can be forced
// to: "utf-8", "utf-16", "windows-1251", "koi8-r".
func CheckEncoding(name string) error {
	_, err := encodingByName(name)
	return err
}

// encodingByName maps an --encoding value to a decoder; nil means UTF-8.
func encodingByName(name string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "-")) {
	case "utf-8", "utf8":
		return nil, nil
	case "utf-16", "utf16":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case "utf-16le", "utf16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), nil
	case "utf-16be", "utf16be":
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), nil
	case "windows-1251", "cp1251", "win1251":
		return charmap.Windows1251, nil
	case "koi8-r", "koi8r":
		return charmap.KOI8R, nil
	}
	return nil, fmt.Errorf("unknown encoding %q (want utf-8, utf-16, windows-1251 or koi8-r)", SanitizeLine(name))
}

// decode turns a file's bytes into a string, detecting the encoding unless
// enc names one.
func decode(b []byte, enc string) (string, error) {
	if enc != "" {
		e, err := encodingByName(enc)
		if err != nil {
			return "", err
		}
		if isBinary(b) && !strings.HasPrefix(strings.ToLower(enc), "utf-16") && !strings.HasPrefix(strings.ToLower(enc), "utf16") {
			return "", errBinary // forcing a text encoding does not make a binary file text
		}
		if e == nil {
			return string(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))), nil
		}
		s, err := e.NewDecoder().Bytes(b)
		return string(s), err
	}
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return string(b[3:]), nil
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b)
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b)
	}
	if e := utf16NoBOM(b); e != nil {
		return decodeWith(e, b)
	}
	if isBinary(b) {
		return "", errBinary
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	if e := cyrillic8(b); e != nil {
		return decodeWith(e, b)
	}
	return string(b), nil // Sanitize turns the invalid bytes into U+FFFD
}

func decodeWith(e encoding.Encoding, b []byte) (string, error) {
	s, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("cannot decode: %v", err)
	}
	return string(s), nil
}

// utf16NoBOM recognises UTF-16 text without a BOM: Latin or Cyrillic text
// leaves a small high byte in nearly every second byte, on one side only.
func utf16NoBOM(b []byte) encoding.Encoding {
	if len(b) < 4 || len(b)%2 != 0 {
		return nil
	}
	n := len(b)
	if n > 8<<10 {
		n = 8 << 10
	}
	// "Small" is a high byte of the Latin, Cyrillic or Greek blocks
	// (0x00–0x05): ASCII text leaves NULs, Russian leaves 0x04s.
	var even, odd int
	for i := 0; i+1 < n; i += 2 {
		if i%8 == 0 && i+8 <= n && !anyBelow(load8b(b, i), 0x06) {
			i += 6 // four pairs without a small byte
			continue
		}
		if b[i] <= 0x05 {
			even++
		}
		if b[i+1] <= 0x05 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even*10 < pairs:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case even*10 >= pairs*7 && odd*10 < pairs:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// cyrillic8 picks Windows-1251 or KOI8-R for text that is not UTF-8, when
// most of its high bytes are Cyrillic letters in either.
func cyrillic8(b []byte) encoding.Encoding {
	var high, c0df, e0ff int
	for _, c := range b {
		switch {
		case c >= 0xe0:
			e0ff++
			high++
		case c >= 0xc0:
			c0df++
			high++
		case c >= 0x80:
			high++
		}
	}
	if high == 0 || (c0df+e0ff)*10 < high*6 {
		return nil
	}
	if e0ff >= c0df {
		return charmap.Windows1251
	}
	return charmap.KOI8R
}

// Sanitize makes text safe to print: ESC and every other C0/C1 control but
// newline and tab, bidi controls, U+FEFF and invisible format characters are
// removed, CRLF and lone CR become newline, invalid UTF-8 becomes U+FFFD.
// Sanitize(Sanitize(s)) == Sanitize(s).
func Sanitize(s string) string { return clean(s, false) }

// SanitizeLine is Sanitize for one line: file names, titles, metadata.
// Newlines and tabs become spaces as well.
func SanitizeLine(s string) string { return clean(s, true) }

// UnsafeRune reports whether r must not reach a terminal: C0 and C1
// controls, DEL, bidi controls, the BOM, invisible format characters, and
// characters whose width the terminal and its measure disagree on.
// Sanitize removes them (keeping newline and tab); the renderer holds its
// output to the same list.
func UnsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidi controls (Trojan Source)
	case r == 0xfeff, r == 0x200b, r >= 0x2060 && r <= 0x2064, r == 0x180e, r >= 0xfff9 && r <= 0xfffb:
		return true // BOM, zero-width space, invisible operators, annotations
	case r >= 0xe0000 && r <= 0xe007f:
		return true // tag characters hide text; a tag flag reads as its 🏴
	case r == 0x00ad, r == 0xfe0e, r == 0xfe0f, r == 0x200d:
		// What terminals draw at a width their measure disagrees on: a soft
		// hyphen is 0 cells to the measure and 1 to glibc and tmux (and only
		// a hint where a line may break); VS15/VS16 switch a character
		// between text and emoji width, and a ZWJ joins emoji into one wide
		// cluster, each honoured by some terminals and not others. Without
		// them the text reads the same, in the default presentation, as
		// separate emoji, at a width both agree on.
		return true
	}
	return false
}

// maxMarks is the most combining marks kept on one character. Real
// scripts stack three or four (Vietnamese, Tibetan); a run of thousands
// ("Zalgo", or 120,000 U+0301 after one letter) is one grapheme cluster
// that Glamour and the terminals measure in quadratic time.
const maxMarks = 16

func isMark(r rune) bool { return r >= 0x300 && stdunicode.Is(stdunicode.M, r) }

// isClean reports whether clean would return s unchanged.
func isClean(s string, oneLine bool) bool {
	marks := 0
	for i := 0; i < len(s); {
		// Eight printable ASCII bytes at once: nothing to clean, no mark.
		if i+8 <= len(s) {
			if x := load8(s, i); !anyHigh(x) && !anyBelow(x, 0x20) && !anyByte(x, 0x7f) {
				marks = 0
				i += 8
				continue
			}
		}
		c := s[i]
		if c < 0x80 {
			marks = 0
			if c < 0x20 && (oneLine || (c != '\n' && c != '\t')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || UnsafeRune(r) || r == 0x2028 || r == 0x2029 {
			return false
		}
		if isMark(r) {
			if marks++; marks > maxMarks {
				return false
			}
		} else {
			marks = 0
		}
		i += n
	}
	return true
}

func clean(s string, oneLine bool) string {
	if isClean(s, oneLine) {
		return s // most text: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	marks := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isMark(r) {
			marks++
		} else {
			marks = 0
		}
		switch {
		case marks > maxMarks:
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				break // the \n follows
			}
			r = '\n'
			fallthrough
		case r == '\n' || r == '\t' || r == 0x2028 || r == 0x2029:
			switch {
			case oneLine:
				b.WriteByte(' ')
			case r == '\t':
				b.WriteByte('\t')
			default:
				b.WriteByte('\n')
			}
		case UnsafeRune(r):
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isBinary reports whether b looks like a binary file: NULs or other
// non-text control bytes make up more than a tenth of it. A few stray NULs
// in a text file do not make it binary.
func isBinary(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	n := len(b)
	if n > 64<<10 {
		b = b[:64<<10]
		n = len(b)
	}
	bad := 0
	for i := 0; i < len(b); i++ {
		if i%8 == 0 && i+8 <= len(b) && !anyBelow(load8b(b, i), 0x20) {
			i += 7 // no control byte among these eight
			continue
		}
		if c := b[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\f' && c != '\a' && c != '\b' {
			bad++
		}
	}
	return bad*10 > n
}

// lazy compiles a pattern the first time it is used, not at start-up: a
// reader that opens on the embedded corpus draws its first frame before
// most of the parser's patterns are needed.
func lazy(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
