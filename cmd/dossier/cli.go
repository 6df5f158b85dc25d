package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"dossier/corpus/parse"
)

// Exit statuses, as grep has them.
const (
	exitOK    = 0
	exitFail  = 1 // an unknown id, an unreadable corpus, a search that finds nothing
	exitUsage = 2
)

// exitError carries a command's exit status up through cobra; its message,
// if any, is printed once, on stderr.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// fail and usage are the two ways a command ends badly.
func fail(format string, a ...any) error  { return exitError{exitFail, fmt.Sprintf(format, a...)} }
func usage(format string, a ...any) error { return exitError{exitUsage, fmt.Sprintf(format, a...)} }

// status ends a command with a code and nothing more to say (the
// command has said it).
func status(code int) error {
	if code == exitOK {
		return nil
	}
	return exitError{code: code}
}

// commonFlags are the flags the reader and every script command take.
type commonFlags struct {
	json     bool
	corpus   string
	encoding string
	noCache  bool
}

// run builds the command tree, runs it on args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee exitError
	if !errors.As(err, &ee) {
		// cobra's own: an unknown command or flag, a wrong number of
		// arguments.
		ee = exitError{exitUsage, err.Error()}
	}
	if ee.msg != "" {
		name := "dossier"
		if c, _, ferr := root.Find(args); ferr == nil && c != root {
			name = c.CommandPath()
		}
		fmt.Fprintf(stderr, "%s: %s\n", name, parse.SanitizeLine(ee.msg))
		if ee.code == exitUsage {
			fmt.Fprintf(stderr, "(see %s --help)\n", name)
		}
	}
	return ee.code
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	var c commonFlags
	var rf readerFlags
	root := &cobra.Command{
		Use:   "dossier [flags] [PATH]",
		Short: "a terminal reader for news corpora",
		Long: `dossier is a terminal reader for news corpora: a list of articles, each
rendered with its quoted speech attributed, a timeline, fuzzy search as you
type, and who said what. Without PATH it reads the articles built into it;
with PATH, a file or a folder of .txt and .md files.

A QUERY is fuzzy words, AND-ed, with "exact phrase", -word, speaker:NAME,
source:NAME, tag:NAME, since:DATE and until:DATE.` + keysHelp(),
		Version:       version(),
		Args:          cobra.MaximumNArgs(1),
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return status(runReader(c, rf, args, cmd.Flags().Changed("corpus"), stdout, stderr))
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("dossier {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usage("%s", err) })
	pf := root.PersistentFlags()
	pf.StringVar(&c.corpus, "corpus", "", "read `PATH` (a file or folder) instead of the embedded corpus")
	pf.StringVar(&c.encoding, "encoding", "", "force a decoding: utf-8, utf-16, windows-1251, koi8-r")
	pf.BoolVar(&c.noCache, "no-cache", false, "read every file again, neither reading nor writing the cache")
	rf.bind(root)

	jsonFlag := func(cmd *cobra.Command) {
		cmd.Flags().BoolVar(&c.json, "json", false, "print JSON")
	}
	sub := func(cmd *cobra.Command) {
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usage("%s", err) })
		root.AddCommand(cmd)
	}

	list := &cobra.Command{
		Use:   "list [PATH]",
		Short: "one line per article, oldest first, undated last",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := corpusArg(&c, cmd, args); err != nil {
				return err
			}
			return runList(c, stdout, stderr)
		},
	}
	jsonFlag(list)
	sub(list)

	show := &cobra.Command{
		Use:   "show ID [PATH]",
		Short: "one article: rendered on a terminal, plain when piped",
		Long:  "Show one article, by its ID or a prefix of exactly one ID (dossier show 002).",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || len(args) > 2 {
				return usage("want one article ID (see dossier list)")
			}
			if err := corpusArg(&c, cmd, args[1:]); err != nil {
				return err
			}
			return runShow(c, args[0], stdout, stderr)
		},
	}
	jsonFlag(show)
	sub(show)

	var sf searchFlags
	search := &cobra.Command{
		Use:   "search QUERY [PATH]",
		Short: "ranked fuzzy search; exit status 1 when nothing matches",
		Long: `Search titles, bodies, speakers and sources, best first. The last
argument is the corpus when there are several and it names a file or
folder. Put -- before a query that starts with a dash: dossier search -- -sco csto.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			args = trailingPath(&c, cmd, args)
			return runSearch(c, sf, args, stdout, stderr)
		},
	}
	jsonFlag(search)
	sf.bind(search)
	sub(search)

	var qf quoteFlags
	quotes := &cobra.Command{
		Use:   "quotes [PATH]",
		Short: "who said what: every quote with its speaker and citation, in date order",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := corpusArg(&c, cmd, args); err != nil {
				return err
			}
			return runQuotes(c, qf, stdout, stderr)
		},
	}
	jsonFlag(quotes)
	qf.bind(quotes)
	sub(quotes)

	sub(cacheCommand(&c, stdout))
	sub(manCommand(root, stdout))
	return root
}

// corpusArg takes a positional PATH as --corpus; giving both is an error.
func corpusArg(c *commonFlags, cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.Flags().Changed("corpus") {
		return usage("give PATH or --corpus, not both")
	}
	c.corpus = args[0]
	return nil
}

// trailingPath takes the last of several arguments as the corpus when it
// names a file or folder and --corpus is not given: dossier search csto news.
func trailingPath(c *commonFlags, cmd *cobra.Command, args []string) []string {
	if len(args) < 2 || cmd.Flags().Changed("corpus") {
		return args
	}
	last := args[len(args)-1]
	if _, err := os.Stat(last); err == nil {
		c.corpus = last
		return args[:len(args)-1]
	}
	return args
}

// version is the module version, or the commit it was built from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "(devel)"
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return strings.TrimSpace(v)
}
