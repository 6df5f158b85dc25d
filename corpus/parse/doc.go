// Package parse turns raw text into a corpus.Article: it decodes the bytes
// (UTF-8, UTF-16, Windows-1251, KOI8-R), cleans them of control and bidi
// characters, splits off YAML front matter, and reads the page: ticker and
// navigation, headline, date lines and dateline, paragraphs, quotes and
// their speakers.
//
// It reads one text at a time and knows nothing of folders (corpus/load),
// of searching (corpus/search) or of terminals.
package parse
