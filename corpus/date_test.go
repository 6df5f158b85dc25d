package corpus

import "testing"

func day(y, m, d int) Date { return Date{Year: y, Month: m, Day: d, Prec: PrecDay} }

func TestDateCompareAndText(t *testing.T) {
	minute := Date{Year: 2022, Month: 9, Day: 22, Hour: 16, Minute: 47, Prec: PrecMinute}
	order := []Date{YearDate(2018), MonthDate(2018*12 + 10), day(2018, 11, 9), minute, {}}
	for i := range order {
		for j := range order {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := order[i].Compare(order[j]); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
	for _, c := range []struct {
		d    Date
		text string
	}{
		{minute, "2022-09-22 16:47"},
		{minute.Truncate(PrecDay), "2022-09-22"},
		{minute.Truncate(PrecMonth), "2022-09"},
		{YearDate(2023).Truncate(PrecDay), "2023"},
		{Date{}, "undated"},
		{MonthDate(2023*12 + 1), "2023-02"},
	} {
		if got := c.d.Text(); got != c.text {
			t.Errorf("Text(%+v) = %q, want %q", c.d, got, c.text)
		}
	}
}

func TestRangeContains(t *testing.T) {
	minute := Date{Year: 2022, Month: 9, Day: 22, Hour: 16, Minute: 47, Prec: PrecMinute}
	for _, c := range []struct {
		r    Range
		d    Date
		want bool
	}{
		{Range{}, Date{}, true},
		{Range{Since: YearDate(2022)}, Date{}, false},
		{YearRange(2022), minute, true},
		{YearRange(2022), YearDate(2022), true},
		{YearRange(2021), minute, false},
		{MonthRange(2022*12 + 8), minute, true},
		{MonthRange(2022*12 + 8), YearDate(2022), false}, // a year does not fit in a month
		{Range{Until: day(2022, 9, 22)}, minute, true},   // the whole day is inside
		{Range{Until: day(2022, 9, 21)}, minute, false},
		{Range{Since: day(2022, 9, 22)}, minute, true},
		{Range{Since: MonthDate(2022*12 + 9)}, minute, false},
		{Range{Since: day(2021, 9, 17), Until: day(2022, 9, 22)}, day(2021, 9, 17), true},
	} {
		if got := c.r.Contains(c.d); got != c.want {
			t.Errorf("%v..%v Contains(%v) = %v, want %v", c.r.Since, c.r.Until, c.d, got, c.want)
		}
	}
	if !(Range{Since: MonthDate(2024*12 + 4), Until: YearDate(2024)}).Valid() {
		t.Error("2024-05..2024 should be valid: the year ends after May")
	}
	if (Range{Since: YearDate(2024), Until: YearDate(2020)}).Valid() {
		t.Error("2024..2020 should not be valid")
	}
}

func TestNewestKeepsUndatedLast(t *testing.T) {
	a := []Article{{ID: "u"}, {ID: "old", Date: YearDate(2018)}, {ID: "new", Date: YearDate(2024)}}
	if Newest(&a[0], &a[1]) <= 0 || Newest(&a[2], &a[1]) >= 0 || Oldest(&a[1], &a[2]) >= 0 || Oldest(&a[0], &a[2]) <= 0 {
		t.Error("undated must sort last both ways, dated by date")
	}
}
