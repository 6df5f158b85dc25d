package main

import (
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manCommand prints dossier's man page, generated from the same command
// tree as --help: dossier man > /usr/local/share/man/man1/dossier.1.
func manCommand(root *cobra.Command, stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "print the man page (roff) on stdout",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return doc.GenMan(root, &doc.GenManHeader{Title: "DOSSIER", Section: "1", Source: "dossier " + version()}, stdout)
		},
	}
}
