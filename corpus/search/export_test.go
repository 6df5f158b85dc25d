package search

import (
	"fmt"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/synth"
)

// SynthCorpus parses n generated articles, as the loader would: the
// corpus of this package's tests, inside it and out.
func SynthCorpus(n int) []corpus.Article {
	arts := make([]corpus.Article, n)
	for i := range arts {
		name, text := synth.Text(7, i)
		arts[i] = parse.Text(fmt.Sprint(i), name, string(text), nil)
	}
	return arts
}
