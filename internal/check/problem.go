// Package check owns every rule the site must pass before and after Hugo runs:
// the front matter schema of each page, internal links and #anchors, the
// strict Content Security Policy rules, and the page weight budget. Each rule
// returns Problems; it never writes anything.
package check

import (
	"fmt"
	"sort"
	"strings"
)

// A Problem is one thing wrong with the input, tied to the file (and line)
// a person has to open to fix it.
type Problem struct {
	Path    string
	Line    int
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Message)
}

// Problems is an error holding every problem found, so one run reports them all.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by file, then line, so reports are stable.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Path != ps[j].Path {
			return ps[i].Path < ps[j].Path
		}
		return ps[i].Line < ps[j].Line
	})
}

// Err returns nil when there are no problems, so callers can write
// `if err := ps.Err(); err != nil`.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.Sort()
	return ps
}
