package corpus

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"dossier/corpus/hostile"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\n", "plain text\n"},
		{"a\x1b[2Jb", "a[2Jb"},
		{"osc\x1b]52;c;eA==\x07end", "osc]52;c;eA==end"},
		{"c1\u009b2J and raw \x9b", "c12J and raw \ufffd"},
		{"crlf\r\nlone\rcr", "crlf\nlone\ncr"},
		{"bidi\u202eevil\u2066x\u2069", "bidievilx"},
		{"bom\ufeffmid\u200bzw", "bommidzw"},
		{"tab\tkept", "tab\tkept"},
		{"nul\x00del\x7fbs\bbel\a", "nuldelbsbel"},
		{"bad\xff\xfeutf8", "bad\ufffd\ufffdutf8"},
		{"кириллица ok", "кириллица ok"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := SanitizeLine("a\nb\tc\x1b"); got != "a b c" {
		t.Errorf("SanitizeLine = %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"a\x1b[2Jb", "\r\n\r", "\u202e\ufeff", "\xff\xc3\x28", "\u009b", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, clean := range []func(string) string{Sanitize, SanitizeLine} {
			out := clean(s)
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8: %q", out)
			}
			for _, r := range out {
				if UnsafeRune(r) && r != '\n' && r != '\t' {
					t.Fatalf("control %U left in %q", r, out)
				}
			}
			if again := clean(out); again != out {
				t.Fatalf("not idempotent: %q then %q", out, again)
			}
		}
		if strings.ContainsAny(SanitizeLine(s), "\n\t") {
			t.Fatalf("SanitizeLine kept a line break")
		}
	})
}

func TestLoadHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	dir := t.TempDir()
	m, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	var batches, streamed int
	arts, skipped, err := Load(context.Background(), dir, LoadOptions{Progress: func(b []Article) {
		batches++
		streamed += len(b)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if streamed != len(arts) || batches == 0 {
		t.Errorf("progress saw %d articles in %d batches, load returned %d", streamed, batches, len(arts))
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	for _, s := range m.Skipped {
		if !strings.Contains(reasons[s.Name], s.Reason) {
			t.Errorf("%s: reason %q, want %q", s.Name, reasons[s.Name], s.Reason)
		}
	}
	if len(skipped) != len(m.Skipped) {
		t.Errorf("skipped %v, want %v", skipped, m.Skipped)
	}
	byID := map[string]*Article{}
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
		checkArticle(t, arts[i])
		if strings.ContainsAny(arts[i].File, "\x1b\x07") || strings.ContainsAny(arts[i].ID, "\x1b\x07") {
			t.Errorf("control in file name %q", arts[i].File)
		}
	}
	for _, p := range m.Payloads {
		a := byID[strings.TrimSuffix(p.Name, ".txt")]
		if a == nil {
			t.Errorf("%s not loaded", p.Name)
			continue
		}
		body := strings.Join(a.Paragraphs, "\n")
		if !strings.Contains(body, p.Before) || !strings.Contains(body, p.After) {
			t.Errorf("%s: markers lost: %q", p.Name, body)
		}
		if !strings.HasPrefix(a.Title, "Headline") || a.Date.String() != "2022-09-22T16:47" {
			t.Errorf("%s: title %q date %q", p.Name, a.Title, a.Date)
		}
	}
	if a := byID["x.txt/inner"]; a == nil || a.Title != "Inner headline" {
		t.Errorf("the article inside the directory x.txt: %+v", a)
	}
	if a := byID["enc-cp1251"]; a == nil || a.Title != "Новости" || a.Date.String() != "2019-11-28" {
		t.Errorf("cp1251: %+v", a)
	}
	if a := byID["enc-utf16-nobom"]; a == nil || a.Title != "Wide text" {
		t.Errorf("utf-16 without BOM: %+v", a)
	}
	if !sort.SliceIsSorted(arts, func(i, j int) bool { return Less(&arts[i], &arts[j]) }) {
		t.Error("articles not sorted by date")
	}
}

func TestLoadOptions(t *testing.T) {
	dir := t.TempDir()
	koi, cp := []byte{0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, '\n'}, []byte{0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, '\n'}
	os.WriteFile(filepath.Join(dir, "a.txt"), koi, 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), cp, 0o644)
	arts, _, err := Load(context.Background(), dir, LoadOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{arts[0].ID, arts[1].ID}
	sort.Strings(ids)
	if ids[0] != "a" || ids[1] != "a.txt" {
		t.Errorf("ids = %v: a.md keeps a, a.txt its extension", ids)
	}
	for _, a := range arts {
		if a.Title != "Привет" {
			t.Errorf("%s: title %q: encoding detection", a.File, a.Title)
		}
	}
	// Forcing the wrong encoding is the user's call.
	arts, _, _ = Load(context.Background(), filepath.Join(dir, "a.txt"), LoadOptions{Encoding: "windows-1251"})
	if len(arts) != 1 || arts[0].Title == "Привет" {
		t.Errorf("--encoding ignored: %+v", arts)
	}
	if _, _, err := Load(context.Background(), dir, LoadOptions{Encoding: "ebcdic"}); err == nil {
		t.Error("unknown encoding accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Load(ctx, dir, LoadOptions{}); err == nil {
		t.Error("cancelled load returned no error")
	}
}

func TestLoadEdges(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.MkdirAll(real, 0o755)
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(real, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", []byte("One\n\nBody.\n"))
	write("a.md", []byte("Two\n\nBody.\n"))
	write("a.txt.md", []byte("Three\n\nBody.\n"))
	write("blank.txt", []byte("  \n\n \n"))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String("Новости дня\n\nТекст без метки порядка байтов.\n")
	write("ru16.txt", []byte(u16))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	arts, skipped, err := Load(context.Background(), link, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, a := range arts {
		ids[a.ID] = a.Title
		if !strings.HasPrefix(a.File, link) {
			t.Errorf("file %q not shown under the path given", a.File)
		}
	}
	if len(ids) != 4 || ids["ru16"] != "Новости дня" {
		t.Errorf("through a symlinked root: %v", ids)
	}
	if len(skipped) != 1 || skipped[0].Reason != "empty file" {
		t.Errorf("skipped = %v", skipped)
	}
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.ID] {
			t.Errorf("duplicate id %q", a.ID)
		}
		seen[a.ID] = true
	}
}
