package corpus

// The timeline is the reader's map of when a corpus was written: one bucket
// per calendar month from January of the first dated year to December of the
// last, so a reader can
// see at a glance where coverage is dense, where it has holes, and where a
// search's hits fall.
//
// Why months: news corpora span a few months to a few decades. A month is
// fine enough to show a burst of coverage and coarse enough that twenty
// years (240 buckets) still fit a wide terminal one cell per bucket. Days
// would need scrolling for any real corpus; years would hide every burst.
//
// Why undated articles stay off the axis: a date is never guessed (see
// Date), so an article without a month has no honest place on it. Undated
// articles and those dated to the year only are counted beside the axis
// instead, so the counts still add up to the corpus.
//
// Cost: NewTimeline is two passes over the articles and one slice of
// Last-First+1 ints; Add is O(1) amortised unless it widens the span to the
// left, which copies the buckets once. Nothing here allocates per article.

// maxSpan caps the axis at 2,000 years of months, so one absurd date (year
// 1 next to year 9999 from a broken header) cannot make the timeline
// allocate megabytes; dates outside the cap are counted as YearOnly.
const maxSpan = 2000 * 12

// Timeline counts articles per month over the corpus's span.
type Timeline struct {
	First, Last int   // MonthIndex of the first and last month; -1 when nothing is dated
	Counts      []int // articles per month, Counts[0] is First
	Undated     int   // articles with no date
	// YearOnly counts articles dated to the year but not the month: they
	// are dated, so not Undated, but have no month cell either.
	YearOnly int
}

// NewTimeline buckets arts by month.
func NewTimeline(arts []Article) Timeline {
	t := Timeline{First: -1, Last: -1}
	for i := range arts {
		m := arts[i].Date.MonthIndex()
		if m < 0 {
			continue
		}
		if t.First < 0 || m < t.First {
			t.First = m
		}
		if m > t.Last {
			t.Last = m
		}
	}
	if t.First >= 0 {
		// Whole years: the axis reads 2018 to 2024, January to December,
		// so every year label has its twelve cells.
		t.First, t.Last = t.First-t.First%12, t.Last-t.Last%12+11
	}
	if t.First >= 0 && t.Last-t.First >= maxSpan {
		// Keep the most recent span: a broken old date is likelier than a
		// broken future one, and the newest coverage is what a reader wants.
		t.First = t.Last - maxSpan + 1
	}
	if t.First >= 0 {
		t.Counts = make([]int, t.Last-t.First+1)
	}
	for i := range arts {
		t.add(&arts[i], false)
	}
	return t
}

// Add counts one more article, widening the span when its month falls
// outside it. The loader streams articles in batches, and rebuilding the
// whole timeline per batch would cost O(n) each time.
func (t *Timeline) Add(a *Article) { t.add(a, true) }

func (t *Timeline) add(a *Article, grow bool) {
	m := a.Date.MonthIndex()
	switch {
	case a.Date.IsZero():
		t.Undated++
		return
	case m < 0:
		t.YearOnly++
		return
	}
	if grow {
		t.grow(m)
	}
	if m < t.First || m > t.Last {
		t.YearOnly++ // only beyond maxSpan
		return
	}
	t.Counts[m-t.First]++
}

// grow widens the span to hold month m, unless that breaks maxSpan.
func (t *Timeline) grow(m int) {
	if t.First < 0 || len(t.Counts) == 0 { // the zero Timeline too
		t.First, t.Last = m-m%12, m-m%12+11
		t.Counts = make([]int, 12)
		return
	}
	lo, hi := min(t.First, m-m%12), max(t.Last, m-m%12+11)
	if hi-lo >= maxSpan {
		return
	}
	if m < t.First {
		c := make([]int, hi-lo+1, hi-lo+1+len(t.Counts)/2)
		copy(c[t.First-lo:], t.Counts)
		t.Counts = c
	} else {
		for len(t.Counts) < hi-lo+1 {
			t.Counts = append(t.Counts, 0)
		}
	}
	t.First, t.Last = lo, hi
}

// Len is the number of months on the axis.
func (t Timeline) Len() int { return len(t.Counts) }

// Dated reports whether any article has a month on the axis.
func (t Timeline) Dated() bool { return t.First >= 0 && len(t.Counts) > 0 }

// Count returns the number of articles in month m (a MonthIndex), 0 off the axis.
func (t Timeline) Count(m int) int {
	if !t.Dated() || m < t.First || m > t.Last {
		return 0
	}
	return t.Counts[m-t.First]
}

// Max returns the largest month count, 0 for an empty timeline.
func (t Timeline) Max() int {
	best := 0
	for _, c := range t.Counts {
		best = max(best, c)
	}
	return best
}

// YearRange returns the first and last year on the axis; ok is false when
// nothing is dated.
func (t Timeline) YearRange() (first, last int, ok bool) {
	if !t.Dated() {
		return 0, 0, false
	}
	return MonthYear(t.First), MonthYear(t.Last), true
}

// Clamp returns m moved onto the axis, or -1 when nothing is dated.
func (t Timeline) Clamp(m int) int {
	if !t.Dated() {
		return -1
	}
	return min(max(m, t.First), t.Last)
}

// CountsOf buckets the articles arts[docs[i]] over t's axis: the same
// shape as Counts, for showing a subset (a search's hits) against the
// whole. Articles off the axis are left out.
func (t Timeline) CountsOf(arts []Article, docs []int) []int {
	if !t.Dated() {
		return nil
	}
	c := make([]int, len(t.Counts))
	for _, d := range docs {
		if d < 0 || d >= len(arts) {
			continue
		}
		m := arts[d].Date.MonthIndex()
		if m >= t.First && m <= t.Last {
			c[m-t.First]++
		}
	}
	return c
}

// MonthYear returns the year of a MonthIndex.
func MonthYear(m int) int { return floorDiv(m, 12) }

// MonthOfYear returns the month, 1 to 12, of a MonthIndex.
func MonthOfYear(m int) int { return m - floorDiv(m, 12)*12 + 1 }

// floorDiv divides rounding toward minus infinity, so MonthIndexes of
// (theoretical) negative years still map to the right calendar month.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
