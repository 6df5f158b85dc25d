package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"dossier/model/keymap"
)

// The config file is YAML, as glow's is: the Charm tools a dossier user
// knows write theirs so, and the module already reads YAML front matter.
// It holds four keys:
//
//	theme: auto            # auto, dark, light or notty (no colour)
//	corpus: ~/news         # the folder read when no PATH or --corpus is given
//	width: 90              # the widest an article is rendered
//	keys:                  # the reader's keys, by action
//	  quit: [q, ctrl+c]
//	  list.down: [j, down]
//
// A flag beats the file. A file that cannot be read, an unknown key, a
// value out of range or an unknown action is one line naming the file and
// the key, and exit status 2: a setting silently ignored is a surprise
// found much later.

// defaultWidth is the widest an article is rendered unless told; the
// file and --width may say from minWidth to maxWidth.
const (
	defaultWidth = 100
	minWidth     = 20
	maxWidth     = 1000
)

// maxConfigSize bounds the file read; a settings file is a few lines.
const maxConfigSize = 1 << 20

var themes = []string{"auto", "dark", "light", "notty"}

// readsConfig names the commands the file's settings apply to, besides
// the reader; help, man and completions never fail for a bad file.
var readsConfig = map[string]bool{"list": true, "show": true, "search": true, "quotes": true, "export": true, "config": true}

// config is what the file says; zero values are unset.
type config struct {
	path   string // the file read; "" when there is none
	theme  string
	corpus string
	width  int
	keys   map[string][]string
	keymap *keymap.KeyMap // the reader's keys with keys applied; nil without
}

// configPath is $XDG_CONFIG_HOME/dossier/config.yaml, or under ~/.config
// when XDG_CONFIG_HOME is unset or not absolute (as the XDG spec asks).
func configPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "dossier", "config.yaml")
}

// configError is a usage error about the file: "dossier: FILE: KEY: what".
func configError(path, key, format string, a ...any) error {
	msg := tilde(path) + ": "
	if key != "" {
		msg += key + ": "
	}
	return exitError{code: exitUsage, msg: msg + fmt.Sprintf(format, a...), bare: true}
}

// tilde writes a path under the home folder as ~/…, as people type it.
func tilde(path string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return path
	}
	if rest, ok := strings.CutPrefix(path, home+string(filepath.Separator)); ok {
		return "~" + string(filepath.Separator) + rest
	}
	return path
}

