package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// Dates in dossier are stated, never guessed: a page that gives only a year
// is dated to the year, one that gives nothing is undated. Every order,
// filter and label goes through the one type below, so the list, the
// timeline, --since/--until and the JSON agree on what "2023" or "undated"
// means.

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

// YearDate is the year y, dated to the year.
func YearDate(y int) Date { return Date{Year: y, Prec: PrecYear} }

// MonthDate is the month of a MonthIndex, dated to the month.
func MonthDate(m int) Date {
	return Date{Year: MonthYear(m), Month: MonthOfYear(m), Prec: PrecMonth}
}

// IsZero reports whether the article is undated.
func (d Date) IsZero() bool { return d.Prec == PrecNone }

// String formats the date as precisely as it is known, for machines:
// "2022-09-22T16:47", "2018-11-09", "2023-02", "2023", or "" when undated.
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

// Text formats the date as precisely as it is known, for people:
// "2022-09-22 16:47", "2018-11-09", "2023-02", "2023", or "undated".
func (d Date) Text() string {
	if d.IsZero() {
		return "undated"
	}
	return strings.Replace(d.String(), "T", " ", 1)
}

// Truncate drops what d states beyond precision p: a minute cut to PrecDay
// is its day. A date less precise than p is returned as it is.
func (d Date) Truncate(p Precision) Date {
	if d.Prec <= p {
		return d
	}
	out := Date{Year: d.Year, Prec: p, Origin: d.Origin}
	if p >= PrecMonth {
		out.Month = d.Month
	}
	if p >= PrecDay {
		out.Day = d.Day
	}
	return out
}

// Key orders dates: a larger key is later. Unknown parts count as zero, so
// "2023" sorts before "2023-01-01". Undated is 0.
func (d Date) Key() int64 {
	if d.Prec == PrecNone {
		return 0
	}
	return key(d.Year, d.Month, d.Day, d.Hour, d.Minute)
}

func key(y, mo, d, h, mi int) int64 {
	return (((int64(y)*13+int64(mo))*32+int64(d))*25+int64(h))*61 + int64(mi)
}

// end is the key of the last moment d covers: the parts it does not state
// are taken at their largest, so "2023" ends after "2023-12-31T23:59".
func (d Date) end() int64 {
	mo, dd, h, mi := d.Month, d.Day, d.Hour, d.Minute
	if d.Prec < PrecMonth {
		mo = 12
	}
	if d.Prec < PrecDay {
		dd = 31
	}
	if d.Prec < PrecMinute {
		h, mi = 24, 60
	}
	return key(d.Year, mo, dd, h, mi)
}

// Compare orders dates oldest first with undated last; -1, 0 or +1.
// A date that states less sorts before the more precise dates inside it.
func (d Date) Compare(e Date) int {
	kd, ke := d.Key(), e.Key()
	switch {
	case (kd == 0) != (ke == 0):
		if kd == 0 {
			return 1
		}
		return -1
	case kd < ke:
		return -1
	case kd > ke:
		return 1
	}
	return 0
}

// MonthIndex is Year*12+Month-1, the timeline's unit; -1 when the date has
// no month.
func (d Date) MonthIndex() int {
	if d.Prec < PrecMonth {
		return -1
	}
	return d.Year*12 + d.Month - 1
}

// Range is an inclusive span of dates, each end as precise as it was given:
// Since 2022 and Until 2023-06 is 2022-01-01 to 2023-06-30. A zero end is
// open.
type Range struct{ Since, Until Date }

// YearRange is the whole year y.
func YearRange(y int) Range { return Range{YearDate(y), YearDate(y)} }

// MonthRange is the whole month of a MonthIndex.
func MonthRange(m int) Range { return Range{MonthDate(m), MonthDate(m)} }

// IsZero reports whether the range is open at both ends: it holds every
// article, undated ones too.
func (r Range) IsZero() bool { return r.Since.IsZero() && r.Until.IsZero() }

// Valid reports whether Since does not begin after Until ends.
func (r Range) Valid() bool {
	return r.Since.IsZero() || r.Until.IsZero() || r.Since.Key() <= r.Until.end()
}

// Contains reports whether all of d lies within r. An undated article lies
// within no range but the open one, and a date less precise than the range
// must fit whole: "2023" is not within 2023-02, and the timeline's month
// filter and --since 2023-02 agree on that.
func (r Range) Contains(d Date) bool {
	if r.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	return (r.Since.IsZero() || d.Key() >= r.Since.Key()) && (r.Until.IsZero() || d.end() <= r.Until.end())
}

// Less orders articles by date, oldest first, undated last, then by ID.
func Less(a, b *Article) bool { return Oldest(a, b) < 0 }

// Oldest compares articles oldest first, undated last, then by ID.
func Oldest(a, b *Article) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Newest compares articles newest first, undated still last, then by ID, so
// equal dates keep one stable order in both directions.
func Newest(a, b *Article) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		if a.Date.IsZero() || b.Date.IsZero() {
			return c
		}
		return -c
	}
	return strings.Compare(a.ID, b.ID)
}

// SortByDate sorts articles oldest first, undated last.
func SortByDate(arts []Article) {
	slices.SortStableFunc(arts, func(a, b Article) int { return Oldest(&a, &b) })
}
