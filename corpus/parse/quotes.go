package parse

import (
	"dossier/corpus"
	"strings"
	"unicode/utf8"
)

// Quotes and their speakers.
//
// Quote marks are paired per paragraph: «…» and “…” (or „…“) nest, so only
// the outermost pair is a quote; a straight " toggles, which is what pairs
// a closing mark that lost its space (001: `state borders, "the President`).
// A mark left open at the end of a paragraph quotes to its end, as a quote
// running over several paragraphs does.
//
// A speaker is read from the words around the quote, never guessed:
// `"…," Imankulov said`, `«…» Marat Imankulov added`, `said Marat Imankulov`,
// `According to him, «…»`, `He believes that «…»`. A pronoun is the person
// last named outside quotes; a surname is the full name the article gave;
// a role (`the President of the Kyrgyz Republic said`) is the person the
// article named in that role. What cannot be resolved stays empty.

// termWords is the most words a quoted name or word has (a term: «export»).
const termWords = 4

// maxNameWords is the most words a person's name is read as. Two: given
// name and surname, as every name in the seeds. A third word is more often
// a capitalised sentence opener or the next name in a list ("Adopted Azamat
// Karimov", "Aibek Asanov Aizada Mamytov") than a middle name.
const maxNameWords = 2

// maxNameRun bounds a run of capitalised words read for names.
const maxNameRun = 8

// Quote bounds, so that a file of quote marks does not turn into millions
// of records (7.9 MB of " made 4.1 million, 1.5 GB). The seeds have at most
// four quotes an article; a long interview a few hundred, and a paragraph
// rarely more than ten, a list of quoted terms a few dozen. Quotes past
// the bounds are left as plain text.
const (
	maxParaQuotes = 64   // quotes read in one paragraph
	maxQuotes     = 2000 // quotes read in one article, pull quotes included
)

// attribWindow bounds, in bytes, how far from a quote its attribution is
// looked for, so a paragraph of ten thousand quotes stays linear.
const attribWindow = 240

var speechVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "told": true, "tells": true,
	"noted": true, "notes": true, "stressed": true, "stresses": true, "emphasized": true,
	"emphasised": true, "emphasizes": true, "explained": true, "explains": true, "stated": true,
	"states": true, "concluded": true, "concludes": true, "continued": true, "summed": true,
	"believes": true, "believed": true, "recalled": true, "warned": true, "warns": true,
	"insisted": true, "argued": true, "declared": true, "announced": true, "pointed": true,
	"replied": true, "asked": true, "wrote": true, "writes": true, "remarked": true,
	"underlined": true, "underscored": true, "thinks": true, "thought": true, "admitted": true,
	"сказал": true, "сказала": true, "заявил": true, "заявила": true, "отметил": true,
	"отметила": true, "добавил": true, "добавила": true, "подчеркнул": true, "подчеркнула": true,
	"считает": true, "сообщил": true, "сообщила": true, "пояснил": true, "пояснила": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "him": true, "her": true, "they": true, "them": true,
	"он": true, "она": true, "его": true, "её": true, "ее": true, "него": true, "неё": true, "нее": true,
}

