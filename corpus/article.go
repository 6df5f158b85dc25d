package corpus

import (
	"fmt"
	"sort"
)

// Origin tells where a field's value came from.
type Origin uint8

// The places a field can come from.
const (
	OriginNone     Origin = iota // the field is unknown
	OriginHeader                 // a header or date line of the text itself
	OriginMetadata               // YAML front matter or the seeds' sidecar file
	OriginText                   // a mention in the prose
)

// String returns the JSON name of the origin, or "" for OriginNone.
func (o Origin) String() string {
	switch o {
	case OriginHeader:
		return "header"
	case OriginMetadata:
		return "metadata"
	case OriginText:
		return "text"
	}
	return ""
}

// Precision is how much of a date the text states.
type Precision uint8

// Date precisions, from none to a day with a time.
const (
	PrecNone   Precision = iota // undated
	PrecYear                    // 2023
	PrecMonth                   // 2023-02
	PrecDay                     // 2023-02-14
	PrecMinute                  // 2023-02-14T09:30
)

// Date is a calendar date as precise as the source states it. It is never
// filled in by guessing: the fields below Prec are zero.
type Date struct {
	Year, Month, Day, Hour, Minute int
	Prec                           Precision
	Origin                         Origin
}

// IsZero reports whether the article is undated.
func (d Date) IsZero() bool { return d.Prec == PrecNone }

// String formats the date as precisely as it is known: "2022-09-22T16:47",
// "2018-11-09", "2023-02", "2023", or "" when undated.
func (d Date) String() string {
	switch d.Prec {
	case PrecYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case PrecMinute:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", d.Year, d.Month, d.Day, d.Hour, d.Minute)
	}
	return ""
}

// Key orders dates: a larger key is later. Unknown parts count as zero, so
// "2023" sorts before "2023-01-01". Undated is 0.
func (d Date) Key() int64 {
	if d.Prec == PrecNone {
		return 0
	}
	return ((((int64(d.Year)*13+int64(d.Month))*32+int64(d.Day))*25+int64(d.Hour))*61 + int64(d.Minute))
}

// MonthIndex is Year*12+Month-1, the timeline's unit; -1 when the date has
// no month.
func (d Date) MonthIndex() int {
	if d.Prec < PrecMonth {
		return -1
	}
	return d.Year*12 + d.Month - 1
}

// QuoteKind classifies a quoted passage.
type QuoteKind uint8

// Kinds of quotes.
const (
	Speech QuoteKind = iota // quoted speech: «…», "…", “…”
	Term                    // a short quoted name or word: «export», “Crocus City Hall”
	Pull                    // a paragraph without marks ending in its speaker's bare name
)

// String returns the JSON name of the kind.
func (k QuoteKind) String() string {
	switch k {
	case Term:
		return "term"
	case Pull:
		return "pull"
	}
	return "speech"
}

// Quote is a quoted passage in a paragraph.
type Quote struct {
	Para       int    // index into Article.Paragraphs
	Start, End int    // byte span in that paragraph, quote marks included
	Text       string // the quoted words, marks excluded
	Speaker    string // the full name the text gives, or ""
	Kind       QuoteKind
	// SpeakerSpan is the byte span in the paragraph of the words that
	// name the speaker in the attribution: "he", "Imankulov", "the
	// President of the Kyrgyz Republic". Zero when there are none.
	SpeakerSpan [2]int
}

// Article is one parsed news text. Every string in it is valid UTF-8 free of
// control characters other than newline and tab.
type Article struct {
	ID         string // the file's path under its root, without extension
	File       string // the file's path as loaded
	Title      string
	TitleFrom  Origin
	Date       Date
	Source     string // the outlet: Interfax, 24.kg, ...
	SourceFrom Origin
	URL        string
	URLFrom    Origin
	Dateline   string // the place of an agency dateline: BISHKEK
	Tags       []string
	Paragraphs []string // the body, without title, date header, ticker or navigation
	Words      int
	Quotes     []Quote
}

// Less orders articles by date, oldest first, undated last, then by ID.
func Less(a, b *Article) bool {
	ka, kb := a.Date.Key(), b.Date.Key()
	if (ka == 0) != (kb == 0) {
		return kb == 0
	}
	if ka != kb {
		return ka < kb
	}
	return a.ID < b.ID
}

// SortByDate sorts articles oldest first, undated last.
func SortByDate(arts []Article) {
	sort.SliceStable(arts, func(i, j int) bool { return Less(&arts[i], &arts[j]) })
}
