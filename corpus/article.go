package corpus

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
