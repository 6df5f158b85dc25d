package load

import (
	"context"
	"dossier/corpus"
	"dossier/corpus/parse"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"dossier/corpus/hostile"
)

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
	arts, skipped, err := Load(context.Background(), dir, Options{Progress: func(b []corpus.Article) {
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
	byID := map[string]*corpus.Article{}
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
		if err := parse.Check(&arts[i]); err != nil {
			t.Error(err)
		}
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
	if !sort.SliceIsSorted(arts, func(i, j int) bool { return corpus.Less(&arts[i], &arts[j]) }) {
		t.Error("articles not sorted by date")
	}
}

func TestLoadOptions(t *testing.T) {
	dir := t.TempDir()
	koi, cp := []byte{0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, '\n'}, []byte{0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, '\n'}
	os.WriteFile(filepath.Join(dir, "a.txt"), koi, 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), cp, 0o644)
	arts, _, err := Load(context.Background(), dir, Options{Workers: 1})
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
	arts, _, _ = Load(context.Background(), filepath.Join(dir, "a.txt"), Options{Encoding: "windows-1251"})
	if len(arts) != 1 || arts[0].Title == "Привет" {
		t.Errorf("--encoding ignored: %+v", arts)
	}
	if _, _, err := Load(context.Background(), dir, Options{Encoding: "ebcdic"}); err == nil {
		t.Error("unknown encoding accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Load(ctx, dir, Options{}); err == nil {
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
	var streamed []string
	arts, skipped, err := Load(context.Background(), link, Options{Progress: func(batch []corpus.Article) {
		for _, a := range batch {
			streamed = append(streamed, a.ID)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	// The IDs streamed to the reader are the IDs returned to the commands.
	var returned []string
	for _, a := range arts {
		returned = append(returned, a.ID)
	}
	sort.Strings(streamed)
	sort.Strings(returned)
	if strings.Join(streamed, " ") != strings.Join(returned, " ") || strings.Join(returned, " ") != "a a.txt a.txt.md ru16" {
		t.Errorf("streamed IDs %v, returned %v, want [a a.txt a.txt.md ru16] both", streamed, returned)
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

// hangGuard runs fn and fails the test if it has not returned within d:
// a guard against a hang, generous enough for the race detector, not a
// timing.
func hangGuard(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
}

func TestLoadSpecialLinks(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Headline\n\nBody.\n"), 0o644)
	links := map[string]string{"env.txt": "/proc/self/environ", "status.txt": "/proc/self/status", "null.txt": "/dev/null"}
	if _, err := os.Stat("/sys/kernel/uevent_seqnum"); err == nil {
		links["sys.txt"] = "/sys/kernel/uevent_seqnum"
	}
	for name, to := range links {
		if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
			t.Skip(err)
		}
	}
	arts, skipped, err := Load(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].ID != "ok" {
		for _, a := range arts {
			t.Errorf("loaded %s: %.60q", a.ID, strings.Join(a.Paragraphs, " "))
		}
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	for name, to := range links {
		if want := "links to a special file (" + to + ")"; reasons[name] != want {
			t.Errorf("%s: reason %q, want %q", name, reasons[name], want)
		}
	}
}

func TestLoadWarnings(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\ntitle: [unclosed\n---\n\nHeadline\n\nBody.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "colon.md"), []byte("---\ntitle: Reading list: CSTO\n---\n\nHeadline\n\nBody.\n"), 0o644)
	arts, skipped, err := Load(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, a := range arts {
		titles[a.ID] = a.Title
	}
	if titles["bad"] != "Headline" || titles["colon"] != "Reading list: CSTO" {
		t.Errorf("titles = %v", titles)
	}
	if len(skipped) != 1 || !skipped[0].Kept || !strings.HasPrefix(skipped[0].Error(), filepath.ToSlash(filepath.Join(dir, "bad.md"))+": front matter ignored: ") {
		t.Errorf("warnings = %+v", skipped)
	}
	if len(Dropped(skipped)) != 0 {
		t.Errorf("a warning counted as a skip: %v", Dropped(skipped))
	}
}

func TestLoadBudget(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Headline\n\nBody.\n"), 0o644)
	// Every hostile shape loads within the default budget.
	for _, sh := range hostile.Shapes {
		os.WriteFile(filepath.Join(dir, sh.Name+".txt"), []byte(sh.Make(64<<10)), 0o644) // small: the race detector runs this too
	}
	arts, skipped, err := Load(context.Background(), dir, Options{})
	if err != nil || len(arts) != len(hostile.Shapes)+1 {
		t.Errorf("default budget: %d articles, skipped %v, err %v", len(arts), Dropped(skipped), err)
	}
	// A budget already spent skips every file with its reason.
	arts, skipped, err = Load(context.Background(), dir, Options{FileBudget: time.Nanosecond})
	if err != nil || len(arts) != 0 || len(skipped) != len(hostile.Shapes)+1 {
		t.Fatalf("spent budget: %d articles, %d skipped, err %v", len(arts), len(skipped), err)
	}
	for _, s := range skipped {
		if !strings.HasPrefix(s.Reason, "took too long to parse") {
			t.Errorf("%s: reason %q", s.Path, s.Reason)
		}
	}
}

func TestLoadCancel(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 8; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte("Headline\n\nBody.\n"), 0o644)
	}
	// A worker stuck in a file that ignores the cancel (a slow disk, say)
	// must not keep Load from returning.
	started, release := make(chan struct{}, 8), make(chan struct{})
	defer close(release)
	hang := func(ctx context.Context, id, file string, b []byte, enc string) (corpus.Article, string, error) {
		started <- struct{}{}
		<-release
		return corpus.Article{}, "", nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	hangGuard(t, 20*time.Second, "Load after cancel", func() {
		if _, _, err := Load(ctx, dir, Options{Workers: 2, parse: hang}); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestLoadUnreadableFolder(t *testing.T) {
	if os.Getuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("needs a user that permissions stop")
	}
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "a.txt"), []byte("Headline\n\nBody.\n"), 0o644)
	os.Chmod(sub, 0)
	defer os.Chmod(sub, 0o755)
	_, skipped, err := Load(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.ToSlash(sub); len(skipped) != 1 || skipped[0].Path != want {
		t.Errorf("skipped = %+v, want the folder named %s, as files are", skipped, want)
	}
}
