package walkthrough

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/esosite/esosite/internal/check"
)

// An id is part of every language's URL: lower case, digits and hyphens.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reserved ids are pages the walkthrough makes besides its nodes.
var reserved = map[string]bool{"at-a-glance": true, "r": true}

// Validate reports every problem in the graph and its texts: an unknown
// target, an unreachable node, a dead end that is not an outcome, a cycle with
// no way out, a duplicate id, a language missing a node or an answer label, a
// translation with no translation block, and text that links to a step the
// graph does not have.
func (g *Graph) Validate() check.Problems {
	var ps check.Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, check.Problem{Path: GraphFile, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	stages := map[string]bool{}
	for _, s := range g.Stages {
		if stages[s.ID] {
			add(s.Line, "duplicate stage %q; each stage is listed once", s.ID)
		}
		stages[s.ID] = true
	}
	g.validateReview(add)
	seen := map[string]int{}
	for _, n := range g.Nodes {
		switch {
		case n.ID == "":
			add(n.Line, "a node without an id; add `id: some-words` (it becomes part of the page's address)")
			continue
		case !idPattern.MatchString(n.ID):
			add(n.Line, "id %q must be lower-case words joined by hyphens, such as talk-to-the-consultant (it becomes part of the page's address)", n.ID)
		case reserved[n.ID]:
			add(n.Line, "id %q is the address of another walkthrough page; choose another id", n.ID)
		}
		if first, dup := seen[n.ID]; dup {
			add(n.Line, "duplicate id %q: line %d already uses it; every node needs its own id", n.ID, first)
			continue
		}
		seen[n.ID] = n.Line
		g.validateNode(n, stages, add)
	}
	if g.Start == "" {
		add(1, "no start; add `start: <id of the first question>`")
	} else if g.byID[g.Start] == nil {
		add(g.startLine, "start %q is not a node id; use the id of the first question", g.Start)
	}
	g.validateReach(add)
	g.validateRouteCodes(add)
	for _, t := range g.Texts {
		ps = append(ps, validateTranslation(t)...)
		ps = append(ps, g.validateText(t)...)
		ps = append(ps, g.validateStepLinks(t)...)
	}
	if len(g.Texts) == 0 && len(g.broken) == 0 {
		ps = append(ps, check.Problem{Path: TextDir + "/en.yaml", Message: "missing: the walkthrough needs at least its English words"})
	}
	return ps
}

func (g *Graph) validateReview(add func(int, string, ...any)) {
	last, err1 := time.Parse(time.DateOnly, g.Review["lastReviewed"])
	next, err2 := time.Parse(time.DateOnly, g.Review["nextReview"])
	switch {
	case err1 != nil:
		add(g.line["review"], "review.lastReviewed must be a date, YYYY-MM-DD")
	case err2 != nil:
		add(g.line["review"], "review.nextReview must be a date, YYYY-MM-DD")
	case !next.After(last) || next.After(last.AddDate(3, 0, 0)):
		add(g.line["review.nextReview"], "review.nextReview must fall after lastReviewed and within 3 years of it")
	}
	if len(g.Sources) == 0 {
		add(g.line["sources"], "no sources; list the web address of each source the walkthrough's facts come from")
	}
}

func (g *Graph) validateNode(n *Node, stages map[string]bool, add func(int, string, ...any)) {
	at := func(key string) int {
		if l := n.lines[key]; l > 0 {
			return l
		}
		return n.Line
	}
	switch n.Kind {
	case Question:
		if n.Next != "" {
			add(at("next"), "%s is a question: it goes on through its answers, so remove \"next\"", n.ID)
		}
		if len(n.Answers) == 0 {
			add(n.Line, "%s is a dead end: a question needs answers, each with an id and a \"to\"", n.ID)
		}
	case Step:
		if len(n.Answers) > 0 {
			add(at("answers"), "%s is a step: it has one \"next\", not answers; make it a question to offer choices", n.ID)
		}
		if n.Next == "" {
			add(n.Line, "%s is a dead end: a step needs \"next\"; make it an outcome if the route ends here", n.ID)
		}
	case Outcome:
		if n.Next != "" || len(n.Answers) > 0 {
			add(n.Line, "%s is an outcome: a route ends there, so remove its next and answers", n.ID)
		}
	case "":
		add(n.Line, "%s has no kind; add `kind: question`, `kind: step` or `kind: outcome`", n.ID)
	default:
		add(at("kind"), "%s: kind %q is not question, step or outcome", n.ID, n.Kind)
	}
	if n.Next != "" && g.byID[n.Next] == nil {
		add(at("next"), "%s: next %q is not a node id (unknown target)", n.ID, n.Next)
	}
	if n.Stage != "" && !stages[n.Stage] {
		add(at("stage"), "%s: stage %q is not in the stages list", n.ID, n.Stage)
	}
	ids := map[string]bool{}
	for _, a := range n.Answers {
		switch {
		case a.ID == "":
			add(a.Line, "%s: an answer without an id", n.ID)
		case !idPattern.MatchString(a.ID):
			add(a.Line, "%s: answer id %q must be lower-case words joined by hyphens", n.ID, a.ID)
		case ids[a.ID]:
			add(a.Line, "%s: duplicate answer id %q; each answer needs its own id", n.ID, a.ID)
		}
		ids[a.ID] = true
		if a.To == "" {
			add(a.Line, "%s: answer %q has no \"to\"; name the node it leads to", n.ID, a.ID)
		} else if g.byID[a.To] == nil {
			add(a.toLine, "%s: answer %q goes to %q, which is not a node id (unknown target)", n.ID, a.ID, a.To)
		}
	}
	for _, p := range n.Guide {
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "/en/") || strings.Contains(p, "://") {
			add(at("guide"), "%s: guide link %q must be a path of the guide without the language, such as /asking-for-a-second-opinion/#how-to-ask", n.ID, p)
		}
	}
}

