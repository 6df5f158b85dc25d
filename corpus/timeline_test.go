package corpus

import (
	"reflect"
	"testing"
)

func dated(id string, y, m int) Article {
	return Article{ID: id, Date: Date{Year: y, Month: m, Day: 1, Prec: PrecDay}}
}

func TestNewTimeline(t *testing.T) {
	arts := []Article{
		dated("a", 2022, 11),
		dated("b", 2023, 2),
		dated("c", 2023, 2),
		{ID: "undated"},
		{ID: "year", Date: Date{Year: 2023, Prec: PrecYear}},
		dated("d", 2022, 12),
	}
	tl := NewTimeline(arts)
	// Whole years: January 2022 to December 2023.
	if tl.First != 2022*12 || tl.Last != 2023*12+11 {
		t.Fatalf("span = %d..%d", tl.First, tl.Last)
	}
	want := make([]int, 24)
	want[10], want[11], want[13] = 1, 1, 2
	if !reflect.DeepEqual(tl.Counts, want) {
		t.Fatalf("counts = %v, want %v", tl.Counts, want)
	}
	if tl.Undated != 1 || tl.YearOnly != 1 {
		t.Fatalf("undated %d yearOnly %d", tl.Undated, tl.YearOnly)
	}
	if y0, y1, ok := tl.YearRange(); !ok || y0 != 2022 || y1 != 2023 {
		t.Fatalf("YearRange = %d %d %v", y0, y1, ok)
	}
	if tl.Max() != 2 || tl.Count(2023*12+1) != 2 || tl.Count(1) != 0 {
		t.Fatalf("Max %d / Count wrong", tl.Max())
	}
	wantHits := make([]int, 24)
	wantHits[13] = 1
	if got := tl.CountsOf(arts, []int{1, 3, 99, -1}); !reflect.DeepEqual(got, wantHits) {
		t.Fatalf("CountsOf = %v", got)
	}
}

func TestTimelineEmpty(t *testing.T) {
	for _, arts := range [][]Article{nil, {{ID: "x"}}} {
		tl := NewTimeline(arts)
		if tl.Dated() || tl.First != -1 || tl.Last != -1 || tl.Len() != 0 || tl.Clamp(5) != -1 {
			t.Fatalf("empty timeline = %+v", tl)
		}
		if _, _, ok := tl.YearRange(); ok {
			t.Fatal("YearRange ok on empty timeline")
		}
	}
}

// TestTimelineAddMatchesNew holds the incremental path used while loading
// to the batch one, in every arrival order that widens the span both ways.
func TestTimelineAddMatchesNew(t *testing.T) {
	arts := []Article{dated("a", 2020, 5), dated("b", 2018, 1), {ID: "u"}, dated("c", 2024, 12), dated("d", 2018, 1)}
	want := NewTimeline(arts)
	var got Timeline
	got.First, got.Last = -1, -1
	for i := range arts {
		got.Add(&arts[i])
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Add = %+v\nNew = %+v", got, want)
	}
}

func TestTimelineSpanCap(t *testing.T) {
	arts := []Article{dated("old", 1, 1), dated("new", 2024, 1)}
	tl := NewTimeline(arts)
	if tl.Len() > maxSpan || tl.Last != 2024*12+11 || tl.YearOnly != 1 {
		t.Fatalf("len %d last %d yearOnly %d", tl.Len(), tl.Last, tl.YearOnly)
	}
}

func TestMonthParts(t *testing.T) {
	for _, c := range []struct{ m, y, mo int }{{2023*12 + 1, 2023, 2}, {0, 0, 1}, {-1, -1, 12}} {
		if MonthYear(c.m) != c.y || MonthOfYear(c.m) != c.mo {
			t.Errorf("%d: %d-%d", c.m, MonthYear(c.m), MonthOfYear(c.m))
		}
	}
}
