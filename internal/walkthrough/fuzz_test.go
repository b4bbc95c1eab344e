package walkthrough

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds the walkthrough loader and validator any graph and any
// English and Welsh words: they must never panic, and every problem must
// name one of the files and a line it has (or none, for a missing file).
func FuzzLoad(f *testing.F) {
	graph, err := os.ReadFile("../../" + GraphFile)
	if err != nil {
		f.Fatal(err)
	}
	en, err := os.ReadFile("../../" + TextDir + "/en.yaml")
	if err != nil {
		f.Fatal(err)
	}
	cy, err := os.ReadFile("../../" + TextDir + "/cy.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(graph, en, cy)
	f.Add([]byte("start: a\nnodes:\n  - id: a\n    kind: question\n    answers:\n      - {id: x, to: a}\n"), []byte("nodes: {a: {title: T}}\n"), []byte("translation: 1\n"))
	f.Add([]byte("nodes: [1, [2], {id: }]\nstages: {a: b}\n"), []byte("- a\n"), []byte("nodes: [\n"))
	f.Add([]byte("start: x\nstart: y\nreview: [1]\nsources: a\n"), []byte("stages: [a]\nnodes: {x: 1}\n"), []byte(""))
	f.Fuzz(func(t *testing.T, graph, en, cy []byte) {
		fsys := fstest.MapFS{
			GraphFile:            {Data: graph},
			TextDir + "/en.yaml": {Data: en},
			TextDir + "/cy.yaml": {Data: cy},
		}
		lines := map[string]int{
			GraphFile:            lineCount(graph),
			TextDir + "/en.yaml": lineCount(en),
			TextDir + "/cy.yaml": lineCount(cy),
		}
		for _, p := range Check(fsys, []string{"cy", "en"}) {
			n, ok := lines[p.Path]
			if !ok || p.Line < 0 || p.Line > n {
				t.Errorf("problem outside the files: %s", p)
			}
		}
	})
}

// lineCount counts lines as YAML and editors do: a line ends at LF, CR LF or
// a lone CR (old Mac files).
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.Count(s, "\n") + strings.Count(s, "\r") + 1
}
