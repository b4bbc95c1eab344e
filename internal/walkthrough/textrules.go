package walkthrough

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/esosite/esosite/internal/check"
)

// sourceLang is the language every other text file is translated from.
const sourceLang = "en"

// validateTranslation refuses a translated text file with no translation
// block: without one the walkthrough shows no draft notice, so an unchecked
// translation (even of the urgent-help page) would look checked.
func validateTranslation(t *Text) check.Problems {
	if t.Lang == sourceLang {
		return nil
	}
	block := t.root["translation"]
	status := lookup(block, "status")
	if block != nil && status != nil && (status.Value == "draft" || status.Value == "reviewed") {
		return nil
	}
	line := 1
	if l := t.lines["translation"]; l > 0 {
		line = l
	}
	return check.Problems{{Path: t.Path, Line: line, Message: "a translation needs a block `translation: {status: draft, sourceHash: \"...\"}` (sourceHash: the first 16 hex digits of the SHA-256 of text/en.yaml), so the walkthrough shows its draft notice; only a qualified translator's review may change draft to reviewed"}}
}

// stepLink finds where a text names a walkthrough step: a link to its page,
// /what-happens-next/<id>/ (written without the language, as every link).
// Plain words are not matched: a step is "named" when the text sends the
// reader to it, which is what goes wrong when a step is invented or removed.
var stepLink = regexp.MustCompile(`/what-happens-next/([a-z0-9]+(?:-[a-z0-9]+)*)`)

// validateStepLinks refuses text that links to a step the graph does not
// have, in any field of the start, overview, stages or nodes.
func (g *Graph) validateStepLinks(t *Text) check.Problems {
	var ps check.Problems
	for _, key := range []string{"start", "overview", "stages", "nodes"} {
		walkScalars(t.root[key], func(n *yaml.Node) {
			for _, m := range stepLink.FindAllStringSubmatchIndex(n.Value, -1) {
				id := n.Value[m[2]:m[3]]
				if g.byID[id] != nil || reserved[id] {
					continue
				}
				ps = append(ps, check.Problem{Path: t.Path, Line: scalarLine(n, m[0]), Message: fmt.Sprintf("links to the walkthrough step %q, which graph.yaml does not have; link to one of its steps, or add the step to graph.yaml first", id)})
			}
		})
	}
	return ps
}

// walkScalars calls f for every string below n.
func walkScalars(n *yaml.Node, f func(*yaml.Node)) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode {
		f(n)
		return
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue // keys are ids, not text
		}
		walkScalars(c, f)
	}
}

// scalarLine is the file line of byte offset i in a scalar: a block scalar
// ("|") starts on the line after its indicator.
func scalarLine(n *yaml.Node, i int) int {
	line := n.Line
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		line++
	}
	return line + strings.Count(n.Value[:i], "\n")
}
