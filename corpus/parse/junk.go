package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Junk: the lines a news page carries around its story that are never its
// headline or its prose. They are told by their shape and by short lists of
// the words sites print, in the nine languages of months.go, not by any
// site's layout:
//
//   - section and site labels, navigation, prompts, share links, listing
//     counters and pagination: a whole line that is one of the phrases in
//     junkLines, or that begins a known prefix ("Share on", "Showing 11–20");
//   - breadcrumbs: segments of a few words between " / ", " » ", " > ", " › ",
//     starting with a home word or at least three of them;
//   - advertising markers: the same whole-line lists;
//   - "read also" labels, alone (what follows is other stories: see
//     parse.go) or leading a line of their own ("Lesen Sie auch: …");
//   - tickers, in any layout: lines whose words are all currency codes or
//     names, numbers with a decimal mark, arrows and percentages;
//   - clocks and weather widgets: a temperature, a "today" label, a bare time;
//   - tags: a label ("Tags:", "Теги:"), hashtags, or three or more
//     comma-separated capitalised keywords;
//   - photo credits, bylines and view or comment counters: meta lines, the
//     ones whose date still counts as the story's when they stand beside
//     the headline.
//
// Each test looks only at a short line (maxJunkLine bytes), so prose is
// never scanned for it. Softer evidence, a slogan or a run of capitalised
// keywords without a verb, only lowers a headline's score (see parse.go).

// junkKind says what a junk line is, and so what its date is worth.
type junkKind uint8

const (
	notJunk         junkKind = iota
	junkNav                  // navigation, breadcrumbs, prompts, ads, share links, counters, tags
	junkLabel                // a section or site label: a title only when the page has no other
	junkTicker               // currency and market tickers
	junkWidget               // clocks and weather: their dates are never the story's
	junkRelated              // a "read also" label: other stories follow
	junkRelatedLine          // a "read also" line with its story: its date is another story's
	junkMeta                 // bylines, photo credits, view counters: beside the headline
)

// maxJunkLine is the longest line tested for junk, in bytes: a tag line or
// a photo caption with its credit, with room to spare.
const maxJunkLine = 240

func phraseSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			for _, p := range strings.Split(l, "|") {
				if p = strings.TrimSpace(p); p != "" {
					m[p] = true
				}
			}
		}
	}
	return m
}

// junkLines are whole lines (lowercased, trimmed of marks) that are labels,
// navigation, prompts, share links or advertising.
// labelLines are whole lines (lowercased, trimmed of marks) that name a
// section or a site. They are junk above a headline; a page whose only
// short line is one ("Новости", then the story) still has it as its title.
var labelLines = phraseSet(`
top stories|latest|latest news|news|breaking news|top news|main news|most read|most popular|editor's choice|editors' picks|trending|politics|economy|business|markets|world|society|sport|sports|culture|opinion|analysis|regions|home|menu|search|more|all news|more news|news feed|in focus
лента новостей|лента|главное|главное за день|главные новости|новости|политика|экономика|общество|в мире|мир|спорт|культура|мнение|мнения|аналитика|происшествия|регионы|главная|назад|все новости|ещё|еще|показать еще|показать ещё|загрузить еще|популярное|самое читаемое|выбор редакции|последние новости|новости дня|новости кыргызстана|новости казахстана|новости узбекистана|интервью|видео|фото
жаңылыктар|башкы бет|саясат|коом|маданият|дүйнө|бардык жаңылыктар|акыркы жаңылыктар|жаңылыктар тасмасы
жаңалықтар|басты бет|қоғам|әлем|мәдениет|барлық жаңалықтар|соңғы жаңалықтар|жаңалықтар таспасы
yangiliklar|bosh sahifa|siyosat|iqtisodiyot|jamiyat|dunyo|madaniyat|barcha yangiliklar|so'nggi yangiliklar|янгиликлар|бош саҳифа|сиёсат|жамият|иқтисодиёт|дунё
son dakika|gündem|dünya|ekonomi|spor|siyaset|anasayfa|ana sayfa|kültür|yaşam|tüm haberler|son haberler|manşet|haberler
nachrichten|politik|wirtschaft|ausland|inland|startseite|kultur|meinung|panorama|alle nachrichten|neueste nachrichten|top-themen|schlagzeilen|zurück
ultime notizie|cronaca|esteri|politica|economia|cultura|primo piano|in evidenza|tutte le notizie|notizie|torna indietro
à la une|actualités|actualité|monde|société|politique|économie|accueil|international|toute l'actualité|dernières nouvelles|en direct|retour
`)

