package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is every style the reader draws with, built once from a Theme by
// NewStyles and passed down by value: no package-level styles, so two
// themes can coexist in tests and nothing is rebuilt per frame.
type Styles struct {
	Theme Theme
	// ASCII draws marks, borders and arrows from ASCII only, for terminals
	// whose locale cannot show box drawing or block characters.
	ASCII bool

	Text, Muted, Subtle, Accent, Warn lipgloss.Style
	Match                             lipgloss.Style // matched characters of a search
	MatchCurrent                      lipgloss.Style // the match n and N stand on in an article

	// List rows.
	Date, Source, Title, Snippet lipgloss.Style
	Cursor                       lipgloss.Style // the selected row while the list has focus
	CursorBlur                   lipgloss.Style // the selected row while another pane has focus

	// Panes.
	Border, BorderFocused       lipgloss.Style // applied to the border characters
	PaneTitle, PaneTitleFocused lipgloss.Style

	// Timeline.
	Bar, BarEmpty, BarHit lipgloss.Style
	TimeCursor            lipgloss.Style // the cursor's month while the timeline has focus
	TimeSelected          lipgloss.Style // the selected article's month
	Year                  lipgloss.Style

	// Status and help lines.
	Status, StatusKey, StatusErr lipgloss.Style
	HelpKey, HelpDesc, HelpSep   lipgloss.Style
}

// NewStyles turns a semantic Theme into Styles. Without colour (NO_COLOR
// or an ASCII profile) emphasis falls back to reverse, bold and underline
// so focus, selection and matches stay visible. The styles render for
// colour profile p, whatever Lip Gloss's package-level renderer says.
func NewStyles(th Theme, p termenv.Profile) Styles {
	r := styleRenderer(p)
	st := func() lipgloss.Style { return r.NewStyle() }
	s := Styles{Theme: th}
	s.Text = st().Foreground(th.Text)
	s.Muted = st().Foreground(th.Muted)
	s.Subtle = st().Foreground(th.Subtle)
	s.Accent = st().Foreground(th.Accent)
	s.Warn = st().Foreground(th.Warn)
	s.Match = st().Foreground(th.Match).Bold(true)
	s.MatchCurrent = st().Foreground(th.Match).Bold(true).Reverse(true)

	s.Date = st().Foreground(th.Muted)
	s.Source = st().Foreground(th.Accent)
	s.Title = st().Foreground(th.Text)
	s.Snippet = st().Foreground(th.Muted)
	s.Cursor = st().Background(th.Selected).Foreground(th.Text).Bold(true)
	s.CursorBlur = st().Background(th.Selected)

	s.Border = st().Foreground(th.Border)
	s.BorderFocused = st().Foreground(th.Accent)
	s.PaneTitle = st().Foreground(th.Muted)
	s.PaneTitleFocused = st().Foreground(th.Accent).Bold(true)

	s.Bar = st().Foreground(th.Accent)
	s.BarEmpty = st().Foreground(th.Subtle)
	s.BarHit = st().Foreground(th.Match).Bold(true)
	s.TimeCursor = st().Reverse(true)
	s.TimeSelected = st().Foreground(th.Speech).Bold(true)
	s.Year = st().Foreground(th.Muted)

	s.Status = st().Foreground(th.Muted)
	s.StatusKey = st().Foreground(th.Accent)
	s.StatusErr = st().Foreground(th.Warn).Bold(true)
	s.HelpKey = st().Foreground(th.Muted)
	s.HelpDesc = st().Foreground(th.Subtle)
	s.HelpSep = st().Foreground(th.Subtle)

	if th.NoColor {
		s.Match = st().Bold(true).Underline(true)
		s.MatchCurrent = st().Bold(true).Reverse(true)
		s.Cursor = st().Reverse(true)
		s.CursorBlur = st().Underline(true)
		s.BorderFocused = st().Bold(true)
		s.PaneTitleFocused = st().Bold(true)
		s.BarHit = st().Bold(true)
		s.TimeSelected = st().Bold(true)
		s.StatusErr = st().Bold(true)
	}
	return s
}
