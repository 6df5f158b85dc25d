// Command dossier-gen writes a synthetic news corpus for trying dossier on
// large folders: go run ./cmd/dossier-gen -n 100000 -o DIR [-seed N].
package main

import (
	"flag"
	"fmt"
	"os"

	"dossier/corpus/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("o", "", "output folder (required)")
	seed := flag.Int64("seed", 1, "generator seed; the same seed writes the same bytes")
	flag.Parse()
	if *out == "" || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: dossier-gen -n N -o DIR [-seed N]")
		os.Exit(2)
	}
	if err := synth.Write(*out, *seed, *n); err != nil {
		fmt.Fprintln(os.Stderr, "dossier-gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "dossier-gen: wrote %d articles to %s\n", *n, *out)
}
