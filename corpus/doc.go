// Package corpus holds what every other part of dossier shares about a
// corpus: the Article and its Quotes, the one Date type with its orders and
// Range, the timeline's month buckets, and the embedded seed texts.
//
// It owns no stage of the work. Turning bytes into an Article is
// corpus/parse; walking a folder is corpus/load; finding articles is
// corpus/search. It imports no terminal library and nothing of dossier.
package corpus
