package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkFirstFrame is the wait a person has after typing dossier: from
// exec to the list on screen, the real binary on a pseudo-terminal of
// 120×40, the embedded corpus, the theme asked of the terminal as a user's
// default does. The harness answers the terminal queries as a terminal
// would (background colour, cursor position). It reports the median and the
// slowest start. DOSSIER_BIN names another build to time instead, to
// compare two in one run.
func BenchmarkFirstFrame(b *testing.B) {
	bin := os.Getenv("DOSSIER_BIN")
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "dossier")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
	}
	home := b.TempDir()
	env := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TERM=xterm-256color", "COLORTERM=truecolor",
		"LANG=C.UTF-8", "XDG_CONFIG_HOME=" + home, "XDG_CACHE_HOME=" + home, "XDG_STATE_HOME=" + home,
	}
	// The list's last seed title, drawn only once the frame is.
	want := []byte("Jeenbekov")
	var times []time.Duration
	for b.Loop() {
		master, tty := rawPTY(b)
		cmd := exec.Command(bin)
		cmd.Env = env
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		var seen bytes.Buffer
		buf := make([]byte, 64<<10)
		master.SetReadDeadline(time.Now().Add(10 * time.Second))
		for !bytes.Contains(seen.Bytes(), want) {
			n, err := master.Read(buf)
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				b.Fatalf("no list on screen: %v; drawn %q", err, seen.Bytes())
			}
			chunk := buf[:n]
			if bytes.Contains(chunk, []byte("\x1b]11;?")) {
				master.Write([]byte("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\"))
			}
			if bytes.Contains(chunk, []byte("\x1b[6n")) {
				master.Write([]byte("\x1b[1;1R"))
			}
			seen.Write(chunk)
		}
		times = append(times, time.Since(start))
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
		tty.Close()
	}
	b.StopTimer()
	slices.Sort(times)
	if len(times) > 0 {
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
		b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	}
}