// notName are capitalised words that are not part of a person's name:
// sentence openers, titles, institutions, days, and places (a wire story
// runs a city or a day straight on from a name: "Kulubaev Geneva talks",
// "Japarov Tuesday signed").
var notName = wordSet(`The A An In On At As For But And Or Of To By With From According However Over
During Both All This That These Those It He She We They I You Currently Everything Therefore So Also
After Before Since While When If Despite Then There Here What Why How Who Where Such Some Many Most Each
Every Other Another One Two Three First Last Next New Old Today Yesterday Tomorrow Now Earlier Later
President Presidents Prime Minister Ministers Secretary General Deputy Special Representative Chairman
Chairwoman Head Director Ambassador Spokesman Spokeswoman Spokesperson Foreign Defense Defence Chief
Commander Mr Mrs Ms Dr Senator Governor Mayor King Queen Prince Envoy Adviser Advisor Officer Member
Members Speaker Vice Acting Former Colonel Major Captain Lieutenant Sergeant General
Organization Organisation Organizations Council Committee Ministry Republic Republics Treaty Security
Collective Cooperation Union Nations Center Centre Agency Service Services Office Department Parliament
Assembly Government Court Party Bank Fund Forces Force Army Navy Institute University Academy News
Radio Press Times Post Hall City Strategy Response Crisis Heads State States Federation Kingdom
Emergency Emergencies Situations Health Affairs Interior Border Guard Commonwealth Independent Shanghai
Eurasian Economic International National Global Counter Terrorism Terrorist Peacekeeping Peace Summit
Forum Conference Session Meeting Declaration Charter Program Programme Plan Initiative Group Community
Company Corporation Holding Airlines Railway Railways Television TV Channel Daily Weekly Herald Review
Kyrgyzstan Kyrgyz Kazakhstan Kazakh Tajikistan Tajik Uzbekistan Uzbek Turkmenistan Russia Russian
Armenia Armenian Azerbaijan Belarus Belarusian Afghanistan Afghan China Chinese Central Asia Asian Middle
East West North South Eastern Western Northern Southern Europe European America American United Kingdom
Bishkek Moscow Almaty Astana Dushanbe Tashkent Yerevan Minsk Baku Kabul Beijing Washington Osh Batken
Ukraine Ukrainian Georgia Iran Turkey Turkish India Pakistan Mongolia Sputnik Interfax Reuters Cronos
Kabar Tass Ria Novosti Xinhua Crocus Islamic Muslim Christian Orthodox Soviet Union Cup Day Week Year
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Internet Online Twitter Telegram Facebook
World Geneva Brussels Vienna Paris London Berlin Rome Madrid Lisbon Warsaw Prague Budapest Bucharest
Sofia Athens Helsinki Stockholm Oslo Copenhagen Amsterdam Hague Strasbourg Vilnius Riga Tallinn Chisinau
Kyiv Kiev Tbilisi Ankara Istanbul Tehran Islamabad Delhi Tokyo Seoul Riyadh Doha Dubai Cairo Ashgabat
Samarkand Bukhara Khujand Shymkent Karaganda Aktau Atyrau Namangan Andijan Fergana Ferghana Urumqi
Xinjiang Siberia Caucasus Crimea Donbas Chui Naryn Talas Karakol Tokmok Jalal-Abad Issyk-Kul Japan
Japanese Korea Korean Germany German France French Britain British Italy Italian Poland Polish Israel
Syria Iraq Qatar Saudi Emirates Arab Arabia Africa African Pacific Atlantic Arctic Indian Iranian
Commission Commissions Election Electoral Jogorku Kenesh Mazhilis Majilis Majlis Oliy Senate Duma Rada
Kurultai Embassy Consulate Prosecutor Prosecutor's Police Militia Customs Tribunal Authority Administration
Municipality Cabinet Presidium Secretariat Directorate Inspectorate Chamber Board Bureau Mission`)

// rawQuote is a pair of marks found in a paragraph.
type rawQuote struct {
	start, end int // marks included
	text       string
}

// closes reports (ok) whether r closes a quote opened with open, and nests
// whether open opening again goes one deeper.
func closes(open, r rune) (ok, nests bool) {
	switch open {
	case '«':
		return r == '»', true
	case '“':
		return r == '”', true
	case '„':
		return r == '“' || r == '”', false
	case '"':
		return r == '"', false
	}
	return false, false
}

// quoteLead marks the bytes that can begin a quote mark: '"', and the lead
// bytes of « » (0xC2) and of “ ” „ (0xE2). Every other rune leaves
// pairQuotes as it was, so it skips from one such byte to the next; a
// byte of 0xC0 or more always starts a rune, so it decodes the runes that
// ranging over the text would.
var quoteLead = [256]bool{'"': true, 0xc2: true, 0xe2: true}