// targets lists where a node can go, in order.
func (n *Node) targets() []string {
	if n.Next != "" {
		return []string{n.Next}
	}
	var out []string
	for _, a := range n.Answers {
		out = append(out, a.To)
	}
	return out
}

// validateReach finds nodes the start cannot reach and cycles that never
// reach an outcome.
func (g *Graph) validateReach(add func(int, string, ...any)) {
	if g.byID[g.Start] == nil {
		return
	}
	reached := map[string]bool{}
	for _, id := range g.Order() {
		reached[id] = true
	}
	for _, n := range g.Nodes {
		if n.ID != "" && !reached[n.ID] && g.byID[n.ID] == n {
			add(n.Line, "%s is unreachable: no answer or next leads to it from the start; link to it or remove it", n.ID)
		}
	}
	// Which nodes can reach an outcome: walk backwards from every outcome.
	back := map[string][]string{}
	for _, n := range g.Nodes {
		for _, t := range n.targets() {
			back[t] = append(back[t], n.ID)
		}
	}
	canEnd := map[string]bool{}
	var queue []string
	for _, n := range g.Nodes {
		if n.Kind == Outcome {
			canEnd[n.ID] = true
			queue = append(queue, n.ID)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, from := range back[id] {
			if !canEnd[from] {
				canEnd[from] = true
				queue = append(queue, from)
			}
		}
	}
	for _, cycle := range g.trapCycles(canEnd) {
		add(g.byID[cycle[0]].Line, "cycle with no way out: %s; give one of these an answer or next that leads towards an outcome", strings.Join(append(cycle, cycle[0]), " → "))
	}
}

// trapCycles finds cycles made only of nodes that cannot reach an outcome,
// one per group of nodes that lead only to each other.
func (g *Graph) trapCycles(canEnd map[string]bool) [][]string {
	var cycles [][]string
	done := map[string]bool{}
	for _, n := range g.Nodes {
		if canEnd[n.ID] || done[n.ID] || g.byID[n.ID] != n {
			continue
		}
		// Follow the first way on from n that stays among trapped nodes until
		// a node repeats: that loop is a cycle.
		pos := map[string]int{}
		var walk []string
		id := n.ID
		for id != "" && !done[id] {
			if i, ok := pos[id]; ok {
				cycles = append(cycles, walk[i:])
				break
			}
			pos[id] = len(walk)
			walk = append(walk, id)
			nextID := ""
			if m := g.byID[id]; m != nil {
				for _, t := range m.targets() {
					if g.byID[t] != nil && !canEnd[t] {
						nextID = t
						break
					}
				}
			}
			id = nextID
		}
		for _, w := range walk {
			done[w] = true
		}
	}
	return cycles
}

// validateText checks that one language has words for every node, answer and
// stage, and nothing the graph does not have.
func (g *Graph) validateText(t *Text) check.Problems {
	var ps check.Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, check.Problem{Path: t.Path, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	end := 1
	for _, l := range t.lines {
		end = max(end, l)
	}
	for _, key := range []string{"start", "overview"} {
		m := t.root[key]
		if m == nil {
			add(end, "missing %q: the walkthrough's %s page needs a title, description and body", key, key)
			continue
		}
		requireFields(m, t.lines[key], key, []string{"title", "description"}, add)
	}
	stageText := t.root["stages"]
	for _, s := range g.Stages {
		v := lookup(stageText, s.ID)
		if v == nil {
			add(lineOr(t.lines["stages"], end), "missing stage %q: add its title and summary under stages", s.ID)
			continue
		}
		requireFields(v, keyLine(stageText, s.ID), "stage "+s.ID, []string{"title", "summary"}, add)
	}
	for _, kv := range pairs(stageText) {
		if !g.hasStage(kv[0].Value) {
			add(kv[0].Line, "stage %q is not in graph.yaml; a translation cannot add stages, so remove it", kv[0].Value)
		}
	}
	nodesLine := lineOr(t.lines["nodes"], end)
	for _, n := range g.Nodes {
		if n.ID == "" || g.byID[n.ID] != n {
			continue
		}
		v, line := t.node(n.ID)
		if v == nil {
			add(nodesLine, "missing step %q: every language needs the words of every step in graph.yaml", n.ID)
			continue
		}
		need := []string{"title", "description"}
		if n.Kind != Question {
			need = append(need, "what")
		}
		requireFields(v, line, n.ID, need, add)
		labels := lookup(v, "answers")
		for _, a := range n.Answers {
			if s := lookup(labels, a.ID); s == nil || strings.TrimSpace(s.Value) == "" {
				add(lineOr(keyLine(v, "answers"), line), "%s: missing the label of answer %q", n.ID, a.ID)
			}
		}
		for _, kv := range pairs(labels) {
			if !n.hasAnswer(kv[0].Value) {
				add(kv[0].Line, "%s: answer %q is not in graph.yaml; a translation cannot add answers, so remove it", n.ID, kv[0].Value)
			}
		}
	}
	dup := map[string]bool{}
	for _, kv := range pairs(t.root["nodes"]) {
		if dup[kv[0].Value] {
			add(kv[0].Line, "step %q has words twice; keep one", kv[0].Value)
		}
		dup[kv[0].Value] = true
		if g.byID[kv[0].Value] == nil {
			add(kv[0].Line, "step %q is not in graph.yaml; a translation cannot add steps, so remove it or add it to the graph", kv[0].Value)
		}
	}
	return ps
}

func requireFields(m *yaml.Node, line int, what string, fields []string, add func(int, string, ...any)) {
	for _, f := range fields {
		if v := lookup(m, f); v == nil || strings.TrimSpace(v.Value) == "" {
			add(line, "%s: missing %q", what, f)
		}
	}
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for _, kv := range pairs(m) {
		if kv[0].Value == key {
			return kv[1]
		}
	}
	return nil
}

func keyLine(m *yaml.Node, key string) int {
	for _, kv := range pairs(m) {
		if kv[0].Value == key {
			return kv[0].Line
		}
	}
	return 0
}

func lineOr(l, fallback int) int {
	if l > 0 {
		return l
	}
	return fallback
}

func (g *Graph) hasStage(id string) bool {
	for _, s := range g.Stages {
		if s.ID == id {
			return true
		}
	}
	return false
}

func (n *Node) hasAnswer(id string) bool {
	for _, a := range n.Answers {
		if a.ID == id {
			return true
		}
	}
	return false
}
