package parse

import (
	"context"
	"dossier/corpus"
	"dossier/corpus/hostile"
	"strings"
	"testing"
)

func seed(t *testing.T, prefix string) corpus.Article {
	t.Helper()
	for _, a := range Embedded() {
		if strings.HasPrefix(a.ID, prefix) {
			return a
		}
	}
	t.Fatalf("no seed %s", prefix)
	return corpus.Article{}
}

type quoteCount struct{ speech, term, pull int }

func countQuotes(a corpus.Article) (c quoteCount, speakers map[string]int) {
	speakers = map[string]int{}
	for _, q := range a.Quotes {
		switch q.Kind {
		case corpus.Speech:
			c.speech++
			speakers[q.Speaker]++
		case corpus.Term:
			c.term++
		case corpus.Pull:
			c.pull++
			speakers[q.Speaker]++
		}
	}
	return c, speakers
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		id         string
		title      string
		titleFrom  corpus.Origin
		date       string
		dateOrigin corpus.Origin
		source     string
		sourceFrom corpus.Origin
		url        string
		dateline   string
		quotes     quoteCount
		speaker    string
		terms      []string
		firstPara  string
		words      int
	}{
		{
			id: "000", title: "CSTO is a guarantor of security and defense of Kyrgyzstan - Marat Imankulov", titleFrom: corpus.OriginHeader,
			source: "24.kg", sourceFrom: corpus.OriginMetadata,
			url:    "https://24.kg/english/286774__CSTO_is_a_guarantor_of_security_and_defense_of_Kyrgyzstan_-_Marat_Imankulov/",
			quotes: quoteCount{speech: 4}, speaker: "Marat Imankulov",
			firstPara: "The Collective Security Treaty Organization (CSTO) is a guarantor", words: 350,
		},
		{
			id: "001", title: "President Japarov considers CSTO, SCO as instruments for strengthening security", titleFrom: corpus.OriginHeader,
			date: "2021-09-17", dateOrigin: corpus.OriginMetadata, source: "24.kg", sourceFrom: corpus.OriginMetadata,
			url:    "https://24.kg/english/207562_President_Japarov_considers_CSTO_SCO_as_instruments_for_strengthening_security/",
			quotes: quoteCount{speech: 1, term: 1}, speaker: "Sadyr Japarov", terms: []string{"export"},
			firstPara: "The CSTO and SCO are generally recognized", words: 382,
		},
		{
			id: "002", title: "Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary", titleFrom: corpus.OriginHeader,
			date: "2022-09-22T16:47", dateOrigin: corpus.OriginHeader, source: "Interfax", sourceFrom: corpus.OriginText, dateline: "BISHKEK",
			quotes: quoteCount{speech: 3}, speaker: "Marat Imankulov",
			firstPara: "BISHKEK. Sept 22 (Interfax) - Kyrgyzstan is interested", words: 307,
		},
		{
			id: "003", title: "The President of Kyrgyzstan Sooronbai Jeenbekov outlined six priority areas of work for the Collective Security Treaty Organization for the coming year",
			titleFrom: corpus.OriginText, date: "2018-11-09", dateOrigin: corpus.OriginHeader,
			quotes: quoteCount{speech: 2, pull: 2}, speaker: "Sooronbai Jeenbekov",
			firstPara: "The President of Kyrgyzstan Sooronbai Jeenbekov outlined", words: 449,
		},
		{
			id: "004", title: "The CSTO in the focus of global terrorism - Interview with Taalatbek Masadykov, the CSTO Deputy Secretary General, Special Representative of the CSTO Secretary General on Peacekeeping",
			titleFrom: corpus.OriginHeader, date: "2024-06-06", dateOrigin: corpus.OriginText,
			quotes: quoteCount{speech: 2, term: 1}, speaker: "Taalatbek Masadykov", terms: []string{"Crocus City Hall"},
			firstPara: "In an exclusive commentary to Cronos.Asia", words: 431,
		},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a := seed(t, tt.id)
			if a.Title != tt.title || a.TitleFrom != tt.titleFrom {
				t.Errorf("title = %q (%v), want %q (%v)", a.Title, a.TitleFrom, tt.title, tt.titleFrom)
			}
			if a.Date.String() != tt.date || a.Date.Origin != tt.dateOrigin {
				t.Errorf("date = %q (%v), want %q (%v)", a.Date, a.Date.Origin, tt.date, tt.dateOrigin)
			}
			if a.Source != tt.source || a.SourceFrom != tt.sourceFrom {
				t.Errorf("source = %q (%v), want %q (%v)", a.Source, a.SourceFrom, tt.source, tt.sourceFrom)
			}
			if a.URL != tt.url {
				t.Errorf("url = %q, want %q", a.URL, tt.url)
			}
			if a.Dateline != tt.dateline {
				t.Errorf("dateline = %q, want %q", a.Dateline, tt.dateline)
			}
			if a.Words != tt.words {
				t.Errorf("words = %d, want %d", a.Words, tt.words)
			}
			if len(a.Paragraphs) == 0 || !strings.HasPrefix(a.Paragraphs[0], tt.firstPara) {
				t.Errorf("first paragraph = %.60q, want prefix %q", first(a.Paragraphs), tt.firstPara)
			}
			c, speakers := countQuotes(a)
			if c != tt.quotes {
				t.Errorf("quotes = %+v, want %+v", c, tt.quotes)
			}
			if len(speakers) != 1 || speakers[tt.speaker] == 0 {
				t.Errorf("speakers = %v, want only %q", speakers, tt.speaker)
			}
			var terms []string
			for _, q := range a.Quotes {
				if q.Kind == corpus.Term {
					terms = append(terms, q.Text)
				}
			}
			if strings.Join(terms, "|") != strings.Join(tt.terms, "|") {
				t.Errorf("terms = %q, want %q", terms, tt.terms)
			}
			checkArticle(t, a)
		})
	}
}

