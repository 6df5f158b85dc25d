package common

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// Remap sets, in the key map km points to, the keys of each action named
// in m to m's, and its help to show them: a config file's keys. An action is the
// lower-case name of a KeyMap field ("quit", "nextpane"); a pane's, the
// path to it through the nested key maps ("list.down", "article.nextmatch",
// "line.cancel"). The error names the first unknown action, in name order,
// and what is allowed there. Found by reflection, so a key a pane adds is
// remappable at once.
func Remap(km any, m map[string][]string) error {
	if p := reflect.ValueOf(km); p.Kind() != reflect.Pointer || p.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("remap: %T is not a pointer to a key map", km)
	}
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
		v, prefix := reflect.ValueOf(km).Elem(), ""
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
					return fmt.Errorf("%s: unknown action (%s is a key, not a pane)", name, strings.TrimSuffix(prefix, "."))
				}
				return fmt.Errorf("%s: unknown action (want %s)", name, allowed(v, prefix))
			}
			v, prefix = next, prefix+part+"."
		}
		if v.Type() != bindingType {
			return fmt.Errorf("%s: unknown action (want %s)", name, allowed(v, prefix))
		}
		keys := m[name]
		if len(keys) == 0 || slices.Contains(keys, "") {
			return fmt.Errorf("%s: want one key or more, none empty", name)
		}
		kb := v.Addr().Interface().(*key.Binding)
		kb.SetKeys(keys...)
		kb.SetHelp(strings.Join(keys, "/"), kb.Help().Desc)
	}
	return nil
}
