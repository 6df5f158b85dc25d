package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// writeConfig writes text as the config file of a fresh XDG_CONFIG_HOME
// and returns its path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	p := filepath.Join(dir, "dossier", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConfigPath(t *testing.T) {
	t.Setenv("HOME", "/home/reader")
	t.Setenv("XDG_CONFIG_HOME", "/xdg")
	if p := configPath(); p != "/xdg/dossier/config.yaml" {
		t.Errorf("with XDG_CONFIG_HOME: %s", p)
	}
	for _, x := range []string{"", "relative/dir"} { // unset, or not absolute: ignored
		t.Setenv("XDG_CONFIG_HOME", x)
		if p := configPath(); p != "/home/reader/.config/dossier/config.yaml" {
			t.Errorf("XDG_CONFIG_HOME=%q: %s", x, p)
		}
	}
	if s := tilde("/home/reader/.config/dossier/config.yaml"); s != "~/.config/dossier/config.yaml" {
		t.Errorf("tilde = %s", s)
	}
}

// TestConfigErrors: each bad file is one line on stderr naming the file and
// the key, and exit status 2, whatever the command; help and the man page
// still work.
func TestConfigErrors(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"keys:\n  quitt: [q]\n", "keys.quitt: unknown action (want nextpane, prevpane, search, "},
		{"keys:\n  list.dwn: [j]\n", "keys.list.dwn: unknown action (want list.up, list.down,"},
		{"keys:\n  quit: []\n", "keys.quit: want one key or more"},
		{"keys:\n  quit: {a: b}\n", "keys.quit: want a key or a list of keys"},
		{"keys:\n  quit: [q]\n  quit: [x]\n", "keys.quit: given twice"},
		{"keys: [q]\n", "keys: want actions and their keys"},
		{"theme: pink\n", `theme: "pink": want auto, dark, light or notty`},
		{"theme: [dark]\n", "theme: a list: want auto, dark, light or notty"},
		{"theme: dark\ntheme: light\n", "theme: given twice"},
		{"width: wide\n", `width: "wide": want a number of columns from 20 to 1000`},
		{"width: 10\n", `width: "10": want a number of columns from 20 to 1000`},
		{"corpus: [a, b]\n", "corpus: a list: want the path of a file or folder"},
		{"colour: dark\n", "colour: unknown key (want theme, corpus, width or keys)"},
		{"- theme\n", "want settings as key: value lines"},
		{"theme: [unclosed\n", "line 1: did not find expected"},
	} {
		path := writeConfig(t, c.file)
		want := "dossier: " + tilde(path) + ": " + c.want
		for _, args := range [][]string{{"list"}, {"show", "002"}, {"search", "csto"}, {"export", "csto"}, {"config"}, {}} {
			out, errs, code := runCmd(t, args...)
			if code != exitUsage || !strings.HasPrefix(errs, want) || strings.Count(errs, "\n") != 1 || out != "" {
				t.Errorf("%q, %v: exit %d, stderr %q; want 2 and %q", c.file, args, code, errs, want)
			}
		}
		for _, args := range [][]string{{"--help"}, {"--version"}, {"man"}, {"completion", "bash"}} {
			if _, errs, code := runCmd(t, args...); code != exitOK {
				t.Errorf("%q, %v: exit %d, %s", c.file, args, code, errs)
			}
		}
	}
	// A folder where the file should be.
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	os.MkdirAll(filepath.Join(dir, "dossier", "config.yaml"), 0o755)
	if _, errs, code := runCmd(t, "list"); code != exitUsage || !strings.Contains(errs, "config.yaml: cannot read: is a directory") {
		t.Errorf("a folder as the config: exit %d, %q", code, errs)
	}
}

// TestConfigFine: empty files, comments, nulls and aliases are read.
func TestConfigFine(t *testing.T) {
	for _, file := range []string{"", "# nothing yet\n", "~\n", "corpus:\ntheme:\n",
		"theme: &t dark\nkeys:\n  help: [\"?\", h]\n  list.down: j\n"} {
		writeConfig(t, file)
		if out, errs, code := runCmd(t, "list"); code != exitOK || errs != "" || strings.Count(out, "\n") != 5 {
			t.Errorf("%q: exit %d, stderr %q", file, code, errs)
		}
	}
}

