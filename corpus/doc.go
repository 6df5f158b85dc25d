// Package corpus turns raw news text into Article values: it holds the
// embedded seed articles, decodes and cleans files, parses the shapes news
// pages come in, loads folders, builds the search index and buckets articles
// into a timeline. It imports no terminal library.
package corpus
