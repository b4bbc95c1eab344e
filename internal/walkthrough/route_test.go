package walkthrough_test

import (
	"errors"
	"testing"

	"github.com/esosite/esosite/internal/walkthrough"
)

// choices builds a route from question=answer pairs of the built-in graph.
func choices(t testing.TB, g *walkthrough.Graph, pairs ...string) []walkthrough.Choice {
	t.Helper()
	var cs []walkthrough.Choice
	for i := 0; i+1 < len(pairs); i += 2 {
		c, ok := g.Choice(pairs[i], pairs[i+1])
		if !ok {
			t.Fatalf("the graph has no answer %s=%s", pairs[i], pairs[i+1])
		}
		cs = append(cs, c)
	}
	return cs
}

func TestDecodeRoute(t *testing.T) {
	g := builtIn(t)
	good := choices(t, g, "where-are-you", "thinking", "what-did-the-team-say", "said-no", "still-disagree", "other-options", "other-options", "court")
	code := walkthrough.EncodeRoute(good)
	got, err := g.DecodeRoute(code)
	if err != nil || walkthrough.EncodeRoute(got) != code || len(got) != 4 || got[3].To != "the-courts" {
		t.Fatalf("DecodeRoute(%q) = %v, %v; want the four answers back", code, got, err)
	}
	// A route may start at a middle question, where a clinician's link lands.
	if _, err := g.DecodeRoute(walkthrough.EncodeRoute(choices(t, g, "the-opinion-is-back", "agrees", "it-agrees", "happy"))); err != nil {
		t.Errorf("a route from a middle question: %v", err)
	}
	thinking := choices(t, g, "where-are-you", "thinking")[0].Code
	for _, tc := range []struct {
		name, code string
		want       error
	}{
		{"odd length", code[:3], walkthrough.ErrRouteUnknown},
		{"unknown question", "z1", walkthrough.ErrRouteUnknown},
		{"unknown answer", thinking[:1] + "9", walkthrough.ErrRouteUnknown},
		{"not a code", "%%", walkthrough.ErrRouteUnknown},
		{"repeated question", thinking + thinking, walkthrough.ErrRouteRepeated},
		{"answers that do not follow", thinking + walkthrough.EncodeRoute(choices(t, g, "other-options", "court")), walkthrough.ErrRouteTampered},
	} {
		if _, err := g.DecodeRoute(tc.code); !errors.Is(err, tc.want) {
			t.Errorf("%s: DecodeRoute(%q) = %v, want %v", tc.name, tc.code, err, tc.want)
		}
	}
}

// Answering a question again drops its old answer and what followed it.
func TestReanswer(t *testing.T) {
	g := builtIn(t)
	cs := choices(t, g, "where-are-you", "thinking", "what-did-the-team-say", "said-no", "still-disagree", "mediation")
	again, _ := g.Choice("what-did-the-team-say", "agreed")
	got := walkthrough.Reanswer(cs, again)
	if len(got) != 2 || got[1].Answer != "agreed" || len(cs) != 3 {
		t.Errorf("Reanswer = %v (and the old route became %v)", got, cs)
	}
}

// Every route page is a route the decoder accepts, and each one shorter is
// a route page too (or the first question), so Back always has somewhere to go.
func TestRoutePages(t *testing.T) {
	g := builtIn(t)
	pages := map[string]bool{"": true}
	for _, cs := range g.RoutePages() {
		pages[walkthrough.EncodeRoute(cs)] = true
	}
	outcomes := 0
	for _, cs := range g.RoutePages() {
		code := walkthrough.EncodeRoute(cs)
		if _, err := g.DecodeRoute(code); err != nil {
			t.Errorf("route page %s: %v", code, err)
		}
		if !pages[walkthrough.EncodeRoute(cs[:len(cs)-1])] {
			t.Errorf("route page %s has no page one answer back", code)
		}
		if g.Node(g.End(cs[len(cs)-1].To)).Kind == walkthrough.Outcome {
			outcomes++
		}
	}
	if outcomes == 0 {
		t.Fatal("no route page reaches an outcome, so no family sees check your answers")
	}
	t.Logf("%d route pages, %d of them check your answers", len(pages)-1, outcomes)
}

// The decoder reads addresses anyone can type: it never panics, and what it
// accepts is a real route (each answer leads to the next question, no
// question twice) that encodes back to the same address.
func FuzzDecodeRoute(f *testing.F) {
	g := builtIn(f)
	for _, cs := range g.RoutePages() {
		f.Add(walkthrough.EncodeRoute(cs))
	}
	f.Add("")
	f.Add("a1a1")
	f.Add("zz")
	f.Add("a\x00")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := g.DecodeRoute(s)
		if err != nil {
			if cs != nil {
				t.Fatalf("%q: an error with answers %v", s, cs)
			}
			return
		}
		if walkthrough.EncodeRoute(cs) != s {
			t.Fatalf("%q decodes to %v, which encodes as %q", s, cs, walkthrough.EncodeRoute(cs))
		}
		seen := map[string]bool{}
		for i, c := range cs {
			if seen[c.Question] {
				t.Fatalf("%q answers %s twice", s, c.Question)
			}
			seen[c.Question] = true
			if i > 0 && g.End(cs[i-1].To) != c.Question {
				t.Fatalf("%q: %v does not lead to %s", s, cs[i-1], c.Question)
			}
		}
	})
}
