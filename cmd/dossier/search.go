package main

import (
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"fmt"
	"io"
	"strings"

	"dossier/corpus"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// jsonHit is one search result for scripts.
type jsonHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Date    *string `json:"date"`
	Score   int     `json:"score"`
	Snippet string  `json:"snippet"`
}

// searchFlags are the search command's own flags.
type searchFlags struct {
	limit int
	dates func() (corpus.Range, error)
}

func (f *searchFlags) bind(cmd *cobra.Command) {
	cmd.Flags().IntVar(&f.limit, "limit", 20, "print at most `N` hits")
	f.dates = rangeFlags(cmd.Flags())
}

// runSearch prints the articles matching a query, best first.
func runSearch(c commonFlags, f searchFlags, words []string, stdout, stderr io.Writer) error {
	q, query, err := parseQueryArgs(words, f.dates)
	if err != nil {
		return err
	}
	if f.limit < 1 {
		return usage("--limit wants a positive number")
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return status(exitFail)
	}
	ix := corpusIndex(arts)
	hits := ix.Run(q, f.limit)
	if c.json {
		out := make([]jsonHit, 0, len(hits))
		for _, h := range hits {
			a := &arts[h.Doc]
			out = append(out, jsonHit{ID: a.ID, Title: a.Title, Date: orNull(a.Date.String()), Score: h.Score, Snippet: h.Snippet})
		}
		if err := writeJSON(stdout, out); err != nil {
			return err
		}
		if len(hits) == 0 {
			return status(exitFail) // as grep: the JSON says it, the status too
		}
		return nil
	}
	if len(hits) == 0 {
		return fail("nothing matches %q", query)
	}
	var b strings.Builder
	for _, h := range hits {
		a := &arts[h.Doc]
		fmt.Fprintf(&b, "%s  %s  %s\n", a.Date.Text(), a.ID, a.Title)
		if h.Snippet != "" {
			fmt.Fprintf(&b, "    %s\n", parse.SanitizeLine(h.Snippet))
		}
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

// parseQueryArgs reads a query from the command line's words, with
// --since and --until narrowing its since: and until:; the errors are
// usage errors. It returns the query as typed too, for messages.
func parseQueryArgs(words []string, dates func() (corpus.Range, error)) (search.Query, string, error) {
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return search.Query{}, "", usage("want a QUERY")
	}
	r, err := dates()
	if err != nil {
		return search.Query{}, query, usage("%s", err)
	}
	q, err := search.ParseQuery(query)
	if err != nil {
		return q, query, usage("%s", err)
	}
	if !r.Since.IsZero() {
		q.Range.Since = r.Since
	}
	if !r.Until.IsZero() {
		q.Range.Until = r.Until
	}
	if !q.Range.Valid() {
		return q, query, usage("since %s is after until %s", q.Range.Since, q.Range.Until)
	}
	return q, query, nil
}

// rangeFlags adds --since and --until to fs; the function it returns reads
// them, after parsing, into a Range.
func rangeFlags(fs *pflag.FlagSet) func() (corpus.Range, error) {
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
