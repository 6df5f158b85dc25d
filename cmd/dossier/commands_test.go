package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"dossier/corpus"
	"dossier/corpus/hostile"
	"dossier/ui"
)

func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestListJSON(t *testing.T) {
	out, errs, code := runCmd(t, "list", "--json")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var arts []map[string]any
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("%d articles", len(arts))
	}
	var dates []any
	for _, a := range arts {
		dates = append(dates, a["date"])
		for _, k := range []string{"id", "file", "title", "date", "date_origin", "source", "url", "dateline", "words", "quotes"} {
			if _, ok := a[k]; !ok {
				t.Errorf("%v lacks %q", a["id"], k)
			}
		}
		if _, ok := a["paragraphs"]; ok {
			t.Errorf("list carries paragraphs")
		}
	}
	want := []any{"2018-11-09", "2021-09-17", "2022-09-22T16:47", "2024-06-06", nil}
	for i := range want {
		if dates[i] != want[i] {
			t.Errorf("dates = %v, want %v (sorted by date, undated last)", dates, want)
			break
		}
	}
	last := arts[4]
	if last["date_origin"] != nil || last["source"] != "24.kg" || !strings.HasPrefix(last["id"].(string), "000") {
		t.Errorf("undated article = %v", last)
	}
	q := arts[1]["quotes"].([]any)
	if len(q) != 2 || q[0].(map[string]any)["kind"] != "term" || q[1].(map[string]any)["speaker"] != "Sadyr Japarov" {
		t.Errorf("001 quotes = %v", q)
	}
}

func TestListPlain(t *testing.T) {
	out, _, code := runCmd(t, "list")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != exitOK || len(lines) != 5 {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), out)
	}
	if !regexp.MustCompile(`^2022-09-22 16:47 +Interfax +Kyrgyzstan not considering withdrawal`).MatchString(lines[2]) {
		t.Errorf("line 3 = %q", lines[2])
	}
	if !strings.HasPrefix(lines[4], "undated ") {
		t.Errorf("last line = %q", lines[4])
	}
}

func TestShow(t *testing.T) {
	out, _, code := runCmd(t, "show", "002_b3ee55cb9c8e7b0e", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var a map[string]any
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a["dateline"] != "BISHKEK" || a["date_origin"] != "header" || len(a["paragraphs"].([]any)) != 9 {
		t.Errorf("show --json = %v", a)
	}
	out, _, code = runCmd(t, "show", "004")
	if code != exitOK || !strings.HasPrefix(out, "The CSTO in the focus of global terrorism") ||
		!strings.Contains(out, "2024-06-06 ·in text") || strings.Contains(out, "Go back") || strings.Contains(out, "\x1b") {
		t.Errorf("show 004 (piped) = exit %d\n%s", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"show", "nope"}, exitFail, `no article "nope"`},
		{[]string{"show", "00"}, exitFail, `"00" is ambiguous: 5 ids start so`},
		{[]string{"show"}, exitUsage, "one article ID"},
		{[]string{"show", "a", "b", "c"}, exitUsage, "one article ID"},
		{[]string{"show", "a", filepath.Join(t.TempDir(), "missing")}, exitFail, "cannot read"}, // ID then PATH
		{[]string{"list", "--bogus"}, exitUsage, "bogus"},
		{[]string{"list", "a", "b"}, exitUsage, "accepts at most 1 arg"},
		{[]string{"list", filepath.Join(t.TempDir(), "missing")}, exitFail, "cannot read"}, // PATH is --corpus
		{[]string{"list", ".", "--corpus", "."}, exitUsage, "not both"},
		{[]string{"list", "--corpus", filepath.Join(t.TempDir(), "missing")}, exitFail, "cannot read"},
		{[]string{"list", "--corpus", ".", "--encoding", "ebcdic"}, exitFail, "unknown encoding"},
		{[]string{"search"}, exitUsage, "want a QUERY"},
		{[]string{"search", "x", "--since", "yesterday"}, exitUsage, "--since"},
		{[]string{"search", "x", "--since", "2024", "--until", "2020"}, exitUsage, "is after --until"},
		{[]string{"search", "--", "-sco", "csto"}, exitOK, ""}, // a query after --, not a flag
		{[]string{"list", "--bogus"}, exitUsage, "dossier list: unknown flag: --bogus"},
		{[]string{"search", "nothing-at-all-matches-this"}, exitFail, "nothing matches"}, // as grep
		{[]string{"frobnicate"}, exitUsage, "neither a command"},
	} {
		_, errs, code := runCmd(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.err)
		}
	}
}

