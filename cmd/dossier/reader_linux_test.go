package main

import (
	"bytes"
	"dossier/corpus/synth"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair, its size set to 120×40, and
// drains what is drawn on it.
func openPTY(t testing.TB) (master, tty *os.File) {
	t.Helper()
	master, tty = rawPTY(t)
	go io.Copy(io.Discard, master) // what the reader draws
	return master, tty
}

// rawPTY opens a pseudo-terminal pair, its size set to 120×40; what is
// drawn on it is for the caller to read.
func rawPTY(t testing.TB) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here:", err)
	}
	t.Cleanup(func() { master.Close() })
	ioctl := func(f *os.File, req uintptr, arg unsafe.Pointer) {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), req, uintptr(arg)); e != 0 {
			t.Skip("pseudo-terminal ioctl:", e)
		}
	}
	var unlock int32
	ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock))
	var n uint32
	ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n))
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here:", err)
	}
	t.Cleanup(func() { tty.Close() })
	ws := [4]uint16{40, 120, 0, 0}
	ioctl(tty, syscall.TIOCSWINSZ, unsafe.Pointer(&ws))
	return master, tty
}

// TestQuitWithSavePending: m then q while another reader holds the state
// lock. The bookmark is either saved or reported, never lost in silence.
func TestQuitWithSavePending(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	lock, err := os.OpenFile(state+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	master, tty := openPTY(t)
	stdin := os.Stdin
	os.Stdin = tty
	defer func() { os.Stdin = stdin }()
	master.Write([]byte("mq"))

	var errb bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- run([]string{"--theme", "dark", "--state", state}, tty, &errb) }()
	var got int
	select {
	case got = <-code:
	case <-time.After(time.Minute): // a hang guard
		t.Fatal("the reader did not quit")
	}
	t.Logf("exit %d, stderr %q", got, errb.String())
	saved, _ := os.ReadFile(state)
	if got == exitOK || !strings.Contains(errb.String(), "bookmarks not saved") || len(saved) != 0 {
		t.Fatalf("exit %d, stderr %q, state %q: the pending bookmark was lost in silence", got, errb.String(), saved)
	}
}

// TestQuitDuringLoad: q while a folder is still loading ends the reader,
// and the load with it: a load cut short writes no cache (a whole one,
// from a load that went on, would be there).
func TestQuitDuringLoad(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 1, 4000); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	master, tty := openPTY(t)
	stdin := os.Stdin
	os.Stdin = tty
	defer func() { os.Stdin = stdin }()
	master.Write([]byte("q"))

	var errb bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- run([]string{"--theme", "dark", "--state", "off", dir}, tty, &errb) }()
	select {
	case got := <-code:
		if got != exitOK {
			t.Fatalf("exit %d, stderr %q", got, errb.String())
		}
	case <-time.After(time.Minute): // a hang guard
		t.Fatal("the reader did not quit")
	}
	time.Sleep(3 * time.Second) // a load still running would get on with it
	ents, _ := os.ReadDir(filepath.Join(cache, "dossier"))
	for _, e := range ents {
		if fi, err := e.Info(); err == nil && fi.Size() > 0 && !strings.HasPrefix(e.Name(), ".") {
			t.Fatalf("a cache %s (%d bytes) was written by a load that should have stopped", e.Name(), fi.Size())
		}
	}
}
