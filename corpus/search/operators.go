package search

// The query language
//
// What a reader types is mostly words, matched fuzzily and AND-ed. Around
// them, a few forms narrow the search, the same in the reader and in
// `dossier search`:
//
//	"security council"   the words in this order (also «…» and “…”)
//	-sco                 no article holding the word (in any spelling)
//	speaker:imankulov    quoted by a speaker of that name (any script)
//	source:interfax      from that outlet
//	tag:csto             carrying that front-matter tag
//	since:2022 until:2023-06   dated within, inclusive, at any precision
//
// A value with spaces is quoted: speaker:"Marat Imankulov". A word of
// letters followed by a colon and a value is an operator, so a typo in one
// ("speakr:x") is an error that names the operators rather than a silent
// empty list; "12:30" or "http://…" stay words.

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/corpus"
	"dossier/corpus/parse"
)

// Query is a parsed search line.
type Query struct {
	Words    []string   // free words, as typed; the last may be half typed
	Phrases  [][]string // the folded words of each quoted phrase
	Exclude  []string   // folded words no hit may hold
	Speakers []string   // speaker: values
	Sources  []string   // source: values
	Tags     []string   // tag: values
	Range    corpus.Range
	// Detail is how many of the best hits Run gives their snippet and
	// positions; 0 means all. The rest are filled by Index.Detail.
	Detail int
	// Open is set when the line ends inside the last free word, which is
	// then matched as a prefix; OpenPhrase when it ends inside the last
	// phrase, whose last word is then a prefix.
	Open, OpenPhrase bool
}

// Operators lists the operators a query knows, for help and errors.
var Operators = []string{"speaker", "source", "tag", "since", "until"}

// ErrEmpty is ParseQuery's error for a line with nothing to search.
var ErrEmpty = errors.New("empty query")

// ParseQuery reads a search line. The error says what is wrong with an
// operator or a date, in words fit for the status line.
func ParseQuery(s string) (Query, error) {
	var q Query
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	for len(s) > 0 {
		first, n := utf8.DecodeRuneInString(s)
		unclosed := closing(first) != "" && !strings.Contains(s[n:], closing(first))
		tok, rest, quoted := nextToken(s)
		s = strings.TrimLeftFunc(rest, unicode.IsSpace)
		switch {
		case quoted:
			// A quote left open at the end is still being typed: its
			// last word is a prefix, as a free word's is.
			typing := unclosed && !endsInSpace(tok)
			words := folded(tok)
			if len(words) == 1 {
				q.Words = append(q.Words, words[0]) // one quoted word is a word
				q.Open = typing
			} else if len(words) > 1 {
				q.Phrases = append(q.Phrases, words)
				q.OpenPhrase = typing
				q.Open = false
			}
			continue
		case len(tok) > 1 && tok[0] == '-':
			q.Exclude = append(q.Exclude, folded(tok[1:])...)
			continue
		}
		if name, val, ok := operator(tok); ok {
			if val == "" && s != "" {
				val, s, _ = nextToken(s) // speaker: "Marat Imankulov", since: 2022
				s = strings.TrimLeftFunc(s, unicode.IsSpace)
			} else if v, r, qv := nextToken(val); qv && strings.TrimSpace(r) == "" {
				val = v // speaker:"Marat Imankulov"
			}
			if err := q.set(name, val); err != nil {
				return q, err
			}
			continue
		}
		q.Words = append(q.Words, tok)
		q.Open = s == "" && !endsInSpace(rest)
	}
	if len(q.Words) == 0 {
		q.Open = false
	}
	if q.IsZero() {
		return q, ErrEmpty
	}
	if !q.Range.Valid() {
		return q, fmt.Errorf("since:%s is after until:%s", q.Range.Since, q.Range.Until)
	}
	return q, nil
}

func endsInSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// nextToken cuts the first token off s: a quoted run (its inside, with
// quoted set; an unclosed quote runs to the end) or a run without spaces.
// A run that holds a quote mark after an operator's colon takes the quoted
// value whole: speaker:"Marat Imankulov".
func nextToken(s string) (tok, rest string, quoted bool) {
	r, n := utf8.DecodeRuneInString(s)
	if closer := closing(r); closer != "" {
		body := s[n:]
		if i := strings.Index(body, closer); i >= 0 {
			return body[:i], body[i+len(closer):], true
		}
		return body, "", true
	}
	end := len(s)
	for i, r := range s {
		if unicode.IsSpace(r) {
			end = i
			break
		}
		if closing(r) != "" && i > 0 && s[i-1] == ':' {
			// op:"value with spaces"
			c := closing(r)
			j := strings.Index(s[i+utf8.RuneLen(r):], c)
			if j < 0 {
				return s, "", false
			}
			end = i + utf8.RuneLen(r) + j + len(c)
			return s[:end], s[end:], false
		}
	}
	return s[:end], s[end:], false
}

func closing(r rune) string {
	switch r {
	case '"':
		return `"`
	case '«':
		return "»"
	case '“':
		return "”"
	}
	return ""
}

