package main

import (
	"context"
	"dossier/corpus"
	"dossier/corpus/load"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/spf13/cobra"
)

// opened is the index of the corpus the last openCorpus loaded, kept so
// that search answers from the cached index rather than building one.
var opened struct {
	sync.Mutex
	arts []corpus.Article
	ix   *search.Index
}

// openCorpus loads PATH for a command: through its cache, whose index
// search then takes (corpusIndex), or with --no-cache as Load does. A cache
// that cannot be used costs one line on stderr.
func openCorpus(c commonFlags, stderr io.Writer) ([]corpus.Article, []load.Skipped, error) {
	opt := load.Options{Encoding: c.encoding}
	if c.noCache {
		return load.Load(context.Background(), c.corpus, opt)
	}
	opt.Cache = true
	opt.Warn = func(msg string) { fmt.Fprintf(stderr, "dossier: %s\n", msg) }
	arts, ix, skipped, err := load.Open(context.Background(), c.corpus, opt)
	if err == nil {
		opened.Lock()
		opened.arts, opened.ix = arts, ix
		opened.Unlock()
	}
	return arts, skipped, err
}

// corpusIndex is the index of arts: the one openCorpus loaded with them,
// or a new one.
func corpusIndex(arts []corpus.Article) *search.Index {
	opened.Lock()
	defer opened.Unlock()
	if len(arts) > 0 && len(opened.arts) == len(arts) && &opened.arts[0] == &arts[0] {
		return opened.ix
	}
	return search.NewIndex(arts)
}

// cacheCommand is `dossier cache [clear] [PATH]`.
func cacheCommand(c *commonFlags, stdout io.Writer) *cobra.Command {
	cache := &cobra.Command{
		Use:   "cache [PATH]",
		Short: "where the cache of PATH is and its size; all caches without PATH",
		Long: `A folder's parsed articles and search index are kept in one file per
folder under $XDG_CACHE_HOME/dossier (~/.cache/dossier), so that the next
open reads only the files that changed. --no-cache reads every file again.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := corpusArg(c, cmd, args); err != nil {
				return err
			}
			return runCache(*c, false, stdout)
		},
	}
	clearCmd := &cobra.Command{
		Use:   "clear [PATH]",
		Short: "remove the cache of PATH; every cache without PATH",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := corpusArg(c, cmd, args); err != nil {
				return err
			}
			return runCache(*c, true, stdout)
		},
	}
	clearCmd.SilenceErrors, clearCmd.SilenceUsage = true, true
	clearCmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usage("%s", err) })
	cache.AddCommand(clearCmd)
	return cache
}

// runCache prints or removes the cache of c.corpus, or with no corpus the
// folder of every cache.
func runCache(c commonFlags, remove bool, stdout io.Writer) error {
	dir, err := load.CacheDir()
	if err != nil {
		return fail("no cache folder: %v", err)
	}
	path := dir
	if c.corpus != "" {
		if _, err := os.Stat(c.corpus); err != nil {
			return fail("cannot read %s: %v", parse.SanitizeLine(c.corpus), errors.Unwrap(err))
		}
		if path, err = load.CachePath(dir, c.corpus); err != nil {
			return fail("%v", err)
		}
	}
	size, files := du(path)
	show := parse.SanitizeLine(path)
	if remove {
		if err := os.RemoveAll(path); err != nil {
			return fail("cannot remove %s: %v", show, err)
		}
		fmt.Fprintf(stdout, "removed %s (%s)\n", show, humanSize(size))
		return nil
	}
	switch {
	case files == 0:
		fmt.Fprintf(stdout, "%s (none yet)\n", show)
	case c.corpus == "" && files == 1:
		fmt.Fprintf(stdout, "%s\t%s in 1 cache\n", show, humanSize(size))
	case c.corpus == "":
		fmt.Fprintf(stdout, "%s\t%s in %d caches\n", show, humanSize(size), files)
	default:
		fmt.Fprintf(stdout, "%s\t%s\n", show, humanSize(size))
	}
	return nil
}

// du is the bytes and number of regular files at path, a file or folder.
func du(path string) (size int64, files int) {
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
				files++
			}
		}
		return nil
	})
	return size, files
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
