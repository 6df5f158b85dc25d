package model

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"dossier/corpus"
	"dossier/model/reading"
	"dossier/ui"
)

// TestFlow drives the real program the way a reader would and waits on
// the screen between steps; it never sleeps.
func TestFlow(t *testing.T) {
	arts := []corpus.Article{
		art("newest", 2024, 3, 1, "Newest story"),
		art("jan22", 2022, 1, 10, "January story"),
		art("jun21", 2021, 6, 1, "June story"),
		art("may21", 2021, 5, 1, "May story"),
	}
	m := New(Options{Articles: arts, Theme: ui.DarkTheme(), Source: "flow"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("[Articles 1/4]")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	wait("[Articles 2/4]")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("Articles 2/4 ─") // the list has lost focus to the article
	tm.Send(keyMsg("n"))
	wait("Articles 3/4 ─")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	wait("[Articles 3/4]")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	wait("[Timeline 2021–2024 · 2021-06: 1]")
	tm.Send(keyMsg("L"))
	wait("[Timeline 2021–2024 · 2022-06: 0]")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("filter 2022 (1)")
	tm.Send(keyMsg("q"))

	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if fm.Focus() != reading.FocusTimeline || fm.Filter() != "2022" || fm.Len() != 1 || fm.Selected().ID != "jan22" {
		t.Fatalf("final: focus %v filter %q len %d selected %v", fm.Focus(), fm.Filter(), fm.Len(), fm.Selected())
	}
	if fm.timeline().Cursor() != month(2022, 6) {
		t.Fatalf("final cursor %s", corpus.MonthDate(fm.timeline().Cursor()).Text())
	}
}
