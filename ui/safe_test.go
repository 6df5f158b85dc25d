package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// sgrRE matches the only escape sequences allowed to reach the terminal.
var sgrRE = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// unsafeIn returns a description of the first thing in s that is not
// printable text, newline or SGR, or "" when s is safe. It is written
// without KeepSGR so that it can catch KeepSGR's mistakes.
func unsafeIn(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	rest := sgrRE.ReplaceAllString(s, "")
	for i, r := range rest {
		bad := ""
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f:
			bad = "C0 control"
		case r >= 0x80 && r <= 0x9f:
			bad = "C1 control"
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			bad = "bidi control"
		}
		if bad != "" {
			lo, hi := max(i-20, 0), min(i+20, len(rest))
			return fmt.Sprintf("%s %U at byte %d in %q", bad, r, i, rest[lo:hi])
		}
	}
	return ""
}

func TestKeepSGR(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "hello\nworld\t!", "hello\nworld\t!"},
		{"sgr kept", "\x1b[1;38;2;1;2;3mbold\x1b[0m", "\x1b[1;38;2;1;2;3mbold\x1b[0m"},
		{"sgr colon", "\x1b[4:3mcurly\x1b[m", "\x1b[4:3mcurly\x1b[m"},
		{"csi clear", "a\x1b[2J\x1b[Hb", "ab"},
		{"private csi", "a\x1b[?25lb", "ab"},
		{"csi with intermediate m", "a\x1b[>4;2mb", "ab"},
		{"osc52 bel", "a\x1b]52;c;ZWNobw==\x07b", "ab"},
		{"osc52 st", "a\x1b]52;c;ZWNobw==\x1b\\b", "ab"},
		{"osc8", "a\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\b", "aclickb"},
		{"dcs", "a\x1bP+q544e\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"pm sos", "a\x1b^x\x1b\\b\x1bXy\x1b\\c", "abc"},
		{"ris", "a\x1bcb", "ab"},
		{"c0 and del", "a\x00\a\b\r\x7fb", "ab"},
		{"c1 utf8", "a\u009b2J\u009d0;x\u009cb", "a2J0;xb"},
		{"c1 raw", "a\x9b2Jb", "ab"},
		{"bidi", "a\u202eb\u2066c\u2069", "abc"},
		{"invalid", "a\xff\xfeb", "ab"},
		{"wide", "日本語 «ok»", "日本語 «ok»"},
		{"esc at end", "a\x1b", "a"},
		{"open osc", "a\x1b]52;c;eA==", "a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := KeepSGR(c.in)
			if c.name == "c1 utf8" {
				// U+009B read as a character, not an introducer: only
				// the controls go; what follows them is text.
				if strings.ContainsAny(got, "\u009b\u009d\u009c") || !strings.HasPrefix(got, "a") || !strings.HasSuffix(got, "b") {
					t.Fatalf("KeepSGR(%q) = %q", c.in, got)
				}
				return
			}
			if got != c.want {
				t.Fatalf("KeepSGR(%q) = %q, want %q", c.in, got, c.want)
			}
			if u := unsafeIn(got); u != "" {
				t.Fatalf("KeepSGR(%q) left %s", c.in, u)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	in := "a\x1b[2Jb\r\nc\td\u202ee\ufefff\u2060g\xffh\u009bi"
	got := cleanText(in)
	want := "a[2Jb  c de" + "fg\uFFFDhi"
	if got != want {
		t.Fatalf("cleanText(%q) = %q, want %q", in, got, want)
	}
	if cleanText(got) != got {
		t.Fatalf("cleanText is not idempotent on %q", got)
	}
}

func FuzzKeepSGR(f *testing.F) {
	for _, s := range []string{"\x1b[1mx\x1b[0m", "\x1b]52;c;x\x07", "\x9b2J", "\x1bP\x1b\\", "a\x1b[", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := KeepSGR(s)
		if u := unsafeIn(got); u != "" {
			t.Fatalf("KeepSGR(%q) = %q: %s", s, got, u)
		}
		if KeepSGR(got) != got {
			t.Fatalf("KeepSGR not idempotent on %q", s)
		}
	})
}

func TestSqueezeSGR(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"\x1b[1m\x1b[0mx", "\x1b[0mx"},
		{"\x1b[1mx\x1b[0m\x1b[0m\x1b[3m\x1b[0my", "\x1b[1mx\x1b[0my"},
		{"\x1b[1m\x1b[38;2;1;2;3mbold\x1b[0m", "\x1b[1m\x1b[38;2;1;2;3mbold\x1b[0m"},
		{"a\x1b[3m\x1b[0m\nb", "a\x1b[0m\nb"},
	} {
		if got := squeezeSGR(c.in); got != c.want {
			t.Errorf("squeezeSGR(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSqueezeSGR(f *testing.F) {
	f.Add("\x1b[1m\x1b[0mx\x1b[3m\x1b[0m\x1b[0my\n\x1b[38;5;1mz")
	f.Fuzz(func(t *testing.T, s string) {
		s = KeepSGR(s)
		out := squeezeSGR(s)
		if ansi.Strip(out) != ansi.Strip(s) {
			t.Fatalf("text changed: %q -> %q", s, out)
		}
		if len(out) > len(s)+len("\x1b[0m") {
			t.Fatalf("grew: %q -> %q", s, out)
		}
		if again := squeezeSGR(out); again != out {
			t.Fatalf("not idempotent: %q -> %q", out, again)
		}
	})
}
