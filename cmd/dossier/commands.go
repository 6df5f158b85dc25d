package main

import (
	"dossier/corpus/parse"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"dossier/corpus"
	"dossier/corpus/cite"
	"dossier/ui"
)

// loadCorpus reads the embedded corpus or PATH, reporting each skipped
// file on stderr; the rest loads.
func loadCorpus(c commonFlags, stderr io.Writer) ([]corpus.Article, bool) {
	if c.corpus == "" {
		return parse.Embedded(), true
	}
	arts, skipped, err := openCorpus(c, stderr)
	for _, s := range skipped {
		fmt.Fprintf(stderr, "dossier: %s\n", s.Error())
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier: %s\n", parse.SanitizeLine(err.Error()))
		return nil, false
	}
	return arts, true
}

// jsonQuote and jsonArticle fix the JSON shapes and their key order.
type jsonQuote struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	Kind    string  `json:"kind"`
}

type jsonArticle struct {
	ID         string      `json:"id"`
	File       string      `json:"file"`
	Title      string      `json:"title"`
	Date       *string     `json:"date"`
	DateOrigin *string     `json:"date_origin"`
	Source     *string     `json:"source"`
	URL        *string     `json:"url"`
	Dateline   *string     `json:"dateline"`
	Tags       []string    `json:"tags,omitempty"`
	Words      int         `json:"words"`
	Quotes     []jsonQuote `json:"quotes"`
	Paragraphs []string    `json:"paragraphs,omitempty"`
}

// orNull is nil for an unknown (empty) value: JSON says null, not "".
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toJSON(a *corpus.Article, paragraphs bool) jsonArticle {
	j := jsonArticle{
		ID: a.ID, File: a.File, Title: a.Title,
		Date: orNull(a.Date.String()), Source: orNull(a.Source), URL: orNull(a.URL), Dateline: orNull(a.Dateline),
		Tags: a.Tags, Words: a.Words, Quotes: []jsonQuote{},
	}
	if !a.Date.IsZero() {
		j.DateOrigin = orNull(a.Date.Origin.String())
	}
	for _, q := range a.Quotes {
		j.Quotes = append(j.Quotes, jsonQuote{Text: q.Text, Speaker: orNull(q.Speaker), Kind: q.Kind.String()})
	}
	if paragraphs {
		j.Paragraphs = a.Paragraphs
		if j.Paragraphs == nil {
			j.Paragraphs = []string{}
		}
	}
	return j
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// runList prints every article, oldest first, undated last.
func runList(c commonFlags, stdout, stderr io.Writer) error {
	format, err := pickFormat(c.format, c.json, listFormats)
	if err != nil {
		return err
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return status(exitFail)
	}
	switch format {
	case "csv", "md":
		return writeArticles(stdout, format, arts)
	case "json":
		out := make([]jsonArticle, 0, len(arts))
		for i := range arts {
			out = append(out, toJSON(&arts[i], false))
		}
		return writeJSON(stdout, out)
	}
	width := 0 // no cut when piped
	if isTerminal(stdout) {
		width = terminalWidth(stdout)
	}
	writeList(stdout, arts, width)
	return nil
}

// writeList prints aligned columns: date, source, title. With width > 0
// each line is cut to it.
func writeList(w io.Writer, arts []corpus.Article, width int) {
	const maxSource = 18
	dw, sw := 0, 0
	for i := range arts {
		dw = max(dw, len(arts[i].Date.Text()))
		sw = max(sw, min(ansi.StringWidth(arts[i].Source), maxSource))
	}
	var b strings.Builder
	for i := range arts {
		a := &arts[i]
		line := pad(a.Date.Text(), dw) + "  " + pad(ansi.Truncate(a.Source, sw, "…"), sw) + "  " + a.Title
		if width > 0 {
			line = ansi.Truncate(line, width, "…")
		}
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

func pad(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// findArticle resolves an id, or a prefix of exactly one id.
func findArticle(arts []corpus.Article, id string) (*corpus.Article, []string) {
	var cands []string
	var found *corpus.Article
	for i := range arts {
		if arts[i].ID == id {
			return &arts[i], nil
		}
		if strings.HasPrefix(arts[i].ID, id) {
			cands = append(cands, arts[i].ID)
			found = &arts[i]
		}
	}
	if len(cands) == 1 {
		return found, nil
	}
	sort.Strings(cands)
	return nil, cands
}

// runShow prints one article: rendered on a terminal, plain when piped.
func runShow(c commonFlags, id string, stdout, stderr io.Writer) error {
	format, err := pickFormat(c.format, c.json, showFormats)
	if err != nil {
		return err
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return status(exitFail)
	}
	a, cands := findArticle(arts, id)
	if a == nil {
		if len(cands) > 1 {
			return fail("%q is ambiguous: %d ids start so (%s)", id, len(cands), strings.Join(cands[:min(len(cands), 5)], ", "))
		}
		return fail("no article %q", id)
	}
	switch {
	case format == "json":
		return writeJSON(stdout, toJSON(a, true))
	case format == "md":
		return cite.Article(stdout, *a)
	case format == "" && isTerminal(stdout):
		_, err := io.WriteString(stdout, renderShow(a, min(terminalWidth(stdout), c.articleWidth()), pickTheme(c.themeOr(), true))+"\n")
		return err
	}
	_, err = io.WriteString(stdout, parse.Sanitize(plainArticle(a)))
	return err
}

// renderDeadline is how long show waits for Glamour before it prints the
// plain rendering, as the reader does.
const renderDeadline = time.Second

// renderShow renders a through Glamour, or through the plain renderer
// when Glamour has not finished by the deadline: no text may hold the
// terminal for minutes.
func renderShow(a *corpus.Article, width int, th ui.Theme) string {
	r := ui.NewRenderer(th, lipgloss.ColorProfile())
	done := make(chan string, 1)
	go func() { done <- r.Article(a, width, nil) }()
	select {
	case s := <-done:
		return s
	case <-time.After(renderDeadline):
		return r.Plain(a, width, nil)
	}
}

// plainArticle is an article as plain text for pipes: title, metadata,
// url, then the paragraphs, unwrapped.
func plainArticle(a *corpus.Article) string {
	var b strings.Builder
	b.WriteString(a.Title + "\n")
	b.WriteString(ui.HeaderLine(a) + "\n")
	if a.URL != "" {
		b.WriteString(a.URL + "\n")
	}
	for _, p := range a.Paragraphs {
		b.WriteString("\n" + p + "\n")
	}
	return b.String()
}

func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
			return cols
		}
	}
	return 80
}
