package walkthrough

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// site lays a graph fixture (and a text fixture, or words made up for every
// node of the graph) out as the site has them.
func site(t *testing.T, graphFile, textFile string) fstest.MapFS {
	t.Helper()
	graph, err := os.ReadFile("testdata/" + graphFile)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{GraphFile: {Data: graph}}
	var text []byte
	if textFile != "" {
		if text, err = os.ReadFile("testdata/" + textFile); err != nil {
			t.Fatal(err)
		}
	} else {
		text = wordsFor(t, fsys)
	}
	fsys[TextDir+"/en.yaml"] = &fstest.MapFile{Data: text}
	return fsys
}

// wordsFor writes complete English words for every node of the graph, so a
// bad graph fixture reports only what is wrong with the graph.
func wordsFor(t *testing.T, fsys fstest.MapFS) []byte {
	g, ps := Load(fsys)
	if g == nil {
		t.Fatalf("cannot load the fixture: %v", ps)
	}
	var b strings.Builder
	b.WriteString("start: {title: S, description: S., body: S.}\noverview: {title: O, description: O., body: O.}\nstages:\n")
	for _, s := range g.Stages {
		fmt.Fprintf(&b, "  %s: {title: T, summary: S.}\n", s.ID)
	}
	b.WriteString("nodes:\n")
	done := map[string]bool{}
	for _, n := range g.Nodes {
		if done[n.ID] {
			continue
		}
		done[n.ID] = true
		fmt.Fprintf(&b, "  %s:\n    title: T\n    description: D.\n    what: W.\n", n.ID)
		if len(n.Answers) > 0 {
			b.WriteString("    answers:\n")
			for _, a := range n.Answers {
				fmt.Fprintf(&b, "      %s: L\n", a.ID)
			}
		}
	}
	return []byte(b.String())
}

func TestValidGraph(t *testing.T) {
	ps := Check(site(t, "ok.yaml", ""), []string{"en"})
	if len(ps) > 0 {
		t.Fatalf("a valid graph has problems:\n%v", ps)
	}
}

// Each bad fixture gives exactly one problem, at the line a person must fix.
func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name, graph, text string
		want              string // path:line: and the start of the message
	}{
		{"unknown target", "unknown-target.yaml", "", `data/walkthrough/graph.yaml:19: a-step: next "nowhere" is not a node id (unknown target)`},
		{"unreachable step", "unreachable.yaml", "", `data/walkthrough/graph.yaml:22: orphan is unreachable`},
		{"dead end that is not an outcome", "dead-end.yaml", "", `data/walkthrough/graph.yaml:16: a-step is a dead end`},
		{"cycle with no way out", "cycle.yaml", "", `data/walkthrough/graph.yaml:16: cycle with no way out: loop-a → loop-b → loop-a`},
		{"duplicate id", "duplicate-id.yaml", "", `data/walkthrough/graph.yaml:22: duplicate id "a-step": line 16 already uses it`},
		{"language missing a step", "ok.yaml", "text-missing-step.yaml", `data/walkthrough/text/en.yaml:6: missing step "a-step"`},
		{"language missing an answer label", "ok.yaml", "text-missing-answer.yaml", `data/walkthrough/text/en.yaml:10: first: missing the label of answer "unsure"`},
		{"language adding a step", "ok.yaml", "text-extra-step.yaml", `data/walkthrough/text/en.yaml:19: step "invented" is not in graph.yaml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Check(site(t, tt.graph, tt.text), []string{"en"})
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %d:\n%v", len(ps), ps)
			}
			if got := ps[0].String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s...", got, tt.want)
			}
		})
	}
}

// A language the site publishes needs the walkthrough's words.
func TestLanguageWithoutText(t *testing.T) {
	ps := Check(site(t, "ok.yaml", ""), []string{"en", "cy"})
	if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), `data/walkthrough/text/cy.yaml: missing: the language "cy" is published`) {
		t.Fatalf("want one problem for cy (pl is not published), got:\n%v", ps)
	}
}

func TestBrokenYAML(t *testing.T) {
	fsys := fstest.MapFS{GraphFile: {Data: []byte("start: first\nnodes:\n  - id: [\n")}}
	_, ps := Load(fsys)
	if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), GraphFile+":") || !strings.Contains(ps[0].Message, "not valid YAML") {
		t.Fatalf("want one YAML problem, got %v", ps)
	}
}

// A text file that is there but broken is reported once, not also as missing.
func TestBrokenTextOnce(t *testing.T) {
	fsys := site(t, "ok.yaml", "")
	fsys[TextDir+"/en.yaml"] = &fstest.MapFile{Data: []byte("nodes: [\n")}
	ps := Check(fsys, []string{"en"})
	if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), TextDir+"/en.yaml:") || !strings.Contains(ps[0].Message, "not valid YAML") {
		t.Fatalf("want one YAML problem, got %v", ps)
	}
}

// The rules on the words themselves: each fixture fails one rule, once.
func TestTextRules(t *testing.T) {
	tests := []struct {
		name, text, lang, want string
	}{
		{"translation without a translation block", "text-no-translation.yaml", "cy", `data/walkthrough/text/cy.yaml:1: a translation needs a block ` + "`translation: {status: draft"},
		{"text naming a step the graph does not have", "text-unknown-step-link.yaml", "en", `data/walkthrough/text/en.yaml:18: links to the walkthrough step "consent-and-records", which graph.yaml does not have`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := site(t, "ok.yaml", "")
			data, err := os.ReadFile("testdata/" + tt.text)
			if err != nil {
				t.Fatal(err)
			}
			fsys[TextDir+"/"+tt.lang+".yaml"] = &fstest.MapFile{Data: data}
			ps := Check(fsys, []string{"en", tt.lang})
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %d:\n%v", len(ps), ps)
			}
			if got := ps[0].String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s...", got, tt.want)
			}
		})
	}
	// The same Welsh words with a draft block pass.
	fsys := site(t, "ok.yaml", "")
	data, _ := os.ReadFile("testdata/text-no-translation.yaml")
	fsys[TextDir+"/cy.yaml"] = &fstest.MapFile{Data: append([]byte("translation: {status: draft, sourceHash: \"0123456789abcdef\"}\n"), data...)}
	if ps := Check(fsys, []string{"en", "cy"}); len(ps) > 0 {
		t.Errorf("a draft translation was refused:\n%v", ps)
	}
}
