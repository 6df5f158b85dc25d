package main

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// TestConfigKeysReachReader: with quit remapped to x in the config file,
// x quits the reader on a real terminal.
func TestConfigKeysReachReader(t *testing.T) {
	writeConfig(t, "theme: notty\nkeys:\n  quit: [x]\n")
	master, tty := openPTY(t)
	stdin := os.Stdin
	os.Stdin = tty
	defer func() { os.Stdin = stdin }()
	master.Write([]byte("x"))

	var errb bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- run([]string{"--state", "off"}, tty, &errb) }()
	select {
	case got := <-code:
		if got != exitOK {
			t.Fatalf("exit %d, stderr %q", got, errb.String())
		}
	case <-time.After(time.Minute): // a hang guard
		t.Fatal("x did not quit the reader")
	}
}
