// Command dossier is a terminal reader for news corpora.
//
//	dossier [flags] [PATH]               open the reader (embedded corpus without PATH)
//	dossier list [PATH] [--format F]     one line per article; or csv, json, md
//	dossier show ID [PATH] [--format F]  one article; or md, txt, json
//	dossier search QUERY [--json]        ranked fuzzy search
//	dossier quotes [--speaker NAME]      who said what, in date order
//	dossier export QUERY [--out FILE]    what a query finds, as a reading list or CSV
//	dossier config                       the config file's path and the settings in force
//	dossier completion bash|zsh|fish     shell completions
//	dossier man                          the man page
package main

import (
	"dossier/model/keymap"
	"fmt"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// keysHelp lists the reader's keys for --help, from the key map the
// reader itself matches against.
func keysHelp() string {
	var b []byte
	b = append(b, "\n\nKeys in the reader:\n"...)
	for _, sec := range keymap.Default().Sections() {
		b = append(b, "\n  "+sec.Title+"\n"...)
		for _, k := range sec.Keys {
			h := k.Help()
			b = append(b, fmt.Sprintf("    %-12s %s\n", h.Key, h.Desc)...)
		}
	}
	return strings.TrimRight(string(b), "\n")
}
