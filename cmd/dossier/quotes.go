package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"dossier/corpus"
	"dossier/corpus/search"

	"github.com/spf13/cobra"
)

// jsonCitedQuote is one quote of `dossier quotes --json`.
type jsonCitedQuote struct {
	Speaker string  `json:"speaker"`
	Text    string  `json:"text"`
	Kind    string  `json:"kind"`
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Date    *string `json:"date"`
	Source  *string `json:"source"`
	URL     *string `json:"url"`
}

// quoteFlags are the quotes command's own flags.
type quoteFlags struct {
	speaker string
	dates   func() (corpus.Range, error)
}

func (f *quoteFlags) bind(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.speaker, "speaker", "", "only the quotes of `NAME` (any spelling or script: imankulov, Иманкулов)")
	f.dates = rangeFlags(cmd.Flags())
}

// runQuotes prints who said what: every quote with its speaker and
// citation, in date order (undated last), for one speaker or all.
func runQuotes(c commonFlags, f quoteFlags, stdout, stderr io.Writer) error {
	rng, err := f.dates()
	if err != nil {
		return usage("%s", err)
	}
	speaker := &f.speaker
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return status(exitFail)
	}
	type cited struct {
		name string
		ref  search.QuoteRef
	}
	var out []cited
	for _, p := range search.People(arts) {
		if *speaker != "" && !p.Named(*speaker) {
			continue
		}
		for _, ref := range p.Quotes {
			if rng.Contains(arts[ref.Doc].Date) {
				out = append(out, cited{p.Name, ref})
			}
		}
	}
	// One order for all speakers: by date, as each person's already is,
	// and an article's quotes as they come in its text.
	slices.SortStableFunc(out, func(a, b cited) int {
		if c := corpus.Oldest(&arts[a.ref.Doc], &arts[b.ref.Doc]); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.ref.Doc, b.ref.Doc), cmp.Compare(a.ref.Quote, b.ref.Quote))
	})
	if c.json {
		js := make([]jsonCitedQuote, 0, len(out))
		for _, q := range out {
			a := &arts[q.ref.Doc]
			qu := a.Quotes[q.ref.Quote]
			js = append(js, jsonCitedQuote{Speaker: q.name, Text: qu.Text, Kind: qu.Kind.String(), ID: a.ID, Title: a.Title,
				Date: orNull(a.Date.String()), Source: orNull(a.Source), URL: orNull(a.URL)})
		}
		return writeJSON(stdout, js)
	}
	if len(out) == 0 {
		if *speaker != "" {
			return fail("no quotes of %q", *speaker)
		}
		return fail("no attributed quotes")
	}
	var b strings.Builder
	for i, q := range out {
		a := &arts[q.ref.Doc]
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "«%s»\n  — %s\n", a.Quotes[q.ref.Quote].Text, citation(q.name, a))
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

// citation is "Speaker, Outlet, 2022-09-22, Title (id), URL" with what is
// unknown left out.
func citation(speaker string, a *corpus.Article) string {
	parts := []string{speaker}
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	parts = append(parts, a.Date.Truncate(corpus.PrecDay).Text())
	parts = append(parts, fmt.Sprintf("%s (%s)", a.Title, a.ID))
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	return strings.Join(parts, ", ")
}
