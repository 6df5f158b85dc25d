// Package synth makes a synthetic news corpus from a seed: articles in the
// shapes dossier's parser reads (date headers, inline dates, agency
// datelines, YAML front matter, currency tickers, undated texts), written
// in English news prose with people, organisations and quotes. It exists
// for benchmarks and tests at sizes the real seeds cannot reach, so it is
// deterministic: the same seed and index always give the same bytes, and
// article i can be made without making articles 0..i-1.
package synth

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Word-count bounds of an article body.
const (
	MinWords = 400
	MaxWords = 600
)

// vocabSize is the number of distinct prose words. With a Zipf spread over
// it, 100,000 articles use most of them, the way real news does.
const vocabSize = 6000

var (
	vocab []string  // by rank, most frequent first
	cum   []float64 // cumulative Zipf weights over vocab
	names []string  // the people pool
	ncum  []float64 // cumulative weights over names: some people are in the news more
)

func init() {
	// A fixed generator: the vocabulary is part of the format, not of the seed.
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	for _, w := range functionWords {
		add(w)
	}
	for _, w := range newsWords {
		add(w)
	}
	for len(vocab) < vocabSize {
		var b strings.Builder
		for k := 1 + r.IntN(2) + r.IntN(2)*r.IntN(2); k > 0; k-- {
			b.WriteString(onsets[r.IntN(len(onsets))])
			b.WriteString(vowels[r.IntN(len(vowels))])
			b.WriteString(codas[r.IntN(len(codas))])
		}
		b.WriteString(suffixes[r.IntN(len(suffixes))])
		if w := b.String(); len(w) >= 3 {
			add(w)
		}
	}
	cum = zipf(len(vocab), 1.0, 2.7)

	names = append(names, realNames...)
	nseen := map[string]bool{}
	for _, n := range names {
		nseen[n] = true
	}
	for len(names) < 200 {
		n := givenNames[r.IntN(len(givenNames))] + " " + surnames[r.IntN(len(surnames))]
		if !nseen[n] {
			nseen[n] = true
			names = append(names, n)
		}
	}
	ncum = zipf(len(names), 0.8, 3)
}

// zipf returns cumulative weights 1/(rank+q)^s, normalised to end at 1.
func zipf(n int, s, q float64) []float64 {
	c := make([]float64, n)
	t := 0.0
	for i := range c {
		t += 1 / math.Pow(float64(i)+q, s)
		c[i] = t
	}
	for i := range c {
		c[i] /= t
	}
	return c
}

func pick(r *rand.Rand, c []float64) int {
	i := sort.SearchFloat64s(c, r.Float64())
	return min(i, len(c)-1)
}

// gen holds one article's generator state.
type gen struct {
	r     *rand.Rand
	words int // body words so far
}

func (g *gen) word() string  { return vocab[pick(g.r, cum)] }
func (g *gen) name() string  { return names[pick(g.r, ncum)] }
func (g *gen) org() string   { return orgs[g.r.IntN(len(orgs))] }
func (g *gen) place() string { return places[g.r.IntN(len(places))] }

