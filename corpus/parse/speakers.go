package parse

// Speakers: the words around a quote that name who spoke, and the
// resolver that turns a pronoun, a surname or a role into the person the
// article named earlier. See the header of quotes.go for the rules.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// filteredSet is a set of words with a bit filter before its map: most
// words asked about are not in the set, and the filter, keyed on a word's
// length and outer bytes, says so without hashing the word. A word whose
// bit is set is looked up, so the answers are the map's.
type filteredSet struct {
	bits [64]uint64 // 4096 bits
	m    map[string]bool
}

// newFilteredSet is the union of sets.
func newFilteredSet(sets ...map[string]bool) *filteredSet {
	f := &filteredSet{m: map[string]bool{}}
	for _, set := range sets {
		for w, ok := range set {
			if ok {
				f.m[w] = true
				k := filterKey(w)
				f.bits[k>>6] |= 1 << (k & 63)
			}
		}
	}
	return f
}

func filterKey(w string) uint {
	if w == "" {
		return 0
	}
	n := len(w)
	return (uint(w[0])*131 + uint(w[n/2])*31 + uint(w[n-1])*7 + uint(n)*1031) & 4095
}

func (f *filteredSet) has(w string) bool {
	k := filterKey(w)
	return f.bits[k>>6]&(1<<(k&63)) != 0 && f.m[w]
}

// nameStops are the capitalised words that are no part of a name.
var nameStops = newFilteredSet(notName, titleWords)

// word is a token of a paragraph with its byte span.
type word struct {
	s          string // the word, punctuation trimmed
	start, end int
	punctAfter bool // a comma, period or other mark follows: a name stops here
}

// words splits s into words with their spans.
func words(s string) []word {
	out := make([]word, 0, len(s)/6+1)
	for i := 0; i < len(s); {
		w, next, ok := nextWord(s, i)
		if !ok {
			break
		}
		out = append(out, w)
		i = next
	}
	return out
}

// nextWord finds the first word at or after byte i: a run of non-spaces
// with its leading and trailing punctuation trimmed. ok is false at the end.
func nextWord(s string, i int) (w word, next int, ok bool) {
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		st, en := i, j
		for st < en {
			if c := s[st]; c < utf8.RuneSelf { // ASCII, the most of it: no decoding
				if asciiAlnum[c] {
					break
				}
				st++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[st:en])
			if isAlnum(r) {
				break
			}
			st += n
		}
		for en > st {
			if c := s[en-1]; c < utf8.RuneSelf {
				if asciiAlnum[c] {
					break
				}
				en--
				continue
			}
			r, n := utf8.DecodeLastRuneInString(s[st:en])
			if isAlnum(r) {
				break
			}
			en -= n
		}
		if en > st {
			return word{s: s[st:en], start: st, end: en, punctAfter: en < j}, j, true
		}
		i = j
	}
	return word{}, len(s), false
}

// isNameWord reports whether w can be part of a person's name: capitalised,
// not all capitals, letters and hyphens only, not a known non-name.
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || nameStops.has(w) {
		return false
	}
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return lower
}

// capitalByte marks the bytes that can begin a capital letter: 'A'–'Z'
// and the lead bytes of every rune past ASCII.
var capitalByte = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := 0xc0; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

// mention is a person named in the text.
type mention struct {
	para int // -1 for the title
	off  int
	name string
}

