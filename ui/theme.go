// Package ui draws dossier's screens: a semantic Theme turned into Styles
// once, and functions of (data, Styles, width, height) that return strings.
// It does no I/O and holds no tea.Model.
package ui

import "github.com/charmbracelet/lipgloss"

// Theme is a palette of semantic colours, chosen once before the program
// starts: light or dark is never queried while it runs.
type Theme struct {
	Name    string // "dark", "light" or "none"
	Dark    bool
	NoColor bool // NO_COLOR or an ASCII profile: styles use bold/underline/reverse only

	Text, Muted, Subtle      lipgloss.TerminalColor
	Accent, Border, Selected lipgloss.TerminalColor
	Speech, Speaker, Term    lipgloss.TerminalColor
	Pull, Match, Warn        lipgloss.TerminalColor
}

// DarkTheme is for dark backgrounds. ANSI 16 fallbacks are chosen by
// lipgloss from these hex values on 16-colour terminals.
func DarkTheme() Theme {
	return Theme{
		Name: "dark", Dark: true,
		Text: lipgloss.Color("#DDDDDD"), Muted: lipgloss.Color("#8A8A8A"), Subtle: lipgloss.Color("#4A4A4A"),
		Accent: lipgloss.Color("#7D9FFF"), Border: lipgloss.Color("#5A5A7A"), Selected: lipgloss.Color("#2E3A5C"),
		Speech: lipgloss.Color("#E6C07B"), Speaker: lipgloss.Color("#98C379"), Term: lipgloss.Color("#56B6C2"),
		Pull: lipgloss.Color("#C678DD"), Match: lipgloss.Color("#FF8F40"), Warn: lipgloss.Color("#E06C75"),
	}
}

// LightTheme is for light backgrounds.
func LightTheme() Theme {
	return Theme{
		Name: "light",
		Text: lipgloss.Color("#222222"), Muted: lipgloss.Color("#6A6A6A"), Subtle: lipgloss.Color("#BBBBBB"),
		Accent: lipgloss.Color("#2F55C9"), Border: lipgloss.Color("#9A9AB8"), Selected: lipgloss.Color("#DCE4FA"),
		Speech: lipgloss.Color("#8A5A00"), Speaker: lipgloss.Color("#2E7D32"), Term: lipgloss.Color("#00796B"),
		Pull: lipgloss.Color("#7B1FA2"), Match: lipgloss.Color("#C2410C"), Warn: lipgloss.Color("#B71C1C"),
	}
}

// PlainTheme has no colours at all, for NO_COLOR.
func PlainTheme() Theme {
	none := lipgloss.NoColor{}
	return Theme{Name: "none", NoColor: true,
		Text: none, Muted: none, Subtle: none, Accent: none, Border: none, Selected: none,
		Speech: none, Speaker: none, Term: none, Pull: none, Match: none, Warn: none}
}
