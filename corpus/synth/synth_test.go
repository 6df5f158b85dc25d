package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTextDeterministic(t *testing.T) {
	for i := range 50 {
		n1, t1 := Text(7, i)
		n2, t2 := Text(7, i)
		if n1 != n2 || !bytes.Equal(t1, t2) {
			t.Fatalf("article %d differs between two calls with the same seed", i)
		}
	}
	_, a := Text(7, 3)
	_, b := Text(8, 3)
	if bytes.Equal(a, b) {
		t.Fatal("seeds 7 and 8 made the same article")
	}
}

// bodyWords counts the words after the header lines and title, the part
// the word budget is about.
func bodyWords(text string) int {
	if strings.HasPrefix(text, "---\n") {
		if i := strings.Index(text[4:], "\n---\n"); i >= 0 {
			text = text[4+i+5:]
		}
	}
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	n := 0
	for _, p := range paras {
		if strings.HasSuffix(p, ".") || strings.HasSuffix(p, "»") || strings.Count(p, " ") > 20 {
			n += len(strings.Fields(p))
		}
	}
	return n
}

func TestWordCounts(t *testing.T) {
	distinct := map[string]bool{}
	for i := range 300 {
		_, text := Text(1, i)
		s := string(text)
		n := len(strings.Fields(s))
		// The body holds MinWords..MaxWords; headers and the title add a few.
		if n < MinWords || n > MaxWords+40 {
			t.Errorf("article %d has %d words, want %d..%d plus a header", i, n, MinWords, MaxWords)
		}
		if b := bodyWords(s); b < MinWords-30 || b > MaxWords+5 {
			t.Errorf("article %d body has about %d words", i, b)
		}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			distinct[strings.Trim(w, ".,«»\"")] = true
		}
	}
	if len(distinct) < 2000 {
		t.Errorf("300 articles use %d distinct words, want several thousand", len(distinct))
	}
}

func TestShapes(t *testing.T) {
	var yaml, ticker, header, inline, dateline, undated int
	for i := range 1000 {
		name, text := Text(1, i)
		s := string(text)
		switch {
		case strings.HasPrefix(s, "---\n"):
			yaml++
		case strings.HasPrefix(s, "USD "):
			ticker++
		case strings.HasPrefix(s, " date "):
			inline++
		case strings.HasPrefix(name, "undated/"):
			undated++
		}
		if strings.Contains(s, ") - ") {
			dateline++
		}
		if len(s) > 2 && s[0] >= '1' && s[0] <= '9' {
			header++
		}
	}
	for what, n := range map[string]int{"yaml": yaml, "ticker": ticker, "inline": inline, "dateline": dateline, "undated": undated, "header": header} {
		if n == 0 {
			t.Errorf("no %s articles in 1000", what)
		}
	}
	if undated > 50 {
		t.Errorf("%d of 1000 undated, want about 2%%", undated)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 3, 20); err != nil {
		t.Fatal(err)
	}
	name, want := Text(3, 19)
	got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("the written file differs from Text")
	}
}
