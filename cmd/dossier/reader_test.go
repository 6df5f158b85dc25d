package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestReaderFlags covers the ways runReader refuses to start; each returns
// before the program takes the terminal.
func TestReaderFlags(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--theme", "pink"}, exitUsage, "--theme"},
		{[]string{"a", "b"}, exitUsage, "accepts at most 1 arg"},
		{[]string{"--corpus", "a", "b"}, exitUsage, "not both"},
		{[]string{"--bogus"}, exitUsage, "bogus"},
		{[]string{missing}, exitFail, "nope"},
	} {
		var out, errb bytes.Buffer
		if code := run(c.args, &out, &errb); code != c.code || !strings.Contains(errb.String(), c.err) {
			t.Errorf("%v: exit %d stderr %q, want %d and %q", c.args, code, errb.String(), c.code, c.err)
		}
	}
}

func TestPickTheme(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	if th := pickTheme("dark", true); !th.NoColor {
		t.Fatalf("NO_COLOR ignored: %s", th.Name)
	}
	t.Setenv("NO_COLOR", "")
	if th := pickTheme("light", false); th.Name != "light" {
		t.Fatalf("--theme light gave %s", th.Name)
	}
	if th := pickTheme("auto", false); th.Name != "dark" {
		t.Fatalf("auto off a terminal gave %s, want dark", th.Name)
	}
}

func TestASCIITerminal(t *testing.T) {
	for _, c := range []struct {
		term, lang string
		want       bool
	}{
		{"xterm-256color", "en_US.UTF-8", false},
		{"linux", "en_US.UTF-8", true},
		{"xterm", "ru_RU.KOI8-R", true},
		{"xterm", "C", false},
	} {
		t.Setenv("TERM", c.term)
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_CTYPE", "")
		t.Setenv("LANG", c.lang)
		if got := asciiTerminal(); got != c.want {
			t.Errorf("TERM=%s LANG=%s: %v", c.term, c.lang, got)
		}
	}
}
