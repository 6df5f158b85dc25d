package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestFormats holds every format's output on the embedded seeds to a
// golden file (go test ./cmd/dossier -run TestFormats -update).
func TestFormats(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"list-csv", []string{"list", "--format", "csv"}},
		{"list-md", []string{"list", "--format", "md"}},
		{"list-txt", []string{"list", "--format", "txt"}},
		{"show-md", []string{"show", "002", "--format", "md"}},
		{"show-txt", []string{"show", "002", "--format", "txt"}},
		{"export-md", []string{"export", "csto", "sco"}},
		{"export-csv", []string{"export", "speaker:imankulov", "--format", "csv"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCmd(t, c.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("%v: exit %d, stderr %q", c.args, code, errs)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// TestFormatAliases: --format json is --json's output, and txt is what
// list and show print piped without a format.
func TestFormatAliases(t *testing.T) {
	for _, c := range [][2][]string{
		{{"list", "--json"}, {"list", "--format", "json"}},
		{{"list", "--json"}, {"list", "--json", "--format", "json"}},
		{{"show", "002", "--json"}, {"show", "002", "--format", "json"}},
		{{"list"}, {"list", "--format", "txt"}},
		{{"show", "004"}, {"show", "004", "--format", "txt"}},
		{{"export", "csto"}, {"export", "csto", "--format", "md", "--out", "-"}},
	} {
		a, _, ca := runCmd(t, c[0]...)
		b, _, cb := runCmd(t, c[1]...)
		if ca != exitOK || cb != exitOK || a != b || a == "" {
			t.Errorf("%v (exit %d) and %v (exit %d) differ", c[0], ca, c[1], cb)
		}
	}
	var arts []map[string]any
	out, _, _ := runCmd(t, "list", "--format", "json")
	if err := json.Unmarshal([]byte(out), &arts); err != nil || len(arts) != 5 {
		t.Errorf("list --format json: %d articles, %v", len(arts), err)
	}
	var a map[string]any
	out, _, _ = runCmd(t, "show", "002", "--format", "json")
	if err := json.Unmarshal([]byte(out), &a); err != nil || a["source"] != "Interfax" || len(a["paragraphs"].([]any)) != 9 {
		t.Errorf("show --format json: %v, %v", a, err)
	}
}

// TestCSV reads the CSV back: a header, one record an article, six fields,
// commas and quotes in titles kept whole.
func TestCSV(t *testing.T) {
	for _, args := range [][]string{{"list", "--format", "csv"}, {"export", "csto", "--format", "csv"}} {
		out, _, code := runCmd(t, args...)
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != exitOK || err != nil {
			t.Fatalf("%v: exit %d, %v", args, code, err)
		}
		if len(recs) != 6 || strings.Join(recs[0], ",") != "id,date,source,title,url,file" {
			t.Fatalf("%v: %d records, header %v", args, len(recs), recs[0])
		}
		byID := map[string][]string{}
		for _, r := range recs[1:] {
			byID[r[0][:3]] = r
		}
		if r := byID["001"]; r[3] != "President Japarov considers CSTO, SCO as instruments for strengthening security" || r[1] != "2021-09-17" || r[2] != "24.kg" || !strings.HasPrefix(r[4], "https://24.kg/") {
			t.Errorf("%v: 001 = %q", args, r)
		}
		if r := byID["000"]; r[1] != "" || !strings.HasSuffix(r[5], "000_b23bf47890062d66.txt") {
			t.Errorf("%v: undated 000 = %q", args, r)
		}
		if r := byID["002"]; r[1] != "2022-09-22T16:47" {
			t.Errorf("%v: 002 = %q", args, r)
		}
	}
}

func TestFormatErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "list.md")
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"list", "--format", "xml"}, exitUsage, `dossier list: --format "xml": want txt, csv, json or md`},
		{[]string{"show", "002", "--format", "csv"}, exitUsage, `--format "csv": want txt, md or json`},
		{[]string{"export", "csto", "--format", "json"}, exitUsage, `--format "json": want md or csv`},
		{[]string{"list", "--json", "--format", "md"}, exitUsage, "--json and --format md disagree"},
		{[]string{"export"}, exitUsage, "want a QUERY"},
		{[]string{"show", "002", "--width", "-5"}, exitUsage, "--width -5: want a number of columns from 20 to 1000"},
		{[]string{"export", "speakr:x"}, exitUsage, "unknown operator speakr:"},
		{[]string{"export", "x", "--since", "soon"}, exitUsage, "--since"},
		// Nothing matches: exit 1 as search, and no file.
		{[]string{"export", "nothing-at-all-matches-this", "--out", out}, exitFail, `dossier export: nothing matches "nothing-at-all-matches-this"`},
		{[]string{"export", "csto", "--out", t.TempDir()}, exitFail, "not a regular file"},
		{[]string{"export", "csto", "--out", filepath.Join(t.TempDir(), "no", "such", "dir", "x.md")}, exitFail, "no such file"},
	} {
		stdout, errs, code := runCmd(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.err) || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q", c.args, code, stdout, errs, c.code, c.err)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("an export that found nothing wrote %s (%v)", out, err)
	}
}

// TestExportOut writes the reading list to a file, replacing one that is
// there and keeping its permissions, and leaves nothing else behind.
func TestExportOut(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "reading.md")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, errs, code := runCmd(t, "export", "imankulov", "--out", out)
	if code != exitOK || stdout != "" || errs != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("# Reading list: imankulov\n\n2 articles.\n")) || !bytes.Contains(b, []byte("— Marat Imankulov")) {
		t.Errorf("%s = %q, %v", out, b, err)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
	fresh := filepath.Join(dir, "new.csv")
	if _, _, code := runCmd(t, "export", "csto", "-o", fresh, "--format", "csv"); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if st, err := os.Stat(fresh); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("new file: %v, %v", st, err)
	}
}
