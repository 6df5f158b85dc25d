package main

import (
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"flag"
	"fmt"
	"io"
	"strings"

	"dossier/corpus"
)

// jsonHit is one search result for scripts.
type jsonHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Date    *string `json:"date"`
	Score   int     `json:"score"`
	Snippet string  `json:"snippet"`
}

// runSearch prints the articles matching a query, best first.
func runSearch(args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	fs := newFlagSet("search", stderr, &c)
	limit := fs.Int("limit", 20, "print at most `N` hits")
	dates := rangeFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageErr(stderr, fs, err)
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		fmt.Fprintln(stderr, "dossier search: want a QUERY")
		return exitUsage
	}
	if *limit < 1 {
		fmt.Fprintln(stderr, "dossier search: --limit wants a positive number")
		return exitUsage
	}
	r, err := dates()
	if err != nil {
		fmt.Fprintf(stderr, "dossier search: %s\n", err)
		return exitUsage
	}
	q, err := search.ParseQuery(query)
	if err != nil {
		fmt.Fprintf(stderr, "dossier search: %s\n", err)
		return exitUsage
	}
	if !r.Since.IsZero() {
		q.Range.Since = r.Since
	}
	if !r.Until.IsZero() {
		q.Range.Until = r.Until
	}
	if !q.Range.Valid() {
		fmt.Fprintf(stderr, "dossier search: since %s is after until %s\n", q.Range.Since, q.Range.Until)
		return exitUsage
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return exitFail
	}
	ix := search.NewIndex(arts)
	hits := ix.Run(q, *limit)
	if c.json {
		out := make([]jsonHit, 0, len(hits))
		for _, h := range hits {
			a := &arts[h.Doc]
			out = append(out, jsonHit{ID: a.ID, Title: a.Title, Date: orNull(a.Date.String()), Score: h.Score, Snippet: h.Snippet})
		}
		if err := writeJSON(stdout, out); err != nil {
			return exitFail
		}
		return exitOK
	}
	if len(hits) == 0 {
		fmt.Fprintf(stderr, "dossier search: nothing matches %q\n", parse.SanitizeLine(query))
		return exitOK
	}
	var b strings.Builder
	for _, h := range hits {
		a := &arts[h.Doc]
		fmt.Fprintf(&b, "%s  %s  %s\n", a.Date.Text(), a.ID, a.Title)
		if h.Snippet != "" {
			fmt.Fprintf(&b, "    %s\n", parse.SanitizeLine(h.Snippet))
		}
	}
	io.WriteString(stdout, b.String())
	return exitOK
}

// rangeFlags adds --since and --until to fs; the function it returns reads
// them, after parsing, into a Range.
func rangeFlags(fs *flag.FlagSet) func() (corpus.Range, error) {
	since := fs.String("since", "", "only articles dated on or after `DATE` (2022, 2022-09 or 2022-09-22)")
	until := fs.String("until", "", "only articles dated on or before `DATE`")
	return func() (corpus.Range, error) {
		var r corpus.Range
		for _, b := range []struct {
			val, name string
			d         *corpus.Date
		}{{*since, "--since", &r.Since}, {*until, "--until", &r.Until}} {
			if b.val == "" {
				continue
			}
			d, ok := parse.Date(b.val, true)
			if !ok {
				return r, fmt.Errorf("%s %q: want a date such as 2022, 2022-09 or 2022-09-22", b.name, parse.SanitizeLine(b.val))
			}
			*b.d = d
		}
		if !r.Valid() {
			return r, fmt.Errorf("--since %s is after --until %s", r.Since, r.Until)
		}
		return r, nil
	}
}