func first(ps []string) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0]
}

// checkArticle asserts what holds for every parsed article (see Check).
func checkArticle(t *testing.T, a corpus.Article) {
	t.Helper()
	if err := Check(&a); err != nil {
		t.Fatal(err)
	}
}

func TestSpeakerSpans(t *testing.T) {
	want := map[string][]string{
		"000": {"him", "he", "Marat Imankulov", "He"},
		"001": {"the President of the Kyrgyz Republic"},
		"002": {"Imankulov", "Imankulov", "Imankulov"},
		"003": {"Sooronbai Jeenbekov", "Sooronbai Jeenbekov"},
		"004": {"Masadykov", "the Special Representative of the CSTO Secretary General"},
	}
	for id, spans := range want {
		a := seed(t, id)
		var got []string
		for _, q := range a.Quotes {
			if q.Kind == corpus.Speech {
				got = append(got, a.Paragraphs[q.Para][q.SpeakerSpan[0]:q.SpeakerSpan[1]])
			}
		}
		if strings.Join(got, "|") != strings.Join(spans, "|") {
			t.Errorf("%s: speaker spans %q, want %q", id, got, spans)
		}
	}
}

func TestSeedQuoteSpans(t *testing.T) {
	a := seed(t, "001")
	for _, q := range a.Quotes {
		span := a.Paragraphs[q.Para][q.Start:q.End]
		switch q.Kind {
		case corpus.Term:
			if span != "«export»" {
				t.Errorf("term span = %q", span)
			}
		case corpus.Speech:
			// The closing mark that lost its space still closes the quote.
			if !strings.HasPrefix(span, `"All this`) || !strings.HasSuffix(span, `state borders, "`) {
				t.Errorf("speech span = %.30q…%q", span, span[len(span)-20:])
			}
		}
	}
	a4 := seed(t, "004")
	for _, p := range a4.Paragraphs {
		if strings.Contains(p, "Go back") || strings.Contains(p, "Back to the") {
			t.Errorf("navigation line kept: %q", p)
		}
	}
	for _, p := range seed(t, "000").Paragraphs {
		if strings.Contains(p, "\u00a0") || strings.HasPrefix(p, "USD") {
			t.Errorf("ticker or nbsp kept: %.40q", p)
		}
	}
}

