// Package search finds articles: it folds words across case, accents and
// scripts, builds the in-memory index over titles, bodies, speakers and
// sources, parses queries, expands prefixes and typos, ranks hits, and cuts
// snippets with the positions to highlight; Find does the same inside one
// article.
//
// It reads parsed articles and never the disk; how they are parsed is
// corpus/parse's business.
package search
