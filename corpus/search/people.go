package search

// Who said what: the corpus's speakers as people, each with every quote
// of theirs in date order.
//
// The parser names a speaker as the article does: "Marat Imankulov" in
// one, "Imankulov" where only the surname stands, "Марат Иманкулов" in a
// Russian outlet. People groups these by the Key of the surname and the
// first name: spellings that agree on both are one person, and a bare
// surname joins the person of that surname quoted most (the likeliest
// one; with two Japarovs it may be wrong, and the spellings list says
// what was joined). Cost: one pass over the quotes and a sort per person.

import (
	"slices"
	"strings"

	"dossier/corpus"
)

// Person is one speaker across the spellings of their name.
type Person struct {
	Name      string     // the spelling used most, with a first name when any has one
	Spellings []string   // every spelling met, Name first
	Quotes    []QuoteRef // oldest first, undated last
}

// QuoteRef points at one quote: arts[Doc].Quotes[Quote].
type QuoteRef struct{ Doc, Quote int }

// People returns the speakers of arts, most quoted first. Terms (short
// quoted names and words) are not speech and have no speaker.
func People(arts []corpus.Article) []Person {
	type spelling struct {
		name  string
		first string // key of the first name, "" for a bare surname
		refs  []QuoteRef
	}
	bySurname := map[string][]*spelling{}
	seen := map[string]*spelling{}
	for d := range arts {
		for qi, q := range arts[d].Quotes {
			if q.Speaker == "" || q.Kind == corpus.Term {
				continue
			}
			sp := seen[q.Speaker]
			if sp == nil {
				keys := keysOf(q.Speaker)
				if len(keys) == 0 {
					continue
				}
				sp = &spelling{name: q.Speaker}
				if len(keys) > 1 {
					sp.first = keys[0]
				}
				seen[q.Speaker] = sp
				sur := keys[len(keys)-1]
				bySurname[sur] = append(bySurname[sur], sp)
			}
			sp.refs = append(sp.refs, QuoteRef{d, qi})
		}
	}
	var out []Person
	for _, group := range bySurname {
		// One person per first name; bare surnames join the most quoted.
		byFirst := map[string][]*spelling{}
		var bare []*spelling
		for _, sp := range group {
			if sp.first == "" {
				bare = append(bare, sp)
			} else {
				byFirst[sp.first] = append(byFirst[sp.first], sp)
			}
		}
		var people [][]*spelling
		for _, sps := range byFirst {
			people = append(people, sps)
		}
		count := func(sps []*spelling) int {
			n := 0
			for _, sp := range sps {
				n += len(sp.refs)
			}
			return n
		}
		slices.SortFunc(people, func(a, b []*spelling) int {
			if c := count(b) - count(a); c != 0 {
				return c
			}
			return strings.Compare(a[0].name, b[0].name)
		})
		if len(people) == 0 {
			people = [][]*spelling{bare}
		} else {
			people[0] = append(people[0], bare...)
		}
		for _, sps := range people {
			slices.SortFunc(sps, func(a, b *spelling) int {
				if (a.first == "") != (b.first == "") {
					if a.first == "" {
						return 1
					}
					return -1
				}
				if c := len(b.refs) - len(a.refs); c != 0 {
					return c
				}
				return strings.Compare(a.name, b.name)
			})
			p := Person{Name: sps[0].name}
			for _, sp := range sps {
				p.Spellings = append(p.Spellings, sp.name)
				p.Quotes = append(p.Quotes, sp.refs...)
			}
			slices.SortFunc(p.Quotes, func(a, b QuoteRef) int {
				if c := corpus.Oldest(&arts[a.Doc], &arts[b.Doc]); c != 0 {
					return c
				}
				if a.Doc != b.Doc {
					return a.Doc - b.Doc
				}
				return a.Quote - b.Quote
			})
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Person) int {
		if c := len(b.Quotes) - len(a.Quotes); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// Named reports whether the name a person typed names p in any of its
// spellings (see NameMatches).
func (p Person) Named(typed string) bool {
	for _, s := range p.Spellings {
		if NameMatches(typed, s) {
			return true
		}
	}
	return false
}
