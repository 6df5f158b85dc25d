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
