// Command dossier is a terminal reader for news corpora.
//
//	dossier [flags] [PATH]          open the reader (embedded corpus without PATH)
//	dossier list [--json]           one line per article
//	dossier show ID [--json]        one article
//	dossier search QUERY [--json]   ranked fuzzy search
//	dossier quotes [--speaker NAME] who said what, in date order
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // an unknown id, an unreadable corpus
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a sub-command and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return runList(args[1:], stdout, stderr)
		case "show":
			return runShow(args[1:], stdout, stderr)
		case "search":
			return runSearch(args[1:], stdout, stderr)
		case "quotes":
			return runQuotes(args[1:], stdout, stderr)
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return exitOK
		}
	}
	return runReader(args, stdout, stderr)
}

const usage = `dossier: a terminal reader for news corpora

Usage:
  dossier [--corpus PATH] [--theme auto|light|dark] [--encoding E] [--state FILE|off] [PATH]
  dossier list   [--json] [--corpus PATH]
  dossier show   ID [--json] [--corpus PATH]
  dossier search QUERY [--json] [--limit N] [--since DATE] [--until DATE] [--corpus PATH]
  dossier quotes [--speaker NAME] [--since DATE] [--until DATE] [--json] [--corpus PATH]

A QUERY is fuzzy words, AND-ed, with "exact phrase", -word, speaker:NAME,
source:NAME, tag:NAME, since:DATE and until:DATE.

Without PATH or --corpus, dossier reads the articles built into it.
`
