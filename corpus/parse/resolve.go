package parse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// resolver turns a subject into a person's full name.
// Mentions are in reading order; answers are memoised so an article with
// thousands of quotes costs one lookup per distinct subject.
//
// Every lookup is bounded so that the whole resolution stays linear in
// the text, whatever its shape: a surname is found through an index of
// the mentions by last name; a role is searched for in the lowercased
// texts (lowercased once), examining at most maxRoleHits places it
// occurs, reading at most nameWindow bytes around each, and at most
// maxRoles distinct roles are searched for at all.
type resolver struct {
	title string
	paras []string
	ments []mention
	memo  map[string]string // subject → speaker
	full  map[string]string // surname → full name
	roles map[string]string // role → speaker; its size is the roles searched
	heads map[string]string // a role's head noun → the name after it
	texts []string          // paras and the title, in search order
	lower []string          // texts lowercased, "" where that changed a length
	b     *budget           // the parse's; a spent budget resolves nothing more
}

// Resolution bounds. A real article names a handful of roles and a role
// a handful of times; these are an order of magnitude above that, and
// what they cut is left unresolved, never guessed.
const (
	maxRoles    = 64  // distinct roles searched for in one article
	maxRoleHits = 64  // places one role (or its head noun) is examined
	nameWindow  = 256 // bytes read before or after a role for a name
)

func (r *resolver) resolve(subj string, para, off int) string {
	subj = strings.Trim(subj, " ,")
	if hasLower(pronouns, subj) {
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
	if reRoleHead().MatchString(subj) {
		return r.role(reRoleHead().ReplaceAllString(subj, ""))
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
// Secretary Marat Imankulov": its trailing name words. Only the last
// nameWindow bytes are read, so taking it from a long text is cheap.
func nameOf(subj string) string {
	ws := strings.Fields(tailWords(subj, nameWindow))
	k := len(ws)
	for k > 0 && len(ws)-k < maxNameWords && isNameWord(strings.Trim(ws[k-1], ",")) {
		k--
	}
	return strings.Trim(strings.Join(ws[k:], " "), ",")
}

// tailWords is the end of s, at most n bytes, starting after a space so
// that no word is cut; "" when no space is that near the end.
func tailWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return ""
}

// headWords is the start of s, at most n bytes, ending before a space so
// that no word is cut.
func headWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return ""
}

// fullName expands a surname to the full name the article gave: the
// first mention, in reading order, whose last word it is.
func (r *resolver) fullName(n string) string {
	if strings.Contains(n, " ") {
		return n
	}
	if r.full == nil {
		// Names are words joined by single spaces, so "ends with
		// ' '+surname" is "has surname as its last word".
		r.full = make(map[string]string, len(r.ments))
		for _, m := range r.ments {
			if i := strings.LastIndexByte(m.name, ' '); i >= 0 {
				if _, ok := r.full[m.name[i+1:]]; !ok {
					r.full[m.name[i+1:]] = m.name
				}
			}
		}
	}
	if full, ok := r.full[n]; ok {
		return full
	}
	return n
}

// role finds the person the article named in a role: "Name, Role" or
// "Role Name" where the role is written out, else a person named right
// after the role's head noun ("The President of Kyrgyzstan Sadyr Japarov").
func (r *resolver) role(role string) string {
	if n, ok := r.roles[role]; ok {
		return n
	}
	if r.roles == nil {
		r.roles = map[string]string{}
		r.texts = append(append(make([]string, 0, len(r.paras)+1), r.paras...), r.title)
		r.lower = make([]string, len(r.texts))
		for i, t := range r.texts {
			// Offsets into lt are offsets into t only when lowercasing kept
			// every byte length (the Kelvin sign, for one, shrinks).
			if lt := strings.ToLower(t); len(lt) == len(t) {
				r.lower[i] = lt
			}
		}
	}
	if len(r.roles) >= maxRoles {
		return ""
	}
	n := r.findRole(role)
	r.roles[role] = n
	return n
}

func (r *resolver) findRole(role string) string {
	lr := strings.ToLower(role)
	// A role that changed length when lowercased cannot be searched for
	// this way either.
	hits := 0
	for k, t := range r.texts {
		lt := r.lower[k]
		if lt == "" || len(lr) != len(role) || lr == "" {
			continue
		}
		for from := 0; from < len(lt) && hits < maxRoleHits; hits++ {
			if r.b.spent() {
				return ""
			}
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
	if n, ok := r.heads[head]; ok {
		return n
	}
	if r.heads == nil {
		r.heads = map[string]string{}
	}
	n := r.afterHead(head)
	r.heads[head] = n
	return n
}

// afterHead finds the first name that follows head as a word of its own
// (a word as nextWord reads it: head with only marks around it between
// spaces).
func (r *resolver) afterHead(head string) string {
	if last, _ := utf8.DecodeLastRuneInString(head); !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return "" // a word ends in a letter or digit, so none is head
	}
	hits := 0
	for _, t := range r.texts {
		for from := 0; from < len(t) && hits < maxRoleHits; {
			if r.b.spent() {
				return ""
			}
			i := strings.Index(t[from:], head)
			if i < 0 {
				break
			}
			i += from
			from = i + len(head)
			if !onlyMarks(t, i, -1) || !onlyMarks(t, from, 1) {
				continue
			}
			hits++
			if n := nameAfter(t[from:]); n != "" {
				return r.fullName(n)
			}
		}
	}
	return ""
}

// onlyMarks reports whether, from byte i of t in direction dir (-1
// backwards, 1 forwards), only marks come before a space or the text's
// edge: no letter or digit.
func onlyMarks(t string, i, dir int) bool {
	for {
		var r rune
		var n int
		if dir < 0 {
			if i <= 0 {
				return true
			}
			r, n = utf8.DecodeLastRuneInString(t[:i])
			i -= n
		} else {
			if i >= len(t) {
				return true
			}
			r, n = utf8.DecodeRuneInString(t[i:])
			i += n
		}
		switch {
		case r == ' ':
			return true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		}
	}
}

// nameAfter reads the name that follows a role: skipping "of the Kyrgyz
// Republic"-like words, it takes one to three name words in a row. Only
// the first nameWindow bytes are read.
func nameAfter(s string) string {
	s = headWords(s, nameWindow)
	var name []string
	for k, i := 0, 0; ; k++ {
		w, next, ok := nextWord(s, i)
		if !ok || k > 8 {
			break
		}
		i = next
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
