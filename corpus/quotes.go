package corpus

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes and their speakers.
//
// Quote marks are paired per paragraph: «…» and “…” (or „…“) nest, so only
// the outermost pair is a quote; a straight " toggles, which is what pairs
// a closing mark that lost its space (001: `state borders, "the President`).
// A mark left open at the end of a paragraph quotes to its end, as a quote
// running over several paragraphs does.
//
// A speaker is read from the words around the quote, never guessed:
// `"…," Imankulov said`, `«…» Marat Imankulov added`, `said Marat Imankulov`,
// `According to him, «…»`, `He believes that «…»`. A pronoun is the person
// last named outside quotes; a surname is the full name the article gave;
// a role (`the President of the Kyrgyz Republic said`) is the person the
// article named in that role. What cannot be resolved stays empty.

// termWords is the most words a quoted name or word has (a term: «export»).
const termWords = 4

// maxNameWords is the most words a person's name is read as. Two: given
// name and surname, as every name in the seeds. A third word is more often
// a capitalised sentence opener or the next name in a list ("Adopted Azamat
// Karimov", "Aibek Asanov Aizada Mamytov") than a middle name.
const maxNameWords = 2

// maxNameRun bounds a run of capitalised words read for names.
const maxNameRun = 8

// attribWindow bounds, in bytes, how far from a quote its attribution is
// looked for, so a paragraph of ten thousand quotes stays linear.
const attribWindow = 240

var speechVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "told": true, "tells": true,
	"noted": true, "notes": true, "stressed": true, "stresses": true, "emphasized": true,
	"emphasised": true, "emphasizes": true, "explained": true, "explains": true, "stated": true,
	"states": true, "concluded": true, "concludes": true, "continued": true, "summed": true,
	"believes": true, "believed": true, "recalled": true, "warned": true, "warns": true,
	"insisted": true, "argued": true, "declared": true, "announced": true, "pointed": true,
	"replied": true, "asked": true, "wrote": true, "writes": true, "remarked": true,
	"underlined": true, "underscored": true, "thinks": true, "thought": true, "admitted": true,
	"сказал": true, "сказала": true, "заявил": true, "заявила": true, "отметил": true,
	"отметила": true, "добавил": true, "добавила": true, "подчеркнул": true, "подчеркнула": true,
	"считает": true, "сообщил": true, "сообщила": true, "пояснил": true, "пояснила": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "him": true, "her": true, "they": true, "them": true,
	"он": true, "она": true, "его": true, "её": true, "ее": true, "него": true, "неё": true, "нее": true,
}