func TestShapes(t *testing.T) {
	tests := []struct {
		name, text   string
		title        string
		date         string
		origin       corpus.Origin
		source       string
		dateline     string
		speakers     []string // of speech and pull quotes, in order
		kinds        string   // s, t, p per quote
		firstParaHas string
	}{
		{
			name:  "russian month, dateline in slashes",
			text:  "Встреча в Бишкеке\n\nБИШКЕК, 28 ноября. /ТАСС/. Министры встретились 28 ноября 2019 года. «Мы договорились обо всём», — сказал Алмазбек Атамбаев.\n",
			title: "Встреча в Бишкеке", date: "2019-11-28", origin: corpus.OriginText, source: "ТАСС", dateline: "БИШКЕК",
			speakers: []string{"Алмазбек Атамбаев"}, kinds: "s",
		},
		{
			name:  "day-first numeric header with time and zone",
			text:  "25.11.2022 14:05 MSK\n\nCeasefire holds on the border\n\nMOSCOW (Reuters) - The ceasefire held, officials said.\n",
			title: "Ceasefire holds on the border", date: "2022-11-25T14:05", origin: corpus.OriginHeader, source: "Reuters", dateline: "MOSCOW",
		},
		{
			name:  "spaced day-first numerics",
			text:  "Talks resume\n\nTalks resumed on 25 11 2022 in Astana.\n",
			title: "Talks resume", date: "2022-11-25", origin: corpus.OriginText,
		},
		{
			name:  "date line at the end",
			text:  "Summit ends\n\nThe summit ended without a statement. \"We will meet again,\" said Anna Petrova.\n\n12 March 2023\n",
			title: "Summit ends", date: "2023-03-12", origin: corpus.OriginHeader, speakers: []string{"Anna Petrova"}, kinds: "s",
		},
		{
			name:  "no date at all, partial dates ignored",
			text:  "Border talks\n\nOn Sept 22 the sides met. In March of this year they had failed. Talks on 14 September went on.\n",
			title: "Border talks",
		},
		{
			name:  "no headline: first sentence",
			text:  "The minister resigned on Monday. He gave no reason.\n\nMore follows.\n",
			title: "The minister resigned on Monday", firstParaHas: "The minister resigned",
		},
		{
			name:  "month-only header",
			text:  "February 2023\n\nA quiet month\n\nNothing happened.\n",
			title: "A quiet month", date: "2023-02", origin: corpus.OriginHeader,
		},
		{
			name:  "inline prefix with time",
			text:  " date 2020-05-04 09:30 The council met in the morning. It adjourned.\n",
			title: "The council met in the morning", date: "2020-05-04T09:30", origin: corpus.OriginHeader,
		},
		{
			name:  "broken quote runs to the paragraph end",
			text:  "Unclosed\n\n\"This quote never closes and keeps going, Ivanov said\n\nNext paragraph.\n",
			title: "Unclosed", kinds: "s",
		},
		{
			name:  "nested quotes count once",
			text:  "Nested\n\n«He told me „stay calm“ and left», Aigul Tokoeva said.\n",
			title: "Nested", speakers: []string{"Aigul Tokoeva"}, kinds: "s",
		},
		{
			name:  "pronoun and surname resolution",
			text:  "Talks\n\nForeign Minister Jeenbek Kulubaev met the envoy.\n\n\"We agreed on the border,\" Kulubaev said.\n\n\"And on water,\" he added.\n",
			title: "Talks", speakers: []string{"Jeenbek Kulubaev", "Jeenbek Kulubaev"}, kinds: "ss",
		},
		{
			name:  "american date with weekday header",
			text:  "Thursday, June 6, 2024\n\nMeeting in Almaty\n\nThe committee met.\n",
			title: "Meeting in Almaty", date: "2024-06-06", origin: corpus.OriginHeader,
		},
		{
			name:  "impossible dates are not dates",
			text:  "Odd\n\nOn 31 February 2023 and 45.13.2020 nothing happened.\n",
			title: "Odd",
		},
		{
			name:  "labelled date line",
			text:  "Published: 22.09.2022 16:47\n\nHeadline here\n\nBody text.\n",
			title: "Headline here", date: "2022-09-22T16:47", origin: corpus.OriginHeader,
		},
		{
			name:  "time before the date",
			text:  "16:47, 22 September 2022\n\nHeadline here\n\nBody text.\n",
			title: "Headline here", date: "2022-09-22T16:47", origin: corpus.OriginHeader,
		},
		{
			name:  "a date line right under the headline",
			text:  "Bishkek News\nMarch 12, 2023\n\nBody text.\n",
			title: "Bishkek News", date: "2023-03-12", origin: corpus.OriginHeader,
		},
		{
			name:  "a number after a date is no time",
			text:  "Budget\n\nOn June 6, 2024, 12.45 billion soms were spent.\n",
			title: "Budget", date: "2024-06-06", origin: corpus.OriginText,
		},
		{
			name:  "an abbreviation in brackets is no dateline",
			text:  "Summit\n\nCSTO (Collective Security Treaty Organization) member states met.\n",
			title: "Summit",
		},
		{
			name:  "a headline like a ticker is kept",
			text:  "SCO 2025\n\nThe summit opens.\n",
			title: "SCO 2025",
		},
		{
			name:  "inverted attributions",
			text:  "Talks\n\n\"We will meet again,\" said President Sadyr Japarov. \"Tomorrow,\" said Japarov's spokesman Erbol Sultanbaev.\n",
			title: "Talks", speakers: []string{"Sadyr Japarov", "Erbol Sultanbaev"}, kinds: "ss",
		},
		{
			name:  "a straight mark closes a curly one",
			text:  "Mixed\n\n“We agree,\" Marat Imankulov said. \"Next step,\" Imankulov said.\n",
			title: "Mixed", speakers: []string{"Marat Imankulov", "Marat Imankulov"}, kinds: "ss",
		},
		{
			name:  "a role whose lowercase changes length",
			text:  "Meet the Kommander\n\n\"We will win the war,\" the \u212aommander said.\n\nMore text here.\n",
			title: "Meet the Kommander", kinds: "s",
		},
		{
			name:  "markdown heading",
			text:  "# A markdown story\n\nBody text here.\n",
			title: "A markdown story",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Text("x", "x.txt", Sanitize(tt.text), nil)
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.Date.String() != tt.date || a.Date.Origin != tt.origin {
				t.Errorf("date = %q (%v), want %q (%v)", a.Date, a.Date.Origin, tt.date, tt.origin)
			}
			if a.Source != tt.source || a.Dateline != tt.dateline {
				t.Errorf("source, dateline = %q, %q; want %q, %q", a.Source, a.Dateline, tt.source, tt.dateline)
			}
			var kinds string
			var speakers []string
			for _, q := range a.Quotes {
				kinds += q.Kind.String()[:1]
				if q.Kind != corpus.Term && q.Speaker != "" {
					speakers = append(speakers, q.Speaker)
				}
			}
			if kinds != tt.kinds {
				t.Errorf("quote kinds = %q, want %q (%+v)", kinds, tt.kinds, a.Quotes)
			}
			if strings.Join(speakers, "|") != strings.Join(tt.speakers, "|") {
				t.Errorf("speakers = %q, want %q", speakers, tt.speakers)
			}
			if tt.firstParaHas != "" && !strings.Contains(first(a.Paragraphs), tt.firstParaHas) {
				t.Errorf("first paragraph %q lacks %q", first(a.Paragraphs), tt.firstParaHas)
			}
			checkArticle(t, a)
		})
	}
}

