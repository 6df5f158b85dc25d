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
	bare bool // a message about no command in particular: "dossier: …", no hint
}

func (e exitError) Error() string { return e.msg }

// fail and usage are the two ways a command ends badly.
func fail(format string, a ...any) error {
	return exitError{code: exitFail, msg: fmt.Sprintf(format, a...)}
}
func usage(format string, a ...any) error {
	return exitError{code: exitUsage, msg: fmt.Sprintf(format, a...)}
}

// status ends a command with a code and nothing more to say (the
// command has said it).
func status(code int) error {
	if code == exitOK {
		return nil
	}
	return exitError{code: code}
}

// commonFlags are the flags the reader and every script command take,
// and the settings the config file gives them.
type commonFlags struct {
	json     bool
	format   string // --format; "" is the command's default
	corpus   string
	encoding string
	noCache  bool
	theme    string // show's theme, from the config file; "" is auto
	width    int    // show's widest article, from --width or the config file; 0 is 100
}

// themeOr is the theme show renders with: the config file's, or auto.
func (c commonFlags) themeOr() string {
	if c.theme == "" {
		return "auto"
	}
	return c.theme
}

// articleWidth is the widest show renders an article on a terminal.
func (c commonFlags) articleWidth() int {
	if c.width > 0 {
		return c.width
	}
	return defaultWidth
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
		ee = exitError{code: exitUsage, msg: err.Error()}
	}
	if ee.msg != "" {
		name := "dossier"
		if c, _, ferr := root.Find(args); ferr == nil && c != root && !ee.bare {
			name = c.CommandPath()
		}
		fmt.Fprintf(stderr, "%s: %s\n", name, parse.SanitizeLine(ee.msg))
		if ee.code == exitUsage && !ee.bare {
			fmt.Fprintf(stderr, "(see %s --help)\n", name)
		}
	}
	return ee.code
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	var c commonFlags
	var rf readerFlags
	var cfg config
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
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd != root && !readsConfig[cmd.Name()] {
			return nil // help, man, completions: whatever the file says
		}
		var err error
		if cfg, err = loadConfig(configPath()); err != nil {
			return err
		}
		cfg.apply(cmd, root, &c, &rf)
		return nil
	}
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
	formatFlag(list, &c.format, listFormats)
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
			if cmd.Flags().Changed("width") && (c.width < minWidth || c.width > maxWidth) {
				return usage("--width %d: want a number of columns from %d to %d", c.width, minWidth, maxWidth)
			}
			return runShow(c, args[0], stdout, stderr)
		},
	}
	jsonFlag(show)
	formatFlag(show, &c.format, showFormats)
	show.Flags().IntVar(&c.width, "width", 0, "on a terminal, render at most `N` columns wide (default 100)")
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

	var ef exportFlags
	export := &cobra.Command{
		Use:   "export QUERY [PATH]",
		Short: "the articles a query finds, as a Markdown reading list or CSV",
		Long: `Write every article the QUERY finds, best first: as a Markdown reading
list with each article's citation and quotes (--format md, the default), or
as CSV. The query is search's; nothing matching is exit status 1 and writes
no file.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			args = trailingPath(&c, cmd, args)
			return runExport(c, ef, args, stdout, stderr)
		},
	}
	ef.bind(export)
	sub(export)

	sub(configCommand(&cfg, &c, stdout))
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
