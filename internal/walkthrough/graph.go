// Package walkthrough owns the "what happens next" walkthrough graph: loading
// its language-neutral structure (data/walkthrough/graph.yaml) and the words
// of each language (data/walkthrough/text/<lang>.yaml), validating them with
// path:line problems before Hugo runs, and enumerating every route from the
// start to an outcome for tests.
package walkthrough

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/esosite/esosite/internal/check"
)

// Where the walkthrough lives in the site.
const (
	GraphFile = "data/walkthrough/graph.yaml"
	TextDir   = "data/walkthrough/text"
)

// Node kinds.
const (
	Question = "question"
	Step     = "step"
	Outcome  = "outcome"
)

// A Graph is the walkthrough's structure plus the words of every language.
type Graph struct {
	Start   string
	Stages  []Stage
	Nodes   []*Node
	Texts   []*Text // sorted by language
	Review  map[string]string
	Sources []string

	byID      map[string]*Node
	broken    map[string]bool // languages whose text file could not be read
	startLine int
	line      map[string]int // line of top-level keys
}

// A Stage is one band of the at-a-glance timeline.
type Stage struct {
	ID   string
	Line int
}

// A Node is one page of the walkthrough.
type Node struct {
	ID, Kind, Stage, Next string
	Answers               []Answer
	Guide                 []string
	Line                  int // the line of "- id:"
	lines                 map[string]int
}

// An Answer is one choice on a question page.
type Answer struct {
	ID, To   string
	Separate bool
	Line     int
	toLine   int
}

// Text is one language's words: every field of every node as written.
type Text struct {
	Lang  string
	Path  string
	root  map[string]*yaml.Node // start, overview, stages, nodes
	lines map[string]int        // top-level key lines
}

// Node returns the text of one node and the line of its key, or nil.
func (t *Text) node(id string) (*yaml.Node, int) {
	nodes := t.root["nodes"]
	if nodes == nil || nodes.Kind != yaml.MappingNode {
		return nil, 0
	}
	for i := 0; i+1 < len(nodes.Content); i += 2 {
		if nodes.Content[i].Value == id {
			return nodes.Content[i+1], nodes.Content[i].Line
		}
	}
	return nil, 0
}

// Node returns the node with the given id, or nil.
func (g *Graph) Node(id string) *Node { return g.byID[id] }

