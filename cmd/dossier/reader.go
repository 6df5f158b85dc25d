package main

import (
	"context"
	"dossier/corpus/load"
	"dossier/corpus/parse"
	csearch "dossier/corpus/search"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"dossier/corpus"
	"dossier/model"
	"dossier/model/feed"
	"dossier/model/keymap"
	"dossier/model/store"
	"dossier/ui"
)

// readerFlags are the reader's own flags.
type readerFlags struct {
	theme, state string
	keys         *keymap.KeyMap // the config file's keys; nil for the defaults
}

func (f *readerFlags) bind(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.theme, "theme", "auto", "colours: auto, light, dark or notty (none)")
	cmd.Flags().StringVar(&f.state, "state", store.DefaultPath(), "where read marks and bookmarks are kept (`FILE`; \"off\" keeps none)")
}

// runReader opens the full-screen reader on the embedded corpus or on a
// file or folder. Everything that asks the terminal something (its
// background, its colours) happens here, before the program takes the
// screen: asked later, the answers would arrive as keystrokes.
func runReader(c commonFlags, rf readerFlags, args []string, corpusGiven bool, stdout, stderr io.Writer) int {
	themeFlag, encFlag, stateFlag := &rf.theme, &c.encoding, &rf.state
	path := c.corpus
	switch {
	case len(args) == 1 && corpusGiven:
		fmt.Fprintln(stderr, "dossier: give PATH or --corpus, not both")
		return exitUsage
	case len(args) == 1:
		path = args[0]
	}
	switch *themeFlag {
	case "auto", "light", "dark", "notty":
	default:
		fmt.Fprintf(stderr, "dossier: --theme %q: want auto, light, dark or notty\n", *themeFlag)
		return exitUsage
	}
	if path != "" {
		if _, err := os.Stat(path); err != nil {
			if len(args) == 1 && !strings.ContainsAny(path, "/.\\") {
				// "dossier frobnicate": a mistyped command, most likely.
				fmt.Fprintf(stderr, "dossier: %q is neither a command (list, show, search, quotes, export, config, help) nor a file or folder\n", parse.SanitizeLine(path))
				return exitUsage
			}
			fmt.Fprintf(stderr, "dossier: %s\n", parse.SanitizeLine(err.Error()))
			return exitFail
		}
	}

	opts := model.Options{
		Theme:  pickTheme(*themeFlag, isTerminal(stdout)),
		ASCII:  asciiTerminal(),
		KeyMap: rf.keys,
		// A copy's OSC 52 goes to the terminal the screen is drawn on.
		Clipboard: stdout,
	}
	if opts.Theme.NoColor {
		// NO_COLOR rules out colour, not reverse video or bold: termenv
		// reads NO_COLOR as "no escapes at all", which would hide the
		// selection. The plain theme has no colours to send.
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	profile := lipgloss.ColorProfile() // decided here, before the screen is taken
	// Light or dark is decided too: a style with an adaptive colour (the
	// bubbles' own defaults) would otherwise ask the terminal mid-run.
	lipgloss.SetHasDarkBackground(opts.Theme.Dark || opts.Theme.NoColor)
	opts.Profile = &profile
	if path == "" {
		opts.Articles, opts.Source = parse.Embedded(), "embedded corpus"
	} else {
		opts.Loading, opts.Source = true, path
	}
	var stateErr error
	if *stateFlag != "" && *stateFlag != "off" {
		opts.State, stateErr = store.Load(*stateFlag)
		opts.StateErr, opts.StateKey = stateErr, stateKey(path)
		if !opts.State.Stuck {
			opts.Saver = &store.Saver{Path: *stateFlag}
		}
	}

	// The renderer draws on its ticks, the first frame included: at its
	// fastest rate a start waits 8 ms for it rather than 17.
	p := tea.NewProgram(model.New(opts), tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(stdout), tea.WithFPS(120))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var skipped []load.Skipped
	var cacheNote string
	done := make(chan struct{})
	if path != "" {
		go func() {
			defer close(done)
			sent := 0
			opt := load.Options{
				Encoding: *encFlag,
				Progress: func(batch []corpus.Article) {
					sent += len(batch)
					p.Send(feed.BatchLoaded(batch))
				},
				Found:    func(n int, done bool) { p.Send(feed.LoadProgress(n, done)) },
				Indexing: func() { p.Send(feed.LoadIndexing()) },
				// A first open lists and indexes the folder before it
				// reads the quotes.
				Searchable: func(arts []corpus.Article, ix *csearch.Index) { p.Send(feed.Searchable(arts, ix)) },
				// The folder's cache: an unchanged folder opens from it,
				// its index with it; what it says waits for stderr.
				Cache: !c.noCache,
				Warn:  func(msg string) { cacheNote = msg },
			}
			arts, ix, sk, err := load.Open(ctx, path, opt)
			if sent == 0 && len(arts) > 0 {
				p.Send(feed.BatchLoaded(arts)) // a loader that reported no progress
			}
			skipped = sk
			p.Send(feed.Loaded(arts, ix, sk, err)) // the ! view lists the warnings too
			if err == nil {
				// A live folder: what a scraper adds while the reader is
				// open comes in as it lands.
				load.Watch(ctx, path, load.Options{Encoding: *encFlag}, func(cs []load.Change) {
					p.Send(feed.FilesChanged(cs))
				})
			}
		}()
	} else {
		close(done)
	}

	_, err := p.Run()
	cancel()
	// The load stops at the cancel, and its skips are still worth
	// reporting; but a quit does not wait on a cache being written (a
	// rename puts it in place, so one cut short is never seen).
	select {
	case <-done:
		if cacheNote != "" {
			fmt.Fprintf(stderr, "dossier: %s\n", cacheNote)
		}
		for _, s := range skipped {
			fmt.Fprintf(stderr, "dossier: %s\n", s.Error())
		}
	case <-time.After(300 * time.Millisecond):
	}
	if stateErr != nil {
		fmt.Fprintf(stderr, "dossier: %s\n", parse.SanitizeLine(stateErr.Error()))
	}
	// The program dropped the saves still running; a bookmark made just
	// before q must not die with them.
	saveErr := opts.Saver.Close(2 * time.Second)
	if saveErr != nil {
		fmt.Fprintf(stderr, "dossier: %s\n", parse.SanitizeLine(saveErr.Error()))
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return exitFail
	}
	if saveErr != nil {
		return exitFail
	}
	return exitOK
}

// stateKey names a corpus in the state file: "embedded", or the folder's
// absolute path, so marks follow the folder whatever the working directory.
func stateKey(path string) string {
	if path == "" {
		return "embedded"
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// pickTheme honours NO_COLOR first, then --theme; notty is the theme
// without colour, as NO_COLOR gives (glow's name for it); auto asks the terminal
// for its background only when stdout is one, since the query would hang
// or print garbage on a pipe.
func pickTheme(flagVal string, tty bool) ui.Theme {
	if _, ok := os.LookupEnv("NO_COLOR"); ok && os.Getenv("NO_COLOR") != "" {
		return ui.PlainTheme()
	}
	switch flagVal {
	case "notty":
		return ui.PlainTheme()
	case "light":
		return ui.LightTheme()
	case "dark":
		return ui.DarkTheme()
	}
	if tty && !lipgloss.HasDarkBackground() {
		return ui.LightTheme()
	}
	return ui.DarkTheme()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// asciiTerminal reports a terminal that cannot be trusted with box
// drawing and block characters: the Linux console, a dumb terminal, or a
// locale that names a charset other than UTF-8. The bare C locale is not
// taken as such a claim: containers run in it on UTF-8 terminals.
func asciiTerminal() bool {
	switch os.Getenv("TERM") {
	case "linux", "dumb":
		return true
	}
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		l := strings.ToLower(loc)
		if l == "c" || l == "posix" {
			return false
		}
		return !strings.Contains(l, "utf-8") && !strings.Contains(l, "utf8")
	}
	return false
}