// notName are capitalised words that are not part of a person's name:
// sentence openers, titles, institutions and places.
var notName = wordSet(`The A An In On At As For But And Or Of To By With From According However Over
During Both All This That These Those It He She We They I You Currently Everything Therefore So Also
After Before Since While When If Despite Then There Here What Why How Who Where Such Some Many Most Each
Every Other Another One Two Three First Last Next New Old Today Yesterday Tomorrow Now Earlier Later
President Presidents Prime Minister Ministers Secretary General Deputy Special Representative Chairman
Chairwoman Head Director Ambassador Spokesman Spokeswoman Spokesperson Foreign Defense Defence Chief
Commander Mr Mrs Ms Dr Senator Governor Mayor King Queen Prince Envoy Adviser Advisor Officer Member
Members Speaker Vice Acting Former Colonel Major Captain Lieutenant Sergeant General
Organization Organisation Organizations Council Committee Ministry Republic Republics Treaty Security
Collective Cooperation Union Nations Center Centre Agency Service Services Office Department Parliament
Assembly Government Court Party Bank Fund Forces Force Army Navy Institute University Academy News
Radio Press Times Post Hall City Strategy Response Crisis Heads State States Federation Kingdom
Emergency Emergencies Situations Health Affairs Interior Border Guard Commonwealth Independent Shanghai
Eurasian Economic International National Global Counter Terrorism Terrorist Peacekeeping Peace Summit
Forum Conference Session Meeting Declaration Charter Program Programme Plan Initiative Group Community
Company Corporation Holding Airlines Railway Railways Television TV Channel Daily Weekly Herald Review
Kyrgyzstan Kyrgyz Kazakhstan Kazakh Tajikistan Tajik Uzbekistan Uzbek Turkmenistan Russia Russian
Armenia Armenian Azerbaijan Belarus Belarusian Afghanistan Afghan China Chinese Central Asia Asian Middle
East West North South Eastern Western Northern Southern Europe European America American United Kingdom
Bishkek Moscow Almaty Astana Dushanbe Tashkent Yerevan Minsk Baku Kabul Beijing Washington Osh Batken
Ukraine Ukrainian Georgia Iran Turkey Turkish India Pakistan Mongolia Sputnik Interfax Reuters Cronos
Kabar Tass Ria Novosti Xinhua Crocus Islamic Muslim Christian Orthodox Soviet Union Cup Day Week Year
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Internet Online Twitter Telegram Facebook`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

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
			r, n := utf8.DecodeRuneInString(s[st:en])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			st += n
		}
		for en > st {
			r, n := utf8.DecodeLastRuneInString(s[st:en])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
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
	if !unicode.IsUpper(r) || notName[w] {
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
		from := len(out)
		for n := len(run); n >= maxNameWords; n -= maxNameWords {
			first, last := run[n-maxNameWords], run[n-1]
			out = append(out, mention{para: para, off: first.start, name: s[first.start:last.end]})
		}
		slices.Reverse(out[from:]) // mentions stay in reading order
		run = run[:0]
	}
	for i := 0; i < len(s); {
		w, next, ok := nextWord(s, i)
		i = next
		if !ok {
			break
		}
		if !isNameWord(w.s) || inSkip(w.start) {
			flush()
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

// rawQuote is a pair of marks found in a paragraph.
type rawQuote struct {
	start, end int // marks included
	text       string
}

func closer(open rune) (string, bool) {
	switch open {
	case '«':
		return "»", true
	case '“':
		return "”", true
	case '„':
		return "“”", false
	case '"':
		return `"`, false
	}
	return "", false
}

// pairQuotes finds the outermost quoted passages of p.
func pairQuotes(p string) []rawQuote {
	var out []rawQuote
	var open rune
	depth, start := 0, 0
	for i, r := range p {
		if depth == 0 {
			switch r {
			case '«', '“', '„', '"':
				open, depth, start = r, 1, i
			}
			continue
		}
		cl, nests := closer(open)
		switch {
		case strings.ContainsRune(cl, r):
			depth--
		case r == '"' && depth == 1 && (open == '“' || open == '„'):
			// “We agree," — mixed marks, as pasted text has them: the
			// straight mark closes rather than swallowing the paragraph.
			depth--
		case nests && r == open:
			depth++
		}
		if depth == 0 {
			end := i + utf8.RuneLen(r)
			out = append(out, rawQuote{start: start, end: end, text: strings.TrimSpace(p[start+utf8.RuneLen(open) : i])})
		}
	}
	if depth > 0 {
		text := strings.TrimSpace(p[start+utf8.RuneLen(open):])
		if countWords(text) >= 3 {
			out = append(out, rawQuote{start: start, end: len(p), text: text})
		}
	}
	return out
}

var (
	reAccording = regexp.MustCompile(`(?i)(?:according to|in the words of|по словам|как сказал[а]?)\s+(.{1,120}?)\s*,?\s*$`)
	reRoleHead  = regexp.MustCompile(`(?i)^(?:the|a|an)\s+`)
)

// findQuotes finds quotes in paras and names their speakers.
func findQuotes(title string, paras []string) []Quote {
	raws := make([][]rawQuote, len(paras))
	var ments []mention
	ments = append(ments, namesIn(title, -1, nil)...)
	for i, p := range paras {
		raws[i] = pairQuotes(p)
		skip := make([][2]int, len(raws[i]))
		for k, q := range raws[i] {
			skip[k] = [2]int{q.start, q.end}
		}
		ments = append(ments, namesIn(p, i, skip)...)
	}
	r := resolver{title: title, paras: paras, ments: ments}

	var out []Quote
	for i, p := range paras {
		if len(raws[i]) == 0 {
			if name, end := pullName(p); name != "" {
				out = append(out, Quote{Para: i, Start: 0, End: end, Text: strings.TrimSpace(p[:end]),
					Speaker: r.fullName(name), Kind: Pull})
			}
			continue
		}
		for _, q := range raws[i] {
			quote := Quote{Para: i, Start: q.start, End: q.end, Text: strings.TrimRight(q.text, " ,"), Kind: Speech}
			subj, after := attribAfter(p[q.end:]), true
			if subj == "" {
				subj, after = attribBefore(p[:q.start]), false
			}
			if subj == "" && countWords(q.text) <= termWords && !endsSentence(q.text) {
				quote.Kind = Term
			} else if subj != "" {
				quote.Speaker = r.resolve(subj, i, q.start)
				if quote.Speaker != "" {
					quote.SpeakerSpan = subjectSpan(p, q, subj, after)
				}
			}
			out = append(out, quote)
		}
	}
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
// `," Imankulov said`, `» he added`, `," said Marat Imankulov`.
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
		if !speechVerbs[strings.ToLower(w)] {
			continue
		}
		if k == 0 {
			return invertedName(ws[1:])
		}
		if subj := strings.Join(ws[:k], " "); plausibleSubject(subj) {
			return subj
		}
		return ""
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
// Japarov's spokesman Erbol Sultanbaev` (the possessor is not the speaker).
// It takes the first run of name words, up to the first punctuation.
func invertedName(ws []string) string {
	var name []string
	for _, w := range ws {
		n := strings.TrimRight(w, ",:;")
		possessive := strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s")
		if isNameWord(n) && !possessive {
			name = append(name, n)
		} else if len(name) > 0 {
			break
		}
		if n != w { // punctuation ends the attribution
			break
		}
	}
	if len(name) > maxNameWords {
		name = name[len(name)-maxNameWords:]
	}
	return strings.Join(name, " ")
}

// attribBefore reads the subject of an attribution that leads into a
// quote: `According to him, «`, `He believes that «`, `Imankulov said: "`.
func attribBefore(head string) string {
	if len(head) > attribWindow {
		head = head[len(head)-attribWindow:]
	}
	if i := sentenceStart(head); i > 0 {
		head = head[i:]
	}
	head = strings.TrimSpace(head)
	if hasAccording(head) {
		m := reAccording.FindStringSubmatch(head)
		if m == nil {
			return ""
		}
		if s := strings.TrimSpace(m[1]); plausibleSubject(s) {
			return s
		}
		return ""
	}
	ws := strings.Fields(head)
	for k, w := range ws {
		w = strings.Trim(w, ",:")
		if !speechVerbs[strings.ToLower(w)] || k == 0 {
			continue
		}
		// Only the verb, "that" or "as follows" may come after it.
		rest := strings.ToLower(strings.Trim(strings.Join(ws[k+1:], " "), " ,:"))
		if rest != "" && rest != "that" && rest != "as follows" && rest != "что" {
			continue
		}
		if subj := strings.Join(ws[:k], " "); plausibleSubject(subj) {
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
	if len(ws) == 1 && pronouns[strings.ToLower(ws[0])] {
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

// resolver turns a subject into a person's full name.
// Mentions are in reading order; answers are memoised so an article with
// thousands of quotes costs one lookup per distinct subject.
type resolver struct {
	title string
	paras []string
	ments []mention
	memo  map[string]string // subject → speaker
	full  map[string]string // surname → full name
}

func (r *resolver) resolve(subj string, para, off int) string {
	subj = strings.Trim(subj, " ,")
	if pronouns[strings.ToLower(subj)] {
		i := sort.Search(len(r.ments), func(i int) bool {
			m := r.ments[i]
			return m.para > para || (m.para == para && m.off >= off)
		})
		if i == 0 {
			return ""
		}
		return r.ments[i-1].name
	}
	if n, ok := r.memo[subj]; ok {
		return n
	}
	if r.memo == nil {
		r.memo = map[string]string{}
	}
	n := r.resolveName(subj)
	r.memo[subj] = n
	return n
}

func (r *resolver) resolveName(subj string) string {
	if reRoleHead.MatchString(subj) {
		return r.role(reRoleHead.ReplaceAllString(subj, ""))
	}
	if n := nameOf(subj); n != "" {
		return r.fullName(n)
	}
	if n := r.role(subj); n != "" {
		return n
	}
	return ""
}

// nameOf takes the name out of a subject such as "Kyrgyz Security Council
// Secretary Marat Imankulov": its trailing name words.
func nameOf(subj string) string {
	ws := strings.Fields(subj)
	k := len(ws)
	for k > 0 && len(ws)-k < maxNameWords && isNameWord(strings.Trim(ws[k-1], ",")) {
		k--
	}
	return strings.Trim(strings.Join(ws[k:], " "), ",")
}

// fullName expands a surname to the full name the article gave.
func (r *resolver) fullName(n string) string {
	if strings.Contains(n, " ") {
		return n
	}
	if full, ok := r.full[n]; ok {
		return full
	}
	if r.full == nil {
		r.full = map[string]string{}
	}
	r.full[n] = n
	for _, m := range r.ments {
		if strings.HasSuffix(m.name, " "+n) {
			r.full[n] = m.name
			return m.name
		}
	}
	return n
}

// role finds the person the article named in a role: "Name, Role" or
// "Role Name" where the role is written out, else a person named right
// after the role's head noun ("The President of Kyrgyzstan Sadyr Japarov").
func (r *resolver) role(role string) string {
	texts := append(append([]string{}, r.paras...), r.title)
	lr := strings.ToLower(role)
	for _, t := range texts {
		lt := strings.ToLower(t)
		// Offsets into lt are offsets into t only when lowercasing kept
		// every byte length (the Kelvin sign, for one, shrinks); a role
		// that changed length cannot be searched for this way either.
		if len(lt) != len(t) || len(lr) != len(role) {
			continue
		}
		for from := 0; from < len(lt); {
			i := strings.Index(lt[from:], lr)
			if i < 0 {
				break
			}
			i += from
			before := strings.TrimRight(t[:i], " ")
			if strings.HasSuffix(before, ",") {
				if n := nameOf(strings.TrimSuffix(before, ",")); strings.Contains(n, " ") {
					return n
				}
			}
			if n := nameAfter(t[i+len(lr):]); n != "" {
				return r.fullName(n)
			}
			from = i + len(lr)
		}
	}
	// The head noun: the first capitalised word of the role.
	head := ""
	for _, w := range strings.Fields(role) {
		if r0, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r0) {
			head = strings.Trim(w, ",")
			break
		}
	}
	if head == "" {
		return ""
	}
	for _, t := range texts {
		for _, w := range words(t) {
			if w.s == head {
				if n := nameAfter(t[w.end:]); n != "" {
					return r.fullName(n)
				}
			}
		}
	}
	return ""
}

// nameAfter reads the name that follows a role: skipping "of the Kyrgyz
// Republic"-like words, it takes one to three name words in a row.
func nameAfter(s string) string {
	ws := words(s)
	var name []string
	for k, w := range ws {
		if k > 8 {
			break
		}
		if isNameWord(w.s) {
			name = append(name, w.s)
			if w.punctAfter || len(name) == maxNameWords {
				break
			}
			continue
		}
		if len(name) > 0 {
			break
		}
		if w.s == "of" || w.s == "the" || notName[w.s] || isAllCaps(w.s) {
			if w.punctAfter {
				return ""
			}
			continue
		}
		return ""
	}
	return strings.Join(name, " ")
}

func isAllCaps(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