// Load reads the graph and every language's text from fsys, a folder laid
// out like the site (data/walkthrough/...). It returns the problems that stop
// it from reading them; call Validate for the rest.
func Load(fsys fs.FS) (*Graph, check.Problems) {
	g := &Graph{byID: map[string]*Node{}, line: map[string]int{}, Review: map[string]string{}, broken: map[string]bool{}}
	var ps check.Problems
	root, p := readYAML(fsys, GraphFile)
	if p != nil {
		return nil, check.Problems{*p}
	}
	add := func(line int, format string, args ...any) {
		ps = append(ps, check.Problem{Path: GraphFile, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	dup := map[string]bool{}
	for _, kv := range pairs(root) {
		key, val := kv[0], kv[1]
		if dup[key.Value] {
			add(key.Line, "%q is set twice; keep one", key.Value)
		}
		dup[key.Value] = true
		g.line[key.Value] = key.Line
		switch key.Value {
		case "start":
			g.Start, g.startLine = val.Value, val.Line
		case "stages":
			for _, s := range val.Content {
				g.Stages = append(g.Stages, Stage{ID: s.Value, Line: s.Line})
			}
		case "review":
			for _, r := range pairs(val) {
				g.Review[r[0].Value] = r[1].Value
				g.line["review."+r[0].Value] = r[0].Line
			}
		case "sources":
			for _, s := range val.Content {
				g.Sources = append(g.Sources, s.Value)
			}
		case "nodes":
			if val.Kind != yaml.SequenceNode {
				add(key.Line, "\"nodes\" must be a list, one \"- id: ...\" entry per page")
				continue
			}
			for _, item := range val.Content {
				g.Nodes = append(g.Nodes, readNode(item, add))
			}
		default:
			add(key.Line, "unknown key %q; the graph has start, review, sources, stages and nodes", key.Value)
		}
	}
	for _, n := range g.Nodes {
		if _, seen := g.byID[n.ID]; !seen {
			g.byID[n.ID] = n
		}
	}
	texts, err := fs.Glob(fsys, TextDir+"/*.yaml")
	if err != nil {
		ps = append(ps, check.Problem{Path: TextDir, Message: err.Error()})
	}
	for _, file := range texts {
		root, p := readYAML(fsys, file)
		if p != nil {
			ps = append(ps, *p)
			g.broken[strings.TrimSuffix(path.Base(file), ".yaml")] = true
			continue
		}
		t := &Text{Lang: strings.TrimSuffix(path.Base(file), ".yaml"), Path: file, root: map[string]*yaml.Node{}, lines: map[string]int{}}
		for _, kv := range pairs(root) {
			if _, seen := t.root[kv[0].Value]; seen {
				ps = append(ps, check.Problem{Path: file, Line: kv[0].Line, Message: fmt.Sprintf("%q is set twice; keep one", kv[0].Value)})
			}
			t.root[kv[0].Value] = kv[1]
			t.lines[kv[0].Value] = kv[0].Line
		}
		g.Texts = append(g.Texts, t)
	}
	sort.Slice(g.Texts, func(i, j int) bool { return g.Texts[i].Lang < g.Texts[j].Lang })
	return g, ps
}

func readNode(item *yaml.Node, add func(int, string, ...any)) *Node {
	n := &Node{Line: item.Line, lines: map[string]int{}}
	if item.Kind != yaml.MappingNode {
		add(item.Line, "each node is a mapping starting \"- id: ...\"")
		return n
	}
	for _, kv := range pairs(item) {
		key, val := kv[0], kv[1]
		n.lines[key.Value] = key.Line
		switch key.Value {
		case "id":
			n.ID = val.Value
		case "kind":
			n.Kind = val.Value
		case "stage":
			n.Stage = val.Value
		case "next":
			n.Next = val.Value
		case "guide":
			for _, s := range val.Content {
				n.Guide = append(n.Guide, s.Value)
			}
		case "answers":
			for _, a := range val.Content {
				ans := Answer{Line: a.Line}
				for _, akv := range pairs(a) {
					switch akv[0].Value {
					case "id":
						ans.ID = akv[1].Value
					case "to":
						ans.To, ans.toLine = akv[1].Value, akv[1].Line
					case "separate":
						ans.Separate = akv[1].Value == "true"
					default:
						add(akv[0].Line, "unknown answer key %q; an answer has id, to and separate", akv[0].Value)
					}
				}
				n.Answers = append(n.Answers, ans)
			}
		default:
			add(key.Line, "unknown key %q; a node has id, kind, stage, next, answers and guide", key.Value)
		}
	}
	return n
}

// readYAML parses one file into its top-level mapping.
func readYAML(fsys fs.FS, file string) (*yaml.Node, *check.Problem) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, &check.Problem{Path: file, Message: fmt.Sprintf("cannot read: %v", unwrap(err))}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
		return nil, &check.Problem{Path: file, Line: line, Message: "not valid YAML: " + msg}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &check.Problem{Path: file, Line: 1, Message: "must be a list of \"key: value\" lines"}
	}
	return doc.Content[0], nil
}

// pairs lists a mapping's keys and values.
func pairs(m *yaml.Node) [][2]*yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, [2]*yaml.Node{m.Content[i], m.Content[i+1]})
	}
	return out
}

// missingLanguages reports every published language that has no text file.
// A language whose file is there but unreadable is reported once, by Load.
func missingLanguages(published []string, texts []*Text, broken map[string]bool) check.Problems {
	have := map[string]bool{}
	for l := range broken {
		have[l] = true
	}
	for _, t := range texts {
		have[t.Lang] = true
	}
	var ps check.Problems
	for _, l := range published {
		if !have[l] {
			ps = append(ps, check.Problem{Path: path.Join(TextDir, l+".yaml"), Message: fmt.Sprintf("missing: the language %q is published, so the walkthrough needs its words; copy text/en.yaml to %s.yaml and translate the words (not the ids)", l, l)})
		}
	}
	return ps
}

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Check loads and validates the walkthrough in fsys, for the languages the
// build publishes: every problem at once.
func Check(fsys fs.FS, published []string) check.Problems {
	g, ps := Load(fsys)
	if g != nil {
		ps = append(ps, missingLanguages(published, g.Texts, g.broken)...)
		ps = append(ps, g.Validate()...)
	}
	return ps
}
