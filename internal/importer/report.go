package importer

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// A Report is what one import found and did, for the person running it.
type Report struct {
	Input, Output, Glossary                   string
	Headings, Lists, Quotes, Footnotes, Empty int
	Terms                                     int
	Fixes                                     []Fix
	Warnings, Dropped                         []Notice
}

func (r *Report) count(doc *Document) {
	for _, b := range doc.Blocks {
		switch b.Kind {
		case Heading:
			r.Headings++
		case List:
			r.Lists++
		case Quote:
			r.Quotes++
		}
	}
	r.Footnotes = len(doc.Refs)
	for _, ref := range doc.Refs {
		if len(ref.Spans) == 0 {
			r.Empty++
		}
	}
	r.Terms = len(doc.Terms)
}

// Summary is the one-line account:
// "a.txt → out/a.md: 9 headings, 6 lists, 5 quotes, 17 footnotes (8 empty),
// 17 terms, 3 repairs (cp1252 2, gbk 1), 2 chrome dropped, 11 warnings".
func (r *Report) Summary() string {
	parts := []string{
		plural(r.Headings, "heading"), plural(r.Lists, "list"), plural(r.Quotes, "quote"),
		plural(r.Footnotes, "footnote"),
	}
	if r.Empty > 0 {
		parts[3] += fmt.Sprintf(" (%d empty)", r.Empty)
	}
	parts = append(parts, plural(r.Terms, "term"))
	rep := plural(len(r.Fixes), "repair")
	if len(r.Fixes) > 0 {
		var kinds []string
		for _, k := range fixKinds {
			if n := len(r.fixLines(k)); n > 0 {
				kinds = append(kinds, fmt.Sprintf("%s %d", k, r.fixCount(k)))
			}
		}
		rep += " (" + strings.Join(kinds, ", ") + ")"
	}
	parts = append(parts, rep, fmt.Sprintf("%d chrome dropped", len(r.Dropped)), plural(len(r.Warnings), "warning"))
	s := fmt.Sprintf("%s → %s: %s", r.Input, r.Output, strings.Join(parts, ", "))
	if r.Glossary != "" {
		s += "; glossary → " + r.Glossary
	}
	return s
}

// Write prints the summary, then each warning, each dropped piece of chrome
// and, per kind, the lines that had repairs, all as "path:line: message".
func (r *Report) Write(w io.Writer) {
	fmt.Fprintln(w, r.Summary())
	for _, n := range r.Warnings {
		fmt.Fprintln(w, n.format(r.Input))
	}
	for _, n := range r.Dropped {
		fmt.Fprintln(w, n.format(r.Input))
	}
	for _, k := range fixKinds {
		if lines := r.fixLines(k); len(lines) > 0 {
			fmt.Fprintf(w, "%s: %s repairs on lines %s\n", r.Input, k, ranges(lines))
		}
	}
}

func (r *Report) fixCount(k FixKind) int {
	n := 0
	for _, f := range r.Fixes {
		if f.Kind == k {
			n++
		}
	}
	return n
}

func (r *Report) fixLines(k FixKind) []int {
	seen := map[int]bool{}
	var lines []int
	for _, f := range r.Fixes {
		if f.Kind == k && !seen[f.Line] {
			seen[f.Line] = true
			lines = append(lines, f.Line)
		}
	}
	sort.Ints(lines)
	return lines
}

// ranges writes sorted line numbers compactly: "3, 5, 9-12".
func ranges(lines []int) string {
	var parts []string
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(lines[i])+"-"+strconv.Itoa(lines[j]))
		} else {
			parts = append(parts, strconv.Itoa(lines[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
