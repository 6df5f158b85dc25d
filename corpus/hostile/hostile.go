// Package hostile writes a corpus of attacker-controlled files for tests:
// every family of terminal escape, control and bidi character, markdown
// bombs, broken encodings and files that are not files. Nothing of it is
// committed as bytes; tests write it into their temp dir.
//
// Each text file carries visible markers around its payload, so a test can
// check both that the payload never reaches the terminal and that the text
// around it survived.
package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Payload is one hostile text file.
type Payload struct {
	Name  string // file name under the root
	Title string // the headline's visible words
	Body  string // the raw bytes written
	// Before and After are visible words written just around the payload;
	// they must survive cleaning.
	Before, After string
}

// Special is a file that is expected to be skipped, and the word its skip
// reason contains.
type Special struct {
	Name   string
	Reason string
}

// Manifest says what Write put where.
type Manifest struct {
	Root     string
	Payloads []Payload
	Skipped  []Special // files that must be reported and left out
	Big      []string  // text files large enough to exercise render caps
}

// escapes are the byte sequences a terminal acts on.
var escapes = []struct{ name, seq string }{
	{"csi-clear", "\x1b[2J\x1b[H"},
	{"csi-cursor", "\x1b[10A\x1b[5;5H\x1b[?25l"},
	{"osc0-bel", "\x1b]0;pwned title\x07"},
	{"osc2-st", "\x1b]2;pwned title\x1b\\"},
	{"osc8-link", "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"},
	{"osc11-query", "\x1b]11;?\x07"},
	{"osc52-bel", "\x1b]52;c;ZWNobyBwd25lZA==\x07"},
	{"osc52-st", "\x1b]52;c;ZWNobyBwd25lZA==\x1b\\"},
	{"osc52-open", "\x1b]52;c;ZWNobyBwd25lZA=="},
	{"dcs", "\x1bP+q544e\x1b\\"},
	{"apc", "\x1b_Gf=100;AAAA\x1b\\"},
	{"ris", "\x1bc"},
	{"c1-utf8", "\u009b2J\u009d52;c;eA==\u009c"},
	{"c1-raw", "\x9b2J\x9d0;x\x9c"},
	{"bel-nul-bs-del", "\a\x00\b\x7f"},
	{"lone-cr", "overwritten\rX"},
	{"bidi", "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069"},
	{"zero-width", "\u200b\u200c\u200d\u2060\u180e"},
	{"bom-mid", "\ufeff"},
	{"entities", "&#27;]52;c;ZWNobw==&#7; &#x1b;[2J &#155;2J &amp;#27;"},
	{"invalid-utf8", "\xff\xfe\xc3\x28\xa0\xa1"},
	{"markdown", "*bold* _it_ # head <b>x</b> [l](http://e) `c` | t | ~~s~~"},
}

// Write creates the hostile corpus under dir and returns its manifest.
// Files the platform cannot make (a FIFO on Windows) are left out.
func Write(dir string) (Manifest, error) {
	m := Manifest{Root: dir}
	add := func(name string, body []byte) error {
		return os.WriteFile(filepath.Join(dir, name), body, 0o644)
	}
	for i, e := range escapes {
		p := Payload{
			Name:   fmt.Sprintf("esc-%02d-%s.txt", i, e.name),
			Before: fmt.Sprintf("Before%02d", i),
			After:  fmt.Sprintf("After%02d", i),
			Title:  "Headline " + e.name,
		}
		// The date line comes first, as on news pages, so the headline
		// is the first paragraph after it.
		p.Body = fmt.Sprintf("22 Sep 2022 16:47\n\n%s %s\n\nText %s%s %s. \"Quoted %s%s words,\" Marat Imankulov said.\n",
			p.Title, e.seq, p.Before, e.seq, p.After, e.seq, e.seq)
		if err := add(p.Name, []byte(p.Body)); err != nil {
			return m, err
		}
		m.Payloads = append(m.Payloads, p)
	}

	bombs := []struct{ name, body string }{
		{"bomb-quote-nesting.txt", "Nested\n\n" + strings.Repeat(">", 80) + " deep\n"},
		{"bomb-brackets.txt", "Brackets\n\n" + strings.Repeat("[", 10000) + "\n"},
		{"bomb-long-word.txt", "Long word\n\n" + strings.Repeat("a", 80<<10) + "\n"},
		{"bomb-big-paragraph.txt", "Big paragraph\n\n" + strings.Repeat("word and «quote» ", (1<<20)/17) + "\n"},
		{"bomb-emphasis.txt", "Emphasis\n\n" + strings.Repeat("*_", 5000) + "\n"},
	}
	for _, b := range bombs {
		if err := add(b.name, []byte(b.body)); err != nil {
			return m, err
		}
		m.Big = append(m.Big, b.name)
	}

	// Encodings: UTF-16 without a BOM and Windows-1251 must still read.
	ru := "Новости\n\nВ Бишкеке 28 ноября 2019 года прошла встреча.\n"
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String("Wide text\n\nUTF-16 without a byte order mark.\n")
	cp, _ := charmap.Windows1251.NewEncoder().String(ru)
	if err := add("enc-utf16-nobom.txt", []byte(u16)); err != nil {
		return m, err
	}
	if err := add("enc-cp1251.txt", []byte(cp)); err != nil {
		return m, err
	}

	// Files to skip.
	if err := add("nul-filled.txt", make([]byte, 4096)); err != nil {
		return m, err
	}
	m.Skipped = append(m.Skipped, Special{"nul-filled.txt", "binary"})

	big := make([]byte, 50<<20)
	for i := range big {
		big[i] = 'a' + byte(i%26)
	}
	if err := add("huge-line.txt", big); err != nil {
		return m, err
	}
	m.Skipped = append(m.Skipped, Special{"huge-line.txt", "oversized"})

	if err := mkfifo(filepath.Join(dir, "fifo.txt")); err == nil {
		m.Skipped = append(m.Skipped, Special{"fifo.txt", "not a regular file"})
	}
	if os.Symlink("loop-b.txt", filepath.Join(dir, "loop-a.txt")) == nil &&
		os.Symlink("loop-a.txt", filepath.Join(dir, "loop-b.txt")) == nil {
		m.Skipped = append(m.Skipped,
			Special{"loop-a.txt", "symlink loop"}, Special{"loop-b.txt", "symlink loop"})
	}

	// Links to the kernel's files: regular files of size 0 that read as
	// the process's environment and status.
	if runtime.GOOS == "linux" {
		for name, to := range map[string]string{"proc-environ.txt": "/proc/self/environ", "proc-status.txt": "/proc/self/status"} {
			if os.Symlink(to, filepath.Join(dir, name)) == nil {
				m.Skipped = append(m.Skipped, Special{name, "links to a special file"})
			}
		}
	}

	// A directory named like an article is walked, not skipped.
	if err := os.Mkdir(filepath.Join(dir, "x.txt"), 0o755); err != nil {
		return m, err
	}
	if err := add(filepath.Join("x.txt", "inner.txt"), []byte("Inner headline\n\nAn article inside a directory named x.txt.\n")); err != nil {
		return m, err
	}

	// A file whose name holds an escape sequence.
	evil := "evil\x1b]52;c;eA==\x07name\x1b[2J.txt"
	if err := add(evil, []byte("Evil name\n\nThe name of this file is hostile.\n")); err != nil {
		return m, err
	}
	return m, nil
}