// TestLoadFolder loads a folder of articles of other shapes and bad files,
// made here, through the list command.
func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cp1251, _ := charmap.Windows1251.NewEncoder().String("Новости Бишкека\n\nВстреча прошла 28 ноября 2019 года в Бишкеке.\n")
	koi8, _ := charmap.KOI8R.NewEncoder().String("Сводка\n\nДокумент подписан 25.11.2022 в столице, сообщили в министерстве.\n")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Wide headline\n\nText in UTF-16 from 12 March 2023.\n")
	write("ru/cp1251.txt", []byte(cp1251))
	write("ru/koi8.txt", []byte(koi8))
	write("u16.md", []byte(u16))
	write("crlf.txt", []byte("Windows lines\r\n\r\nA body\r\nwith CRLF.\r\n"))
	write("bom.txt", []byte("\xef\xbb\xbfWith a BOM\n\nBody.\n"))
	write("front.markdown", []byte("---\ntitle: From front matter\ndate: 2020-01-02\nsource: Kabar\n---\nBody text.\n"))
	write("image.png", []byte("\x89PNG not an article"))
	write("x.bin.txt", append([]byte("MZ"), make([]byte, 500)...))
	write("big.txt", bytes.Repeat([]byte("a "), 9<<19)) // 9 MB: over the 8 MB limit
	write("bad.md", []byte("---\ntitle: [broken\n---\nbody\n"))
	if err := os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Skip(err)
	}

	out, errs, code := runCmd(t, "list", "--json", "--corpus", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"big.txt: oversized", "x.bin.txt: binary file", "dangling.txt: broken symlink"} {
		if !strings.Contains(errs, "dossier: skipped "+dir+"/"+want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// Front matter that cannot be read costs the front matter, not the file.
	if want := "dossier: " + dir + "/bad.md: front matter ignored: "; !strings.Contains(errs, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errs)
	}
	if strings.Contains(errs, "image.png") {
		t.Errorf("a non-article file was reported: %s", errs)
	}
	var arts []map[string]any
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range arts {
		d, _ := a["date"].(string)
		got[a["id"].(string)] = a["title"].(string) + " | " + d
	}
	want := map[string]string{
		"ru/cp1251": "Новости Бишкека | 2019-11-28",
		"ru/koi8":   "Сводка | 2022-11-25",
		"u16":       "Wide headline | 2023-03-12",
		"crlf":      "Windows lines | ",
		"bom":       "With a BOM | ",
		"front":     "From front matter | 2020-01-02",
		"bad":       "body | ",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s = %q, want %q", id, got[id], w)
		}
	}
	if len(arts) != len(want) {
		t.Errorf("%d articles, want %d: %v", len(arts), len(want), got)
	}
}

// reEsc finds escape bytes that are not the start of an SGR sequence.
var reNonSGR = regexp.MustCompile(`\x1b(?:[^\[]|\[[0-9;:]*[^0-9;:m])`)

