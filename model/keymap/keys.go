// Package keymap is every key the reader answers to, in one map: the
// global keys, which the root matches first, and each pane's own map,
// which the root hands the pane. Sections groups them as the help and
// the man page show them, and Remap applies a config file's keys.
package keymap

import (
	"github.com/charmbracelet/bubbles/key"

	"dossier/model/article"
	"dossier/model/common"
	"dossier/model/facets"
	"dossier/model/help"
	"dossier/model/list"
	"dossier/model/overlay"
	"dossier/model/quotes"
	"dossier/model/search"
	"dossier/model/skipped"
	"dossier/model/timeline"
)

// KeyMap is every key the reader answers to: the global keys, matched
// first, and each pane's own map, which the root hands the pane.
type KeyMap struct {
	NextPane, PrevPane, Search key.Binding
	Bookmark, BookmarksOnly    key.Binding
	Quotes, Facets, Skipped    key.Binding
	OpenLink, Copy, CopyCite   key.Binding
	Edit, Export               key.Binding
	NextUnread, MarkUnread     key.Binding
	NextArticle, PrevArticle   key.Binding
	Help, Quit                 key.Binding

	List     list.KeyMap
	Article  article.KeyMap
	Timeline timeline.KeyMap
	Line     search.KeyMap // the search line's
	Overlays overlay.KeyMaps
}

// Default returns the reader's keys.
func Default() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		NextPane:      b([]string{"tab"}, "tab", "next pane"),
		PrevPane:      b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Search:        b([]string{"/"}, "/", "search (in an article: find)"),
		Bookmark:      b([]string{"m"}, "m", "bookmark"),
		BookmarksOnly: b([]string{"M"}, "M", "bookmarks only"),
		Quotes:        b([]string{"Q"}, "Q", "who said what"),
		Facets:        b([]string{"F"}, "F", "filter by source, speaker, tag"),
		Skipped:       b([]string{"!"}, "!", "skipped files"),
		OpenLink:      b([]string{"o"}, "o", "open the source link"),
		Copy:          b([]string{"y"}, "y", "copy quote with citation"),
		CopyCite:      b([]string{"Y"}, "Y", "copy the citation"),
		Edit:          b([]string{"e"}, "e", "edit the file"),
		Export:        b([]string{"x"}, "x", "export the list as Markdown"),
		NextUnread:    b([]string{"u"}, "u", "next unread"),
		NextArticle:   b([]string{"J"}, "J", "next article"),
		PrevArticle:   b([]string{"K"}, "K", "previous article"),
		MarkUnread:    b([]string{"U"}, "U", "mark unread"),
		Help:          b([]string{"?"}, "?", "help"),
		Quit:          b([]string{"q", "ctrl+c"}, "q", "quit"),
		List:          list.DefaultKeyMap(),
		Article:       article.DefaultKeyMap(),
		Timeline:      timeline.DefaultKeyMap(),
		Line:          search.DefaultKeyMap(),
		Overlays: overlay.KeyMaps{Help: help.DefaultKeyMap(), Quotes: quotes.DefaultKeyMap(),
			Facets: facets.DefaultKeyMap(), Skipped: skipped.DefaultKeyMap()},
	}
}

// Sections is every key, grouped as the help shows them.
func (k KeyMap) Sections() []help.Section {
	flat := func(groups [][]key.Binding) (out []key.Binding) {
		for _, g := range groups {
			out = append(out, g...)
		}
		return out
	}
	return []help.Section{
		{Title: "List", Keys: flat(k.List.FullHelp())},
		{Title: "Article", Keys: flat(k.Article.FullHelp())},
		{Title: "Timeline", Keys: flat(k.Timeline.FullHelp())},
		{Title: "Everywhere", Keys: []key.Binding{k.NextPane, k.PrevPane, k.Search, k.NextArticle, k.PrevArticle, k.Quotes, k.Facets,
			k.Bookmark, k.BookmarksOnly, k.NextUnread, k.MarkUnread, k.Skipped, k.Help, k.Quit}},
		{Title: "Sources", Keys: []key.Binding{k.OpenLink, k.Copy, k.CopyCite, k.Edit, k.Export}},
		{Title: "Search line", Keys: flat(k.Line.FullHelp())},
		{Title: "Search words", Keys: queryHelp},
		{Title: "Who said what", Keys: k.Overlays.Quotes.ShortHelp()},
		{Title: "Facets", Keys: k.Overlays.Facets.ShortHelp()},
	}
}

// queryHelp is the query language, shown as the help shows keys: every
// word is fuzzy, and the rest narrow it, all AND-ed.
var queryHelp = func() []key.Binding {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	return []key.Binding{
		b("word", "fuzzy, any script or spelling"),
		b(`"a phrase"`, "these words in a row"),
		b("-word", "without it"),
		b("speaker:NAME", "quotes by NAME"),
		b("source:NAME", "from that outlet"),
		b("tag:NAME", "a front-matter tag"),
		b("since:2022-03", "on or after (year, month or day)"),
		b("until:2023", "on or before"),
	}
}()

// FullHelp implements help.KeyMap: every key, a column per section.
func (k KeyMap) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, s := range k.Sections() {
		out = append(out, s.Keys)
	}
	return out
}

// ShortHelp implements help.KeyMap: the keys worth knowing first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.List.Down, k.List.Open, k.NextPane, k.Search, k.Help, k.Quit}
}

// Remap returns km with the keys of the actions named in m replaced,
// for the config file; see common.Remap for the names.
func Remap(km KeyMap, m map[string][]string) (KeyMap, error) {
	err := common.Remap(&km, m)
	return km, err
}
