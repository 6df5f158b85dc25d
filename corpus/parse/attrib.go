package parse

import (
	"dossier/corpus"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attribution as wires write it, beyond `"…," Imankulov said`:
//
//   - a description before the name: `economist Jane Roe said`, `the
//     ministry's spokeswoman Jane Roe told`, `Roe's deputy John Doe said`:
//     the subject is the name that ends the phrase (subjectOf);
//   - an appositive after it: `John Doe, who leads the delegation, wrote`:
//     the name before the first comma;
//   - the verb first, with a title or a role between: `said Defence
//     Minister John Doe`, `said the minister, John Doe,`, `— заявил министр
//     иностранных дел Жээнбек Кулубаев`, `— сказал он`, `— подчеркнул глава
//     МИД` (a role: the person last named, when no one is named in it);
//   - `According to John Doe,`, `As Doe put it,`, `По его словам,`;
//   - a colon before the quote: `Doe told reporters: «…»`;
//   - the verb after the quote with its subject before it, as Turkish and
//     the Central Asian languages write: `Kulubaev, "…" dedi`;
//   - the attribution inside the quote: `«…, — сказал Жапаров. — …»`;
//   - a quote split by its attribution (`"…," Tokayev said, "…"`), and a
//     quote running over paragraphs, take the speaker of the part that
//     names one (carrySpeakers).
//
// When the attribution names the person, the subject is the name alone,
// so the speaker span is the name's words and the reader never shows the
// name twice ("Secretary General Imangali Tasmagambetov (Imangali
// Tasmagambetov) told").

// moreVerbs are verbs of speech beyond speechVerbs: more English and
// Russian, and the common ones of the other languages the parser reads.
var moreVerbs = wordSet(`commented observed acknowledged conceded claimed suggested predicted cautioned urged vowed promised
assured confirmed denied reiterated tweeted posted quipped complained agreed answered responded put
написал написала уточнил уточнила рассказал рассказала признал признала полагает уверен уверена указал указала
констатировал констатировала резюмировал резюмировала заключил заключила ответил ответила спросил спросила
призвал призвала предупредил предупредила заверил заверила говорит говорил говорила пишет отмечает подчеркивает
подчёркивает заявляет добавляет напомнил напомнила пообещал пообещала объяснил объяснила считают думает
деді айтты мәлімдеді деди айтты билдирди белгиледи dedi ta'kidladi bildirdi söyledi açıkladı belirtti kaydetti
sagte sagt erklärte betonte schrieb meinte detto dichiarato affermato sottolineato spiegato aggiunto dice afferma
déclaré dit affirmé souligné expliqué ajouté estimé`)

// auxVerbs come before a verb of speech: "ha detto", "a déclaré".
var auxVerbs = wordSet(`ha a hat has have hanno`)

var articles = wordSet(`the a an der die das den dem des ein eine einer einen le la les un une il lo gli uno una`)

// indefinite articles and their kin name no one in particular.
var indefinite = wordSet(`a an ein eine einer einen un une uno una один одна один одного some several`)

// titleWords are titles, in the languages beside English and Russian,
// that stand before a name and are not part of it.
var titleWords = wordSet(`Cumhurbaşkanı Başbakan Başbakanı Bakan Bakanı Büyükelçi Milletvekili Sözcüsü Başkanı Genel Sekreteri
Präsident Präsidentin Kanzler Kanzlerin Ministerin Außenminister Regierungschef Botschafter Sprecher Sprecherin
Presidente Ministro Premier Ambasciatore Portavoce Président Présidente Ministre Ambassadeur Porte-parole
Президент Премьер-министр Министр Глава Мэр Аким Депутат Спикер Посол Председатель Секретарь Генсек
Prezident Vazir Bosh Elchi Президенти Министри Төрағасы Министрі Премьер-Министрі`)

// rolePreps end a role read after an inverted verb: "написал министр в Telegram".
var rolePreps = wordSet(`в на во с со по для at in on to for from during after before`)

func isSpeechVerb(w string) bool {
	return hasLower(speechVerbs, w) || hasLower(moreVerbs, w)
}

// subjectOf reads who a subject phrase names: the name that ends it
// ("the ministry's spokeswoman Aibek Smadiyarov"), the name before an
// appositive ("Kamchybek Tashiev, who leads the delegation,"), a pronoun,
// a name or a role as written. "" when it is none of them.
func subjectOf(subj string) string {
	subj = strings.Trim(subj, " ,")
	if subj == "" {
		return ""
	}
	if i := strings.IndexByte(subj, ','); i > 0 {
		if n := nameTail(subj[:i]); n != "" {
			return n
		}
	}
	if strings.IndexAny(subj, ".!?") >= 0 {
		return ""
	}
	if n := nameTail(subj); n != "" {
		return n
	}
	if plausibleSubject(subj) || roleLike(subj) {
		return subj
	}
	return ""
}

// nameTail returns the name words that end a phrase of at most twelve
// words: the last two, or the last one after a description or a title
// ("economist Rakhimov", "President Japarov"). Possessors are not speakers.
func nameTail(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 12 {
		return ""
	}
	k := len(ws)
	for k > 0 && len(ws)-k < maxNameWords {
		w := ws[k-1]
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || !isNameWord(w) {
			break
		}
		k--
	}
	switch n := len(ws) - k; {
	case n == 0:
		return ""
	case n == 1 && (k == 0 || hasLower(articles, ws[k-1])):
		return "" // a lone name word is the subject itself, or a role ("the Commander")
	}
	return strings.Join(ws[k:], " ")
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// roleLike accepts a role written in lower case: "the chairman of the
// central bank", "глава МИД", "the secretary general".
func roleLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 7 {
		return false
	}
	for _, w := range ws {
		if strings.ContainsAny(w, "\"«»“”") || isSpeechVerb(w) {
			return false
		}
	}
	switch lw := strings.ToLower(ws[0]); {
	case lw == "the" || lw == "its" || lw == "his" || lw == "her" || lw == "their":
		return len(ws) >= 2
	case indefinite[lw]:
		return false // "a spokesman", "ein Sprecher": no one the article named
	}
	return isLowerWord(ws[0]) && !hasLower(rolePreps, ws[0])
}

// attribution reads the subject of the attribution around the quote q of
// p, and its span in p (zero when the words are not there as written).
func attribution(p string, q rawQuote) (string, [2]int) {
	if subj := attribAfter(p[q.end:]); subj != "" {
		return subj, subjectSpan(p, q, subj, true)
	}
	if subj := attribBefore(p[:q.start]); subj != "" {
		return subj, subjectSpan(p, q, subj, false)
	}
	// `Kulubaev, "…" dedi.`: the verb after, its subject before.
	if verbOnlyAfter(p[q.end:min(len(p), q.end+attribWindow)]) {
		lo := max(0, q.start-attribWindow)
		for lo > 0 && !utf8.RuneStart(p[lo]) {
			lo--
		}
		head := strings.TrimRight(p[lo:q.start], " ")
		if strings.HasSuffix(head, ",") {
			head = head[:len(head)-1]
			if i := sentenceStart(head); i > 0 {
				head = head[i:]
			}
			if subj := subjectOf(head); subj != "" {
				return subj, subjectSpan(p, q, subj, false)
			}
		}
	}
	// «…, — сказал Жапаров. — …»
	if subj, off := innerAttrib(p, q); subj != "" {
		return subj, [2]int{off, off + len(subj)}
	}
	return "", [2]int{}
}

// verbOnlyAfter reports a quote followed by a verb of speech and the end
// of the sentence: `" dedi.`, `», – деді.`.
func verbOnlyAfter(tail string) bool {
	tail = strings.TrimLeft(tail, " ,.—–-:;")
	e := strings.IndexAny(tail, ".!?;«\"“")
	if e < 0 {
		e = len(tail)
	}
	ws := strings.Fields(tail[:e])
	return len(ws) == 1 && isSpeechVerb(strings.Trim(ws[0], ",:")) ||
		len(ws) == 2 && (ws[1] == "etti" || ws[1] == "өтті" || ws[1] == "hinzu")
}

// innerAttrib finds `— сказал Жапаров` inside a quote whose attribution
// splits it, returning the subject and its offset in p.
func innerAttrib(p string, q rawQuote) (string, int) {
	body := p[q.start:q.end]
	for from := 0; from < len(body); {
		i := strings.Index(body[from:], "— ")
		if i < 0 {
			i = strings.Index(body[from:], "– ")
			if i < 0 {
				return "", 0
			}
		}
		i += from
		after := body[i+len("— "):]
		if strings.HasPrefix(body[i:], "– ") {
			after = body[i+len("– "):]
		}
		w, next, ok := nextWord(after, 0)
		if ok && isSpeechVerb(w.s) {
			rest := after[next:]
			if e := strings.IndexAny(rest, ".!?;—–"); e >= 0 {
				rest = rest[:e]
			}
			if n := invertedName(strings.Fields(rest)); n != "" {
				if j := strings.Index(rest, n); j >= 0 {
					return n, q.start + (len(body) - len(after)) + next + j
				}
			}
		}
		from = i + 2
	}
	return "", 0
}

// asPutIt reads `As Doe put it,` and `Как выразился Доу,` before a quote.
func asPutIt(head string) string {
	h := strings.TrimRight(head, " ,:")
	lh := strings.ToLower(h)
	switch {
	case strings.HasPrefix(lh, "as ") && strings.HasSuffix(lh, " put it"):
		return subjectOf(h[3 : len(h)-len(" put it")])
	case strings.HasPrefix(lh, "как "):
		ws := strings.Fields(h[len("как "):])
		if len(ws) >= 2 && isSpeechVerb(ws[0]) || len(ws) >= 2 && strings.HasPrefix(strings.ToLower(ws[0]), "выразил") {
			return subjectOf(strings.Join(ws[1:], " "))
		}
	}
	return ""
}

// hisWords reads «По его словам,» and its kin: a pronoun.
func hisWords(head string) string {
	lh := strings.ToLower(strings.TrimRight(head, " ,:"))
	for _, pre := range []string{"по его словам", "по её словам", "по ее словам"} {
		if strings.HasSuffix(lh, pre) && (len(lh) == len(pre) || lh[len(lh)-len(pre)-1] == ' ') {
			return strings.Fields(pre)[1]
		}
	}
	return ""
}

// speaker resolves a subject; a role the article names no one in
// ("— подчеркнул глава МИД") is the person last named before the quote.
func (r *resolver) speaker(subj string, para, off int) string {
	role := roleLike(subj)
	if n := r.resolve(subj, para, off); n != "" && (!role || r.named(n)) {
		return n
	}
	if !role {
		return ""
	}
	i := sort.Search(len(r.ments), func(i int) bool {
		m := r.ments[i]
		return m.para > para || (m.para == para && m.off >= off)
	})
	if i == 0 || r.ments[i-1].para < 0 {
		return ""
	}
	return r.fullName(r.ments[i-1].name)
}

// named reports whether n is, or ends, a person the article names: what a
// role resolves to must be one ("По словам посла, «Китай …»" is no person).
func (r *resolver) named(n string) bool {
	last := n[strings.LastIndexByte(n, ' ')+1:]
	full := r.fullName(last)
	return full != last && (full == n || strings.HasSuffix(full, " "+n))
}

// carrySpeakers gives a quote without an attribution the speaker of the
// quote it continues: the part before it in the same paragraph when only
// a short attribution stands between (`"…," Tokayev said, "…"`), or, when
// it runs open to the end of its paragraph, the first quote of the next.
func carrySpeakers(qs []corpus.Quote, paras []string) {
	for k := range qs {
		q := &qs[k]
		if q.Speaker != "" || q.Kind != corpus.Speech {
			continue
		}
		if k > 0 {
			prev := &qs[k-1]
			if prev.Para == q.Para && prev.Speaker != "" && prev.Kind == corpus.Speech && prev.End <= q.Start &&
				countWords(paras[q.Para][prev.End:q.Start]) <= 12 {
				q.Speaker = prev.Speaker
				continue
			}
		}
		p := paras[q.Para]
		if q.End == len(p) && !closesAt(p) && k+1 < len(qs) {
			next := &qs[k+1]
			if next.Para == q.Para+1 && next.Start <= 3 && next.Speaker != "" {
				q.Speaker = next.Speaker
			}
		}
	}
	// And backwards: a paragraph that closes a quote opened above.
	for k := 1; k < len(qs); k++ {
		q, prev := &qs[k], &qs[k-1]
		if q.Speaker != "" && prev.Speaker == "" && prev.Kind == corpus.Speech && prev.Para == q.Para-1 &&
			prev.End == len(paras[prev.Para]) && !closesAt(paras[prev.Para]) && q.Start <= 3 {
			prev.Speaker = q.Speaker
		}
	}
}

// closesAt reports whether p ends with a closing quote mark.
func closesAt(p string) bool {
	p = strings.TrimRight(p, " .,")
	r, _ := utf8.DecodeLastRuneInString(p)
	return r == '»' || r == '”' || r == '"'
}

// continuation reads the end of a quote opened in the paragraph above:
// p closes a mark before it opens one ("…тридцать лет», — сказал Ташиев.").
func continuation(p string) (rawQuote, bool) {
	for i, r := range p {
		switch r {
		case '«', '“', '„', '"':
			return rawQuote{}, false // a mark opens here: pairQuotes reads it
		case '»', '”':
			text := strings.TrimSpace(p[:i])
			if countWords(text) < 2 {
				return rawQuote{}, false
			}
			return rawQuote{start: 0, end: i + utf8.RuneLen(r), text: text}, true
		}
	}
	return rawQuote{}, false
}

// openAtEnd reports whether the last quote of p runs open to its end.
func openAtEnd(qs []rawQuote, p string) bool {
	if len(qs) == 0 {
		return false
	}
	last := qs[len(qs)-1]
	return last.end == len(p) && !closesAt(p)
}
