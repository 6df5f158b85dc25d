package parse

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"testing"

	"dossier/corpus"
	"dossier/corpus/synth"
)

// TestDraftThenFinish holds the two passes of a first open to the one
// parse: a draft finished is the article BytesContext gives, and the draft
// is that article without its quotes, on the seeds, every field page,
// generated articles and pages whose front matter names another title
// (the quotes are read against the page's own headline) or none.
func TestDraftThenFinish(t *testing.T) {
	type page struct{ name, text string }
	var pages []page
	ents, _ := fs.ReadDir(corpus.Seeds, "seeds")
	for _, e := range ents {
		if path.Ext(e.Name()) == ".txt" {
			b, _ := corpus.Seeds.ReadFile(path.Join("seeds", e.Name()))
			pages = append(pages, page{e.Name(), string(b)})
		}
	}
	for _, pg := range append(append([]fieldPage{}, fieldPages...), heldOutPages...) {
		pages = append(pages, page{pg.name, pg.text})
	}
	for i := range 50 {
		name, text := synth.Text(7, i)
		pages = append(pages, page{name, string(text)})
	}
	// The headline names who "he" is; metadata's title does not.
	speech := "Sadyr Japarov vows to keep the border\n\n\"We will not leave,\" he said on Tuesday in Bishkek.\n"
	pages = append(pages,
		page{"front matter title", "---\ntitle: Another title\nsource: AKIpress\ntags: [csto]\n---\n" + speech},
		page{"bad front matter", "---\ntitle: [unclosed\n---\n" + speech},
		page{"quotes only", "\"We will not leave,\" he said.\n"})

	quoted := 0
	for _, pg := range pages {
		want, wantWarn, wantErr := BytesContext(context.Background(), "id", "f.txt", []byte(pg.text), "")
		d, warn, err := DraftBytes(context.Background(), "id", "f.txt", []byte(pg.text), "")
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || warn != wantWarn {
			t.Fatalf("%s: draft gives (%q, %v), the parse (%q, %v)", pg.name, warn, err, wantWarn, wantErr)
		}
		if d.Quotes != nil {
			t.Errorf("%s: the draft has %d quotes", pg.name, len(d.Quotes))
		}
		got, err := d.Finish(context.Background())
		if err != nil {
			t.Fatalf("%s: finish: %v", pg.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: draft finished differs from the parse:\n got %+v\nwant %+v", pg.name, got, want)
		}
		noQuotes := want
		noQuotes.Quotes = nil
		if !reflect.DeepEqual(d.Article, noQuotes) {
			t.Errorf("%s: the draft is not the article without its quotes", pg.name)
		}
		if len(want.Quotes) > 0 {
			quoted++
		}
	}
	if quoted < len(pages)/2 {
		t.Errorf("only %d of %d pages have quotes: the check says little", quoted, len(pages))
	}
}

// TestFinishStops holds the quotes pass to its context like the parse.
func TestFinishStops(t *testing.T) {
	d, _, err := DraftBytes(context.Background(), "id", "f.txt", []byte("Talks\n\n\"Yes,\" he said.\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.Finish(ctx); err == nil {
		t.Error("a cancelled finish returned no error")
	}
}