// pairQuotes finds the outermost quoted passages of p, at most limit.
func pairQuotes(p string, limit int) []rawQuote {
	var out []rawQuote
	var open rune
	depth, start := 0, 0
	for i := 0; i < len(p); {
		for i < len(p) && !quoteLead[p[i]] {
			i++
		}
		if i == len(p) {
			break
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		at := i
		i += size
		if depth == 0 {
			if len(out) >= limit {
				return out
			}
			switch r {
			case '«', '“', '„', '"':
				open, depth, start = r, 1, at
			}
			continue
		}
		closing, nests := closes(open, r)
		switch {
		case closing:
			depth--
		case r == '"' && depth == 1 && (open == '“' || open == '„'):
			// “We agree," — mixed marks, as pasted text has them: the
			// straight mark closes rather than swallowing the paragraph.
			depth--
		case nests && r == open:
			depth++
		}
		if depth == 0 {
			out = append(out, rawQuote{start: start, end: i, text: strings.TrimSpace(p[start+utf8.RuneLen(open) : at])})
		}
	}
	if depth > 0 {
		text := strings.TrimSpace(p[start+utf8.RuneLen(open):])
		if countWords(text) >= 3 {
			out = append(out, rawQuote{start: start, end: len(p), text: text})
		}
	}
	return out
}

var (
	reAccording = lazy(`(?i)(?:according to|in the words of|по словам|как сказал[а]?)\s+(.{1,120}?)\s*,?\s*$`)
	reRoleHead  = lazy(`(?i)^(?:the|a|an)\s+`)
)

// findQuotes finds quotes in paras and names their speakers. It returns
// nil as soon as b is spent.
func findQuotes(title string, paras []string, b *budget) []corpus.Quote {
	raws := make([][]rawQuote, len(paras))
	var ments []mention
	ments = append(ments, namesIn(title, -1, nil)...)
	left := maxQuotes
	for i, p := range paras {
		if b.spent() {
			return nil
		}
		limit := min(left, maxParaQuotes)
		raws[i] = pairQuotes(p, limit)
		if i > 0 && len(raws[i]) < limit && openAtEnd(raws[i-1], paras[i-1]) {
			if q, ok := continuation(p); ok {
				raws[i] = append([]rawQuote{q}, raws[i]...)
			}
		}
		left -= len(raws[i])
		skip := make([][2]int, len(raws[i]))
		for k, q := range raws[i] {
			skip[k] = [2]int{q.start, q.end}
		}
		ments = append(ments, namesIn(p, i, skip)...)
	}
	r := resolver{title: title, paras: paras, ments: ments, b: b}

	var out []corpus.Quote
	for i, p := range paras {
		if len(out) >= maxQuotes || b.spent() {
			break
		}
		if len(raws[i]) == 0 {
			if name, end := pullName(p); name != "" {
				out = append(out, corpus.Quote{Para: i, Start: 0, End: end, Text: strings.TrimSpace(p[:end]),
					Speaker: r.fullName(name), Kind: corpus.Pull})
			}
			continue
		}
		for _, q := range raws[i] {
			if b.spent() {
				return nil
			}
			quote := corpus.Quote{Para: i, Start: q.start, End: q.end, Text: strings.TrimRight(q.text, " ,"), Kind: corpus.Speech}
			subj, span := attribution(p, q)
			if subj == "" && countWords(q.text) <= termWords && !endsSentence(q.text) {
				quote.Kind = corpus.Term
			} else if subj != "" {
				quote.Speaker = r.speaker(subj, i, q.start)
				if quote.Speaker != "" {
					quote.SpeakerSpan = span
				}
			}
			out = append(out, quote)
		}
	}
	if b.err != nil {
		return nil
	}
	carrySpeakers(out, paras)
	return out
}