func TestFrontMatter(t *testing.T) {
	text := "---\ntitle: Given title\ndate: 2023-02\nsource: Kabar\nurl: https://kabar.kg/x\ntags: [csto, security]\n---\n\n12 May 2021\n\nText headline\n\nBody.\n"
	a, err := Parse("news/a.md", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Given title" || a.TitleFrom != corpus.OriginMetadata {
		t.Errorf("title = %q (%v)", a.Title, a.TitleFrom)
	}
	if a.Date.String() != "2023-02" || a.Date.Origin != corpus.OriginMetadata {
		t.Errorf("date = %q (%v): metadata must win", a.Date, a.Date.Origin)
	}
	if a.Source != "Kabar" || a.URL != "https://kabar.kg/x" || strings.Join(a.Tags, ",") != "csto,security" {
		t.Errorf("meta = %q %q %q", a.Source, a.URL, a.Tags)
	}
	if a.ID != "a" {
		t.Errorf("id = %q", a.ID)
	}
	// Front matter that cannot be read costs the front matter, not the file.
	a, warn, err := BytesContext(context.Background(), "bad", "bad.md", []byte("---\ntitle: [unclosed\n---\nx\n"), "")
	if err != nil || !strings.Contains(warn, "front matter") || a.Title != "x" {
		t.Errorf("bad front matter: title %q, warn %q, err %v", a.Title, warn, err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want  string
		allowYear bool
	}{
		{"22 Sep 2022 16:47", "2022-09-22T16:47", false},
		{"28 ноября 2019", "2019-11-28", false},
		{"28 ноября 2019 г.", "2019-11-28", false},
		{"25.11.2022", "2022-11-25", false},
		{"25/11/2022 4:05 pm", "2022-11-25T16:05", false},
		{"2022-09-22T16:47:00+06:00", "2022-09-22T16:47", false},
		{"September 2022", "2022-09", false},
		{"2023", "", false},
		{"2023", "2023", true},
		{"Sept 22", "", false},
		{"22 Sep 2022 and more words", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		d, ok := Date(tt.in, tt.allowYear)
		if d.String() != tt.want || ok != (tt.want != "") {
			t.Errorf("Date(%q) = %q, %v; want %q", tt.in, d, ok, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, a := range Embedded() {
		f.Add(strings.Join(a.Paragraphs, "\n\n"))
	}
	f.Add("22 Sep 2022 16:47\n\nT\n\n\"a «b “c\" d» e” f\n\n«")
	f.Add(" date 2018-11-09 x. Y Z")
	f.Add("\x1b[2J\r\n\u202e\xff\xfe«»\"\"")
	f.Add("---\ntitle: x\n---\n")
	// The hostile shapes, small: what made a stage quadratic or big.
	for _, sh := range hostile.Shapes {
		f.Add(sh.Make(2 << 10))
	}
	f.Add("---\ntitle: Reading list: CSTO\n---\n\nHeadline\n\nBody.\n")
	f.Add("Soft\u00adhyphen \u263a\ufe0f \U0001f468\u200d\U0001f469\n\nBody.\n")
	f.Fuzz(func(t *testing.T, text string) {
		a, err := Parse("f.txt", strings.NewReader(text))
		if err != nil {
			return
		}
		checkArticle(t, a)
		if len(a.Quotes) > maxQuotes {
			t.Fatalf("%d quotes", len(a.Quotes))
		}
	})
}
