package corpus

// Index answers fuzzy searches over titles, sources, speakers and bodies.
// STUB: owned by the search work.
type Index struct {
	arts []Article
}

// Hit is one article that matches a query.
type Hit struct {
	Doc        int      // index into the slice the Index was built from
	Score      int      // higher is better
	TitlePos   []int    // byte offsets in Title of the matched characters
	Snippet    string   // a line of the body around the best match
	SnippetPos [][2]int // byte spans in Snippet of the matched words
	Terms      []string // the folded vocabulary words the query matched
}

// Span is a match in an article's paragraph.
type Span struct {
	Para       int
	Start, End int // byte offsets in Paragraphs[Para]
}

// NewIndex indexes arts; Hit.Doc indexes into arts.
func NewIndex(arts []Article) *Index { return &Index{arts: arts} }

// Search returns up to limit hits for q, best first.
func (ix *Index) Search(q string, limit int) []Hit { return nil }

// Find returns the spans in a's paragraphs that match q the way Search
// matches bodies, in reading order.
func Find(a *Article, q string) []Span { return nil }
