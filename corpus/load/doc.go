// Package load reads folders of articles: it walks them, checks every file
// (regular, not oversized, not binary), parses them on a pool of workers,
// streams them in batches to whoever is waiting, settles unique IDs, and
// reports each file it skipped with the reason.
//
// What a file's text means is corpus/parse's business; load only decides
// which files are read and how.
package load
