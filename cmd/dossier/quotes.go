package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
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

// runQuotes prints who said what: every quote with its speaker and
// citation, in date order (undated last), for one speaker or all.
func runQuotes(args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	fs := newFlagSet("quotes", stderr, &c)
	speaker := fs.String("speaker", "", "only the quotes of `NAME` (any spelling or script: imankulov, Иманкулов)")
	dates := rangeFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageErr(stderr, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "dossier quotes: unexpected argument %q (the speaker goes in --speaker)\n", parse.SanitizeLine(pos[0]))
		return exitUsage
	}
	rng, err := dates()
	if err != nil {
		fmt.Fprintf(stderr, "dossier quotes: %s\n", err)
		return exitUsage
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return exitFail
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
	// One order for all speakers: by date, as each person's already is.
	slices.SortStableFunc(out, func(a, b cited) int { return corpus.Oldest(&arts[a.ref.Doc], &arts[b.ref.Doc]) })
	if c.json {
		js := make([]jsonCitedQuote, 0, len(out))
		for _, q := range out {
			a := &arts[q.ref.Doc]
			qu := a.Quotes[q.ref.Quote]
			js = append(js, jsonCitedQuote{Speaker: q.name, Text: qu.Text, Kind: qu.Kind.String(), ID: a.ID, Title: a.Title,
				Date: orNull(a.Date.String()), Source: orNull(a.Source), URL: orNull(a.URL)})
		}
		if err := writeJSON(stdout, js); err != nil {
			return exitFail
		}
		return exitOK
	}
	if len(out) == 0 {
		if *speaker != "" {
			fmt.Fprintf(stderr, "dossier quotes: no quotes of %q\n", parse.SanitizeLine(*speaker))
		} else {
			fmt.Fprintln(stderr, "dossier quotes: no attributed quotes")
		}
		return exitFail
	}
	var b strings.Builder
	for i, q := range out {
		a := &arts[q.ref.Doc]
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "«%s»\n  — %s\n", a.Quotes[q.ref.Quote].Text, citation(q.name, a))
	}
	io.WriteString(stdout, b.String())
	return exitOK
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
