package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"dossier/corpus"
	"dossier/corpus/cite"
	"dossier/corpus/parse"
	"dossier/corpus/search"
)

// The values each command's --format takes; the first is the default
// where the command has one of its own (a terminal rendering for show).
var (
	showFormats   = []string{"txt", "md", "json"}
	listFormats   = []string{"txt", "csv", "json", "md"}
	exportFormats = []string{"md", "csv"}
)

// formatFlag adds --format to cmd, its help naming the allowed values.
func formatFlag(cmd *cobra.Command, p *string, allowed []string) {
	cmd.Flags().StringVar(p, "format", "", "print as `FORMAT`: "+orList(allowed))
}

// pickFormat checks --format against allowed and reconciles it with
// --json, its older spelling; "" is the command's default.
func pickFormat(format string, asJSON bool, allowed []string) (string, error) {
	if format != "" && !slices.Contains(allowed, format) {
		return "", usage("--format %q: want %s", format, orList(allowed))
	}
	if asJSON {
		if format != "" && format != "json" {
			return "", usage("--json and --format %s disagree", format)
		}
		return "json", nil
	}
	return format, nil
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// csvHeader is the first row of every CSV dossier writes.
var csvHeader = []string{"id", "date", "source", "title", "url", "file"}

// writeCSV writes one row an article, under csvHeader; dates in their
// machine form ("2022-09-22T16:47", "" when undated), as in JSON. Each
// field is one line: a CSV often ends up on a terminal (or in a tool that
// splits on newlines) before a spreadsheet.
func writeCSV(w io.Writer, arts []corpus.Article) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	l := parse.SanitizeLine
	for i := range arts {
		a := &arts[i]
		cw.Write([]string{l(a.ID), a.Date.String(), l(a.Source), l(a.Title), l(a.URL), l(a.File)})
	}
	cw.Flush()
	return cw.Error()
}

// writeMarkdownTable writes arts as a Markdown table: date, source, title,
// URL as a link, and the ID that dossier show takes.
func writeMarkdownTable(w io.Writer, arts []corpus.Article) error {
	var b strings.Builder
	b.WriteString("| Date | Source | Title | URL | ID |\n|---|---|---|---|---|\n")
	for i := range arts {
		a := &arts[i]
		row := []string{a.Date.Text(), cite.Escape(a.Source), cite.Escape(a.Title), "", cite.Escape(a.ID)}
		if a.URL != "" {
			row[3] = cite.Link(a.URL)
		}
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeArticles writes a list in one of the formats other than the
// default columns and JSON.
func writeArticles(w io.Writer, format string, arts []corpus.Article) error {
	if format == "csv" {
		return writeCSV(w, arts)
	}
	return writeMarkdownTable(w, arts)
}

// exportFlags are the export command's own flags.
type exportFlags struct {
	format, out string
	dates       func() (corpus.Range, error)
}

func (f *exportFlags) bind(cmd *cobra.Command) {
	formatFlag(cmd, &f.format, exportFormats)
	cmd.Flags().StringVarP(&f.out, "out", "o", "", "write to `FILE` instead of stdout (replaced whole, or left as it was)")
	f.dates = rangeFlags(cmd.Flags())
}

// runExport writes every article matching a query, best first, as a
// Markdown reading list with citations and quotes, or as CSV. Nothing
// matching is exit status 1, as for search, and no file is written.
func runExport(c commonFlags, f exportFlags, words []string, stdout, stderr io.Writer) error {
	format, err := pickFormat(f.format, false, exportFormats)
	if err != nil {
		return err
	}
	if format == "" {
		format = "md"
	}
	q, query, err := parseQueryArgs(words, f.dates)
	if err != nil {
		return err
	}
	arts, ok := loadCorpus(c, stderr)
	if !ok {
		return status(exitFail)
	}
	q.Detail = 1 // snippets are not exported; spare computing them
	hits := search.NewIndex(arts).Run(q, len(arts))
	if len(hits) == 0 {
		return fail("nothing matches %q", query)
	}
	sel := make([]corpus.Article, len(hits))
	for i, h := range hits {
		sel[i] = arts[h.Doc]
	}
	var buf bytes.Buffer
	if format == "csv" {
		err = writeCSV(&buf, sel)
	} else {
		err = cite.ReadingList(&buf, "Reading list: "+query, sel)
	}
	if err != nil {
		return fail("%s", err)
	}
	if f.out == "" || f.out == "-" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(f.out, buf.Bytes()); err != nil {
		return fail("%s", err)
	}
	return nil
}

// writeFileAtomic replaces path with b through a temporary file in the
// same folder, so a reader of path sees the old file or the new one,
// never half of one. A file replaced keeps its permissions.
func writeFileAtomic(path string, b []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return errors.New(parse.SanitizeLine(path) + ": not a regular file")
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
