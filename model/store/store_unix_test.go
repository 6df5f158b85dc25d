//go:build unix

package store

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitPending waits until sv holds n changes not yet written: a Save
// started in a goroutine has recorded its change.
func waitPending(t *testing.T, sv *Saver, n int) {
	t.Helper()
	guard := time.Now().Add(30 * time.Second) // a hang guard, not a timing
	for {
		sv.mu.Lock()
		got := len(sv.pending)
		sv.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(guard) {
			t.Fatalf("pending = %d, want %d", got, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// holdLock takes the state's lock as another reader saving would.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(unlock) }
	t.Cleanup(release)
	return release
}

// TestCloseFinishesBlockedSave: a save blocked by another reader holding
// the lock, as when the program quits right after m, is done by Close.
func TestCloseFinishesBlockedSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	release := holdLock(t, path)
	sv := &Saver{Path: path}
	saved := make(chan error, 1)
	go func() { saved <- sv.Save(1, Change{Corpus: "k", ID: "x", Bookmark: true, On: true}) }()
	waitPending(t, sv, 1)
	closed := make(chan error, 1)
	go func() { closed <- sv.Close(time.Hour) }()
	select {
	case err := <-closed:
		t.Fatalf("Close returned while the lock was held: %v", err)
	default:
	}
	release()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Close hung after the lock was released")
	}
	if err := <-saved; err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil || !got.For("k").Bookmarks["x"] {
		t.Fatalf("after Close: %+v, %v", got.For("k"), err)
	}
}

// TestCloseReports: Close says so when the lock stays held past its bound,
// and when the last save failed.
func TestCloseReports(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	release := holdLock(t, path)
	sv := &Saver{Path: path}
	saved := make(chan error, 1)
	go func() { saved <- sv.Save(1, Change{Corpus: "k", ID: "x", Bookmark: true, On: true}) }()
	waitPending(t, sv, 1)
	err := sv.Close(time.Millisecond) // the lock is held throughout: the bound is what ends it
	if err == nil || !strings.Contains(err.Error(), "bookmarks not saved: another dossier held the state file's lock") {
		t.Fatalf("held lock: err = %v", err)
	}
	release()
	<-saved

	os.WriteFile(path, []byte("{garbage"), 0o600)
	sv.Save(2, Change{Corpus: "k", ID: "y", On: true}) // fails: the file is bad
	err = sv.Close(time.Hour)
	if err == nil || !strings.Contains(err.Error(), "read marks not saved: the file became not valid JSON") {
		t.Fatalf("bad file: err = %v", err)
	}
}
