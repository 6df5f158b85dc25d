package corpus

// Timeline counts articles per month over the corpus's span.
// STUB: owned by the reader work.
type Timeline struct {
	First, Last int   // MonthIndex of the first and last month; -1 when nothing is dated
	Counts      []int // articles per month, Counts[0] is First
	Undated     int   // articles with no date
}

// NewTimeline buckets arts by month.
func NewTimeline(arts []Article) Timeline { return Timeline{First: -1, Last: -1} }
