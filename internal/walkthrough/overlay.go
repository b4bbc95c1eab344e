package walkthrough

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/esosite/esosite/internal/check"
)

// textFields are the words a node may have (see text/en.yaml).
var textFields = map[string]bool{"title": true, "description": true, "what": true, "who": true, "do": true, "time": true, "answers": true, "question": true, "hint": true}

// OverlayText lays a Trust's walkthrough words over the built-in ones, a
// node at a time: trust holds the Trust's folder, label names it in
// messages, and dir is the built-in site, whose text files are rewritten
// with the Trust's nodes in place of their own. Each node the Trust gives
// replaces that node's words whole, so it must be complete; the structure
// (graph.yaml) is not the Trust's to change. A file with anything besides
// "nodes" is a whole language's words and is left alone (the build checks
// it as it checks a built-in text file). It returns the problems, each as
// label/data/walkthrough/text/<lang>.yaml:line, and the files it laid over.
func OverlayText(trust fs.FS, label, dir string) (check.Problems, []string, error) {
	files, err := fs.Glob(trust, TextDir+"/*.yaml")
	if err != nil || len(files) == 0 {
		return nil, nil, err
	}
	g, gps := Load(os.DirFS(dir))
	if g == nil {
		return gps, nil, nil
	}
	var overlaid []string
	sort.Strings(files)
	var ps check.Problems
	for _, file := range files {
		shown := filepath.Join(label, filepath.FromSlash(file))
		add := func(line int, format string, args ...any) {
			ps = append(ps, check.Problem{Path: shown, Line: line, Message: fmt.Sprintf(format, args...)})
		}
		root, p := readYAML(trust, file)
		if p != nil {
			p.Path = shown
			ps = append(ps, *p)
			continue
		}
		if whole(root) {
			continue
		}
		overlaid = append(overlaid, file)
		lang := strings.TrimSuffix(path.Base(file), ".yaml")
		basePath := filepath.Join(dir, filepath.FromSlash(file))
		baseData, err := os.ReadFile(basePath)
		if err != nil {
			add(1, "the walkthrough has no words in %q to change; name the file after a language of the site, such as en.yaml", lang)
			continue
		}
		var base yaml.Node
		if err := yaml.Unmarshal(baseData, &base); err != nil || len(base.Content) == 0 {
			return nil, nil, fmt.Errorf("%s: %v", file, err)
		}
		nodes := lookup(base.Content[0], "nodes")
		changed := false
		for _, kv := range pairs(root) {
			for _, nkv := range pairs(kv[1]) {
				if g.checkOverride(nkv[0], nkv[1], add) && replace(nodes, nkv[0].Value, nkv[1]) {
					changed = true
				}
			}
		}
		if !changed {
			continue
		}
		out, err := yaml.Marshal(&base)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", file, err)
		}
		if err := os.WriteFile(basePath, out, 0o644); err != nil {
			return nil, nil, err
		}
	}
	return ps, overlaid, nil
}

// whole tells a whole language's words from a file of changed nodes only.
func whole(root *yaml.Node) bool {
	for _, kv := range pairs(root) {
		if kv[0].Value != "nodes" {
			return true
		}
	}
	return false
}

// checkOverride checks one node's words from a Trust: a node of the graph,
// every field it needs, a label for each of its answers and no other.
func (g *Graph) checkOverride(key, val *yaml.Node, add func(int, string, ...any)) bool {
	n := g.byID[key.Value]
	if n == nil {
		var ids []string
		for _, m := range g.Nodes {
			ids = append(ids, m.ID)
		}
		add(key.Line, "unknown step id %q; use one of the ids in graph.yaml: %s", key.Value, strings.Join(ids, ", "))
		return false
	}
	if val.Kind != yaml.MappingNode {
		add(key.Line, "%s: give its words as \"title:\", \"description:\" and so on, one per line", n.ID)
		return false
	}
	ok := true
	bad := func(line int, format string, args ...any) {
		add(line, format, args...)
		ok = false
	}
	need := []string{"title", "description"}
	if n.Kind != Question {
		need = append(need, "what")
	}
	requireFields(val, key.Line, n.ID, need, func(line int, format string, args ...any) {
		bad(line, format+" (a node's words are replaced whole, so copy every field from the built-in text and change what you need)", args...)
	})
	for _, kv := range pairs(val) {
		if !textFields[kv[0].Value] {
			bad(kv[0].Line, "%s: unknown field %q; a node's words are title, description, what, who, do, time, question, hint and answers", n.ID, kv[0].Value)
		}
	}
	labels := lookup(val, "answers")
	for _, a := range n.Answers {
		if s := lookup(labels, a.ID); s == nil || strings.TrimSpace(s.Value) == "" {
			bad(lineOr(keyLine(val, "answers"), key.Line), "%s: missing the label of answer %q; give every answer of the question a label", n.ID, a.ID)
		}
	}
	for _, kv := range pairs(labels) {
		if !n.hasAnswer(kv[0].Value) {
			bad(kv[0].Line, "%s: answer %q is not in graph.yaml; a Trust can change the words, not the answers, so remove it", n.ID, kv[0].Value)
		}
	}
	return ok
}

// replace sets the value of key in the mapping m.
func replace(m *yaml.Node, key string, val *yaml.Node) bool {
	if m == nil || m.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = val
			return true
		}
	}
	return false
}
