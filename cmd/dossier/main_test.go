package main

import (
	"os"
	"testing"
)

// TestMain points XDG_CONFIG_HOME and XDG_CACHE_HOME at empty folders:
// the tests must neither read the config file of whoever runs them nor
// write caches among theirs.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dossier-cmd-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir+"/config")
	os.Setenv("XDG_CACHE_HOME", dir+"/cache")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
