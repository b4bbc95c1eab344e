package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/commands"

	"github.com/esosite/esosite/internal/check"
)

// hugoMu serialises Hugo runs: Hugo logs to the process's os.Stderr, which
// runHugo borrows for the length of one run.
var hugoMu sync.Mutex

// hugo runs one Hugo command in-process on the workspace and turns anything
// it logs as a warning or error into Problems naming the person's own files.
func (ws *workspace) hugo(args ...string) error {
	full := append([]string{}, args...)
	full = append(full, "--source", ws.source, "--config", ws.config,
		"--configDir", ws.dir+"/no-config-dir", "--logLevel", "warn",
		"--printI18nWarnings", "--printPathWarnings")
	log, err := runHugo(full, nil)
	return ws.hugoProblems(log, err)
}

// runHugo calls Hugo's own command line in this process. Its output is
// captured (and copied to tee when set); a panic inside Hugo becomes an error.
func runHugo(args []string, tee io.Writer) (log string, err error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	r, w, perr := os.Pipe()
	if perr != nil {
		return "", perr
	}
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		dst := io.Writer(&buf)
		if tee != nil {
			dst = io.MultiWriter(&buf, tee)
		}
		io.Copy(dst, r)
		close(done)
	}()
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("Hugo stopped unexpectedly: %v", p)
		}
		os.Stdout, os.Stderr = stdout, stderr
		w.Close()
		<-done
		r.Close()
		log = buf.String()
	}()
	err = commands.Execute(args)
	return
}

// Hugo's log lines start with the level; errors carry "path:line:col".
var (
	logLevel = regexp.MustCompile(`^(WARN|ERROR)\s+`)
	// A position Hugo quotes inside a message: "path:line:col": rest.
	quotedPos = regexp.MustCompile(`"([^"]+?):(\d+):\d+": (.*)$`)
	// A message that starts with a position: path:line:col: rest.
	leadingPos = regexp.MustCompile(`^([^"\s:]+\.[A-Za-z]+):(\d+)(?::\d+)?:\s*(.*)$`)
)

// hugoProblems turns Hugo's warnings, errors and failure into Problems.
func (ws *workspace) hugoProblems(log string, runErr error) error {
	var ps check.Problems
	seen := map[string]bool{}
	add := func(msg string) {
		msg = strings.TrimSpace(ws.rewritePaths(msg))
		if msg == "" || seen[msg] {
			return
		}
		seen[msg] = true
		p := toProblem(msg)
		p.Message = ws.hint(p.Message)
		ps = append(ps, p)
	}
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := logLevel.FindStringSubmatch(line); m != nil {
			add(strings.TrimSpace(line[len(m[0]):]))
		}
	}
	if runErr != nil {
		for _, part := range splitHugoError(runErr) {
			add(part)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// splitHugoError breaks Hugo's joined errors into one message each.
func splitHugoError(err error) []string {
	var parts []string
	var multi interface{ Unwrap() []error }
	if errors.As(err, &multi) {
		for _, e := range multi.Unwrap() {
			parts = append(parts, splitHugoError(e)...)
		}
		return parts
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "Error: ")
	msg = strings.TrimPrefix(msg, "error building site: ")
	return []string{msg}
}

// toProblem finds the file and line in a Hugo message such as
// `"/site/content/en/p.md:2:8": [1:8] sequence end token ']' not found`.
func toProblem(msg string) check.Problem {
	m := quotedPos.FindStringSubmatch(msg)
	if m == nil {
		m = leadingPos.FindStringSubmatch(msg)
	}
	if m != nil {
		line := 0
		fmt.Sscanf(m[2], "%d", &line)
		return check.Problem{Path: m[1], Line: line, Message: strings.TrimSpace(m[3])}
	}
	return check.Problem{Path: "hugo", Message: msg}
}
