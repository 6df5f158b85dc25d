package search

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// checkASCIIPhrase holds asciiPhrase to hasPhrase on s, where it answers.
func checkASCIIPhrase(t *testing.T, s string, p []string, pre bool) (answered bool) {
	t.Helper()
	found, ok := asciiPhrase(s, p, pre)
	if !ok {
		return false
	}
	if want := hasPhrase(s, p, pre); found != want {
		t.Fatalf("asciiPhrase(%q, %q, %v) = %v, hasPhrase says %v", s, p, pre, found, want)
	}
	return true
}

// TestASCIIPhraseIsHasPhrase: on texts built from pieces that fold in
// every way the index folds, and from words too long to be words, the
// fast path answers as the full check does, or not at all.
func TestASCIIPhraseIsHasPhrase(t *testing.T) {
	long := strings.Repeat("security", 9) // 72 bytes: no word
	pieces := []string{"security", "Security", "SECURITY", "sécurité", "secu\u00adrity", "ѕecurity", "ｓｅｃｕｒｉｔｙ",
		"council", "Council", "COUNCIL", "coun\u200dcil", "councils", "«", "»", "—", "“", "”", " ", "\u00a0", ".", ",", "-",
		"the", "The", "Совет", "x", "se", "curity", "2022", "g20", long, long[:64], "\xff", "e\u0301", "\u0301", "\n", "'s"}
	rng := rand.New(rand.NewSource(11))
	phrases := [][]string{{"security", "council"}, {"security"}, {"security", "co"}, {"the", "council"}, {"the", "the"},
		{"security", "security", "council"}, {"g20", "security"}, {"securitysecuritysecuritysecuritysecuritysecuritysecuritysecurity"},
		{"council", "s"}, {"2022", "the", "council"}}
	answered, total := 0, 0
	for i := 0; i < 40000; i++ {
		var b strings.Builder
		for n := rng.Intn(10); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		for _, p := range phrases {
			for _, pre := range []bool{false, true} {
				total++
				if checkASCIIPhrase(t, s, p, pre) {
					answered++
				}
			}
		}
	}
	if answered < total/4 {
		t.Fatalf("the fast path answered %d of %d: it saves little", answered, total)
	}
	// Not folded ASCII words: always the general path.
	for _, p := range [][]string{{"Security", "council"}, {"совет", "безопасности"}, {"security", ""}, {}} {
		if _, ok := asciiPhrase("Security council", p, false); ok {
			t.Errorf("asciiPhrase answered for %q", p)
		}
	}
}

// TestASCIIPhraseOnCorpus: over the paragraphs of generated articles, for
// phrases cut from their own text (so that many hold) and the benchmarks'
// phrases, the fast path answers as the full check does.
func TestASCIIPhraseOnCorpus(t *testing.T) {
	arts := memoCorpus(300)
	rng := rand.New(rand.NewSource(3))
	fixed := [][]string{{"security", "council"}, {"security", "c"}, {"security", "cou"}, {"prime", "minister"}, {"the", "president"}}
	answered, held := 0, 0
	for i := range arts {
		texts := append([]string{arts[i].Title}, arts[i].Paragraphs...)
		for _, s := range texts {
			toks := Tokenize(s)
			ps := fixed
			if len(toks) > 3 {
				j := rng.Intn(len(toks) - 2)
				n := 1 + rng.Intn(3)
				var p []string
				for _, tk := range toks[j : j+n] {
					p = append(p, tk.Word)
				}
				q := append([]string(nil), p...)
				q[len(q)-1] = q[len(q)-1][:1+rng.Intn(len(q[len(q)-1]))]
				ps = append(ps[:len(ps):len(ps)], p, q)
			}
			for _, p := range ps {
				for _, pre := range []bool{false, true} {
					if checkASCIIPhrase(t, s, p, pre) {
						answered++
						if hasPhrase(s, p, pre) {
							held++
						}
					}
				}
			}
		}
	}
	if answered == 0 || held == 0 {
		t.Fatalf("fast path answered %d checks, %d held: the test checks little", answered, held)
	}
}

// TestInertRunesSeparate: an inert rune is never part of a word, so the
// fast path may treat it as a space.
func TestInertRunesSeparate(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if inertRune(r) && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || ignorable(r)) {
			t.Errorf("inert rune %U can be part of a word", r)
		}
	}
}
