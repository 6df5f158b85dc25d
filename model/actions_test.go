package model

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/model/common"
	"dossier/model/reading"
	"dossier/ui"
)

var osc52 = regexp.MustCompile("\x1b\\]52;c;([A-Za-z0-9+/=]*)\x07")

// copied returns the one clipboard payload written to out.
func copied(t *testing.T, out *bytes.Buffer) string {
	t.Helper()
	seqs := osc52.FindAllStringSubmatch(out.String(), -1)
	if len(seqs) != 1 || len(seqs[0][0]) != out.Len() {
		t.Fatalf("want exactly one OSC 52 and nothing else, got %q", out.String())
	}
	b, err := base64.StdEncoding.DecodeString(seqs[0][1])
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	return string(b)
}

// TestCopyQuoteAndCitation: y on the quote the explorer opened copies it
// with its speaker and citation; Y copies the article's citation.
func TestCopyQuoteAndCitation(t *testing.T) {
	t.Setenv("TMUX", "")
	t.Setenv("TERM", "xterm")
	var out bytes.Buffer
	m := New(Options{Articles: parse.Embedded(), Theme: ui.DarkTheme(), Source: "test corpus", Clipboard: &out})
	m = drain(m, m.Init(), 0)
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(m, keys("Q", "/", "i", "m", "a", "n", "enter", "enter", "enter")...)
	if m.Open() == nil || m.Open().Source != "Interfax" {
		t.Fatalf("the explorer opened %v", m.Open())
	}
	m = send(m, keys("y")...)
	got := copied(t, &out)
	want := "«The CSTO membership meets the interests of Kyrgyzstan, and a withdrawal from the organization is not being considered» — Marat Imankulov, Interfax, 2022-09-22"
	if !strings.HasPrefix(got, want) {
		t.Fatalf("y copied %q\nwant %q…", got, want)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "copied the quote") {
		t.Fatalf("no note:\n%s", v)
	}
	m = send(m, keys("Y")...)
	// Seed 002 has no URL: its title names it instead.
	if got := copied(t, &out); got != "Interfax, 2022-09-22, “Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary”" {
		t.Fatalf("Y copied %q", got)
	}
}

// TestExportReadingList: x writes the list as shown (here the hits of a
// search) to a new file, named in the status line.
func TestExportReadingList(t *testing.T) {
	dir := t.TempDir()
	m := New(Options{Articles: parse.Embedded(), Theme: ui.DarkTheme(), Source: "test corpus", ExportDir: dir})
	m = drain(m, m.Init(), 0)
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(m, keys("/", "i", "m", "a", "n", "k", "u", "l", "o", "v", "enter", "esc", "tab", "tab", "x")...)
	files, _ := filepath.Glob(filepath.Join(dir, "dossier-*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v\n%s", files, ansi.Strip(m.View()))
	}
	b, _ := os.ReadFile(files[0])
	text := string(b)
	if !strings.HasPrefix(text, "# test corpus: imankulov") || strings.Count(text, "\n## ") != m.Len() || m.Len() == 0 {
		t.Fatalf("%d shown, file:\n%s", m.Len(), text)
	}
	if !strings.Contains(ansi.Strip(m.View()), "wrote "+dir) {
		t.Fatalf("status does not name the file:\n%s", ansi.Strip(m.View()))
	}
	m = send(m, keys("x")...)
	if files, _ = filepath.Glob(filepath.Join(dir, "dossier-*.md")); len(files) != 2 {
		t.Fatalf("a second export overwrote the first: %v", files)
	}
}

// TestArticleStepKeys: J and K move between articles from the list and
// from the article, with matches shown or not; n/N stay on the matches.
func TestArticleStepKeys(t *testing.T) {
	m := newModel(t, parse.Embedded(), 120, 40)
	first := m.Selected().ID
	m = send(m, keys("J")...)
	if m.list().Cursor() != 1 || m.Open() == nil || m.Open().ID == first {
		t.Fatalf("J in the list: cursor %d", m.list().Cursor())
	}
	m = send(m, keys("K")...)
	if m.list().Cursor() != 0 {
		t.Fatalf("K in the list: cursor %d", m.list().Cursor())
	}
	m = send(m, keys("/", "c", "s", "t", "o", "enter")...)
	if m.Focus() != reading.FocusArticle || m.article().Matches() == 0 {
		t.Fatalf("search then enter: focus %v, %d matches", m.Focus(), m.article().Matches())
	}
	doc, match := m.article().Doc(), m.article().Match()
	m = send(m, keys("n")...)
	if m.article().Doc() != doc || m.article().Match() == match {
		t.Fatalf("n moved to article %d, match %d", m.article().Doc(), m.article().Match())
	}
	m = send(m, keys("J")...)
	if m.article().Doc() == doc || m.list().Cursor() != 1 {
		t.Fatalf("J with matches stayed on article %d", doc)
	}
	m = send(m, keys("K")...)
	if m.article().Doc() != doc {
		t.Fatalf("K came back to %d, not %d", m.article().Doc(), doc)
	}
}

// TestOpenLinkAndEdit: o hands the article's URL to $BROWSER and says so;
// e on an article whose file exists asks the runtime to run the editor,
// and on an embedded one says there is no file.
func TestOpenLinkAndEdit(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "opened")
	browser := filepath.Join(dir, "browser")
	if err := os.WriteFile(browser, []byte("#!/bin/sh\necho \"$1\" > "+log+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", browser)
	m := newModel(t, parse.Embedded(), 120, 40)
	m = send(m, keys("j", "j")...)
	url := m.Selected().URL
	m = send(m, keys("o")...)
	if !strings.Contains(ansi.Strip(m.View()), "opened https://24.kg/") {
		t.Fatalf("no note:\n%s", ansi.Strip(m.View()))
	}
	var got []byte
	for i := 0; i < 100 && len(got) == 0; i++ { // the browser runs on its own
		got, _ = os.ReadFile(log)
		time.Sleep(10 * time.Millisecond)
	}
	if strings.TrimSpace(string(got)) != url {
		t.Fatalf("browser got %q, want %q", got, url)
	}
	// Seed 002 has no URL.
	if m = send(m, keys("k", "o")...); !strings.Contains(ansi.Strip(m.View()), "no web link to open") {
		t.Fatalf("o without a URL:\n%s", ansi.Strip(m.View()))
	}
	if m = send(m, keys("e")...); !strings.Contains(ansi.Strip(m.View()), "no file to edit") {
		t.Fatalf("e on an embedded article:\n%s", ansi.Strip(m.View()))
	}
	// An article from a file: e gives the runtime a command to run (the
	// editor, with the screen released), not a note.
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("Title\n\nBody."), 0o644)
	a := art("a", 2020, 1, 1, "Title", "Body.")
	a.File = file
	m = newModel(t, []corpus.Article{a}, 120, 40)
	_, cmd := m.Update(keyMsg("e"))
	if cmd == nil {
		t.Fatal("e gave no command")
	}
	if msg, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range msg {
			if c == nil {
				continue
			}
			if n, ok := c().(common.NotedMsg); ok {
				t.Fatalf("e noted %q instead of running the editor", n.Text)
			}
		}
	}
}
