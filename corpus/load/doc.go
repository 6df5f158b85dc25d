// Package load reads folders of articles: it walks them, checks every file
// (regular, not oversized, not binary), parses them on a pool of workers,
// streams them in batches to whoever is waiting, settles unique IDs, and
// reports each file it skipped with the reason. Open does the same through
// a cache per folder (cache.go), so that a reopen parses only the files
// that changed and restores or patches the search index instead of
// building it.
//
// What a file's text means is corpus/parse's business; load only decides
// which files are read and how.
package load
