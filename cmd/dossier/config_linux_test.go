package main

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// TestConfigKeysReachReader: with quit remapped to Z in the config file,
// Z quits the reader on a real terminal.
func TestConfigKeysReachReader(t *testing.T) {
	writeConfig(t, "theme: notty\nkeys:\n  quit: [Z]\n")
	master, tty := openPTY(t)
	stdin := os.Stdin
	os.Stdin = tty
	defer func() { os.Stdin = stdin }()
	master.Write([]byte("Z")) // a key no other action has, here or on main

	var errb bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- run([]string{"--state", "off"}, tty, &errb) }()
	select {
	case got := <-code:
		if got != exitOK {
			t.Fatalf("exit %d, stderr %q", got, errb.String())
		}
	case <-time.After(time.Minute): // a hang guard
		t.Fatal("Z did not quit the reader")
	}
}