// article writes a one-article corpus titled title and returns its folder.
func article(t *testing.T, title string) string {
	t.Helper()
	dir := t.TempDir()
	body := title + "\n\nBISHKEK, 3 March 2023 - The text of " + title + " is long enough to be a paragraph of an article.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestConfigCorpus: the file's corpus is read when no flag or PATH names
// one; --corpus and PATH beat it, and --corpus "" is the embedded corpus.
func TestConfigCorpus(t *testing.T) {
	alpha, beta := article(t, "Alpha headline"), article(t, "Beta headline")
	writeConfig(t, "corpus: "+alpha+"\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"list"}, "Alpha headline"},
		{[]string{"list", "--corpus", beta}, "Beta headline"},
		{[]string{"list", beta}, "Beta headline"},
		{[]string{"show", "a", beta}, "Beta headline"},
		{[]string{"search", "headline", beta}, "Beta headline"},
		{[]string{"export", "headline"}, "Alpha headline"},
		{[]string{"list", "--corpus", ""}, "Kyrgyzstan not considering"},
	} {
		out, errs, code := runCmd(t, c.args...)
		if code != exitOK || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, %q, stderr %q; want %q", c.args, code, out, errs, c.want)
		}
	}
	// A relative corpus is the config folder's, ~ the home folder's.
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	if got := expandPath("~/news", "/cfg"); got != filepath.Join(dir, "news") {
		t.Errorf("~/news = %s", got)
	}
	if got := expandPath("news", "/cfg/dossier"); got != "/cfg/dossier/news" {
		t.Errorf("news = %s", got)
	}
}

// TestConfigApplied: the file's theme and width reach the reader and show
// unless a flag says otherwise; dossier config prints what is in force.
func TestConfigApplied(t *testing.T) {
	writeConfig(t, "theme: light\nwidth: 72\nkeys:\n  quit: [x, ctrl+c]\n")
	cfg, err := loadConfig(configPath())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		flags      []string
		theme      string
		width      int
		readerOnly bool
	}{
		{nil, "light", 72, false},
		{[]string{"--theme", "dark"}, "dark", 72, true},
		{[]string{"--width", "90"}, "light", 90, false},
	} {
		cmd := &cobra.Command{Use: "x"}
		var cf commonFlags
		var rf readerFlags
		rf.bind(cmd)
		cmd.Flags().StringVar(&cf.corpus, "corpus", "", "")
		cmd.Flags().IntVar(&cf.width, "width", 0, "")
		if err := cmd.ParseFlags(c.flags); err != nil {
			t.Fatal(err)
		}
		cfg.apply(cmd, cmd, &cf, &rf)
		if rf.theme != c.theme || cf.articleWidth() != c.width || cf.themeOr() != "light" {
			t.Errorf("%v: reader theme %s, show theme %s, width %d; want %s, light, %d", c.flags, rf.theme, cf.themeOr(), cf.articleWidth(), c.theme, c.width)
		}
		if rf.keys == nil || rf.keys.Quit.Keys()[0] != "x" {
			t.Errorf("%v: keys not handed to the reader: %v", c.flags, rf.keys)
		}
		if th := pickTheme(rf.theme, false); th.Name != c.theme {
			t.Errorf("%v: the reader's theme is %s", c.flags, th.Name)
		}
	}
	if th := pickTheme("notty", true); !th.NoColor {
		t.Errorf("notty gave %s", th.Name)
	}

	out, errs, code := runCmd(t, "config")
	want := "theme: light\ncorpus: \"\"\nwidth: 72\nkeys: {quit: [x, ctrl+c]}\n# corpus \"\": the embedded articles\n"
	if code != exitOK || errs != "" || !strings.HasSuffix(out, want) || !strings.HasPrefix(out, "# "+tilde(configPath())+"\n") {
		t.Errorf("dossier config: exit %d, stderr %q\n%s\nwant …%s", code, errs, out, want)
	}
	if out, _, _ := runCmd(t, "config", "--corpus", "/news"); !strings.Contains(out, "corpus: /news\n") {
		t.Errorf("dossier config --corpus /news:\n%s", out)
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if out, _, _ := runCmd(t, "config"); !strings.Contains(out, "(none; these are the defaults)\ntheme: auto\n") || !strings.Contains(out, "width: 100\n") {
		t.Errorf("dossier config without a file:\n%s", out)
	}
}
