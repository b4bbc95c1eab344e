package walkthrough_test

import (
	"io/fs"
	"testing"

	"github.com/esosite/esosite"
	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/walkthrough"
)

// The built-in walkthrough is valid and big enough to be worth having.
func TestBuiltInGraph(t *testing.T) {
	g := builtIn(t)
	kinds := map[string]int{}
	for _, n := range g.Nodes {
		kinds[n.Kind]++
	}
	if len(g.Nodes) < 12 || kinds[walkthrough.Outcome] < 3 {
		t.Errorf("%d steps and %d outcomes; the walkthrough needs at least 12 steps and 3 outcomes", len(g.Nodes), kinds[walkthrough.Outcome])
	}
	paths := g.Paths()
	onPath := map[string]bool{}
	for _, p := range paths {
		for _, id := range p {
			onPath[id] = true
		}
		if last := g.Node(p[len(p)-1]); last.Kind != walkthrough.Outcome {
			t.Errorf("path %v does not end at an outcome", p)
		}
	}
	for _, n := range g.Nodes {
		if !onPath[n.ID] {
			t.Errorf("no path passes %s, so no test follows it", n.ID)
		}
	}
	t.Logf("%d nodes (%d questions, %d steps, %d outcomes), %d paths", len(g.Nodes), kinds[walkthrough.Question], kinds[walkthrough.Step], kinds[walkthrough.Outcome], len(paths))
}

// A child who is getting worse is sent to urgent help from the first question.
func TestUrgentBranchIsFirst(t *testing.T) {
	g := builtIn(t)
	for _, a := range g.Node(g.Start).Answers {
		if a.To == "getting-worse" {
			return
		}
	}
	t.Errorf("the first question has no answer for a child who is getting worse now")
}

func builtIn(t testing.TB) *walkthrough.Graph {
	t.Helper()
	sub, err := fs.Sub(esosite.Files, ".")
	if err != nil {
		t.Fatal(err)
	}
	g, ps := walkthrough.Load(sub)
	if g == nil {
		t.Fatal(ps)
	}
	ps = append(ps, g.Validate()...)
	if err := check.Problems(ps).Err(); err != nil {
		t.Fatalf("the built-in walkthrough has problems:\n%v", err)
	}
	return g
}
