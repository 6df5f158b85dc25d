package load

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"dossier/corpus"
	"dossier/corpus/search"
)

// TestFirstOpenInPasses holds a first open's two passes to one parse of
// each file: Searchable gets the whole corpus, sorted, without quotes,
// with an index that finds words but no speakers; Open returns what a
// cold load and a fresh index give, through the cache and without it.
func TestFirstOpenInPasses(t *testing.T) {
	root := cacheCorpus(t, 60)
	want := cold(t, root, Options{})
	speaker := ""
	for _, a := range want.arts {
		for _, q := range a.Quotes {
			if speaker == "" && q.Speaker != "" {
				speaker = q.Speaker
			}
		}
	}
	if speaker == "" {
		t.Fatal("the corpus has no speakers: the check says nothing")
	}
	for _, cache := range []bool{true, false} {
		var early []corpus.Article
		var earlyIx *search.Index
		calls := 0
		opt := Options{Cache: cache, CacheDir: t.TempDir(), Searchable: func(arts []corpus.Article, ix *search.Index) {
			calls++
			early, earlyIx = arts, ix
			// What the reader shows while the quotes are read.
			if n := len(ix.Search("speaker:"+speaker, 100)); n != 0 {
				t.Errorf("cache %v: the drafts' index finds %d articles by %s", cache, n, speaker)
			}
		}}
		arts, ix, skips, err := Open(context.Background(), root, opt)
		WaitCache()
		if err != nil {
			t.Fatal(err)
		}
		if calls != 1 {
			t.Fatalf("cache %v: Searchable heard %d times", cache, calls)
		}
		if len(early) != len(want.arts) {
			t.Fatalf("cache %v: %d drafts, %d articles", cache, len(early), len(want.arts))
		}
		for i := range early {
			if early[i].ID != want.arts[i].ID || early[i].Title != want.arts[i].Title || early[i].Date != want.arts[i].Date {
				t.Fatalf("cache %v: draft %d is %q %q, the article %q %q", cache, i, early[i].ID, early[i].Title, want.arts[i].ID, want.arts[i].Title)
			}
			if early[i].Quotes != nil {
				t.Fatalf("cache %v: draft %q has quotes", cache, early[i].ID)
			}
		}
		if earlyIx.Len() != len(early) || len(earlyIx.Search("security council", 100)) == 0 {
			t.Errorf("cache %v: the drafts' index does not find words", cache)
		}
		sameAs(t, "two passes", opened{arts: arts, ix: ix, skips: skips}, want)
		if cache {
			// The cache holds the whole articles: a reopen is a hit.
			sameAs(t, "reopened", openCached(t, root, opt.CacheDir, Options{}), want)
		}
	}
}

// TestFirstOpenQuit: quitting while the quotes are read stops the open
// with the cancel, and leaves no cache.
func TestFirstOpenQuit(t *testing.T) {
	root := cacheCorpus(t, 40)
	cd := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var err error
	hangGuard(t, 10*time.Second, "a first open cancelled in its second pass", func() {
		_, _, _, err = Open(ctx, root, Options{Cache: true, CacheDir: cd,
			Searchable: func([]corpus.Article, *search.Index) { cancel() }})
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("open cancelled in its second pass: %v", err)
	}
	if entries, _ := os.ReadDir(cd); len(entries) != 0 {
		t.Errorf("a cancelled open wrote %v", entries)
	}
}
