package model

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkListKey measures one key press on the list and the frame after
// it, over 100,000 articles: the cost a reader feels holding a key down.
// The plain cases time Update alone, the +View cases add the frame.
// Commands the press returns (the article render) run elsewhere and are
// not counted.
func BenchmarkListKey(b *testing.B) {
	m := newModel(b, synth(100_000), 120, 40)
	for _, bc := range []struct {
		name      string
		key, back tea.KeyMsg
		view      bool
	}{
		{"j", keyMsg("j"), keyMsg("g"), false},
		{"G", keyMsg("G"), keyMsg("g"), false},
		{"pgdn", keyMsg("pgdown"), keyMsg("g"), false},
		{"j+View", keyMsg("j"), keyMsg("g"), true},
		{"G+View", keyMsg("G"), keyMsg("g"), true},
		{"pgdn+View", keyMsg("pgdown"), keyMsg("g"), true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cur := m
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				k := bc.key
				if cur.list.Cursor() == cur.list.Len()-1 {
					k = bc.back
				}
				nm, _ := cur.Update(k)
				cur = nm.(Model)
				if bc.view {
					_ = cur.View()
				}
			}
		})
	}
}