func surname(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// phrase returns n words of prose, now and then a name, organisation or
// place among them, so that proper nouns sit inside ordinary text.
func (g *gen) phrase(n int) []string {
	var out []string
	for len(out) < n {
		switch k := g.r.IntN(40); {
		case k == 0 && n-len(out) >= 2:
			out = append(out, strings.Fields(g.name())...)
		case k == 1:
			out = append(out, strings.Fields(g.org())...)
		case k == 2:
			out = append(out, g.place())
		default:
			out = append(out, g.word())
		}
	}
	return out[:n]
}

// sentence returns a capitalised sentence of about n words and its count.
func (g *gen) sentence(n int) (string, int) {
	w := g.phrase(n)
	w[0] = capital(w[0])
	if len(w) > 6 && g.r.IntN(3) == 0 {
		w[len(w)/2] += ","
	}
	return strings.Join(w, " ") + ".", len(w)
}

// plain returns a paragraph of exactly n words.
func (g *gen) plain(n int) string {
	var s []string
	for n > 0 {
		k := 8 + g.r.IntN(16)
		if n-k < 4 {
			k = n
		}
		t, c := g.sentence(k)
		s = append(s, t)
		n -= c
	}
	return strings.Join(s, " ")
}

func (g *gen) quoteText() string {
	t, _ := g.sentence(8 + g.r.IntN(14))
	if n := g.r.IntN(3); n > 0 {
		u, _ := g.sentence(8 + g.r.IntN(10))
		t += " " + u
	}
	return t
}

// paragraph returns one body paragraph in a random shape; main is the
// article's principal speaker.
func (g *gen) paragraph(main string) string {
	switch k := g.r.IntN(10); k {
	case 0: // "…," Surname said.
		q := strings.TrimSuffix(g.quoteText(), ".")
		return fmt.Sprintf("\"%s,\" %s said.", q, surname(main))
	case 1: // «…» Full Name added.
		return fmt.Sprintf("«%s» %s added.", g.quoteText(), g.name())
	case 2: // According to him, «…»
		q := g.quoteText()
		return fmt.Sprintf("According to him, «%s»", strings.ToLower(q[:1])+q[1:])
	case 3: // pull paragraph ending in a bare name
		return g.plain(20+g.r.IntN(30)) + " " + g.name()
	}
	return g.plain(25 + g.r.IntN(50))
}

var months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var apMonths = []string{"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}
var longMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Text returns article i of the corpus made from seed: its file name under
// the corpus root (year/month/number.txt, undated/number.txt) and bytes.
func Text(seed int64, i int) (name string, text []byte) {
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9E3779B97F4A7C15+1))}
	r := g.r
	y, mo, d := 2018+r.IntN(7), 1+r.IntN(12), 1+r.IntN(28)
	hh, mm := r.IntN(24), r.IntN(60)
	main := g.name()
	src := sources[r.IntN(len(sources))]

	// Title: a headline without a final period.
	var title string
	switch r.IntN(3) {
	case 0:
		title = capital(strings.Join(g.phrase(4+r.IntN(6)), " ")) + " - " + main
	case 1:
		title = main + " " + strings.Join(g.phrase(4+r.IntN(7)), " ")
	default:
		title = g.org() + " " + strings.Join(g.phrase(4+r.IntN(7)), " ")
	}

	// Body: a lead naming the speaker, then paragraphs until the word
	// budget is met; the last paragraph is cut to land inside the bounds.
	target := MinWords + r.IntN(MaxWords-MinWords+1)
	lead := fmt.Sprintf("The %s of the %s %s said %s.", capital(g.word()), g.org(), main, strings.Join(g.phrase(10+r.IntN(12)), " "))
	paras := []string{lead}
	words := len(strings.Fields(lead))
	for words < target {
		p := g.paragraph(main)
		n := len(strings.Fields(p))
		if words+n > MaxWords || target-words < 12 {
			n = max(target-words, 1)
			p = g.plain(n)
		}
		paras = append(paras, p)
		words += n
	}

	var b bytes.Buffer
	shape := r.IntN(100)
	dir := fmt.Sprintf("%04d/%02d", y, mo)
	switch {
	case shape < 2: // undated
		dir = "undated"
		fmt.Fprintf(&b, "%s\n\n", title)
	case shape < 22: // date header line
		fmt.Fprintf(&b, "%d %s %d %02d:%02d\n\n%s\n\n", d, months[mo-1], y, hh, mm, title)
	case shape < 37: // inline " date " prefix, no headline
		fmt.Fprintf(&b, " date %04d-%02d-%02d ", y, mo, d)
	case shape < 55: // date header and agency dateline
		fmt.Fprintf(&b, "%d %s %d %02d:%02d\n\n%s\n\n", d, months[mo-1], y, hh, mm, title)
		paras[0] = fmt.Sprintf("%s. %s %d (%s) - %s", datelines[r.IntN(len(datelines))], apMonths[mo-1], d, src, paras[0])
	case shape < 72: // YAML front matter
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %04d-%02d-%02d\nsource: %s\n---\n%s\n\n", title, y, mo, d, src, title)
	case shape < 87: // currency ticker, then a date header
		fmt.Fprintf(&b, "USD %d.%02d\nEUR %d.%02d\nRUB %d.%02d\n\n%d %s %d %02d:%02d\n\n%s\n\n",
			80+r.IntN(10), r.IntN(100), 90+r.IntN(10), r.IntN(100), r.IntN(2), r.IntN(100),
			d, months[mo-1], y, hh, mm, title)
	default: // the date only in the prose
		fmt.Fprintf(&b, "%s\n\n", title)
		paras[0] = fmt.Sprintf("On %s %d, %d, in %s, %s", longMonths[mo-1], d, y, g.place(), strings.ToLower(paras[0][:1])+paras[0][1:])
	}
	b.WriteString(strings.Join(paras, "\n\n"))
	b.WriteByte('\n')
	return fmt.Sprintf("%s/%06d.txt", dir, i), b.Bytes()
}

// Write writes articles 0..n-1 of the corpus made from seed under dir, in
// year/month folders of about a thousand files each at n = 100,000.
func Write(dir string, seed int64, n int) error {
	made := map[string]bool{}
	for i := 0; i < n; i++ {
		name, text := Text(seed, i)
		p := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("synth: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, text, 0o644); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return nil
}
