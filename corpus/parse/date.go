package parse

import (
	"dossier/corpus"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dates are read only where the text states a full one: a day, a month and a
// year (plus, on a date line of its own, a month and a year). "Sept 22"
// without a year, or "in March of this year", is not a date, and nothing is
// ever filled in by guessing.
//
// Finding them is a scan anchored on years, not a regexp over the text:
// every full date holds a run of exactly four digits, most paragraphs hold
// none (hasYear skips them in one byte loop), and from each year the scan
// looks a few words back for a day-first or month-first date ("22 Sep
// 2022", "14. März 2023", "June 6th, 2024", "Sept. 16,2022", "25.11.2022",
// "1-сентябрь, 2023") and a few words on for a year-first one ("2021-3-7",
// "2023-жылдын 7-марты", "2023 жылғы 14 наурыз", "2023-yil 14-mart"). Month
// names come from months.go, in nine languages and their cases. Each date
// then takes the time beside it, after ("16:47", "at 4:47 pm", "à 16h40",
// "ore 10:15", "16:40 Uhr") or before ("09:05 UTC, 21 June 2023"), and a
// zone ("GMT+6", "MSK", "UTC+06:00"). The cost is linear in the text: the
// look-backs and look-aheads are bounded by a few words around each year.
//
// Which of a page's dates is the story's is decided in parse.go (see its
// header): this file only finds them.

var (
	// A time after a date: 16:47, at 4:47 pm, в 16:47, 16.47, à 16h40, ore 10:15.
	reTime = lazy(`(?i)^\s*(?:[,|·–—-]\s*)?(?:(at|в|à|ore|um|alle|saat|о|kl\.):?\s+)?(\d{1,2})([:.h])(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\.?)?(?:\s*(?:uhr|ч\.|час(?:ов|а)?)(?:\b|$))?`)
	// A label before a date line: "Published: 22.09.2022 16:47".
	reDateLabel = lazy(`(?i)^(?:published|updated|last updated|posted|date|dated|опубликовано|обновлено|дата публикации|дата|жарыяланды|жарияланды|жарияланған|yayınlanma(?: tarihi)?|yayın tarihi|güncelleme|güncellenme|veröffentlicht|aktualisiert|stand|pubblicato|aggiornato|publié|mis à jour|e'lon qilingan|nashr etildi|chop etildi)\s*:?\s*(?:on\s+|le\s+|il\s+|am\s+)?`)
	// A time before the date: "16:47, 22 September 2022", "09:05 UTC, 21 June 2023".
	reTimeFirst = lazy(`(?i)^(\d{1,2})[:h](\d{2})(?:\s*(?:utc|gmt|msk|мск)(?:[+-]\d{1,2})?)?\s*[,|·]?\s+`)
	// A zone after a time: UTC, GMT+3, MSK, +03:00, (GMT+6)
	reZone     = lazy(`(?i)^\s*\(?(?:z\b|utc|gmt|msk|мск|almt|bst|cet|cest|eet|est|edt|pst|pdt|[+-]\d{2}:?\d{2})(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\)?`)
	reISOMonth = lazy(`^(\d{4})-(\d{2})$`)
	reYear     = lazy(`^(\d{4})$`)
	// English weekdays, abbreviated or not, that may lead a date line; the
	// other languages' are in the weekdays set.
	reWeekday = lazy(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+`)
)

// maxDateLine is the longest line read as a date line, in bytes:
// "Wednesday, 28 September 2022 16:47 UTC+06:00" with room to spare.
const maxDateLine = 80

// monthNumber maps a month name to 1..12, or 0.
func monthNumber(s string) int { return monthOf(strings.TrimSuffix(s, ".")) }

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
// position, each extended by a time and zone beside it.
func findDates(s string) []dateMatch {
	if !hasYear(s) {
		return nil
	}
	var out []dateMatch
	for i := 0; i < len(s); {
		for i < len(s) && !isDigit(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i != 4 || (i > 0 && isDigit(s[i-1])) {
			i = j
			continue
		}
		y := atoi(s[i:j])
		if y < 1900 || y > 2199 {
			i = j
			continue
		}
		m, ok := dateBefore(s, i, j, y)
		if !ok {
			m, ok = dateAfter(s, i, j, y)
		}
		if ok && (len(out) == 0 || m.start >= out[len(out)-1].end) {
			m = extendTime(s, m)
			if m.d.Prec == corpus.PrecDay {
				m = timeBefore(s, m)
			}
			out = append(out, m)
			i = max(j, m.end)
			continue
		}
		i = j
	}
	return out
}

// dateBefore reads a day-first or month-first date that ends with the year
// at s[ys:ye].
func dateBefore(s string, ys, ye, y int) (dateMatch, bool) {
	// Numeric, day first: 25.11.2022, 25/11/2022, 25-11-2022, 25 11 2022.
	if ys >= 4 {
		if sep := s[ys-1]; sep == '.' || sep == '/' || sep == '-' || sep == ' ' {
			if ms, mo := digitsBefore(s, ys-1); ms > 0 && s[ms-1] == sep {
				if ds, d := digitsBefore(s, ms-1); ds >= 0 && (ds == 0 || !numNeighbour(s[ds-1])) && validDay(y, mo, d) {
					return yearEnd(s, dateMatch{d: dayDate(y, mo, d), start: ds, end: ye}), true
				}
			}
		}
	}
	// A word or number before the year, across ", ", ",", " " or ". ".
	p := skipBack(s, ys, " ,.")
	if p == ys || ys-p > 3 {
		return dateMatch{}, false
	}
	ws, w := wordBefore(s, p)
	if w == "" {
		return dateMatch{}, false
	}
	if mo := monthNumber(w); mo > 0 {
		// Day, month, year: 22 Sep 2022, 14. März 2023, 6th of June 2024, 1-сентябрь 2023.
		q := ws
		if strings.HasSuffix(s[:q], " of ") {
			q -= 4
		} else if strings.HasSuffix(s[:q], " de ") {
			q -= 4
		}
		q2 := skipBack(s, q, " .-")
		if q2 == q || q-q2 > 3 {
			return dateMatch{}, false
		}
		if ds, d := dayBefore(s, q2); ds >= 0 && validDay(y, mo, d) {
			return yearEnd(s, dateMatch{d: dayDate(y, mo, d), start: ds, end: ye}), true
		}
		return dateMatch{}, false
	}
	// Month, day, year: June 6, 2024; Sept. 16,2022; December 16th, 2022.
	d, okd := ordinalDay(w)
	if !okd {
		return dateMatch{}, false
	}
	q := skipBack(s, ws, " ")
	if q == ws || ws-q > 2 {
		return dateMatch{}, false
	}
	if q > 0 && s[q-1] == '.' {
		q--
	}
	ms, mw := wordBefore(s, q)
	if mo := monthNumber(mw); mo > 0 && validDay(y, mo, d) {
		return yearEnd(s, dateMatch{d: dayDate(y, mo, d), start: ms, end: ye}), true
	}
	return dateMatch{}, false
}

// dateAfter reads a year-first date that starts with the year at s[ys:ye]:
// 2018-11-09, 2021-3-7, 2022-09-22T16:47, 2023.03.14, 2023-жылдын 7-марты,
// 2023 жылғы 14 наурыз, 2023-yil 14-mart.
func dateAfter(s string, ys, ye, y int) (dateMatch, bool) {
	if ys > 0 && numNeighbour(s[ys-1]) && s[ys-1] != '.' {
		return dateMatch{}, false
	}
	if ye+2 < len(s) && (s[ye] == '-' || s[ye] == '/' || s[ye] == '.') && isDigit(s[ye+1]) {
		sep := s[ye]
		me, mo := digitsAfter(s, ye+1)
		if me < len(s) && s[me] == sep {
			de, d := digitsAfter(s, me+1)
			padded := me-ye == 3 && de-me == 3
			if de > me+1 && (de == len(s) || !isDigit(s[de])) && (sep == '-' || padded) && validDay(y, mo, d) {
				m := dateMatch{d: dayDate(y, mo, d), start: ys, end: de}
				// An ISO time: 2022-09-22T16:47, 2022-09-22 16:47.
				if de+6 <= len(s) && (s[de] == 'T' || s[de] == ' ') && isDigit(s[de+1]) && isDigit(s[de+2]) && s[de+3] == ':' && isDigit(s[de+4]) && isDigit(s[de+5]) {
					h, mi := atoi(s[de+1:de+3]), atoi(s[de+4:de+6])
					if h < 24 && mi < 60 {
						m.d.Hour, m.d.Minute, m.d.Prec = h, mi, corpus.PrecMinute
						m.end = de + 6
						if m.end+3 <= len(s) && s[m.end] == ':' && isDigit(s[m.end+1]) && isDigit(s[m.end+2]) {
							m.end += 3
							if m.end < len(s) && s[m.end] == '.' {
								e, _ := digitsAfter(s, m.end+1)
								m.end = max(m.end, e)
							}
						}
					}
				}
				return m, true
			}
		}
		if sep != '-' {
			return dateMatch{}, false
		}
	}
	// 2023-жылдын 7-марты, 2023 жылғы 14 наурыз, 2023-yil 14-mart, 2023 йил 14 март.
	p := ye
	if p < len(s) && (s[p] == '-' || s[p] == ' ') {
		p++
	}
	we, w := wordAfter(s, p)
	if !yearWords[lowerWord(w)] {
		return dateMatch{}, false
	}
	p = we
	if p < len(s) && s[p] == '.' {
		p++
	}
	if p >= len(s) || s[p] != ' ' {
		return dateMatch{}, false
	}
	p++
	de, d := digitsAfter(s, p)
	if de == p || de-p > 2 {
		return dateMatch{}, false
	}
	if de < len(s) && (s[de] == '-' || s[de] == ' ') {
		de++
	}
	me, mw := wordAfter(s, de)
	if mo := monthNumber(mw); mo > 0 && validDay(y, mo, d) {
		return dateMatch{d: dayDate(y, mo, d), start: ys, end: me}, true
	}
	return dateMatch{}, false
}

func dayDate(y, m, d int) corpus.Date {
	return corpus.Date{Year: y, Month: m, Day: d, Prec: corpus.PrecDay}
}

// yearEnd extends a date that ends with its year over a year word after it:
// "2019 года", "2022 г.", "2023 ж.", "2023-yil".
func yearEnd(s string, m dateMatch) dateMatch {
	p := m.end
	if p < len(s) && (s[p] == ' ' || s[p] == '-') {
		p++
	}
	we, w := wordAfter(s, p)
	if w != "" && yearWords[lowerWord(w)] {
		m.end = we
		if m.end < len(s) && s[m.end] == '.' {
			m.end++
		}
	}
	return m
}

// numNeighbour reports a byte that joins a number to what is before it, so
// "1.25.11.2022" or "A25/11/2022" is no date.
func numNeighbour(c byte) bool {
	return isDigit(c) || c == '.' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// digitsBefore reads one or two digits ending at s[e]; start is -1 when
// there are none (or more than two).
func digitsBefore(s string, e int) (start, n int) {
	i := e
	for i > 0 && e-i < 3 && isDigit(s[i-1]) {
		i--
	}
	if i == e || e-i > 2 || (i > 0 && isDigit(s[i-1])) {
		return -1, 0
	}
	return i, atoi(s[i:e])
}

// digitsAfter reads up to two digits from s[i]; end == i when there are none.
func digitsAfter(s string, i int) (end, n int) {
	j := i
	for j < len(s) && j-i < 2 && isDigit(s[j]) {
		j++
	}
	if j < len(s) && isDigit(s[j]) {
		return i, 0
	}
	return j, atoi(s[i:j])
}

// dayBefore reads a day ending at s[e]: "22", "6th", "1er", "14." (the dot
// is skipped by the caller).
func dayBefore(s string, e int) (start, n int) {
	ws, w := wordBefore(s, e)
	d, ok := ordinalDay(w)
	if !ok || (ws > 0 && numNeighbour(s[ws-1]) && s[ws-1] != '.') {
		return -1, 0
	}
	if ws > 0 && s[ws-1] == '.' && ws > 1 && isDigit(s[ws-2]) {
		return -1, 0
	}
	return ws, d
}

// ordinalDay reads "6", "06", "6th", "1st", "1er", "2e": a day of 1..31.
func ordinalDay(w string) (int, bool) {
	i := 0
	for i < len(w) && i < 3 && isDigit(w[i]) {
		i++
	}
	if i == 0 || i > 2 {
		return 0, false
	}
	switch strings.ToLower(w[i:]) {
	case "", "st", "nd", "rd", "th", "er", "e", "-го", "го":
	default:
		return 0, false
	}
	d := atoi(w[:i])
	return d, d >= 1 && d <= 31
}

// skipBack returns the offset before the bytes of set that end at s[i].
func skipBack(s string, i int, set string) int {
	for i > 0 && strings.IndexByte(set, s[i-1]) >= 0 {
		i--
	}
	return i
}

// wordBefore returns the run of letters and digits that ends at s[e].
func wordBefore(s string, e int) (int, string) {
	i := e
	for i > 0 && e-i < 48 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\u0307' {
			break
		}
		i -= n
	}
	return i, s[i:e]
}

// wordAfter returns the run of letters that starts at s[i].
func wordAfter(s string, i int) (int, string) {
	j := i
	for j < len(s) && j-i < 48 {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && r != '\u0307' {
			break
		}
		j += n
	}
	return j, s[i:j]
}

// hasYear reports whether s holds four digits in a row: every full date
// does, and most paragraphs do not, so the scan is skipped.
//
// It reads the last byte of each place four digits could stand, s[i-3:i+1]:
// where that byte is no digit, no run holds it and the next place ends
// four bytes on; where it is, the digits before it say where the next
// place can start. Text with few digits is read a byte in four.
func hasYear(s string) bool {
	for i := 3; i < len(s); {
		if !isDigit(s[i]) {
			i += 4
			continue
		}
		j := i // the first digit of the run that ends at i
		for j > i-3 && isDigit(s[j-1]) {
			j--
		}
		if j == i-3 {
			return true
		}
		i = j + 3 // s[j-1] is no digit: a run starts at j or later
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipWeekday steps over ", Tuesday" or " Salı" after a date.
func skipWeekday(s string, i int) int {
	p := i
	if p < len(s) && s[p] == ',' {
		p++
	}
	for p < len(s) && s[p] == ' ' {
		p++
	}
	we, w := wordAfter(s, p)
	if w != "" && weekdays[lowerWord(w)] {
		return we
	}
	return i
}

// extendTime adds a time (and skips a zone) that directly follows a date.
func extendTime(s string, m dateMatch) dateMatch {
	if m.d.Prec == corpus.PrecMinute {
		if z := reZone().FindStringIndex(s[m.end:]); z != nil {
			m.end += z[1]
		}
		return m
	}
	m.end = skipWeekday(s, m.end)
	rest := s[m.end:]
	if len(rest) > 40 {
		rest = rest[:40]
	}
	t := reTime().FindStringSubmatchIndex(rest)
	if t == nil {
		return m
	}
	// Groups: 1 connector (at, в, à), 2 hour, 3 separator, 4 minute, 5 am/pm.
	h, mi := atoi(rest[t[4]:t[5]]), atoi(rest[t[8]:t[9]])
	full := s[m.end:]
	after := full[t[1]:]
	if after != "" && (isDigit(after[0]) || (len(after) > 1 && (after[0] == '.' || after[0] == ',') && isDigit(after[1]))) {
		return m // "12.45 billion", "10.000 people": a number, not a time
	}
	if sep := rest[t[6]:t[7]]; sep != ":" && t[2] < 0 && t[10] < 0 && !(sep == "h" && (after == "" || !isLetter(after))) {
		return m // "16.47" is a time only after "at"/"в" or before am/pm; "16h40" stands alone
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
	if z := reZone().FindStringIndex(s[m.end:]); z != nil {
		m.end += z[1]
	}
	return m
}

func isLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// timeBefore adds a time that directly precedes a date: "14:05, 12 March
// 2023", "09:05 UTC, 21 June 2023", "15:20 | 3.04.2023".
func timeBefore(s string, m dateMatch) dateMatch {
	p := skipBack(s, m.start, " ,|·-/")
	if p == m.start && m.start > 0 {
		return m
	}
	if m.start-p > 4 {
		return m
	}
	// A zone between: "09:05 UTC, ".
	if ws, w := wordBefore(s, p); w != "" {
		switch strings.ToLower(w) {
		case "utc", "gmt", "msk", "мск":
			p = skipBack(s, ws, " ")
		}
	}
	if p < 4 || !isDigit(s[p-1]) || !isDigit(s[p-2]) || (s[p-3] != ':' && s[p-3] != 'h') {
		return m
	}
	hs, h := digitsBefore(s, p-3)
	mi := atoi(s[p-2 : p])
	if hs < 0 || h > 23 || mi > 59 || (hs > 0 && (isDigit(s[hs-1]) || s[hs-1] == ':' || s[hs-1] == '.')) {
		return m
	}
	m.d.Hour, m.d.Minute, m.d.Prec = h, mi, corpus.PrecMinute
	m.start = hs
	return m
}

// Date reads a date line: a line that is a date and nothing else, such
// as "22 Sep 2022 16:47", "Thursday, June 6, 2024", "25.11.2022",
// "2022-09-22T16:47+06:00", "September 2022" or "2023-02". A bare year is
// accepted only when allowYear is set (metadata says "2023"; prose does not).
func Date(line string, allowYear bool) (corpus.Date, bool) {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > maxDateLine {
		return corpus.Date{}, false // a paragraph, not a date line: skip the scans
	}
	s = strings.TrimRight(s, " .;,")
	s = reDateLabel().ReplaceAllString(s, "")
	s = reWeekday().ReplaceAllString(s, "")
	if we, w := wordAfter(s, 0); w != "" && weekdays[lowerWord(w)] {
		s = strings.TrimLeft(s[we:], " ,")
	}
	if m := reTimeFirst().FindStringSubmatch(s); m != nil {
		d, ok := Date(s[len(m[0]):], false)
		h, mi := atoi(m[1]), atoi(m[2])
		if !ok || d.Prec != corpus.PrecDay || h > 23 || mi > 59 {
			return corpus.Date{}, false
		}
		d.Hour, d.Minute, d.Prec = h, mi, corpus.PrecMinute
		return d, true
	}
	if m := reISOMonth().FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if validDay(y, mo, 1) {
			return corpus.Date{Year: y, Month: mo, Prec: corpus.PrecMonth}, true
		}
		return corpus.Date{}, false
	}
	if d, ok := monthYear(s); ok {
		return d, ok
	}
	if m := reYear().FindStringSubmatch(s); m != nil && allowYear {
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
	if rest != "" {
		return corpus.Date{}, false
	}
	return ds[0].d, true
}

// monthYear reads a line that states only a month: "September 2022",
// "Январь 2023 года", "mars 2023".
func monthYear(s string) (corpus.Date, bool) {
	we, w := wordAfter(s, 0)
	mo := monthNumber(w)
	if mo == 0 {
		return corpus.Date{}, false
	}
	p := we
	if p < len(s) && s[p] == '.' {
		p++
	}
	if p < len(s) && s[p] == ',' {
		p++
	}
	for p < len(s) && s[p] == ' ' {
		p++
	}
	if p+4 > len(s) {
		return corpus.Date{}, false
	}
	y := atoi(s[p : p+4])
	for k := p; k < p+4; k++ {
		if !isDigit(s[k]) {
			return corpus.Date{}, false
		}
	}
	m := yearEnd(s, dateMatch{end: p + 4})
	if strings.TrimSpace(s[m.end:]) != "" || !validDay(y, mo, 1) {
		return corpus.Date{}, false
	}
	return corpus.Date{Year: y, Month: mo, Prec: corpus.PrecMonth}, true
}
