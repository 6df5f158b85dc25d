package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"dossier/corpus"
	"dossier/ui"
)

// commonFlags are the flags every script command takes.
type commonFlags struct {
	json     bool
	corpus   string
	encoding string
}

func newFlagSet(name string, stderr io.Writer, c *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("dossier "+name, flag.ContinueOnError)
	// The flag package's own messages lack the command's name and dump
	// every flag; usageErr says it in one line instead.
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.json, "json", false, "print JSON")
	fs.StringVar(&c.corpus, "corpus", "", "read the `PATH` (a file or folder) instead of the embedded corpus")
	fs.StringVar(&c.encoding, "encoding", "", "force a decoding: utf-8, utf-16, windows-1251, koi8-r")
	return fs
}

// parseArgs parses flags wherever they stand among the arguments, so
// `dossier show ID --json` works as well as `dossier show --json ID`.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos, rest []string
	for i, a := range args {
		if a == "--" { // everything after it is an argument, even "-csto"
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// usageErr reports bad usage on stderr, in one line and the command's
// usage, and returns its exit status.
func usageErr(stderr io.Writer, fs *flag.FlagSet, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stderr, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "%s: %s\n(see dossier help)\n", fs.Name(), corpus.SanitizeLine(err.Error()))
	return exitUsage
}

// loadCorpus reads the embedded corpus or PATH, reporting each skipped
// file on stderr; the rest loads.
func loadCorpus(c commonFlags, stderr io.Writer) ([]corpus.Article, bool) {
	if c.corpus == "" {
		return corpus.Embedded(), true
	}
	arts, skipped, err := corpus.Load(context.Background(), c.corpus, corpus.LoadOptions{Encoding: c.encoding})
	for _, s := range skipped {
		fmt.Fprintf(stderr, "dossier: %s\n", s.Error())
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier: %s\n", corpus.SanitizeLine(err.Error()))
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
func runList(args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	fs := newFlagSet("list", stderr, &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageErr(stderr, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "dossier list: unexpected argument %q\n", corpus.SanitizeLine(pos[0]))
		return exitUsage
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return exitFail
	}
	if c.json {
		out := make([]jsonArticle, 0, len(arts))
		for i := range arts {
			out = append(out, toJSON(&arts[i], false))
		}
		if err := writeJSON(stdout, out); err != nil {
			return exitFail
		}
		return exitOK
	}
	width := 0 // no cut when piped
	if isTerminal(stdout) {
		width = terminalWidth(stdout)
	}
	writeList(stdout, arts, width)
	return exitOK
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
func runShow(args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	fs := newFlagSet("show", stderr, &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageErr(stderr, fs, err)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "dossier show: want one article ID (see dossier list)")
		return exitUsage
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return exitFail
	}
	a, cands := findArticle(arts, pos[0])
	if a == nil {
		msg := fmt.Sprintf("dossier show: no article %q", corpus.SanitizeLine(pos[0]))
		if len(cands) > 1 {
			msg = fmt.Sprintf("dossier show: %q is ambiguous: %d ids start so (%s)", corpus.SanitizeLine(pos[0]),
				len(cands), strings.Join(cands[:min(len(cands), 5)], ", "))
		}
		fmt.Fprintln(stderr, msg)
		return exitFail
	}
	switch {
	case c.json:
		if err := writeJSON(stdout, toJSON(a, true)); err != nil {
			return exitFail
		}
	case isTerminal(stdout):
		r := ui.NewRenderer(pickTheme("auto", true), lipgloss.ColorProfile())
		io.WriteString(stdout, r.Article(a, min(terminalWidth(stdout), 100), nil)+"\n")
	default:
		io.WriteString(stdout, plainArticle(a))
	}
	return exitOK
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
