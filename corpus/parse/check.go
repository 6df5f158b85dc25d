package parse

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"dossier/corpus"
)

// Check reports the first way a breaks what every parsed article holds:
// clean UTF-8 without controls but newline and tab, and quote and speaker
// spans inside their paragraphs. The parser's tests hold it to this, and
// anything that reads articles back from elsewhere can.
func Check(a *corpus.Article) error {
	texts := append([]string{a.ID, a.Title, a.Source, a.URL, a.Dateline}, a.Paragraphs...)
	for _, s := range texts {
		if !utf8.ValidString(s) {
			return fmt.Errorf("invalid UTF-8: %.40q", s)
		}
		for _, r := range s {
			if UnsafeRune(r) && r != '\n' && r != '\t' {
				return fmt.Errorf("control %U in %.40q", r, s)
			}
		}
	}
	for _, q := range a.Quotes {
		if q.Para < 0 || q.Para >= len(a.Paragraphs) {
			return fmt.Errorf("quote in paragraph %d of %d", q.Para, len(a.Paragraphs))
		}
		p := a.Paragraphs[q.Para]
		if q.Start < 0 || q.End > len(p) || q.Start >= q.End {
			return fmt.Errorf("quote span %d..%d outside a paragraph of %d bytes", q.Start, q.End, len(p))
		}
		if sp := q.SpeakerSpan; sp != [2]int{} && (sp[0] < 0 || sp[0] >= sp[1] || sp[1] > len(p) || q.Speaker == "") {
			return fmt.Errorf("speaker span %v in a paragraph of %d bytes (speaker %q)", sp, len(p), q.Speaker)
		}
		if !strings.Contains(p[q.Start:q.End], q.Text) {
			return fmt.Errorf("quote text %.40q not in its span %.40q", q.Text, p[q.Start:q.End])
		}
	}
	return nil
}