// loadConfig reads the file at path; a missing file is no settings.
func loadConfig(path string) (config, error) {
	cfg := config{}
	if path == "" {
		return cfg, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, configError(path, "", "cannot read: %s", bareError(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return cfg, configError(path, "", "cannot read: %s", bareError(err))
	}
	if len(b) > maxConfigSize {
		return cfg, configError(path, "", "larger than %d KB; is it the right file?", maxConfigSize>>10)
	}
	cfg.path = path
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return cfg, configError(path, "", "%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return cfg, nil // empty, or only comments
	}
	root := deref(doc.Content[0])
	if isNull(root) {
		return cfg, nil
	}
	if root.Kind != yaml.MappingNode {
		return cfg, configError(path, "", "want settings as key: value lines (theme, corpus, width, keys)")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		name, v := root.Content[i].Value, deref(root.Content[i+1])
		if seen[name] {
			return cfg, configError(path, name, "given twice")
		}
		seen[name] = true
		if isNull(v) {
			continue // "corpus:" with nothing after it: unset
		}
		if err := cfg.set(name, v); err != nil {
			return cfg, configError(path, "", "%s", err)
		}
	}
	if cfg.keys != nil {
		km, err := keymap.Remap(keymap.Default(), cfg.keys)
		if err != nil { // checked one by one in set; kept for the map as a whole
			return cfg, configError(path, "keys", "%s", err)
		}
		cfg.keymap = &km
	}
	return cfg, nil
}

// set reads one top-level key. The error names the key, keys.ACTION for
// an action's, and says what is allowed.
func (cfg *config) set(name string, v *yaml.Node) error {
	if err := cfg.setValue(name, v); err != nil {
		if name == "keys" && v.Kind == yaml.MappingNode {
			return fmt.Errorf("keys.%w", err) // keys.quitt: unknown action
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (cfg *config) setValue(name string, v *yaml.Node) error {
	switch name {
	case "theme":
		s, ok := scalar(v)
		if !ok || !slices.Contains(themes, s) {
			return fmt.Errorf("%s: want %s", quoted(v), orList(themes))
		}
		cfg.theme = s
	case "corpus":
		s, ok := scalar(v)
		if !ok || s == "" {
			return fmt.Errorf("%s: want the path of a file or folder", quoted(v))
		}
		cfg.corpus = expandPath(s, filepath.Dir(cfg.path))
	case "width":
		var n int
		if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil || n < minWidth || n > maxWidth {
			return fmt.Errorf("%s: want a number of columns from %d to %d", quoted(v), minWidth, maxWidth)
		}
		cfg.width = n
	case "keys":
		if v.Kind != yaml.MappingNode {
			return fmt.Errorf("want actions and their keys, as quit: [q, ctrl+c]")
		}
		cfg.keys = map[string][]string{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			action, kv := v.Content[i].Value, deref(v.Content[i+1])
			if _, dup := cfg.keys[action]; dup {
				return fmt.Errorf("%s: given twice", action)
			}
			keys, ok := keyList(kv)
			if !ok {
				return fmt.Errorf("%s: want a key or a list of keys, as [q, ctrl+c]", action)
			}
			// One at a time, so the error is the first in the file.
			if _, err := keymap.Remap(keymap.Default(), map[string][]string{action: keys}); err != nil {
				return err
			}
			cfg.keys[action] = keys
		}
	default:
		return fmt.Errorf("unknown key (want theme, corpus, width or keys)")
	}
	return nil
}

// apply sets what the file says where no flag has: the corpus for every
// command, the theme and keys for the reader, theme and width for show.
func (cfg config) apply(cmd, root *cobra.Command, c *commonFlags, rf *readerFlags) {
	changed := cmd.Flags().Changed
	if cfg.corpus != "" && !changed("corpus") {
		c.corpus = cfg.corpus // a PATH argument still beats it, later
	}
	if cfg.theme != "" {
		c.theme = cfg.theme
		if cmd == root && !changed("theme") {
			rf.theme = cfg.theme
		}
	}
	if cfg.width > 0 && !changed("width") {
		c.width = cfg.width
	}
	rf.keys = cfg.keymap
}

// bareError is err without the path the message already names.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// deref follows a YAML alias to what it names.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// scalar is a string value; a list or a map is not one.
func scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

// keyList reads [q, ctrl+c], or a single key written alone.
func keyList(n *yaml.Node) ([]string, bool) {
	if s, ok := scalar(n); ok {
		return []string{s}, true
	}
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	var keys []string
	for _, e := range n.Content {
		s, ok := scalar(deref(e))
		if !ok {
			return nil, false
		}
		keys = append(keys, s)
	}
	return keys, true
}

// quoted is a value as the file gives it, for an error: "pink", "[a, b]".
func quoted(n *yaml.Node) string {
	if s, ok := scalar(n); ok {
		return fmt.Sprintf("%q", s)
	}
	return "a " + map[yaml.Kind]string{yaml.SequenceNode: "list", yaml.MappingNode: "map"}[n.Kind]
}

// expandPath reads ~/ as the home folder and a relative path as relative
// to the config file's folder, so the setting means one place wherever
// dossier is run from.
func expandPath(p, base string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	if !filepath.IsAbs(p) && base != "" {
		return filepath.Join(base, p)
	}
	return p
}

// configCommand prints where the file is looked for and the settings in
// force, as a config file would say them.
func configCommand(cfg *config, c *commonFlags, stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "print the config file's path and the settings in force",
		Long: `Print where dossier looks for its config file ($XDG_CONFIG_HOME/dossier/config.yaml,
else ~/.config/dossier/config.yaml) and the settings in force, in the file's
own form: theme (auto, dark, light or notty), corpus, width, and keys, a map
of the reader's actions to their keys (quit: [q, ctrl+c], list.down: [j]).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path := configPath()
			var b strings.Builder
			switch {
			case path == "":
				b.WriteString("# no config file: no home folder\n")
			case cfg.path == "":
				fmt.Fprintf(&b, "# %s (none; these are the defaults)\n", tilde(path))
			default:
				fmt.Fprintf(&b, "# %s\n", tilde(path))
			}
			theme := orDefault(cfg.theme, "auto")
			out := struct {
				Theme  string              `yaml:"theme"`
				Corpus string              `yaml:"corpus"`
				Width  int                 `yaml:"width"`
				Keys   map[string][]string `yaml:"keys,flow,omitempty"`
			}{theme, c.corpus, c.articleWidth(), cfg.keys}
			y, err := yaml.Marshal(out)
			if err != nil {
				return fail("%s", err)
			}
			b.Write(y)
			if c.corpus == "" {
				b.WriteString("# corpus \"\": the embedded articles\n")
			}
			_, err = io.WriteString(stdout, b.String())
			return err
		},
	}
}

// orDefault is s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
