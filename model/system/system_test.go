package system

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"dossier/model/common"
)

// TestCopyWritesOneOSC52: the clipboard sequence is written once, its
// payload is the text in base64, and no byte of the text reaches the
// terminal raw, escapes in it included.
func TestCopyWritesOneOSC52(t *testing.T) {
	t.Setenv("TMUX", "")
	t.Setenv("TERM", "xterm-256color")
	text := "«We stay in the CSTO» — Marat Imankulov, Interfax, 2022-09-22, https://interfax.example/1\x1b]52;c;ZXZpbA==\x07"
	var out bytes.Buffer
	msg := Copy(&out, text, "the quote")()
	if n, ok := msg.(common.NotedMsg); !ok || !strings.HasPrefix(n.Text, "copied the quote") {
		t.Fatalf("reply %#v", msg)
	}
	seqs := regexp.MustCompile("\x1b\\]52;c;([A-Za-z0-9+/=]*)\x07").FindAllStringSubmatch(out.String(), -1)
	if len(seqs) != 1 {
		t.Fatalf("%d OSC 52 sequences in %q", len(seqs), out.String())
	}
	if rest := strings.Replace(out.String(), seqs[0][0], "", 1); rest != "" {
		t.Fatalf("bytes besides the sequence: %q", rest)
	}
	got, err := base64.StdEncoding.DecodeString(seqs[0][1])
	if err != nil || string(got) != text {
		t.Fatalf("payload %q, %v", got, err)
	}
}

// TestCopyInTmux wraps the sequence for tmux's passthrough.
func TestCopyInTmux(t *testing.T) {
	t.Setenv("TMUX", "/tmp/tmux-0/default,1,0")
	var out bytes.Buffer
	Copy(&out, "x", "it")()
	if !strings.HasPrefix(out.String(), "\x1bPtmux;\x1b\x1b]52;c;") {
		t.Fatalf("not wrapped for tmux: %q", out.String())
	}
}

func TestOpenURLRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"", "file:///etc/passwd", "javascript:alert(1)", "-x"} {
		msg := OpenURL(u)()
		if n, ok := msg.(common.NotedMsg); !ok || n.Text != "no web link to open" {
			t.Errorf("%q: %#v", u, msg)
		}
	}
}

func TestOpenURLUsesBrowser(t *testing.T) {
	t.Setenv("BROWSER", "true")
	msg := OpenURL("https://24.kg/x")()
	if n, ok := msg.(common.NotedMsg); !ok || n.Text != "opened https://24.kg/x" {
		t.Fatalf("%#v", msg)
	}
	t.Setenv("BROWSER", "/nonexistent/browser")
	if n, _ := OpenURL("https://24.kg/x")().(common.NotedMsg); !strings.HasPrefix(n.Text, "open: ") {
		t.Fatalf("a missing browser: %q", n.Text)
	}
}

func TestEditWithoutFile(t *testing.T) {
	if n, _ := Edit("corpus/seeds/none.txt")().(common.NotedMsg); !strings.Contains(n.Text, "no file to edit") {
		t.Fatalf("%q", n.Text)
	}
}
