package parse

import (
	"strings"
	"unicode/utf8"
)

// Month and weekday names in the languages the parser meets: English,
// Russian, Kyrgyz, Kazakh, Uzbek (Latin and Cyrillic), Turkish, German,
// Italian and French. Names that do not inflect, and every abbreviation,
// are looked up whole; the names of the languages that decline them
// (Russian января/январе/январь, Kyrgyz марты/мартта, Kazakh наурызда,
// Turkish Mart'ta split at the apostrophe, Uzbek martda) are stems that
// take up to maxMonthSuffix more letters. A month name alone is never a
// date: it needs a day and a year beside it, so a stem that happens to
// begin a common word costs nothing.

// maxMonthSuffix is the most letters a stem takes: Kyrgyz "майында",
// Kazakh "маусымында".
const maxMonthSuffix = 5

var monthWords = func() map[string]int {
	m := map[string]int{}
	add := func(n int, ws string) {
		for _, w := range strings.Fields(ws) {
			m[w] = n
		}
	}
	// English, German, Italian and French names and abbreviations, and the
	// Russian abbreviations.
	add(1, "january jan januar jänner jän gennaio gen janvier janv янв")
	add(2, "february feb febr februar febbraio février fevrier févr fevr фев февр")
	add(3, "march mar märz maerz mär mrz marzo mars мар")
	add(4, "april apr aprile avril avr апр")
	add(5, "may mai maggio mag")
	add(6, "june jun juni giugno giu juin")
	add(7, "july jul juli luglio lug juillet juil")
	add(8, "august aug agosto ago août aout авг")
	add(9, "september sep sept settembre set septembre сен сент")
	add(10, "october oct oktober okt ottobre ott octobre окт")
	add(11, "november nov novembre ноя нояб")
	add(12, "december dec dezember dez dicembre dic décembre déc декабрь")
	// Russian and Kyrgyz May, too short to be a stem ("ма" begins Kazakh
	// мамыр and маусым, which are other months).
	add(5, "май мая мае майда майдын майы майында")
	return m
}()

type monthStem struct {
	stem string
	n    int
}

// monthStems are tried in order; the first that prefixes the word wins, so
// a longer stem comes before a shorter one it begins with.
var monthStems = []monthStem{
	// Russian, Kyrgyz and Uzbek Cyrillic.
	{"январ", 1}, {"феврал", 2}, {"март", 3}, {"апрел", 4}, {"июн", 6}, {"июл", 7},
	{"август", 8}, {"сентябр", 9}, {"октябр", 10}, {"ноябр", 11}, {"декабр", 12},
	// Kazakh.
	{"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6},
	{"шілде", 7}, {"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11}, {"желтоқсан", 12},
	// Uzbek Latin.
	{"yanvar", 1}, {"fevral", 2}, {"mart", 3}, {"aprel", 4}, {"may", 5}, {"iyun", 6},
	{"iyul", 7}, {"avgust", 8}, {"sentyabr", 9}, {"sentabr", 9}, {"oktyabr", 10}, {"oktabr", 10},
	{"noyabr", 11}, {"dekabr", 12},
	// Turkish.
	{"ocak", 1}, {"şubat", 2}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6}, {"temmuz", 7},
	{"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
}

// monthOf returns the month a word names, 1..12, or 0.
func monthOf(w string) int {
	if w == "" || len(w) > 24 {
		return 0
	}
	lw := lowerWord(w)
	if n, ok := monthWords[lw]; ok {
		return n
	}
	for _, s := range monthStems {
		if strings.HasPrefix(lw, s.stem) && utf8.RuneCountInString(lw[len(s.stem):]) <= maxMonthSuffix {
			return s.n
		}
	}
	return 0
}

// lowerWord lowercases a word, and drops the combining dot that lowercasing
// Turkish İ leaves ("NİSAN" → "nisan").
func lowerWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 || (w[i] >= 'A' && w[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	lw := strings.ToLower(w)
	if strings.Contains(lw, "\u0307") {
		lw = strings.ReplaceAll(lw, "\u0307", "")
	}
	return lw
}

// hasLower is set[strings.ToLower(w)], and hasLowerWord set[lowerWord(w)],
// without the copy either makes of a capitalised word: a short ASCII word
// is lowered on the stack (where the two agree), any other asks them.
func hasLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if n, ok := asciiLower(&buf, w); ok {
		return set[string(buf[:n])]
	}
	return set[strings.ToLower(w)]
}

func hasLowerWord(set map[string]bool, w string) bool {
	var buf [32]byte
	if n, ok := asciiLower(&buf, w); ok {
		return set[string(buf[:n])]
	}
	return set[lowerWord(w)]
}

// asciiLower writes w in lower case to buf; ok is false when w is longer
// than buf or not ASCII.
func asciiLower(buf *[32]byte, w string) (n int, ok bool) {
	if len(w) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(w), true
}

// weekdays are the names that may stand before or after a date.
var weekdays = wordSet(`monday tuesday wednesday thursday friday saturday sunday
mon tue tues wed thu thur thurs fri sat sun
понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
пн вт ср чт пт сб вс
montag dienstag mittwoch donnerstag freitag samstag sonntag
lunedì martedì mercoledì giovedì venerdì sabato domenica
lundi mardi mercredi jeudi vendredi samedi dimanche
pazartesi salı çarşamba perşembe cuma cumartesi pazar
дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі
дүйшөмбү шейшемби шаршемби бейшемби жума ишемби жекшемби
dushanba seshanba chorshanba payshanba juma shanba yakshanba`)

// yearWords follow a year: "2023 года", "2023 ж.", "2023-жылдын", "2023-yil".
var yearWords = wordSet(`г гг год года году yil yilning yili йил йилнинг йили жыл жылы жылғы жылдын жылдың жылдан ж yılı yil'da`)
