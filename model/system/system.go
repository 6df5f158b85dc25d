// Package system is what the reader asks of the world outside the
// terminal: a browser for a link, the clipboard for a citation, an editor
// for a file. Each is a tea.Cmd that never blocks the UI; failures come
// back as common.NotedMsg for the status line.
package system

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/atotto/clipboard"
	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/model/common"
)

// EditedMsg says the editor has exited.
type EditedMsg struct{ Err error }

// opener is the command that opens a URL: $BROWSER, else the platform's.
func opener(url string) *exec.Cmd {
	if b := strings.Fields(os.Getenv("BROWSER")); len(b) > 0 {
		return exec.Command(b[0], append(b[1:], url)...)
	}
	switch runtime.GOOS {
	case "darwin":
		return exec.Command("open", url)
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	}
	return exec.Command("xdg-open", url)
}

// OpenURL opens url in the browser. The browser is started, not waited
// for; its output is discarded so it never draws over the reader.
func OpenURL(url string) tea.Cmd {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return common.Emit(common.NotedMsg{Text: "no web link to open"})
	}
	return func() tea.Msg {
		c := opener(url)
		c.Stdin, c.Stdout, c.Stderr = nil, nil, nil
		if err := c.Start(); err != nil {
			return common.NotedMsg{Text: "open: " + err.Error()}
		}
		go c.Wait() //nolint:errcheck // the browser's exit is not the reader's concern
		return common.NotedMsg{Text: "opened " + url}
	}
}

// Copy puts text on the clipboard: as an OSC 52 sequence written to w, the
// terminal (through tmux or screen when the reader runs in one), and by
// the system clipboard where there is one. The text is base64 inside the
// sequence, so nothing in it reaches the terminal raw.
func Copy(w io.Writer, text, what string) tea.Cmd {
	return func() tea.Msg {
		var errs []error
		if w != nil {
			seq := osc52.New(text)
			switch {
			case os.Getenv("TMUX") != "":
				seq = seq.Tmux()
			case strings.HasPrefix(os.Getenv("TERM"), "screen"):
				seq = seq.Screen()
			}
			if _, err := seq.WriteTo(w); err != nil {
				errs = append(errs, err)
			}
		}
		if !clipboard.Unsupported {
			if err := clipboard.WriteAll(text); err != nil && w == nil {
				errs = append(errs, err)
			}
		}
		if err := errors.Join(errs...); err != nil {
			return common.NotedMsg{Text: "copy: " + err.Error()}
		}
		return common.NotedMsg{Text: fmt.Sprintf("copied %s (%d characters)", what, len([]rune(text)))}
	}
}

// Edit opens file in $VISUAL or $EDITOR (vi without either); the reader
// suspends while it runs and resumes when it exits.
func Edit(file string) tea.Cmd {
	if _, err := os.Stat(file); file == "" || err != nil {
		return common.Emit(common.NotedMsg{Text: "no file to edit: the article is built in"})
	}
	ed := strings.Fields(os.Getenv("VISUAL"))
	if len(ed) == 0 {
		ed = strings.Fields(os.Getenv("EDITOR"))
	}
	if len(ed) == 0 {
		ed = []string{"vi"}
	}
	c := exec.Command(ed[0], append(ed[1:], file)...)
	return tea.ExecProcess(c, func(err error) tea.Msg { return EditedMsg{Err: err} })
}

// Export writes a reading list with write to a new file in dir (the
// working folder when ""), named for the time, and says where. An
// existing file is never overwritten.
func Export(dir string, write func(io.Writer) error) tea.Cmd {
	return func() tea.Msg {
		base := filepath.Join(dir, "dossier-"+time.Now().Format("2006-01-02-150405"))
		name := base + ".md"
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		for i := 2; errors.Is(err, fs.ErrExist) && i < 100; i++ {
			name = fmt.Sprintf("%s-%d.md", base, i)
			f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
		if err != nil {
			return common.NotedMsg{Text: "export: " + err.Error()}
		}
		werr := write(f)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(name)
			return common.NotedMsg{Text: "export: " + werr.Error()}
		}
		return common.NotedMsg{Text: "wrote " + name}
	}
}