// TestHostile runs every command over the hostile corpus: each finishes,
// prints no escape but SGR and no other control, reports the files it
// skips with their reasons, and keeps the visible text around payloads.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	dir := t.TempDir()
	m, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	cmds := [][]string{
		{"list", "--corpus", dir},
		{"list", "--json", "--corpus", dir},
		{"search", "Before", "--limit", "100", "--corpus", dir},
		{"search", "quoted", "--json", "--limit", "100", "--corpus", dir},
		{"list", "--format", "md", "--corpus", dir},
		{"list", "--format", "csv", "--corpus", dir},
		{"export", "Before", "--corpus", dir},
		{"export", "Before", "--format", "csv", "--corpus", dir},
	}
	// show reads one hostile file at a time: the folder's loads are
	// covered above, and fifty loads of its megabyte of bombs would only
	// time the parser.
	for _, p := range m.Payloads {
		id, file := strings.TrimSuffix(p.Name, ".txt"), filepath.Join(dir, p.Name)
		cmds = append(cmds, []string{"show", id, "--corpus", file}, []string{"show", id, "--json", "--corpus", file},
			[]string{"show", id, "--format", "md", "--corpus", file})
	}
	for _, b := range m.Big {
		cmds = append(cmds, []string{"show", strings.TrimSuffix(b, ".txt"), "--corpus", filepath.Join(dir, b)})
	}
	// A hang or a blow-up fails here, through a generous deadline; the
	// real speed is BenchmarkRenderWorst's and BenchmarkParse's business.
	deadline := time.After(60 * time.Second)
	for _, args := range cmds {
		type result struct {
			out, errs string
			code      int
		}
		done := make(chan result, 1)
		go func() {
			var out, errb bytes.Buffer
			code := run(args, &out, &errb)
			done <- result{out.String(), errb.String(), code}
		}()
		var r result
		select {
		case r = <-done:
		case <-deadline:
			t.Fatalf("commands over the hostile corpus ran past their 60 s deadline, at %v", args)
		}
		out, errs, code := r.out, r.errs, r.code
		if code != exitOK {
			t.Errorf("%v: exit %d: %.300s", args, code, errs)
		}
		for name, s := range map[string]string{"stdout": out, "stderr": errs} {
			if loc := reNonSGR.FindStringIndex(s); loc != nil {
				t.Errorf("%v %s: escape at %d: %q", args, name, loc[0], s[loc[0]:min(len(s), loc[0]+12)])
			}
			for _, r := range s {
				if (r < 0x20 && r != '\n' && r != '\x1b') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
					t.Errorf("%v %s: control %U", args, name, r)
					break
				}
			}
		}
		if args[0] == "show" && !strings.Contains(args[1], "bomb") {
			for _, p := range m.Payloads {
				if strings.TrimSuffix(p.Name, ".txt") == args[1] && !(strings.Contains(out, p.Before) && strings.Contains(out, p.After)) {
					t.Errorf("%v: markers %s/%s lost", args, p.Before, p.After)
				}
			}
		}
		if args[0] == "list" {
			for _, s := range m.Skipped {
				if !regexp.MustCompile(regexp.QuoteMeta(s.Name) + `: [^\n]*` + s.Reason).MatchString(errs) {
					t.Errorf("%v: no skip line for %s (%s):\n%s", args, s.Name, s.Reason, errs)
				}
			}
			if !strings.Contains(out, "Inner headline") || !strings.Contains(out, "Evil name") || !strings.Contains(out, "Wide text") || !strings.Contains(out, "Новости") {
				t.Errorf("%v: readable files missing from the list", args)
			}
		}
	}
}

