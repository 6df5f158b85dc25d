package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"dossier/corpus"
	"dossier/corpus/search"
)

// segment is a run of a paragraph with one set of marks.
type segment struct {
	text                string
	start               int // byte offset of text in the paragraph
	speech, term, match bool
	name                bool   // the speaker's name where the text gives it beside the quote
	speaker             string // shown after this run: a speech quote ends here
}

// pullQuote describes a paragraph that is a pull quote.
type pullQuote struct {
	speaker string
	match   bool // a match fell on the speaker's name, which is cut off
	// nameStart and nameEnd are the byte span of the name cut off the
	// paragraph, -1 when the name was not at its end.
	nameStart, nameEnd int
}

// segments splits paragraph p (index para) at every quote and match
// boundary. Spans are clamped to the paragraph and moved back to rune
// starts, so no segment splits a UTF-8 sequence; empty or foreign spans are
// ignored. Overlaps and nesting come out as runs carrying several marks. A
// pull quote paragraph loses the speaker name it ends with (it is shown as
// an attribution line instead).
func segments(p string, para int, quotes []corpus.Quote, hl []search.Span) ([]segment, *pullQuote) {
	lo, hi := 0, len(p)
	for lo < hi && isSpace(p[lo]) {
		lo++
	}
	for hi > lo && isSpace(p[hi-1]) {
		hi--
	}
	var pull *pullQuote
	for _, q := range quotes {
		if q.Para == para && q.Kind == corpus.Pull {
			pull = &pullQuote{speaker: oneLine(q.Speaker), nameStart: -1, nameEnd: -1}
			if name := strings.TrimSpace(q.Speaker); name != "" && strings.HasSuffix(p[lo:hi], name) && hi-len(name) > lo {
				end := hi
				hi -= len(name)
				pull.nameStart, pull.nameEnd = hi, end
				for hi > lo && (isSpace(p[hi-1])) {
					hi--
				}
				for _, s := range hl {
					if s.Para == para && s.Start < end && s.End > hi {
						pull.match = true
					}
				}
			}
			break
		}
	}
	if lo >= hi {
		return nil, pull
	}
	align := func(i int) int {
		if i < lo {
			return lo
		}
		if i > hi {
			return hi
		}
		for i > lo && i < hi && !utf8.RuneStart(p[i]) {
			i--
		}
		return i
	}
	const (
		kSpeech = iota
		kTerm
		kMatch
		kName
	)
	type event struct {
		pos, kind, delta int
		speaker          string
	}
	events := []event{{pos: lo}, {pos: hi}}
	add := func(s, e, kind int, speaker string) {
		s, e = align(s), align(e)
		if s >= e {
			return
		}
		events = append(events, event{pos: s, kind: kind, delta: 1}, event{pos: e, kind: kind, delta: -1, speaker: speaker})
	}
	for _, q := range quotes {
		if q.Para != para {
			continue
		}
		switch q.Kind {
		case corpus.Speech:
			// The words of the attribution that name the speaker are
			// styled where they stand; when they are a pronoun or a role
			// ("he", "the President of the Kyrgyz Republic"), the name
			// follows them in brackets. Without a span (an Article built
			// by hand) the name is looked for near the quote, and shown
			// after the quote when it is not there.
			name := oneLine(q.Speaker)
			if sp := q.SpeakerSpan; name != "" && sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= len(p) {
				tag := name
				if subj := p[sp[0]:sp[1]]; strings.HasSuffix(name, subj) {
					tag = "" // the name itself, or its surname
				}
				add(sp[0], sp[1], kName, tag)
				name = ""
			} else if i, j := nameNear(p, q.Start, q.End, name); i >= 0 {
				add(i, j, kName, "")
				name = ""
			}
			add(q.Start, q.End, kSpeech, name)
		case corpus.Term:
			add(q.Start, q.End, kTerm, "")
		}
	}
	for _, s := range hl {
		if s.Para == para {
			add(s.Start, s.End, kMatch, "")
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].pos < events[j].pos })
	var count [4]int
	var segs []segment
	for i := 0; i < len(events); {
		pos := events[i].pos
		var speakers []string
		for ; i < len(events) && events[i].pos == pos; i++ {
			e := events[i]
			count[e.kind] += e.delta
			if e.speaker != "" && !contains(speakers, e.speaker) {
				speakers = append(speakers, e.speaker)
			}
		}
		if len(speakers) > 0 && len(segs) > 0 {
			segs[len(segs)-1].speaker = strings.Join(speakers, ", ")
		}
		if i == len(events) {
			break
		}
		next := events[i].pos
		if next > pos {
			segs = append(segs, segment{
				text:   p[pos:next],
				start:  pos,
				speech: count[kSpeech] > 0, term: count[kTerm] > 0, match: count[kMatch] > 0,
				name: count[kName] > 0,
			})
		}
	}
	return segs, pull
}

// nameNear finds name in the attribution around a quote at [start, end):
// within nameReach bytes after it, or before it; its byte span, or -1.
func nameNear(p string, start, end int, name string) (int, int) {
	const nameReach = 100
	if name == "" || start < 0 || end > len(p) || start > end {
		return -1, -1
	}
	hi := end + nameReach
	if hi > len(p) {
		hi = len(p)
	}
	// Only the attribution's own sentence: up to the next sentence end or
	// quote mark after the quote, from the last one before it.
	after := p[end:hi]
	if j := strings.IndexAny(after, ".!?«\"“"); j >= 0 {
		after = after[:j]
	}
	if i := strings.Index(after, name); i >= 0 {
		return end + i, end + i + len(name)
	}
	// "Imankulov said": the surname stands for the full name.
	if k := strings.LastIndexByte(name, ' '); k >= 0 {
		if i := strings.Index(after, name[k:]+" "); i >= 0 {
			return end + i + 1, end + i + len(name) - k
		}
	}
	lo := start - nameReach
	if lo < 0 {
		lo = 0
	}
	before := p[lo:start]
	if j := strings.LastIndexAny(before, ".!?»\"”"); j >= 0 {
		lo += j + 1
		before = p[lo:start]
	}
	if i := strings.LastIndex(before, name); i >= 0 {
		return lo + i, lo + i + len(name)
	}
	return -1, -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
