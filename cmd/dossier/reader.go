package main

import (
	"context"
	"flag"
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

	"dossier/corpus"
	"dossier/model"
	"dossier/model/store"
	"dossier/ui"
)

// runReader opens the full-screen reader on the embedded corpus or on a
// file or folder. Everything that asks the terminal something (its
// background, its colours) happens here, before the program takes the
// screen: asked later, the answers would arrive as keystrokes.
func runReader(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dossier", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors go through usageErr, as for the other commands
	corpusFlag := fs.String("corpus", "", "read the `PATH` (a file or folder) instead of the embedded corpus")
	themeFlag := fs.String("theme", "auto", "colours: auto, light or dark")
	encFlag := fs.String("encoding", "", "force a decoding: utf-8, utf-16, windows-1251, koi8-r")
	stateFlag := fs.String("state", store.DefaultPath(), "where read marks and bookmarks are kept (`FILE`; \"off\" keeps none)")
	if err := fs.Parse(args); err != nil {
		return usageErr(stderr, fs, err)
	}
	path := *corpusFlag
	switch {
	case fs.NArg() > 1:
		fmt.Fprintln(stderr, "dossier: one PATH at most")
		return exitUsage
	case fs.NArg() == 1 && path != "":
		fmt.Fprintln(stderr, "dossier: give PATH or --corpus, not both")
		return exitUsage
	case fs.NArg() == 1:
		path = fs.Arg(0)
	}
	switch *themeFlag {
	case "auto", "light", "dark":
	default:
		fmt.Fprintf(stderr, "dossier: --theme %q: want auto, light or dark\n", *themeFlag)
		return exitUsage
	}
	if path != "" {
		if _, err := os.Stat(path); err != nil {
			if fs.NArg() == 1 && !strings.ContainsAny(path, "/.\\") {
				// "dossier frobnicate": a mistyped command, most likely.
				fmt.Fprintf(stderr, "dossier: %q is neither a command (list, show, search, help) nor a file or folder\n", corpus.SanitizeLine(path))
				return exitUsage
			}
			fmt.Fprintf(stderr, "dossier: %s\n", corpus.SanitizeLine(err.Error()))
			return exitFail
		}
	}

	opts := model.Options{
		Theme: pickTheme(*themeFlag, isTerminal(stdout)),
		ASCII: asciiTerminal(),
	}
	if opts.Theme.NoColor {
		// NO_COLOR rules out colour, not reverse video or bold: termenv
		// reads NO_COLOR as "no escapes at all", which would hide the
		// selection. The plain theme has no colours to send.
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	if path == "" {
		opts.Articles, opts.Source = corpus.Embedded(), "embedded corpus"
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

	p := tea.NewProgram(model.New(opts), tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(stdout))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var skipped []corpus.Skipped
	done := make(chan struct{})
	if path != "" {
		go func() {
			defer close(done)
			sent := 0
			arts, sk, err := corpus.Load(ctx, path, corpus.LoadOptions{
				Encoding: *encFlag,
				Progress: func(batch []corpus.Article) {
					sent += len(batch)
					p.Send(model.BatchLoaded(batch))
				},
			})
			if sent == 0 && len(arts) > 0 {
				p.Send(model.BatchLoaded(arts)) // a loader that reported no progress
			}
			skipped = sk
			p.Send(model.LoadDone(sk, err))
		}()
	} else {
		close(done)
	}

	_, err := p.Run()
	cancel()
	<-done // Load stops at the cancel; its skips are still worth reporting
	for _, s := range skipped {
		fmt.Fprintf(stderr, "dossier: %s\n", s.Error())
	}
	if stateErr != nil {
		fmt.Fprintf(stderr, "dossier: %s\n", corpus.SanitizeLine(stateErr.Error()))
	}
	// The program dropped the saves still running; a bookmark made just
	// before q must not die with them.
	saveErr := opts.Saver.Close(2 * time.Second)
	if saveErr != nil {
		fmt.Fprintf(stderr, "dossier: %s\n", corpus.SanitizeLine(saveErr.Error()))
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

// pickTheme honours NO_COLOR first, then --theme; auto asks the terminal
// for its background only when stdout is one, since the query would hang
// or print garbage on a pipe.
func pickTheme(flagVal string, tty bool) ui.Theme {
	if _, ok := os.LookupEnv("NO_COLOR"); ok && os.Getenv("NO_COLOR") != "" {
		return ui.PlainTheme()
	}
	switch flagVal {
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