// operator splits "name:value" when name is a word of ASCII letters.
func operator(tok string) (name, val string, ok bool) {
	i := strings.IndexByte(tok, ':')
	if i <= 0 {
		return "", "", false
	}
	for _, c := range []byte(tok[:i]) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", "", false
		}
	}
	if strings.HasPrefix(tok[i+1:], "//") {
		return "", "", false // a URL
	}
	return strings.ToLower(tok[:i]), tok[i+1:], true
}

func (q *Query) set(name, val string) error {
	val = strings.TrimSpace(val)
	known := false
	for _, o := range Operators {
		known = known || o == name
	}
	if !known {
		return fmt.Errorf("unknown operator %s: (try %s)", parse.SanitizeLine(name), strings.Join(Operators, ": "))
	}
	if val == "" {
		return fmt.Errorf("%s: wants a value", name)
	}
	switch name {
	case "speaker":
		q.Speakers = append(q.Speakers, val)
	case "source":
		q.Sources = append(q.Sources, val)
	case "tag":
		q.Tags = append(q.Tags, val)
	case "since", "until":
		d, ok := parse.Date(val, true)
		if !ok {
			return fmt.Errorf("%s:%s is not a date (2022, 2022-09 or 2022-09-22)", name, parse.SanitizeLine(val))
		}
		if name == "since" {
			q.Range.Since = d
		} else {
			q.Range.Until = d
		}
	}
	return nil
}

// folded returns the folded words of s.
func folded(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		out = append(out, t.Word)
	}
	return out
}

// IsZero reports whether q asks for nothing.
func (q Query) IsZero() bool {
	return len(q.Words) == 0 && len(q.Phrases) == 0 && len(q.Exclude) == 0 && len(q.Speakers) == 0 &&
		len(q.Sources) == 0 && len(q.Tags) == 0 && q.Range.IsZero()
}

// filtered reports whether q narrows by anything but words.
func (q Query) filtered() bool {
	return len(q.Exclude) > 0 || len(q.Speakers) > 0 || len(q.Sources) > 0 || len(q.Tags) > 0 || !q.Range.IsZero()
}

// String says how the query was understood, for the status line:
// `imankulov · "security council" · -sco · speaker:imankulov · since 2022`.
func (q Query) String() string {
	var parts []string
	if len(q.Words) > 0 {
		parts = append(parts, strings.Join(q.Words, " "))
	}
	for _, p := range q.Phrases {
		parts = append(parts, `"`+strings.Join(p, " ")+`"`)
	}
	for _, w := range q.Exclude {
		parts = append(parts, "-"+w)
	}
	for _, f := range []struct {
		name string
		vals []string
	}{{"speaker", q.Speakers}, {"source", q.Sources}, {"tag", q.Tags}} {
		for _, v := range f.vals {
			if strings.ContainsRune(v, ' ') {
				v = `"` + v + `"`
			}
			parts = append(parts, f.name+":"+v)
		}
	}
	if !q.Range.Since.IsZero() {
		parts = append(parts, "since "+q.Range.Since.Text())
	}
	if !q.Range.Until.IsZero() {
		parts = append(parts, "until "+q.Range.Until.Text())
	}
	return parse.SanitizeLine(strings.Join(parts, " · "))
}

// openPhraseRunes is the shortest typed last word of a phrase the index
// expands as a prefix; a shorter one is left to the phrase check.
const openPhraseRunes = 3

// qwords are the query's words as the engine matches them: the free
// words fuzzily (the last as a prefix while typed), then the phrases'
// words exactly.
func (q Query) qwords() []qword {
	var out []qword
	for i, w := range q.Words {
		toks := Tokenize(w)
		for j, t := range toks {
			out = append(out, newQword(t.Word, q.Open && i == len(q.Words)-1 && j == len(toks)-1, true))
		}
	}
	for i, p := range q.Phrases {
		for j, w := range p {
			open := q.OpenPhrase && i == len(q.Phrases)-1 && j == len(p)-1
			if open && j > 0 && utf8.RuneCountInString(w) < openPhraseRunes {
				// "security c: every word in c is no candidate worth
				// expanding; the phrase check reads the prefix itself.
				continue
			}
			out = append(out, newQword(w, open, false))
		}
	}
	if len(out) > maxQueryWords {
		out = out[:maxQueryWords]
	}
	return out
}

func newQword(w string, prefix, fuzzy bool) qword {
	rs := []rune(w)
	d := 0
	if fuzzy && len(rs) >= longWordRunes {
		d = 2
	} else if fuzzy && len(rs) >= minTypoRunes {
		d = 1
	}
	qw := qword{text: w, runes: rs, prefix: prefix, dist: d, mask: letterMask(w)}
	if fuzzy && len(rs) >= minKeyRunes && hasKey(w) {
		// A key shorter than the word ("dsch" is "j") matches too much
		// while the word is typed.
		if k := Key(w); utf8.RuneCountInString(k) >= minKeyRunes {
			qw.key = k
		}
	}
	return qw
}
