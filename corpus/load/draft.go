package load

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
)

// A first open of a folder reads it in two passes. The first parses each
// file without its quotes (parse.DraftBytes, about half the parse), so the
// list is whole early, and the drafts are indexed, so search works; the
// second reads the quotes of every draft (parse.FinishArticle) and gives
// the index its speakers (search.Index.WithQuotes). What the two give is
// what one parse of each file would: TestFirstOpenInPasses holds them to
// it.

// finish is the second pass over arts, the drafts load read (their heads
// in wk.heads), sorted: Indexing hears it begin, Searchable gets the
// drafts and their index, and the articles return with their quotes and
// an index with their speakers. A draft whose quotes take longer than its
// budget leaves the corpus as skipped, as a file that took too long to
// parse does; wk's record of its file says so.
func finish(ctx context.Context, arts []corpus.Article, wk *walk, skips []Skipped, opt Options) ([]corpus.Article, *search.Index, []Skipped, error) {
	if opt.Indexing != nil {
		opt.Indexing()
	}
	ix := search.NewIndex(arts)
	if err := ctx.Err(); err != nil {
		return nil, nil, skips, err
	}
	if opt.Searchable != nil {
		opt.Searchable(arts, ix)
	}
	full := make([]corpus.Article, len(arts))
	failed := make([]string, len(arts)) // why a draft could not be finished
	var wg sync.WaitGroup
	workers := max(1, min(opt.Workers, len(arts)))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				if ctx.Err() != nil {
					return
				}
				head, ok := wk.heads[arts[i].ID]
				if !ok { // taken whole from the cache
					full[i] = arts[i]
					continue
				}
				full[i], failed[i] = finishOne(ctx, arts[i], head, opt)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, skips, err
	}
	wk.heads = nil
	kept := full[:0]
	var dropped, path map[string]string
	for i := range full {
		if failed[i] == "" {
			kept = append(kept, full[i])
			continue
		}
		if dropped == nil {
			dropped, path = map[string]string{}, map[string]string{}
		}
		dropped[arts[i].ID], path[arts[i].ID] = failed[i], arts[i].File
		skips = append(skips, Skipped{Path: arts[i].File, Reason: failed[i]})
	}
	if dropped == nil {
		return full, ix.WithQuotes(full), skips, nil
	}
	for i := range wk.files {
		f := &wk.files[i]
		if why, ok := dropped[f.id]; ok && f.art {
			f.art, f.skip = false, &Skipped{Path: path[f.id], Reason: why}
		}
	}
	sort.Slice(skips, func(i, j int) bool { return skips[i].Path < skips[j].Path })
	return kept, search.NewIndex(kept), skips, nil
}

// finishOne reads the quotes of draft a within the parse budget of its
// text, as readFile bounds a whole parse; why says what stopped it.
func finishOne(ctx context.Context, a corpus.Article, head string, opt Options) (full corpus.Article, why string) {
	defer func() {
		if r := recover(); r != nil {
			why = parse.SanitizeLine(fmt.Sprintf("parser failed: %v", r))
		}
	}()
	size := int64(len(a.Title))
	for _, p := range a.Paragraphs {
		size += int64(len(p))
	}
	budget := opt.FileBudget
	if budget <= 0 {
		budget = DefaultBudget(size)
	}
	fctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	full, err := parse.FinishArticle(fctx, a, head)
	switch {
	case err == nil:
		return full, ""
	case ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded):
		return corpus.Article{}, tooLong(budget)
	default:
		return corpus.Article{}, err.Error()
	}
}
