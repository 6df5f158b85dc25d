package ui

import (
	"fmt"

	"github.com/muesli/termenv"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/lipgloss"
)

// articleStyles are the Lip Gloss styles of the parts of an article that
// dossier draws itself: the header always, and the whole body in
// Plain.
type articleStyles struct {
	Title, Meta, Text      lipgloss.Style
	Speech, Speaker, Term  lipgloss.Style
	Pull, PullBar, Match   lipgloss.Style
	Notice                 lipgloss.Style
	SpeechMatch, TermMatch lipgloss.Style
}

// newArticleStyles turns th into styles. Colours on a NoColor theme are
// lipgloss.NoColor and vanish, so the bold/italic/underline attributes are
// what tells the parts apart there. The styles render for profile p.
func newArticleStyles(th Theme, p termenv.Profile) articleStyles {
	s := styleRenderer(p).NewStyle()
	fg := func(c lipgloss.TerminalColor) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Foreground(c)
	}
	st := articleStyles{
		Title:   fg(th.Accent).Bold(true),
		Meta:    fg(th.Muted),
		Text:    fg(th.Text),
		Speech:  fg(th.Speech).Italic(true),
		Speaker: fg(th.Speaker).Bold(true),
		Term:    fg(th.Term).Underline(true),
		Pull:    fg(th.Pull).Italic(true),
		PullBar: fg(th.Pull),
		Match:   fg(th.Match).Bold(true).Underline(true),
		Notice:  fg(th.Warn).Italic(true),
	}
	st.SpeechMatch = st.Match.Italic(true)
	st.TermMatch = st.Match
	return st
}

// glamourColor turns a Lip Gloss colour into the string Glamour's style
// sheet wants, or nil for no colour. Adaptive colours are resolved by the
// theme's own Dark flag: the terminal is never asked.
func glamourColor(c lipgloss.TerminalColor, dark bool) *string {
	var v string
	switch c := c.(type) {
	case nil, lipgloss.NoColor:
		return nil
	case lipgloss.Color:
		v = string(c)
	case lipgloss.AdaptiveColor:
		v = c.Light
		if dark {
			v = c.Dark
		}
	case lipgloss.CompleteColor:
		v = c.TrueColor
	case lipgloss.CompleteAdaptiveColor:
		v = c.Light.TrueColor
		if dark {
			v = c.Dark.TrueColor
		}
	default:
		r, g, b, _ := c.RGBA()
		v = fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
	}
	if v == "" {
		return nil
	}
	return &v
}

// glamourStyles builds the style sheet for article bodies. Only the
// elements articleMarkdown emits are styled, and each carries one meaning:
//
//	*x*      Emph          a speech quote         (th.Speech, italic)
//	**x**    Strong        the speaker after it   (th.Speaker, bold)
//	`x`      Code          a quoted term          (th.Term, underline)
//	~~x~~    Strikethrough a search match         (th.Match, bold+underline)
//	> x      BlockQuote    a pull quote           (th.Pull, italic, bar)
//
// News text never contains strikethrough, so it is free to mean "match".
// Every paragraph is indented by one column (the base margin), which is
// also the gap between a pull quote's bar and its words.
func glamourStyles(th Theme) gansi.StyleConfig {
	t, f := true, false
	zero, one := uint(0), uint(1)
	space, bar := " ", "│"
	col := func(c lipgloss.TerminalColor) *string { return glamourColor(c, th.Dark) }
	return gansi.StyleConfig{
		Document: gansi.StyleBlock{
			StylePrimitive: gansi.StylePrimitive{Color: col(th.Text)},
			Margin:         &zero,
		},
		Paragraph: gansi.StyleBlock{Indent: &one, IndentToken: &space},
		BlockQuote: gansi.StyleBlock{
			StylePrimitive: gansi.StylePrimitive{Color: col(th.Pull), Italic: &t},
			Indent:         &one,
			IndentToken:    &bar,
		},
		Emph:          gansi.StylePrimitive{Color: col(th.Speech), Italic: &t},
		Strong:        gansi.StylePrimitive{Color: col(th.Speaker), Bold: &t, Italic: &f},
		Strikethrough: gansi.StylePrimitive{Color: col(th.Match), Bold: &t, Underline: &t, CrossedOut: &f},
		Code: gansi.StyleBlock{
			StylePrimitive: gansi.StylePrimitive{Color: col(th.Term), Underline: &t},
		},
	}
}