// junkLines are whole lines that are navigation, prompts, share links or
// advertising: never a title.
var junkLines = phraseSet(`
go back|back|print|read more|next|previous|prev|load more|show more|back to top|next article|previous article
advertisement|advertising|ad|ads|sponsored|sponsored content|partner content|promoted|scroll to continue with content|реклама|на правах рекламы|партнерский материал|anzeige|werbung|pubblicità|publicité|reklam|жарнама|reklama
get the app|download the app|download our app|print edition|e-paper|epaper|subscribe|subscribe now|sign in|log in|register|newsletter|печатная версия|версия для печати|скачать приложение|подписаться|подписка|войти|uygulamayı indir|abone ol|giriş yap|app herunterladen|jetzt abonnieren|abonnieren|anmelden|scarica l'app|abbonati|accedi|télécharger l'application|abonnez-vous|se connecter|s'abonner|ilovani yuklab oling|қосымшаны жүктеу|тиркемени жүктөө
share|tweet|copy link|email|e-mail|поделиться|paylaş|teilen|drucken|condividi|partager|бөлүшүү|бөлісу|ulashish|ulashing|facebook|twitter|telegram|whatsapp|vk|вконтакте|одноклассники|linkedin
`)

// relatedLabels head blocks of other stories.
var relatedLabels = phraseSet(`
read also|also read|read more|related|related news|related stories|related articles|see also|more on this|more on this topic|more on the topic|you may also like|recommended|more from
читайте также|смотрите также|по теме|ещё по теме|еще по теме|похожие новости|другие новости|материалы по теме|читайте еще|читайте ещё
сондай-ақ оқыңыз|тақырыпқа қатысты|тақырып бойынша|ошондой эле окуңуз|окшош жаңылыктар|темага тиешелүү|shuningdek o'qing|shuningdek, o'qing|mavzuga oid|мавзуга оид
ayrıca bakınız|ayrıca okuyun|ilgili haberler|benzer haberler|bunlar da ilginizi çekebilir
lesen sie auch|mehr zum thema|das könnte sie auch interessieren|auch interessant
leggi anche|potrebbe interessarti|articoli correlati|leggi di più
à lire aussi|lire aussi|sur le même sujet|voir aussi|à voir aussi
`)

// The starts of meta lines: photo credits and bylines.
var creditPrefixes = []string{"photo:", "photo :", "photo by ", "photo credit", "photos:", "фото:", "фото —", "фото -", "фото –",
	"сүрөт:", "сурет:", "foto:", "foto :", "fotoğraf:", "rasm:", "surat:", "image:", "credit:", "©", "illustrative photo",
	"иллюстративное фото", "архивное фото", "фото из архива", "фото: ", "photo d'illustration", "foto d'archivio", "symbolbild",
	"source:", "источник:", "kaynak:", "quelle:", "fonte:", "manba:", "дереккөз:", "булак:"}

var bylinePrefixes = []string{"автор:", "автор —", "автор -", "author:", "yazar:", "muhabir:", "muallif:", "текст:", "редактор:",
	"корреспондент:", "автор материала:", "byline:", "авторы:", "written by "}

// bylineWords lead a name: "By Jane Roe", "Von Hans Müller", "di Marco Rossi".
var bylineWords = map[string]bool{"by": true, "von": true, "di": true, "par": true}

var tagPrefixes = []string{"tags:", "tag:", "теги:", "тэги:", "теги —", "тегтер:", "тегдер:", "teglar:", "etiketler:",
	"schlagwörter:", "schlagworte:", "themen:", "mots-clés:", "mots clés:", "argomenti:", "keywords:", "ключевые слова:"}

var counterWords = []string{"view", "просмотр", "comment", "коммент", "görüntülen", "okunma", "yorum", "aufrufe", "kommentar",
	"visualizzazion", "commenti", "vues", "commentaire", "көрүү", "қаралым", "қаралды", "ko'rish", "ko'rildi", "marta", "прочтени"}

var counterStarts = []string{"showing ", "page ", "показано ", "страница ", "стр. ", "seite ", "pagina ", "sayfa ", "sahifa ", "бет "}

var todayWords = []string{"today", "сегодня", "бүгүн", "бүгін", "bugun", "bugün", "heute", "oggi", "aujourd'hui"}

var homeWords = phraseSet(`home|главная|башкы бет|басты бет|bosh sahifa|бош саҳифа|anasayfa|ana sayfa|startseite|accueil|home page|main`)

var currencyWords = phraseSet(`usd|eur|rub|kzt|kgs|uzs|tjs|try|gbp|cny|jpy|chf|aed|btc|eth|brent|wti|gold|silver|oil|bitcoin|euro|dollar|dolar|altın|gram|çeyrek|bist|
доллар|долл|евро|рубль|рубли|юань|тенге|сом|сум|золото|нефть|сша|so'm|сўм|$|€|₽|₸|%`)

