package parse

import (
	"strings"
	"testing"
	"unicode/utf8"
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
	// One grapheme cluster of 120,000 marks (Glamour measured it for
	// minutes) keeps its first maxMarks; real stacks are untouched.
	zalgo := "a" + strings.Repeat("\u0301", 120_000) + " b"
	if got := Sanitize(zalgo); got != "a"+strings.Repeat("\u0301", maxMarks)+" b" {
		t.Errorf("Sanitize(a+120,000 marks) kept %d bytes", len(got))
	}
	for _, s := range []string{"Vi\u1ec7t Nam ti\u1ebfng vi\u1ec7t", "e\u0323\u0302", "\u0915\u094d\u0937"} {
		if got := Sanitize(s); got != s {
			t.Errorf("Sanitize(%q) = %q", s, got)
		}
	}
	if got := SanitizeLine("a\nb\tc\x1b"); got != "a b c" {
		t.Errorf("SanitizeLine = %q", got)
	}
}

// TestSanitizeWidth: what a terminal and lipgloss measure at different
// widths is removed, and the text stays readable.
func TestSanitizeWidth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"soft\u00adhyphen", "softhyphen"},
		{"smile \u263a\ufe0f and \u231a\ufe0e", "smile \u263a and \u231a"},
		{"family \U0001f468\u200d\U0001f469\u200d\U0001f467", "family \U0001f468\U0001f469\U0001f467"},
		{"flag \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "flag \U0001f3f4"},
		{"Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"}, // ZWNJ is 0 cells to both: kept
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// One grapheme cluster of 120,000 marks (Glamour measured it for
	// minutes) keeps its first maxMarks; real stacks are untouched.
	zalgo := "a" + strings.Repeat("\u0301", 120_000) + " b"
	if got := Sanitize(zalgo); got != "a"+strings.Repeat("\u0301", maxMarks)+" b" {
		t.Errorf("Sanitize(a+120,000 marks) kept %d bytes", len(got))
	}
	for _, s := range []string{"Vi\u1ec7t Nam ti\u1ebfng vi\u1ec7t", "e\u0323\u0302", "\u0915\u094d\u0937"} {
		if got := Sanitize(s); got != s {
			t.Errorf("Sanitize(%q) = %q", s, got)
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