// namesIn finds full names (two or three name words in a row) in s,
// skipping the byte ranges in skip (quotes).
func namesIn(s string, para int, skip [][2]int) []mention {
	var out []mention
	// Words come in order of offset and skip is sorted: walk them together.
	k := 0
	inSkip := func(off int) bool {
		for k < len(skip) && skip[k][1] <= off {
			k++
		}
		return k < len(skip) && off >= skip[k][0]
	}
	// A run of name words is read from its end, in names of maxNameWords:
	// what comes first in a run is more often a title or a capitalised
	// opener ("Meanwhile Marat Imankulov") than a name's first part.
	var buf [maxNameRun]word
	run := buf[:0] // flushed at maxNameRun, so it never leaves the stack
	flush := func() {
		if len(run) == 0 {
			return
		}
		from := len(out)
		for n := len(run); n >= maxNameWords; n -= maxNameWords {
			first, last := run[n-maxNameWords], run[n-1]
			out = append(out, mention{para: para, off: first.start, name: s[first.start:last.end]})
		}
		slices.Reverse(out[from:]) // mentions stay in reading order
		run = run[:0]
	}
	// Only the name words matter: a word between two of them leaves
	// more than the single space between them that continues a run, and
	// so ends the run as surely. A name word starts with a capital, and
	// a token of ASCII without one ('A'–'Z') holds none: the scan passes
	// over such tokens to the next byte that can begin a capital, goes
	// back to its token's start and reads the word there.
	for i := 0; i < len(s); {
		for i < len(s) && !capitalByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		for i > 0 && s[i-1] != ' ' {
			i--
		}
		w, next, ok := nextWord(s, i)
		i = next
		if !ok {
			break
		}
		if !isNameWord(w.s) || inSkip(w.start) {
			continue
		}
		// A name goes on only across a single space, with no mark between.
		if n := len(run); n > 0 && (n == maxNameRun || run[n-1].punctAfter || s[run[n-1].end:w.start] != " ") {
			flush()
		}
		run = append(run, w)
	}
	flush()
	return out
}

// pullName reads the bare name that ends a pull quote paragraph ("… policy
// coordination. Sooronbai Jeenbekov"): two or three name words after a
// sentence's final mark. It returns the name and the byte offset just past
// that mark, or "" when the paragraph does not end so.
func pullName(p string) (string, int) {
	for n := maxNameWords; n >= 2; n-- {
		start := len(p)
		ok := true
		for k := 0; k < n && ok; k++ {
			i := strings.LastIndexByte(p[:start], ' ')
			if i < 0 || !isNameWord(p[i+1:start]) {
				ok = false
				break
			}
			start = i
		}
		if !ok {
			continue
		}
		// p[start] is the space before the name; the mark comes before it.
		if r, _ := utf8.DecodeLastRuneInString(p[:start]); start > 0 && strings.ContainsRune(".!?…", r) {
			return p[start+1:], start
		}
	}
	return "", 0
}

// hasAccording is a cheap gate before the case-folding regexp.
func hasAccording(s string) bool {
	for _, w := range []string{"ccording to", "CCORDING TO", "words of", "словам", "сказал"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func allNameWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if !isNameWord(w) {
			return false
		}
	}
	return true
}

// attribAfter reads the subject of an attribution that follows a quote:
// `," Imankulov said`, `» he added`, `," said Marat Imankulov`, `," economist
// Jane Roe said`, `», — заявил министр Жээнбек Кулубаев`, `», ha detto il
// presidente Nurlan Abdirov`.
func attribAfter(tail string) string {
	if len(tail) > attribWindow {
		tail = tail[:attribWindow]
	}
	tail = strings.TrimLeft(tail, " ,.—–-:;")
	if e := strings.IndexAny(tail, ".!?;«\"“"); e >= 0 {
		tail = tail[:e]
	}
	ws := strings.Fields(tail)
	if len(ws) > 14 {
		ws = ws[:14]
	}
	for k, w := range ws {
		w = strings.Trim(w, ",:")
		if !isSpeechVerb(w) {
			continue
		}
		if k == 0 || (k == 1 && hasLower(auxVerbs, ws[0])) {
			return invertedName(ws[k+1:])
		}
		return subjectOf(strings.Join(ws[:k], " "))
	}
	return ""
}

// subjectSpan finds the words of an attribution in the paragraph: after
// the quote or before it, within attribWindow, on word boundaries. Zero
// when they are not there as written (several spaces between them, say).
func subjectSpan(p string, q rawQuote, subj string, after bool) [2]int {
	var i int
	if after {
		i = strings.Index(p[q.end:min(len(p), q.end+attribWindow)], subj)
		if i >= 0 {
			i += q.end
		}
	} else {
		lo := max(0, q.start-attribWindow)
		for lo > 0 && !utf8.RuneStart(p[lo]) {
			lo--
		}
		i = strings.LastIndex(p[lo:q.start], subj)
		if i >= 0 {
			i += lo
		}
	}
	if i < 0 {
		return [2]int{}
	}
	j := i + len(subj)
	prev, _ := utf8.DecodeLastRuneInString(p[:i])
	next, _ := utf8.DecodeRuneInString(p[j:])
	if unicode.IsLetter(prev) || unicode.IsLetter(next) {
		return [2]int{}
	}
	return [2]int{i, j}
}

