package main

import (
	"dossier/corpus/load"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cachedFolder is a folder of two articles and a skipped file, dated an
// hour ago (a file written just now is never taken from the cache), with
// the cache folder to itself.
func cachedFolder(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	files := map[string]string{
		"a.md":    "---\ntitle: Kyrgyzstan stays in the CSTO\ndate: 2022-09-22\nsource: Interfax\n---\n\n\"We stay,\" Marat Imankulov said of the Security Council.\n",
		"b.txt":   "SCO summit opens in Astana\n\nThe Security Council met on Monday.\n",
		"bad.txt": "\x00\x01\x02\x03\x00\x01\x02\x03\x00\x01\x02\x03\x00\x01\x02\x03",
		"warn.md": "---\ntitle: [unclosed\n---\n\nHeadline\n\nBody.\n",
	}
	past := time.Now().Add(-time.Hour)
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		os.Chtimes(p, past, past)
	}
	return dir
}

func TestCacheCommands(t *testing.T) {
	dir := cachedFolder(t)
	out, errs, code := runCmd(t, "cache", dir)
	if code != exitOK || !strings.Contains(out, "(none yet)") {
		t.Errorf("cache before any load: exit %d, %q %q", code, out, errs)
	}
	cold, coldErrs, code := runCmd(t, "list", "--no-cache", dir)
	if code != exitOK {
		t.Fatalf("list --no-cache: exit %d, %s", code, coldErrs)
	}
	if out, _, _ := runCmd(t, "cache", dir); !strings.Contains(out, "(none yet)") {
		t.Errorf("--no-cache wrote a cache: %q", out)
	}
	for _, what := range []string{"first", "cached"} {
		out, errs, code := runCmd(t, "list", dir)
		if code != exitOK || out != cold || errs != coldErrs {
			t.Errorf("%s list: exit %d\n%s%s\nwant\n%s%s", what, code, out, errs, cold, coldErrs)
		}
	}
	if !strings.Contains(coldErrs, "skipped") || !strings.Contains(coldErrs, "front matter ignored") {
		t.Errorf("the folder's skip and warning: %q", coldErrs)
	}
	path, _ := load.CachePath("", dir)
	out, _, _ = runCmd(t, "cache", dir)
	if !strings.HasPrefix(out, path+"\t") || !strings.HasSuffix(out, "KB\n") {
		t.Errorf("cache = %q, want %s and its size", out, path)
	}
	out, _, _ = runCmd(t, "cache")
	if !strings.Contains(out, filepath.Dir(path)) || !strings.Contains(out, "in 1 cache\n") {
		t.Errorf("cache without PATH = %q", out)
	}
	for _, q := range []string{"security council", "imankulov"} {
		want, _, wcode := runCmd(t, "search", "--no-cache", q, dir)
		got, gerrs, gcode := runCmd(t, "search", q, dir)
		if got != want || gcode != wcode || wcode != exitOK {
			t.Errorf("search %q from the cache: exit %d %q %s, without %d %q", q, gcode, got, gerrs, wcode, want)
		}
	}

	// A damaged cache: one line, the same answer, and a good cache after.
	os.WriteFile(path, []byte("not a cache"), 0o644)
	out, errs, code = runCmd(t, "list", dir)
	if code != exitOK || out != cold || errs != "dossier: cache "+path+": not a dossier cache; rebuilding it\n"+coldErrs {
		t.Errorf("list over a damaged cache: exit %d\n%s%s", code, out, errs)
	}
	if _, errs, _ := runCmd(t, "list", dir); errs != coldErrs {
		t.Errorf("after the rebuild: %q", errs)
	}

	out, _, code = runCmd(t, "cache", "clear", dir)
	if code != exitOK || !strings.HasPrefix(out, "removed "+path) {
		t.Errorf("cache clear: exit %d %q", code, out)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("cache clear left the cache")
	}
	if _, errs, code := runCmd(t, "cache", filepath.Join(dir, "missing")); code != exitFail || !strings.Contains(errs, "cannot read") {
		t.Errorf("cache of a missing folder: exit %d %q", code, errs)
	}
	runCmd(t, "list", dir)
	if out, _, code := runCmd(t, "cache", "clear"); code != exitOK || !strings.HasPrefix(out, "removed "+filepath.Dir(path)) {
		t.Errorf("cache clear without PATH: exit %d %q", code, out)
	}
}
