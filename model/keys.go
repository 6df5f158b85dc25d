package model

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"dossier/model/article"
	"dossier/model/list"
	"dossier/model/search"
	"dossier/model/timeline"
)

// KeyMap is every key the reader answers to: the global keys, matched
// first, and each pane's own map, which the root hands the pane.
type KeyMap struct {
	NextPane, PrevPane, Search key.Binding
	Bookmark, BookmarksOnly    key.Binding
	Help, Quit                 key.Binding

	List     list.KeyMap
	Article  article.KeyMap
	Timeline timeline.KeyMap
	Line     search.KeyMap // the search line's
}

// DefaultKeyMap returns the reader's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		NextPane:      b([]string{"tab"}, "tab", "next pane"),
		PrevPane:      b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Search:        b([]string{"/"}, "/", "search"),
		Bookmark:      b([]string{"m"}, "m", "bookmark"),
		BookmarksOnly: b([]string{"M"}, "M", "bookmarks only"),
		Help:          b([]string{"?"}, "?", "help"),
		Quit:          b([]string{"q", "ctrl+c"}, "q", "quit"),
		List:          list.DefaultKeyMap(),
		Article:       article.DefaultKeyMap(),
		Timeline:      timeline.DefaultKeyMap(),
		Line:          search.DefaultKeyMap(),
	}
}

// RemapKeys returns km with the keys of each action named in m replaced by
// m's, and its help showing them: a config file's keys. An action is the
// lower-case name of a KeyMap field ("quit", "nextpane"); a pane's, the
// path to it through the nested key maps ("list.down", "article.nextmatch",
// "line.cancel"). The error names the first unknown action, in name order,
// and what is allowed there. Found by reflection, so a key a pane adds is
// remappable at once.
func RemapKeys(km KeyMap, m map[string][]string) (KeyMap, error) {
	bindingType := reflect.TypeFor[key.Binding]()
	// allowed lists what may follow prefix in v: its bindings, then its
	// nested maps as "pane.…".
	allowed := func(v reflect.Value, prefix string) string {
		var keys, panes []string
		for i := range v.NumField() {
			name := prefix + strings.ToLower(v.Type().Field(i).Name)
			switch f := v.Field(i); {
			case f.Type() == bindingType:
				keys = append(keys, name)
			case f.Kind() == reflect.Struct:
				panes = append(panes, name+".…")
			}
		}
		if len(panes) > 0 {
			keys = append(keys, strings.Join(panes, ", ")+" for a pane's keys")
		}
		return strings.Join(keys, ", ")
	}
	for _, name := range slices.Sorted(maps.Keys(m)) {
		v, prefix := reflect.ValueOf(&km).Elem(), ""
		for _, part := range strings.Split(name, ".") {
			next := reflect.Value{}
			if v.Kind() == reflect.Struct && v.Type() != bindingType {
				for i := range v.NumField() {
					if strings.ToLower(v.Type().Field(i).Name) == part {
						next = v.Field(i)
					}
				}
			}
			if !next.IsValid() {
				if v.Type() == bindingType {
					return km, fmt.Errorf("%s: unknown action (%s is a key, not a pane)", name, strings.TrimSuffix(prefix, "."))
				}
				return km, fmt.Errorf("%s: unknown action (want %s)", name, allowed(v, prefix))
			}
			v, prefix = next, prefix+part+"."
		}
		if v.Type() != bindingType {
			return km, fmt.Errorf("%s: unknown action (want %s)", name, allowed(v, prefix))
		}
		keys := m[name]
		if len(keys) == 0 || slices.Contains(keys, "") {
			return km, fmt.Errorf("%s: want one key or more, none empty", name)
		}
		kb := v.Addr().Interface().(*key.Binding)
		kb.SetKeys(keys...)
		kb.SetHelp(strings.Join(keys, "/"), kb.Help().Desc)
	}
	return km, nil
}

// ShortHelp implements help.KeyMap: the keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.List.Down, k.List.Open, k.NextPane, k.Search, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap: every key, a column per concern.
func (k KeyMap) FullHelp() [][]key.Binding {
	l, a, t := k.List, k.Article, k.Timeline
	return [][]key.Binding{
		{l.Up, l.Down, l.Top, l.Bottom, l.PageUp, l.PageDown},
		{l.Open, l.Back, l.Sort, k.Search, k.NextPane, k.Bookmark, k.BookmarksOnly},
		{a.NextArticle, a.PrevArticle, a.NextMatch, a.PrevMatch},
		{t.MonthPrev, t.MonthNext, t.YearPrev, t.YearNext, t.Filter, t.ClearFilter},
		{k.Help, k.Quit},
	}
}

// paneKeys are the few keys that matter in the focused pane, most useful
// first, for the status line.
func (m *Model) paneKeys() []key.Binding {
	switch {
	case m.search.Active():
		return m.search.ShortHelp()
	case m.focus == FocusTimeline:
		return m.keys.Timeline.ShortHelp()
	case m.focus == FocusArticle:
		return m.article.ShortHelp()
	}
	l := m.keys.List
	return []key.Binding{l.Down, l.Open, m.keys.Search, l.Sort, m.keys.NextPane}
}
