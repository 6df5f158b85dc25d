package parse

import (
	"dossier/corpus"
	"regexp"
	"strconv"
	"strings"
)

// Dates are read only where the text states a full one: a day, a month and a
// year (plus, on a date line of its own, a month and a year). "Sept 22"
// without a year, or "in March of this year", is not a date, and nothing is
// ever filled in by guessing.

// monthPat matches English and Russian month names and their usual
// abbreviations; (?i) folds Cyrillic case as well.
const monthPat = `(january|february|march|april|may|june|july|august|september|october|november|december|` +
	`jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|` +
	`январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|` +
	`янв|фев|апр|авг|сент|сен|окт|ноя|дек)\.?`

var (
	// 22 Sep 2022, 28 ноября 2019 г., 6th of June 2024
	reDMY = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPat + `,?\s+(\d{4})(?:\s*(?:года|год|г\.?))?`)
	// June 6, 2024; Sept. 22, 2022
	reMDY = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	// 2018-11-09, 2022-09-22T16:47
	reISO = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?`)
	// 25.11.2022, 25/11/2022, 25-11-2022, 25 11 2022: day first
	reNum = regexp.MustCompile(`(?:^|[^\p{L}\p{N}.])(\d{1,2})(?:\.(\d{1,2})\.|/(\d{1,2})/|-(\d{1,2})-| (\d{1,2}) )(\d{4})`)
	// A time after a date: 16:47, at 4:47 pm, в 16:47, 16.47
	reTime = regexp.MustCompile(`(?i)^\s*(?:,\s*|(at\s+|в\s+)|-\s*|\|\s*)?(\d{1,2})([:.])(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\.?)?`)
	// A label before a date line: "Published: 22.09.2022 16:47".
	reDateLabel = regexp.MustCompile(`(?i)^(?:published|updated|last updated|posted|date|dated|опубликовано|обновлено|дата)\s*:?\s*(?:on\s+)?`)
	// A time before the date: "16:47, 22 September 2022".
	reTimeFirst = regexp.MustCompile(`^(\d{1,2}):(\d{2})\s*[,|]?\s+`)
	// A zone after a time: UTC, GMT+3, MSK, +03:00, (Bishkek time)
	reZone = regexp.MustCompile(`(?i)^\s*(?:z\b|utc|gmt|msk|мск|bst|cet|cest|eet|est|edt|pst|pdt|[+-]\d{2}:?\d{2})(?:\s*[+-]\d{1,2}(?::?\d{2})?)?`)
	// A date line that states only a month: September 2022, 2023-02
	reMonthYear = regexp.MustCompile(`(?i)^` + monthPat + `,?\s+(\d{4})(?:\s*(?:года|год|г\.?))?$`)
	reISOMonth  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reYear      = regexp.MustCompile(`^(\d{4})$`)
	// Weekdays that may lead a date line.
	reWeekday = regexp.MustCompile(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+|^(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+`)
)

// maxDateLine is the longest line read as a date line, in bytes:
// "Wednesday, 28 September 2022 16:47 UTC+06:00" with room to spare.
const maxDateLine = 80

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6,
	"июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}