// lineJunk classifies a trimmed line or paragraph.
func lineJunk(p string) junkKind {
	if len(p) > maxJunkLine || p == "" {
		return notJunk
	}
	// A sentence of more than sixteen words is prose: no junk is that.
	if spaces := strings.Count(p, " "); spaces > 16 && endsSentence(p) {
		return notJunk
	}
	low := lowerWord(p)
	key := strings.TrimRight(strings.TrimLeft(low, "•·-–—*#>|: "), " :.…»>|")
	if junkLines[key] {
		return junkNav
	}
	if labelLines[key] {
		return junkLabel
	}
	if relatedLabels[key] {
		return junkRelated
	}
	if len(p) <= 60 && reNav().MatchString(p) {
		return junkNav
	}
	if relatedPrefix(key) {
		return junkRelatedLine
	}
	for _, pre := range tagPrefixes {
		if strings.HasPrefix(key, pre) {
			return junkNav
		}
	}
	words := strings.Fields(p)
	for _, pre := range creditPrefixes {
		if strings.HasPrefix(key, pre) && len(words) <= 16 {
			return junkMeta
		}
	}
	for _, pre := range bylinePrefixes {
		if strings.HasPrefix(key, pre) && len(words) <= 8 {
			return junkMeta
		}
	}
	if len(words) >= 2 && len(words) <= 8 && hasLower(bylineWords, words[0]) && isCap(words[1]) && !strings.ContainsAny(p, ".!?;") {
		return junkMeta
	}
	if strings.HasPrefix(key, "share on") || strings.HasPrefix(key, "поделиться в") {
		return junkNav
	}
	if isTicker(words) {
		return junkTicker
	}
	if strings.Contains(p, "°") || strings.Contains(p, "℃") {
		return junkWidget
	}
	for _, w := range todayWords {
		if strings.HasPrefix(key, w) && len(key) > len(w) && strings.ContainsAny(key[len(w):len(w)+1], ":, ") && len(words) <= 8 {
			return junkWidget
		}
	}
	if isTimeOnly(p) {
		return junkWidget
	}
	if strings.Contains(p, "👁") || strings.Contains(p, "💬") {
		return junkMeta
	}
	if len(words) <= 6 && hasDigit(p) {
		for _, w := range counterWords {
			if strings.Contains(key, w) {
				return junkMeta
			}
		}
		for _, w := range counterStarts {
			if strings.HasPrefix(key, w) {
				return junkNav
			}
		}
	}
	if isPagination(words) || isBreadcrumb(p) || isTagList(p, words) || isDomain(p, words) {
		return junkNav
	}
	return notJunk
}

// relatedPrefix reports a line that begins with a related label and a
// separator: "read also: Kyrgyz team wins gold".
func relatedPrefix(key string) bool {
	i := indexLabelMark(key)
	return i > 0 && i <= 40 && relatedLabels[strings.TrimSpace(key[:i])]
}

// indexLabelMark is strings.IndexAny(key, ":—–") where the answer can be
// 40 or less, and -1 past it: a byte scan of the head of key for ':' and
// the UTF-8 of '—' and '–' (E2 80 94, E2 80 93), whose lead byte always
// starts a rune.
func indexLabelMark(key string) int {
	for i := 0; i < len(key) && i <= 40; i++ {
		switch key[i] {
		case ':':
			return i
		case 0xe2:
			if i+2 < len(key) && key[i+1] == 0x80 && (key[i+2] == 0x93 || key[i+2] == 0x94) {
				return i
			}
		}
	}
	return -1
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// isTimeOnly reports a line that is a bare time: "14:05", "12:40 |".
func isTimeOnly(p string) bool {
	p = strings.Trim(p, " |·")
	if len(p) < 4 || len(p) > 5 {
		return false
	}
	i := strings.IndexByte(p, ':')
	return i >= 1 && i <= 2 && len(p)-i == 3 && isDigit(p[0]) && isDigit(p[i+1]) && isDigit(p[i+2]) && (i == 1 || isDigit(p[1]))
}

// isTicker reports a line of rates: every word a currency code or name, a
// number, an arrow or a sign, with at least one rate ("89.12", "27,05").
func isTicker(words []string) bool {
	if len(words) == 0 || len(words) > 24 {
		return false
	}
	rate, cur := false, false
	for _, w := range words {
		w = strings.Trim(w, "•·|:=()")
		if w == "" {
			continue
		}
		if hasLowerWord(currencyWords, w) {
			cur = true
			continue
		}
		if strings.Contains(w, "/") { // lowering keeps the slash, and makes none
			if a, b, ok := strings.Cut(lowerWord(w), "/"); ok && currencyWords[a] && currencyWords[b] {
				cur = true
				continue
			}
		}
		if isRate(w) {
			if strings.ContainsAny(w, ".,") {
				rate = true
			}
			continue
		}
		return false
	}
	return rate && cur
}

// isRate reports a number with signs and arrows: "89.12", "+0.2%", "▲0.12", "−8°C" aside.
func isRate(w string) bool {
	digits := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune(".,+-−%▲▼↑↓$€₽₸", r):
		default:
			return false
		}
	}
	return digits
}

