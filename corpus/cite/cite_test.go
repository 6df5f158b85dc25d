package cite

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"dossier/corpus"
	"dossier/corpus/parse"
)

// seed returns the embedded article whose id starts with prefix.
func seed(t *testing.T, prefix string) corpus.Article {
	t.Helper()
	for _, a := range parse.Embedded() {
		if strings.HasPrefix(a.ID, prefix) {
			return a
		}
	}
	t.Fatalf("no seed %s", prefix)
	return corpus.Article{}
}

func TestCitation(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"001", "24.kg, 2021-09-17, https://24.kg/english/207562_President_Japarov_considers_CSTO_SCO_as_instruments_for_strengthening_security/"},
		{"000", "24.kg, undated, https://24.kg/english/286774__CSTO_is_a_guarantor_of_security_and_defense_of_Kyrgyzstan_-_Marat_Imankulov/"},
		// No URL: the title names it. A minute is cut to its day.
		{"002", "Interfax, 2022-09-22, “Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary”"},
	} {
		if got := Citation(seed(t, c.id)); got != c.want {
			t.Errorf("Citation(%s) = %q\nwant %q", c.id, got, c.want)
		}
	}
}

func TestQuoteCitation(t *testing.T) {
	a := seed(t, "002")
	var q corpus.Quote
	for _, x := range a.Quotes {
		if x.Speaker != "" {
			q = x
			break
		}
	}
	want := "«The CSTO membership meets the interests of Kyrgyzstan, and a withdrawal from the organization is not being considered» — Marat Imankulov, Interfax, 2022-09-22, “Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary”"
	if got := QuoteCitation(a, q); got != want {
		t.Errorf("QuoteCitation = %q\nwant %q", got, want)
	}
	q.Speaker = ""
	if got := QuoteCitation(a, q); !strings.HasPrefix(got, "«The CSTO membership") || !strings.Contains(got, "» — Interfax, 2022") {
		t.Errorf("unattributed: %q", got)
	}
}

// TestHostile: whatever an article holds, a citation is one line without
// a control character, and Markdown never opens a construct from it.
func TestHostile(t *testing.T) {
	a := corpus.Article{
		ID:     "x",
		Title:  "# *Breaking*\n<script>alert(1)</script> [click](javascript:x) `code` &#27;[31m",
		Source: "Evil\x1b[2J\tOutlet",
		URL:    "javascript:alert(1) <b>",
		Quotes: []corpus.Quote{{Text: "line one\nline two\x07", Speaker: "*Doe*"}},
	}
	for _, s := range []string{Citation(a), QuoteCitation(a, a.Quotes[0])} {
		if strings.ContainsFunc(s, parse.UnsafeRune) || strings.ContainsAny(s, "\n\t") {
			t.Errorf("control character in %q", s)
		}
	}
	var b bytes.Buffer
	if err := ReadingList(&b, "list", []corpus.Article{a}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"\x1b", "\x07", "<script>", "<b>", "[click](", "<javascript", " *Breaking*", "`code`", " &#27;"} {
		if strings.Contains(out, bad) {
			t.Errorf("reading list holds %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "\n## \\# \\*Breaking\\* \\<script\\>") {
		t.Errorf("title not escaped:\n%s", out)
	}
}

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain words, (and) parens.", "plain words, (and) parens."},
		{"1. not a list", "1\\. not a list"},
		{"2022) not a list", "2022\\) not a list"},
		{"- not an item", "\\- not an item"},
		{"+ nor this", "\\+ nor this"},
		{"> nor a quote", "\\> nor a quote"},
		{"a_b*c`d[e]f<g>h|i~j&k!l#m\\n", "a\\_b\\*c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\&k\\!l\\#m\\\\n"},
		{"  indented\tcode", "indented code"},
		{"2022-09-22, Interfax", "2022-09-22, Interfax"},
		{"24.kg", "24.kg"},
		{"-5 degrees", "-5 degrees"},
		{"---", "\\---"},
		{"«Кириллица» — как есть", "«Кириллица» — как есть"},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"https://24.kg/english/1_a_b/", "<https://24.kg/english/1_a_b/>"},
		{"https://x.org/a b", "https://x.org/a b"},
		{"no scheme", "no scheme"},
		{"http://x/<y>", "http://x/\\<y\\>"},
		{"javascript:alert(1)", "javascript:alert(1)"},
		{"HTTP://X.ORG", "<HTTP://X.ORG>"},
	} {
		if got := Link(c.in); got != c.want {
			t.Errorf("Link(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestReadingList is the seeds' reading list, in the corpus's order.
func TestReadingList(t *testing.T) {
	var b bytes.Buffer
	if err := ReadingList(&b, "Reading list: CSTO", parse.Embedded()); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
	b.Reset()
	if err := ReadingList(&b, "none", nil); err != nil || b.String() != "# none\n\nNo articles.\n" {
		t.Errorf("empty list = %q, %v", b.String(), err)
	}
}

// TestArticle is one article as Markdown: heading, citation, paragraphs.
func TestArticle(t *testing.T) {
	var b bytes.Buffer
	a := seed(t, "001")
	if err := Article(&b, a); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	want := "# President Japarov considers CSTO, SCO as instruments for strengthening security\n\n24.kg, 2021-09-17, <https://24.kg/"
	if !strings.HasPrefix(out, want) || strings.Count(out, "\n\n") != len(a.Paragraphs)+1 {
		t.Errorf("Article(001) =\n%s", out)
	}
	b.Reset()
	Article(&b, corpus.Article{ID: "untitled", Paragraphs: []string{"- a list?", "1. or this", "", "# heading"}})
	if got := b.String(); got != "# untitled\n\nundated\n\n\\- a list?\n\n1\\. or this\n\n\\# heading\n" {
		t.Errorf("untitled = %q", got)
	}
}

// FuzzEscape holds Escape to its promise: one line, no control, and every
// character that means something to Markdown escaped.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "# *a* _b_ `c` [d](e) <f> |g| ~h~ &amp; !", "1. x", "- y", "\x1b[31m\n\tz", "\\", "«ц» — x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if strings.ContainsFunc(e, parse.UnsafeRune) || strings.ContainsAny(e, "\n\t") {
			t.Fatalf("Escape(%q) = %q: a control", s, e)
		}
		for i := 0; i < len(e); i++ {
			if e[i] == '\\' {
				i++ // what follows is escaped
				continue
			}
			if strings.IndexByte(markup, e[i]) >= 0 {
				t.Fatalf("Escape(%q) = %q: %q at %d unescaped", s, e, e[i], i)
			}
		}
		if l := Link(s); strings.HasPrefix(l, "<") && (!strings.HasPrefix(strings.ToLower(l), "<http") || strings.ContainsAny(l[1:len(l)-1], "<> |")) {
			t.Fatalf("Link(%q) = %q", s, l)
		}
	})
}
