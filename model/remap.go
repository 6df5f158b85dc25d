package model

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

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
