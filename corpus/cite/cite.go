// Package cite formats articles and their quotes for use outside dossier:
// a citation line, a quote with its citation, and a Markdown reading list.
// It is shared by the command line (dossier export) and the reader, which
// copies citations and writes reading lists of what it shows.
//
// Article text is attacker-controlled. The parser has already removed
// control characters; this package keeps each citation on one line and
// escapes Markdown so that a title such as "# *Breaking*" reads literally
// wherever the Markdown is rendered. It imports no terminal library.
package cite

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"

	"dossier/corpus"
	"dossier/corpus/parse"
)

// parts are a citation's pieces, what is unknown left out: the outlet,
// the day, the title when there is no URL to find the article by (and
// named is false: a reading list has it as the heading), and the URL,
// kept apart so Markdown can link it.
func parts(a *corpus.Article, named bool) (text []string, url string) {
	if s := parse.SanitizeLine(a.Source); s != "" {
		text = append(text, s)
	}
	text = append(text, a.Date.Truncate(corpus.PrecDay).Text())
	url = parse.SanitizeLine(a.URL)
	if url == "" && !named {
		if t := parse.SanitizeLine(a.Title); t != "" {
			text = append(text, "“"+t+"”")
		}
	}
	return text, url
}

// Citation is one line that names a: "Interfax, 2022-09-22, URL". An
// unknown outlet is left out, a missing date reads "undated", and an
// article without a URL is named by its title instead:
// "2018-11-09, “The President of Kyrgyzstan…”".
func Citation(a corpus.Article) string {
	text, url := parts(&a, false)
	if url != "" {
		text = append(text, url)
	}
	return strings.Join(text, ", ")
}

// QuoteCitation is a quote with its speaker and the article's citation,
// on one line: "«…» — Marat Imankulov, Interfax, 2022-09-22, URL". An
// unattributed quote has no speaker before the citation.
func QuoteCitation(a corpus.Article, q corpus.Quote) string {
	s := "«" + parse.SanitizeLine(q.Text) + "» — "
	if sp := parse.SanitizeLine(q.Speaker); sp != "" {
		s += sp + ", "
	}
	return s + Citation(a)
}

// ReadingList writes arts, in their order, as a Markdown reading list
// headed by title: for each article its title, its citation with the URL
// as a link, and its quoted speech, each quote with its speaker. Short
// quoted terms («export») are left out: they are names, not statements.
func ReadingList(w io.Writer, title string, arts []corpus.Article) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + Escape(title) + "\n\n")
	switch len(arts) {
	case 0:
		bw.WriteString("No articles.\n")
	case 1:
		bw.WriteString("1 article.\n")
	default:
		bw.WriteString(strconv.Itoa(len(arts)) + " articles.\n")
	}
	for i := range arts {
		a := &arts[i]
		bw.WriteString("\n## " + Escape(heading(a)) + "\n\n" + markdownCitation(a) + "\n")
		for _, q := range a.Quotes {
			if q.Kind == corpus.Term {
				continue
			}
			bw.WriteString("\n> «" + Escape(q.Text) + "»")
			if strings.TrimSpace(q.Speaker) != "" {
				bw.WriteString(" — " + Escape(q.Speaker))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// Article writes a as Markdown: its title as the heading, its citation
// with the URL as a link, then its paragraphs, each escaped to read as
// written.
func Article(w io.Writer, a corpus.Article) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + Escape(heading(&a)) + "\n\n" + markdownCitation(&a) + "\n")
	for _, p := range a.Paragraphs {
		if p = Escape(p); p != "" {
			bw.WriteString("\n" + p + "\n")
		}
	}
	return bw.Flush()
}

// heading is a's title, or its ID when it has none.
func heading(a *corpus.Article) string {
	if t := parse.SanitizeLine(a.Title); t != "" {
		return t
	}
	return parse.SanitizeLine(a.ID)
}

// markdownCitation is a's citation under a heading that names it.
func markdownCitation(a *corpus.Article) string {
	text, url := parts(a, true)
	line := Escape(strings.Join(text, ", "))
	if url != "" {
		line += ", " + Link(url)
	}
	return line
}

// markup is the ASCII punctuation that means something to CommonMark or
// GitHub's Markdown wherever it stands in a line.
const markup = "\\`*_[]<>|~&!#"

// listStart is what opens an ordered list item when it starts a line; "-",
// "+" and "=" there open a list or underline a heading.
var listStart = regexp.MustCompile(`^(\d{1,9})([.)])( |$)`)

// Escape makes s Markdown text that renders as s: the punctuation that
// opens emphasis, code, links, HTML, tables or entities is backslash
// escaped, and so is a start that would open a block (a heading, a list
// item, a quote). Newlines and tabs become spaces, so s stays one line.
func Escape(s string) string {
	s = strings.TrimLeft(parse.SanitizeLine(s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	if m := listStart.FindStringSubmatchIndex(s); m != nil {
		b.WriteString(s[:m[3]] + "\\")
		s = s[m[3]:]
	} else if s != "" && strings.IndexByte("-+=", s[0]) >= 0 && (len(s) == 1 || s[1] == ' ' || s[1] == s[0]) {
		b.WriteByte('\\')
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(markup, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// autolinkable is a web address CommonMark takes as an autolink between
// < and >: no space, control or angle bracket. Other schemes
// (javascript:, file:) are never made clickable, nor a "|" that would
// cut a table cell.
var autolinkable = regexp.MustCompile(`^(?i:https?)://[^\s<>|\x00-\x1f\x7f]+$`)

// Link is url as a Markdown autolink, <https://…>, which renders it
// literally and clickable; anything else is escaped text.
func Link(url string) string {
	url = parse.SanitizeLine(url)
	if autolinkable.MatchString(url) {
		return "<" + url + ">"
	}
	return Escape(url)
}
