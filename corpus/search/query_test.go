package search_test

import (
	"slices"
	"strings"
	"testing"

	"dossier/corpus"
	"dossier/corpus/parse"
	"dossier/corpus/search"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		in, understood string
		open           bool
	}{
		{"imankulov", "imankulov", true},
		{"imankulov ", "imankulov", false},
		{`"security council" csto`, `csto · "security council"`, true},
		{`«Совет безопасности»`, `"совет безопасности"`, false},
		{"csto -sco", "csto · -sco", false},
		{"speaker:imankulov csto", "csto · speaker:imankulov", true},
		{`speaker:"Marat Imankulov"`, `speaker:"Marat Imankulov"`, false},
		{`speaker: "Marat Imankulov" csto`, `csto · speaker:"Marat Imankulov"`, true},
		{"since:2022 until:2023-06 csto", "csto · since 2022 · until 2023-06", true},
		{"source:24.kg tag:CSTO", "source:24.kg · tag:CSTO", false},
		{`"secu`, "secu", true}, // a quote still open is typed: a prefix
		{`"secu"`, "secu", false},
		{"meeting at 12:30", "meeting at 12:30", true},             // not an operator
		{"see http://example.com", "see http://example.com", true}, // nor a URL
	} {
		q, err := search.ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if got := q.String(); got != tc.understood || q.Open != tc.open {
			t.Errorf("ParseQuery(%q) = %q open=%v, want %q open=%v", tc.in, got, q.Open, tc.understood, tc.open)
		}
	}
	if q, _ := search.ParseQuery(`"security coun`); !q.OpenPhrase {
		t.Error(`"security coun: the open phrase's last word should be a prefix`)
	}
	if q, _ := search.ParseQuery(`"security coun" csto`); q.OpenPhrase {
		t.Error(`a closed phrase is not open`)
	}
	for _, tc := range []struct{ in, err string }{
		{"speakr:imankulov", "unknown operator speakr: (try speaker: source: tag: since: until)"},
		{"since:yesterday", "since:yesterday is not a date (2022, 2022-09 or 2022-09-22)"},
		{"since:2024 until:2020", "since:2024 is after until:2020"},
		{"tag:", "tag: wants a value"},
		{"   ", "empty query"},
	} {
		if _, err := search.ParseQuery(tc.in); err == nil || err.Error() != tc.err {
			t.Errorf("ParseQuery(%q) error = %v, want %q", tc.in, err, tc.err)
		}
	}
}

func TestQueryOperatorsOnSeeds(t *testing.T) {
	arts := parse.Embedded()
	ix := search.NewIndex(arts)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{`"security council"`, []string{"000", "001", "002", "004"}}, // 001: "Collective Security Council"
		{`"kyrgyz security council"`, []string{"002"}},
		{`"council security"`, nil},                // the order matters
		{`"kyrgyz security coun`, []string{"002"}}, // typed: the last word a prefix
		{"csto -sco", []string{"002", "003", "004"}},
		{"csto -Sco", []string{"002", "003", "004"}},
		{"speaker:imankulov", []string{"000", "002"}},
		{"speaker:Иманкулов", []string{"000", "002"}},
		{`speaker:"Marat Imankulov" csto`, []string{"000", "002"}},
		{"speaker:japarov", []string{"001"}},
		{"speaker:Жапаров", []string{"001"}},
		{"speaker:zhaparov", []string{"001"}},
		{"source:interfax", []string{"002"}},
		{"source:24", []string{"000", "001"}},
		{"csto since:2022", []string{"002", "004"}},    // 000 is undated: outside any range
		{"csto until:2021-09", []string{"001", "003"}}, // 2021-09-17 is inside September
		{"csto since:2021-09-18 until:2022", []string{"002"}},
		{"since:2024", []string{"004"}},                // operators alone list what passes
		{"imankulov -undated", []string{"000", "002"}}, // excluding an absent word takes nothing
		{"imankulov speaker:masadykov", nil},
	} {
		got := hitIDs(arts, ix.Search(tc.q, 10))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestTagsIndexed(t *testing.T) {
	arts := []corpus.Article{
		{ID: "a", Title: "Summit in Bishkek", Paragraphs: []string{"Leaders met."}, Tags: []string{"CSTO", "Kyrgyz Republic"}},
		{ID: "b", Title: "Summit in Astana", Paragraphs: []string{"Leaders met."}, Tags: []string{"SCO"}},
	}
	ix := search.NewIndex(arts)
	for q, want := range map[string]string{
		"tag:csto":                 "a",
		"summit tag:sco":           "b",
		`tag:"kyrgyz republic"`:    "a",
		"tag:kyrgyz":               "", // a tag is matched whole
		"summit -tag:x tag:sco":    "b",
		"leaders tag:csto tag:sco": "",
	} {
		var got []string
		for _, h := range ix.Search(q, 10) {
			got = append(got, arts[h.Doc].ID)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Search(%q) = %v, want %q", q, got, want)
		}
	}
}

func TestNameMatches(t *testing.T) {
	for _, tc := range []struct {
		typed, speaker string
		want           bool
	}{
		{"imankulov", "Marat Imankulov", true},
		{"Иманкулов", "Marat Imankulov", true},
		{"Марат Иманкулов", "Marat Imankulov", true},
		{"marat i", "Marat Imankulov", false}, // a one-letter start is too little
		{"marat iman", "Marat Imankulov", true},
		{"Dschaparow", "Sadyr Japarov", true},
		{"Жапаров", "Sadyr Zhaparov", true},
		{"marat", "Marat Imankulov", true},
		{"japarov", "Marat Imankulov", false},
		{"imankulova", "Marat Imankulov", false},
		{"", "Marat Imankulov", false},
	} {
		if got := search.NameMatches(tc.typed, tc.speaker); got != tc.want {
			t.Errorf("NameMatches(%q, %q) = %v, want %v", tc.typed, tc.speaker, got, tc.want)
		}
	}
}

// FuzzParseQuery holds ParseQuery to never panicking, and its String to
// parse back to the same understanding.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"a b" -c speaker:"d e" since:2022`, `«x`, `a:`, `-`, `""`, `speaker:"`, "since:2022-13-40", "a \"b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := search.ParseQuery(s)
		if err != nil {
			return
		}
		_ = q.String()
	})
}

func TestDetailLater(t *testing.T) {
	ix := search.NewIndex(parse.Embedded())
	q, _ := search.ParseQuery("csto security")
	full := ix.Run(q, 10)
	q.Detail = 2
	lazy := ix.Run(q, 10)
	if len(lazy) != len(full) || len(full) < 4 {
		t.Fatalf("%d lazy hits, %d full", len(lazy), len(full))
	}
	if !lazy[1].Detailed || lazy[2].Detailed || lazy[2].Snippet != "" {
		t.Fatalf("Detail 2: hit 2 detailed=%v snippet %q", lazy[2].Detailed, lazy[2].Snippet)
	}
	ix.Detail(lazy, 0, 10)
	for i := range full {
		if lazy[i].Doc != full[i].Doc || lazy[i].Snippet != full[i].Snippet || !slices.Equal(lazy[i].TitlePos, full[i].TitlePos) ||
			len(lazy[i].SnippetPos) != len(full[i].SnippetPos) {
			t.Errorf("hit %d filled later differs: %+v vs %+v", i, lazy[i], full[i])
		}
	}
}
