package search

import (
	"bytes"
	"testing"

	"dossier/corpus"
)

// TestWithQuotes holds an index built from drafts and then given the
// quotes to the index built from the whole articles: the same bytes when
// saved, and the same hits for a speaker, which the drafts' index lacks.
func TestWithQuotes(t *testing.T) {
	full := SynthCorpus(400)
	drafts := make([]corpus.Article, len(full))
	speaker := ""
	for i, a := range full {
		for _, q := range a.Quotes {
			if speaker == "" && q.Speaker != "" {
				speaker = q.Speaker
			}
		}
		a.Quotes = nil
		drafts[i] = a
	}
	if speaker == "" {
		t.Fatal("the corpus has no speakers: the check says nothing")
	}
	want, _ := NewIndex(full).MarshalBinary()
	early := NewIndex(drafts)
	if n := len(early.Search("speaker:"+speaker, 1000)); n != 0 {
		t.Errorf("the drafts' index finds %d articles by %s", n, speaker)
	}
	late := early.WithQuotes(full)
	if n, m := len(late.Search("speaker:"+speaker, 1000)), len(NewIndex(full).Search("speaker:"+speaker, 1000)); n != m || n == 0 {
		t.Errorf("with the quotes, %d articles by %s; the full index finds %d", n, speaker, m)
	}
	got, _ := late.MarshalBinary()
	if !bytes.Equal(got, want) {
		t.Errorf("the drafts' index with the quotes saves %d bytes unlike the full index's %d", len(got), len(want))
	}
}
