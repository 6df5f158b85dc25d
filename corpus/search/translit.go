package search

// Spellings across scripts
//
// The region's names come in several scripts and spellings: one president
// is Japarov in 24.kg, Zhaparov in Kabar, Жапаров in Russian outlets and
// Dschaparow in German ones. A reader typing any of them wants all four.
//
// Both sides meet at a key. Key takes a folded word (see Fold), spells
// Cyrillic in Latin letters, and then forgets what romanisations disagree
// on:
//
//   - zh, dzh, dj, dsch (German), j → j: Жапаров, Zhaparov, Dzhaparov,
//     Dschaparow and Japarov all start "jap";
//   - kh → h (Хасанов, Khasanov, Hasanov), sch → sh (German);
//   - a final -ow, -ew, -owa, -ewa → -ov, -ev, -ova, -eva (German and
//     Polish spellings of Russian surnames);
//   - y → i, and a final j after a vowel → i (Dmitriy, Dmitry, Dmitrij,
//     Дмитрий; Sergey, Sergej, Сергей);
//   - y or j between vowels is dropped (Tokayev, Tokajew, Токаев);
//   - a doubled letter → one (Jeenbekov, Жээнбеков → jenbekov; Sooronbai,
//     Сооронбай → soronbai).
//
// The Cyrillic table is the team's own, not a library's: it is the
// Russian passport romanisation (ГОСТ 52535.1) with the letters of
// Ukrainian, Belarusian, Kazakh, Kyrgyz and Uzbek Cyrillic added, about
// fifty runes, applied by a switch. A general transliteration library
// (unidecode and its ports) carries tables for every script, which cost
// binary size and start-up, and would still need the rewriting above,
// which is where the matching is decided.
//
// Why a key and not more typo distance: zh against j is two edits, and
// Cyrillic against Latin is every letter. The key is exact, so it finds
// the spellings of a name without the noise a larger distance brings. It
// does make some unrelated words meet (English "too" and "to" share a key),
// so the index uses it only for query words of minKeyRunes letters or
// more, and a key match scores below an exact one (keyWeight). The
// cross-script test set in translit_test.go holds recall and precision.

import (
	"strings"
	"unicode/utf8"
)

// minKeyRunes is the shortest query word matched by its key.
const minKeyRunes = 4

// Key returns the spelling-independent key of a folded word: Latin
// letters, lower case, romanisation variants merged. A word with no
// Cyrillic or Latin letters is returned as it is.
func Key(w string) string {
	var b []byte
	return string(appendKey(b, w))
}

// appendKey appends w's key to dst.
func appendKey(dst []byte, w string) []byte {
	mark := len(dst)
	for _, r := range w {
		if r < utf8.RuneSelf {
			dst = append(dst, byte(r))
			continue
		}
		if s, ok := cyrLatin(r); ok {
			dst = append(dst, s...)
			continue
		}
		switch r {
		case 'ß':
			dst = append(dst, "ss"...)
		case 'ı':
			dst = append(dst, 'i')
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return rewrite(dst, mark)
}

// cyrLatin spells one lower-case Cyrillic letter in Latin.
func cyrLatin(r rune) (string, bool) {
	switch r {
	case 'а', 'ә':
		return "a", true
	case 'б':
		return "b", true
	case 'в':
		return "v", true
	case 'г', 'ґ', 'ғ':
		return "g", true
	case 'д':
		return "d", true
	case 'е', 'ё', 'э':
		return "e", true
	case 'є':
		return "ye", true
	case 'ж':
		return "zh", true
	case 'з':
		return "z", true
	case 'и', 'і', 'й':
		return "i", true
	case 'ї':
		return "yi", true
	case 'к', 'қ':
		return "k", true
	case 'л':
		return "l", true
	case 'м':
		return "m", true
	case 'н', 'ң':
		return "n", true
	case 'о', 'ө':
		return "o", true
	case 'п':
		return "p", true
	case 'р':
		return "r", true
	case 'с':
		return "s", true
	case 'т':
		return "t", true
	case 'у', 'ү', 'ұ', 'ў':
		return "u", true
	case 'ф':
		return "f", true
	case 'х', 'ҳ', 'һ':
		return "kh", true
	case 'ц':
		return "ts", true
	case 'ч':
		return "ch", true
	case 'ш':
		return "sh", true
	case 'щ':
		return "shch", true
	case 'ъ', 'ь':
		return "", true
	case 'ы':
		return "y", true
	case 'ю':
		return "yu", true
	case 'я':
		return "ya", true
	}
	return "", false
}

// rewrite merges romanisation variants in dst[mark:], in place.
func rewrite(dst []byte, mark int) []byte {
	w := dst[mark:]
	out := w[:0]
	for i := 0; i < len(w); {
		c := w[i]
		rest := w[i:]
		switch {
		case hasPrefix(rest, "dzh"):
			out, i = append(out, 'j'), i+3
			continue
		case hasPrefix(rest, "dsch"):
			out, i = append(out, 'j'), i+4
			continue
		case hasPrefix(rest, "tsch"):
			out, i = append(out, 'c', 'h'), i+4
			continue
		case hasPrefix(rest, "sch"):
			out, i = append(out, 's', 'h'), i+3
			continue
		case hasPrefix(rest, "dj"), hasPrefix(rest, "zh"):
			out, i = append(out, 'j'), i+2
			continue
		case hasPrefix(rest, "kh"):
			out, i = append(out, 'h'), i+2
			continue
		case c == 'w' && i > 0 && (w[i-1] == 'o' || w[i-1] == 'e') && (i+1 == len(w) || i+2 == len(w) && w[i+1] == 'a'):
			out, i = append(out, 'v'), i+1
			continue
		case (c == 'y' || c == 'j') && i > 0 && i+1 < len(w) && isVowel(w[i-1]) && isVowel(w[i+1]):
			i++ // a glide between vowels: Tokayev, Tokajew, Токаев
			continue
		case c == 'y':
			c = 'i'
		case c == 'j' && i+1 == len(w) && i > 0 && isVowel(w[i-1]):
			c = 'i' // a final -j after a vowel is й: Dmitrij, Sergej
		}
		if len(out) > 0 && out[len(out)-1] == c {
			i++ // a doubled letter is one
			continue
		}
		out = append(out, c)
		i++
	}
	return dst[:mark+len(out)]
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func hasPrefix(b []byte, s string) bool { return len(b) >= len(s) && string(b[:len(s)]) == s }

// hasKey reports whether w is worth a key: it has a letter of a script
// the key spells, and is not all digits.
func hasKey(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// NameKey is the key of a person's name, word by word: "Marat Imankulov"
// and "Марат Иманкулов" both give "marat imankulov".
func NameKey(name string) string {
	var b strings.Builder
	for _, t := range Tokenize(name) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(Key(t.Word))
	}
	return b.String()
}