// isPagination reports "1 2 3 4 5 … 34 Next".
func isPagination(words []string) bool {
	if len(words) < 3 {
		return false
	}
	nums := 0
	for _, w := range words {
		switch {
		case isNumber(w):
			nums++
		case utf8.RuneCountInString(w) <= 2 && strings.ContainsAny(w, "…»«<>→←"):
		case !hasLower(pageWords, w):
			return false
		}
	}
	return nums >= 3
}

// pageWords are the words of a pagination line beside its numbers.
var pageWords = wordSet(`next prev previous далее назад следующая weiter avanti suivant sonraki keyingi кийинки келесі`)

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// isBreadcrumb reports "Home / World / Asia", "Главная » Новости": short
// segments between spaced separators, starting with a home word or three
// or more of them.
func isBreadcrumb(p string) bool {
	segs := 1
	first := ""
	long := false
	start := 0
	for i := 0; i+2 < len(p); i++ {
		if p[i] != ' ' {
			continue
		}
		// A separator: one of / > | or a multi-byte » › →, spaced.
		r, n := utf8.DecodeRuneInString(p[i+1:])
		if !strings.ContainsRune("/>|»›→", r) || i+1+n >= len(p) || p[i+1+n] != ' ' {
			continue
		}
		seg := strings.TrimSpace(p[start:i])
		if segs == 1 {
			first = seg
		}
		if strings.Count(seg, " ") > 3 || seg == "" {
			long = true
		}
		segs++
		start = i + 1 + n
		i += n
	}
	if segs == 2 && !long && (strings.Contains(p, " » ") && !strings.Contains(p, "«") || strings.Contains(p, " › ")) {
		return true // "World » Asia": these marks head no sentence
	}
	if segs == 1 || long || strings.Count(strings.TrimSpace(p[start:]), " ") > 4 || strings.ContainsAny(p, ".!?") && !strings.Contains(p, ".uz") {
		return false
	}
	return hasLowerWord(homeWords, first) || segs >= 3
}

// isTagList reports hashtags ("#ОДКБ #Кыргызстан") or three or more
// comma-separated capitalised keywords of at most three words each.
func isTagList(p string, words []string) bool {
	if len(words) >= 2 {
		all := true
		for _, w := range words {
			if !strings.HasPrefix(w, "#") {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	if strings.Count(p, ",") < 2 || strings.ContainsAny(p, ".!?:;«»\"“”") {
		return false // fewer than three items, or marks no tag list has
	}
	items := strings.Split(p, ",")
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		ws := strings.Fields(it)
		if len(ws) == 0 || len(ws) > 3 || !isCap(ws[0]) {
			return false
		}
	}
	return true
}

// isDomain reports a site name alone: "24.kg", "Kloop.kg".
func isDomain(p string, words []string) bool {
	if len(words) != 1 {
		return false
	}
	i := strings.LastIndexByte(p, '.')
	if i <= 0 || len(p)-i < 3 || len(p)-i > 5 {
		return false
	}
	for _, r := range p[i+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// softJunk weighs evidence that a line is not a headline without being
// sure: a site slogan ("Independent news from Central Asia since 1999"), a
// run of four or more capitalised words with no small word among them
// ("CSTO Kyrgyzstan Tajikistan Border Security"). 0 for none, else the
// number of cues.
func softJunk(p string) int {
	low := lowerWord(p)
	n := 0
	for _, c := range sloganCues {
		if strings.Contains(low, c) {
			n++
			break
		}
	}
	ws := strings.Fields(p)
	if len(ws) >= 4 {
		caps := true
		for _, w := range ws {
			if !isCap(w) || hasLower(smallWords, w) {
				caps = false
				break
			}
		}
		if caps {
			n++
		}
	}
	return n
}

var sloganCues = []string{"news agency", "news from", "your source", "independent news", "since 19", "since 20", "the times of",
	"информационное агентство", "информационный портал", "новостной портал", "независимое издание", "независимое", "новости кыргызстана и",
	"news portal", "haber ajansı", "haber sitesi", "haber portalı", "nachrichtenagentur", "die zeitung", "agenzia di stampa", "il quotidiano",
	"le journal", "le quotidien", "ақпарат агенттігі", "маалымат агенттиги", "ахборот агентлиги", "axborot agentligi", "издание", "дневник"}

// smallWords are the words a title-case headline keeps and a tag run has not.
var smallWords = wordSet(`a an the of to in on for at by with from and or as is are was be says said will after over into amid
против на в с о и для по из`)