func TestSearchCommand(t *testing.T) {
	ids := func(out string) []string {
		t.Helper()
		var hits []struct {
			ID      string  `json:"id"`
			Title   string  `json:"title"`
			Date    *string `json:"date"`
			Score   int     `json:"score"`
			Snippet string  `json:"snippet"`
		}
		if err := json.Unmarshal([]byte(out), &hits); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		var s []string
		for _, h := range hits {
			if h.Title == "" || h.Score < 0 { // operators alone rank by date, at 0
				t.Errorf("hit %+v", h)
			}
			s = append(s, h.ID[:3])
		}
		sort.Strings(s)
		return s
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"imankulov"}, "000 002"},
		{[]string{"imankulv"}, "000 002"}, // a typo
		{[]string{"japarov"}, "001"},
		{[]string{"crocus"}, "004"},
		{[]string{"imankulov", "--since", "2022"}, "002"}, // 000 is undated: outside any range
		{[]string{"imankulov", "--until", "2021-12"}, ""},
		{[]string{"csto", "--since", "2021-09-17", "--until", "2022-09-22"}, "001 002"},
		{[]string{"csto", "--limit", "2"}, "2 hits"},
		{[]string{"--", `"security council"`, "-sco"}, "002 004"}, // -- ends the flags
		{[]string{"speaker:Иманкулов"}, "000 002"},
		{[]string{"csto since:2022"}, "002 004"},
		{[]string{"csto since:2023", "--until", "2024"}, "004"}, // the flag and the operator combine
	} {
		out, errs, code := runCmd(t, append([]string{"search", "--json"}, c.args...)...)
		if want := map[bool]int{true: exitFail, false: exitOK}[c.want == ""]; code != want {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		got := strings.Join(ids(out), " ")
		if c.want == "2 hits" {
			if n := len(ids(out)); n != 2 {
				t.Errorf("%v: %d hits", c.args, n)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%v: ids %q, want %q", c.args, got, c.want)
		}
	}
	out, _, _ := runCmd(t, "search", "masadykov")
	if !strings.HasPrefix(out, "2024-06-06  004_d44b879e1bc470f7  The CSTO in the focus") || !strings.Contains(out, "\n    ") {
		t.Errorf("plain search output:\n%s", out)
	}
}

func TestQuotes(t *testing.T) {
	type quote struct {
		Speaker, Text, Kind, ID, Title string
		Date, Source, URL              *string
	}
	decode := func(out string) []quote {
		var qs []quote
		if err := json.Unmarshal([]byte(out), &qs); err != nil {
			t.Fatalf("%v in %s", err, out)
		}
		return qs
	}
	for _, name := range []string{"imankulov", "Иманкулов", "Marat Imankulov", "IMANKULOW"} {
		out, errs, code := runCmd(t, "quotes", "--speaker", name, "--json")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		qs := decode(out)
		var ids []string
		for _, q := range qs {
			ids = append(ids, q.ID[:3])
			if q.Speaker != "Marat Imankulov" || q.Text == "" || q.Kind != "speech" {
				t.Errorf("%s: %+v", name, q)
			}
		}
		// 002 is dated 2022-09-22; 000 is undated, so last.
		if strings.Join(ids, " ") != "002 002 002 000 000 000 000" {
			t.Errorf("%s: quotes from %v, want the seven of 002 then 000", name, ids)
		}
	}
	out, _, code := runCmd(t, "quotes", "--json", "--since", "2021", "--until", "2022")
	qs := decode(out)
	if code != exitOK || len(qs) != 4 || qs[0].Speaker != "Sadyr Japarov" || *qs[0].Date != "2021-09-17" {
		t.Errorf("quotes 2021–2022: %+v", qs)
	}
	out, _, _ = runCmd(t, "quotes", "--speaker", "masadykov")
	if !strings.HasPrefix(out, "«The focus of international terrorism") || !strings.Contains(out, "\n  — Taalatbek Masadykov, 2024-06-06, The CSTO in the focus") {
		t.Errorf("plain quotes:\n%s", out)
	}
	if _, errs, code := runCmd(t, "quotes", "--speaker", "nobody"); code != exitFail || !strings.Contains(errs, "no quotes of") {
		t.Errorf("no such speaker: exit %d, %q", code, errs)
	}
	if _, _, code := runCmd(t, "quotes", "a", "b"); code != exitUsage {
		t.Errorf("two arguments: exit %d", code)
	}
	// An article's quotes come as its text has them, whoever is quoted
	// more across the corpus.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Border law signed\n\n\"This law protects our borders,\" Jeenbek Kulubaev said.\n\n\"We remain committed,\" Sadyr Japarov said.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Talks held\n\n\"We agreed,\" Sadyr Japarov said.\n"), 0o644)
	out, errs, _ := runCmd(t, "quotes", "--json", "--no-cache", "--corpus", dir)
	var who []string
	for _, q := range decode(out) {
		who = append(who, q.ID+" "+q.Speaker)
	}
	if strings.Join(who, ", ") != "a Jeenbek Kulubaev, a Sadyr Japarov, b Sadyr Japarov" {
		t.Errorf("undated quotes: %v, want a's in its order, then b's (%s)", who, errs)
	}
}

// TestConventions covers the Unix habits: flags before or after PATH, a
// PATH where --corpus goes, --version, generated completions and man page.
func TestConventions(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	// Flags after the path are read as flags: the reader gets as far as
	// the missing folder, not a usage error.
	if _, errs, code := runCmd(t, missing, "--theme", "dark"); code != exitFail || !strings.Contains(errs, "no such file") {
		t.Errorf("dossier PATH --theme dark: exit %d, %q", code, errs)
	}
	if _, errs, code := runCmd(t, missing, "--theme", "pink"); code != exitUsage || !strings.Contains(errs, "--theme") {
		t.Errorf("dossier PATH --theme pink: exit %d, %q", code, errs)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Kyrgyz summit in Bishkek\n\nLeaders met in Bishkek on Friday.\n"), 0o644)
	for _, args := range [][]string{
		{"list", dir, "--json"},
		{"list", "--json", dir},
		{"list", "--json", "--corpus", dir},
	} {
		out, errs, code := runCmd(t, args...)
		if code != exitOK || !strings.Contains(out, `"title": "Kyrgyz summit in Bishkek"`) {
			t.Errorf("%v: exit %d, %q, %s", args, code, errs, out)
		}
	}
	if out, _, code := runCmd(t, "search", "bishkek", dir); code != exitOK || !strings.Contains(out, "Kyrgyz summit") {
		t.Errorf("search QUERY PATH: exit %d, %s", code, out)
	}
	if out, _, code := runCmd(t, "show", "a", dir); code != exitOK || !strings.HasPrefix(out, "Kyrgyz summit in Bishkek\n") {
		t.Errorf("show ID PATH: exit %d, %s", code, out)
	}
	if out, _, code := runCmd(t, "--version"); code != exitOK || !strings.HasPrefix(out, "dossier ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	for shell, mark := range map[string]string{"bash": "complete -o default", "zsh": "#compdef dossier", "fish": "complete -c dossier"} {
		if out, errs, code := runCmd(t, "completion", shell); code != exitOK || !strings.Contains(out, mark) {
			t.Errorf("completion %s: exit %d, %q, %.80q", shell, code, errs, out)
		}
	}
	if out, _, code := runCmd(t, "man"); code != exitOK || !strings.Contains(out, `.TH "DOSSIER" "1"`) || !strings.Contains(out, "quotes") {
		t.Errorf("man: exit %d, %.200q", code, out)
	}
	out, _, code := runCmd(t, "--help")
	for _, want := range []string{"list", "show", "search", "quotes", "--corpus", "--theme", "Keys in the reader", "bookmark", "quit"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

// TestShowRenderDeadline: an article Glamour would take minutes over (one
// grapheme cluster of 120,000 marks, as no loaded file can carry any more)
// is printed through the plain renderer after the deadline.
func TestShowRenderDeadline(t *testing.T) {
	a := &corpus.Article{ID: "z", Title: "Zalgo", Paragraphs: []string{"a" + strings.Repeat("\u0301", 120_000)}}
	done := make(chan string, 1)
	go func() { done <- renderShow(a, 80, ui.DarkTheme()) }()
	select {
	case s := <-done:
		if !strings.Contains(s, "Zalgo") {
			t.Errorf("rendered %.80q", s)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("show waited on Glamour past its deadline")
	}
}
