package parse

import (
	"context"
	"dossier/corpus"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFrontMatterByHand(t *testing.T) {
	tests := []struct {
		name, head      string
		title, source   string
		warn            string // part of the warning; "" for none
		firstParaPrefix string
	}{
		{name: "colon in a value", head: "title: Reading list: CSTO\nsource: Kabar", title: "Reading list: CSTO", source: "Kabar"},
		{name: "colon and quote mark", head: "title: Kyrgyzstan's view: what next\n", title: "Kyrgyzstan's view: what next"},
		{name: "colon at the end", head: "title: Agenda:\n", title: "Agenda:"},
		{name: "tab-indented list", head: "title: T\ntags:\n\t- a\n\t- b\n", title: "T"},
		{name: "url keeps its colon", head: "url: https://kabar.kg/x\ntitle: T", title: "T"},
		{name: "unreadable", head: "title: [unclosed\n", title: "Text headline", warn: "front matter ignored"},
		{name: "a mapping where a string goes", head: "title:\n  a: b\n", title: "Text headline", warn: "front matter ignored"},
		{name: "too many keys", head: manyKeys(maxFrontKeys + 1), title: "Text headline", warn: "more than 64 keys"},
		{name: "too large", head: "title: T\nbody: " + strings.Repeat("x", maxFrontMatter) + "\n", title: "Text headline", warn: "larger than 64 KB"},
		{name: "keys in a flow mapping count", head: "x: {" + strings.Repeat("k: 1, ", 70) + "}\n", title: "Text headline", warn: "more than 64 keys"},
		{name: "rules around prose are no front matter", head: "Some prose, not YAML.\n", title: "Text headline", firstParaPrefix: "--- Some prose"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "---\n" + tt.head + "\n---\n\nText headline\n\nBody text.\n"
			a, warn, err := BytesContext(context.Background(), "x", "x.md", []byte(text), "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if tt.source != "" && a.Source != tt.source {
				t.Errorf("source = %q, want %q", a.Source, tt.source)
			}
			if (tt.warn == "") != (warn == "") || !strings.Contains(warn, tt.warn) {
				t.Errorf("warning = %q, want one with %q", warn, tt.warn)
			}
			if strings.Contains(warn, "\n") {
				t.Errorf("warning of more than one line: %q", warn)
			}
			if tt.firstParaPrefix != "" && !strings.HasPrefix(first(a.Paragraphs), tt.firstParaPrefix) {
				t.Errorf("first paragraph = %q", first(a.Paragraphs))
			}
			checkArticle(t, a)
		})
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

func TestMetaBounds(t *testing.T) {
	// Two bytes a rune, so a cut must not split one; within maxFrontMatter.
	long := strings.Repeat("Ж", 4000)
	text := "---\ntitle: " + long + long + "\nsource: " + long + "\nurl: " + long + "\ntags: [" + strings.Repeat("t, ", 1000) + long + "]\n---\n\nHeadline\n\nBody.\n"
	a, warn, err := BytesContext(context.Background(), "x", "x.md", []byte(text), "")
	if err != nil || warn != "" {
		t.Fatalf("err %v, warn %q", err, warn)
	}
	for _, f := range []struct {
		name, s string
		max     int
	}{{"title", a.Title, maxMetaTitle}, {"source", a.Source, maxMetaSource}, {"url", a.URL, maxMetaURL}} {
		if len(f.s) > f.max || !strings.HasSuffix(f.s, "…") || !utf8.ValidString(f.s) {
			t.Errorf("%s: %d bytes, want at most %d ending in …", f.name, len(f.s), f.max)
		}
	}
	if len(a.Tags) > maxMetaTags {
		t.Errorf("%d tags, want at most %d", len(a.Tags), maxMetaTags)
	}
}

func TestQuoteBounds(t *testing.T) {
	for _, text := range []string{
		"Headline\n\n" + strings.Repeat(`"`, 1<<20),
		"Headline\n\n" + strings.Repeat(`"a" "b" "c"`+"\n\n", 20000),
	} {
		a := Text("x", "x.txt", Sanitize(text), nil)
		if len(a.Quotes) > maxQuotes {
			t.Errorf("%d quotes, want at most %d", len(a.Quotes), maxQuotes)
		}
		per := map[int]int{}
		for _, q := range a.Quotes {
			if per[q.Para]++; per[q.Para] > maxParaQuotes {
				t.Fatalf("paragraph %d has more than %d quotes", q.Para, maxParaQuotes)
			}
		}
		checkArticle(t, a)
	}
}

func TestTextContext(t *testing.T) {
	text := Sanitize(strings.Repeat(`"We agree on this," the Head said. `, 200000)) // 7 MB
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := TextContext(ctx, "x", "x.txt", text, nil); err == nil || err.Error() != "parse stopped: context canceled" {
		t.Errorf("cancelled: err = %v", err)
	}
	// A deadline that passes mid-parse stops it: no parse of 7 MB ends
	// within a millisecond, and the guard catches one that ignores it.
	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	hangGuard(t, 20*time.Second, "deadline", func() {
		if _, err := TextContext(ctx, "x", "x.txt", text, nil); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("past its deadline: err = %v", err)
		}
	})
}

func FuzzFrontMatter(f *testing.F) {
	for _, h := range []string{
		"title: Reading list: CSTO\nsource: Kabar\n",
		"title: [unclosed\n",
		"tags:\n\t- a\n",
		"date: 2023-02\nurl: https://x.kg/a\ntags: [a, b]\n",
		"x: &a [*a, *a]\n",
		"x: {" + strings.Repeat("k: 1, ", 70) + "}\n",
		manyKeys(70),
		"Some prose.\n",
	} {
		f.Add(h, "Headline\n\nBody.\n")
	}
	f.Fuzz(func(t *testing.T, head, body string) {
		text := "---\n" + head + "\n---\n\n" + body
		a, warn, err := BytesContext(context.Background(), "f", "f.md", []byte(text), "")
		if err != nil {
			return // a binary body, say
		}
		if strings.ContainsAny(warn, "\n\r") {
			t.Fatalf("warning of more than one line: %q", warn)
		}
		if len(a.Title) > max(maxMetaTitle, maxHeadline, len(a.ID)) && a.TitleFrom == corpus.OriginMetadata {
			t.Fatalf("title of %d bytes", len(a.Title))
		}
		if len(a.Source) > maxMetaSource && a.SourceFrom == corpus.OriginMetadata || len(a.URL) > maxMetaURL {
			t.Fatalf("source or url past its bound: %d, %d", len(a.Source), len(a.URL))
		}
		checkArticle(t, a)
	})
}