// invertedName reads the speaker after an inverted verb: `said Marat
// Imankulov`, `said President Sadyr Japarov` (titles skipped), `said
// Japarov's spokesman Erbol Sultanbaev` (the possessor is not the speaker),
// `said the minister, Ruslan Zhaksylykov,`, `a déclaré le ministre des
// Affaires étrangères Jeenbek Kulubaev` (a lone capitalised word is a title
// when a name follows), `сказал он`. With no name, the role as written
// (`подчеркнул глава МИД`), for the resolver.
func invertedName(ws []string) string {
	if len(ws) > 0 && hasLower(pronouns, strings.TrimRight(ws[0], ",:;")) {
		return strings.TrimRight(ws[0], ",:;")
	}
	var name, first []string
	var role []string
	roleOpen := true
	for k, w := range ws {
		if k >= 12 {
			break
		}
		n := strings.TrimRight(w, ",:;")
		possessive := strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s")
		afterArticle := k > 0 && len(name) == 0 && hasLower(articles, ws[k-1])
		if isNameWord(n) && !possessive && !afterArticle {
			name = append(name, n)
		} else if len(name) > 0 {
			if len(name) >= 2 {
				break
			}
			if first == nil {
				first = name
			}
			name = nil
		}
		if len(name) == 0 && roleOpen && !possessive {
			if hasLower(rolePreps, n) || len(role) == 3 {
				roleOpen = false
			} else {
				role = append(role, n)
			}
		}
		if n != w { // punctuation ends the attribution, once a name is read
			if len(name) > 0 {
				break
			}
			roleOpen = false
		}
	}
	if len(name) < 2 && first != nil {
		name = first // "erklärte Tokajew in einer Fernsehansprache"
	}
	if len(name) > maxNameWords {
		name = name[len(name)-maxNameWords:]
	}
	if len(name) == 0 && len(role) > 0 && roleLike(strings.Join(role, " ")) {
		return strings.Join(role, " ")
	}
	return strings.Join(name, " ")
}

// attribBefore reads the subject of an attribution that leads into a
// quote: `According to him, «`, `He believes that «`, `Imankulov said: "`,
// `Doe told reporters: «`, `As Doe put it, "`, `По его словам, «`.
func attribBefore(head string) string {
	if len(head) > attribWindow {
		head = head[len(head)-attribWindow:]
	}
	if i := sentenceStart(head); i > 0 {
		head = head[i:]
	}
	head = strings.TrimSpace(head)
	if hasAccording(head) {
		if s := hisWords(head); s != "" {
			return s
		}
		if m := reAccording().FindStringSubmatch(head); m != nil {
			return subjectOf(m[1])
		}
	}
	if s := asPutIt(head); s != "" {
		return s
	}
	colon := strings.HasSuffix(head, ":")
	ws := strings.Fields(head)
	for k, w := range ws {
		w = strings.Trim(w, ",:")
		if !isSpeechVerb(w) || k == 0 {
			continue
		}
		// Only the verb, "that" or "as follows" may come after it; before
		// a colon, a short object too ("told reporters:").
		rest := strings.ToLower(strings.Trim(strings.Join(ws[k+1:], " "), " ,:"))
		if rest != "" && rest != "that" && rest != "as follows" && rest != "что" && !(colon && len(ws)-k-1 <= 5) {
			continue
		}
		if subj := subjectOf(strings.Join(ws[:k], " ")); subj != "" {
			return subj
		}
	}
	return ""
}

// sentenceStart is the byte offset where the last sentence of s begins.
func sentenceStart(s string) int {
	last := 0
	for i := 0; i < len(s); {
		j := sentenceBreak(s[i:])
		if j < 0 {
			break
		}
		i += j
		last = i
	}
	return last
}

// plausibleSubject accepts a pronoun, a name, or a role phrase: words that
// are capitalised or small joiners, at most twelve.
func plausibleSubject(s string) bool {
	ws := strings.Fields(strings.Trim(s, " ,"))
	if len(ws) == 0 || len(ws) > 12 {
		return false
	}
	if len(ws) == 1 && hasLower(pronouns, ws[0]) {
		return true
	}
	for _, w := range ws {
		w = strings.Trim(w, ",()")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		switch w {
		case "the", "of", "and", "on", "for", "in", "at", "a", "an", "de", "von", "van", "al", "ibn", "bin":
			continue
		}
		return false
	}
	return true
}