// monthNumber maps a month name matched by monthPat to 1..12.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	r := []rune(s)
	for n := 3; n >= 2; n-- {
		if len(r) >= n {
			if m, ok := monthNames[string(r[:n])]; ok {
				return m
			}
		}
	}
	return 0
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validDay(y, m, d int) bool {
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// dateMatch is a full date found in text.
type dateMatch struct {
	d          corpus.Date
	start, end int // byte span, time and zone included
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// findDates returns the full dates in s (day, month and year), in order of
// position, each extended by a time and zone that follow it.
func findDates(s string) []dateMatch {
	if !hasYear(s) {
		return nil
	}
	var out []dateMatch
	add := func(idx []int, y, m, d int) {
		if !validDay(y, m, d) {
			return
		}
		dm := dateMatch{d: corpus.Date{Year: y, Month: m, Day: d, Prec: corpus.PrecDay}, start: idx[0], end: idx[1]}
		// The leading non-digit the patterns consume is not part of the date.
		for dm.start < dm.end && !isDigitOrLetter(s[dm.start]) {
			dm.start++
		}
		out = append(out, dm)
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(s, -1) {
		add(m, atoi(s[m[6]:m[7]]), monthNumber(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	for _, m := range reMDY.FindAllStringSubmatchIndex(s, -1) {
		add(m, atoi(s[m[6]:m[7]]), monthNumber(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]))
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		n := len(out)
		add(m, atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
		if len(out) > n && m[8] >= 0 {
			h, mi := atoi(s[m[8]:m[9]]), atoi(s[m[10]:m[11]])
			if h < 24 && mi < 60 {
				out[n].d.Hour, out[n].d.Minute, out[n].d.Prec = h, mi, corpus.PrecMinute
			}
		}
	}
	for _, m := range reNum.FindAllStringSubmatchIndex(s, -1) {
		mon := ""
		for g := 4; g <= 10; g += 2 {
			if m[g] >= 0 {
				mon = s[m[g]:m[g+1]]
			}
		}
		add(m, atoi(s[m[12]:m[13]]), atoi(mon), atoi(s[m[2]:m[3]]))
	}
	// Order by position; drop matches inside an earlier one.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	kept := out[:0]
	for _, m := range out {
		if len(kept) > 0 && m.start < kept[len(kept)-1].end {
			continue
		}
		kept = append(kept, extendTime(s, m))
	}
	return kept
}

// hasYear reports whether s holds four digits in a row: every full date
// does, and most paragraphs do not, so the regexps are skipped.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigitOrLetter(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// extendTime adds a time (and skips a zone) that directly follows a date.
func extendTime(s string, m dateMatch) dateMatch {
	if m.d.Prec == corpus.PrecMinute {
		if z := reZone.FindStringIndex(s[m.end:]); z != nil {
			m.end += z[1]
		}
		return m
	}
	rest := s[m.end:]
	t := reTime.FindStringSubmatchIndex(rest)
	if t == nil {
		return m
	}
	// Groups: 1 connector (at, в), 2 hour, 3 separator, 4 minute, 5 am/pm.
	h, mi := atoi(rest[t[4]:t[5]]), atoi(rest[t[8]:t[9]])
	after := rest[t[1]:]
	if after != "" && (isDigit(after[0]) || (len(after) > 1 && (after[0] == '.' || after[0] == ',') && isDigit(after[1]))) {
		return m // "12.45 billion", "10.000 people": a number, not a time
	}
	if rest[t[6]:t[7]] == "." && t[2] < 0 && t[10] < 0 {
		return m // "16.47" is a time only after "at"/"в" or before am/pm
	}
	if t[10] >= 0 {
		switch {
		case h < 1 || h > 12:
			return m
		case strings.EqualFold(rest[t[10]:t[11]], "p") && h != 12:
			h += 12
		case strings.EqualFold(rest[t[10]:t[11]], "a") && h == 12:
			h = 0
		}
	}
	if h > 23 || mi > 59 {
		return m
	}
	m.d.Hour, m.d.Minute, m.d.Prec = h, mi, corpus.PrecMinute
	m.end += t[1]
	if z := reZone.FindStringIndex(s[m.end:]); z != nil {
		m.end += z[1]
	}
	return m
}

// Date reads a date line: a line that is a date and nothing else, such
// as "22 Sep 2022 16:47", "Thursday, June 6, 2024", "25.11.2022",
// "2022-09-22T16:47+06:00", "September 2022" or "2023-02". A bare year is
// accepted only when allowYear is set (metadata says "2023"; prose does not).
func Date(line string, allowYear bool) (corpus.Date, bool) {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > maxDateLine {
		return corpus.Date{}, false // a paragraph, not a date line: skip the regexps
	}
	s = strings.TrimRight(s, " .;,")
	s = reDateLabel.ReplaceAllString(s, "")
	s = reWeekday.ReplaceAllString(s, "")
	if m := reTimeFirst.FindStringSubmatch(s); m != nil {
		d, ok := Date(s[len(m[0]):], false)
		h, mi := atoi(m[1]), atoi(m[2])
		if !ok || d.Prec != corpus.PrecDay || h > 23 || mi > 59 {
			return corpus.Date{}, false
		}
		d.Hour, d.Minute, d.Prec = h, mi, corpus.PrecMinute
		return d, true
	}
	if m := reISOMonth.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if validDay(y, mo, 1) {
			return corpus.Date{Year: y, Month: mo, Prec: corpus.PrecMonth}, true
		}
		return corpus.Date{}, false
	}
	if m := reMonthYear.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[2]), monthNumber(m[1])
		if validDay(y, mo, 1) {
			return corpus.Date{Year: y, Month: mo, Prec: corpus.PrecMonth}, true
		}
		return corpus.Date{}, false
	}
	if m := reYear.FindStringSubmatch(s); m != nil && allowYear {
		y := atoi(m[1])
		if validDay(y, 1, 1) {
			return corpus.Date{Year: y, Prec: corpus.PrecYear}, true
		}
		return corpus.Date{}, false
	}
	ds := findDates(s)
	if len(ds) != 1 || ds[0].start != 0 {
		return corpus.Date{}, false
	}
	rest := strings.TrimSpace(s[ds[0].end:])
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "г."), "года"))
	if rest != "" {
		return corpus.Date{}, false
	}
	return ds[0].d, true
}
