package walkthrough

import (
	"errors"
	"fmt"
	"strings"
)

// A route in an address is the answers given so far, two characters each:
// the question's letter (a for the first question in graph.yaml, b for the
// second...) and the answer's number on that question (1 to 9). "a1c3" is
// the first answer to the first question, then the third answer to the third.
// Like GOV.UK's check-your-answers, a route holds each question once, with its
// latest answer: answering a question again drops it and every later answer.

// MaxRouteQuestions and MaxRouteAnswers bound what a two-character code can name.
const (
	MaxRouteQuestions = 26
	MaxRouteAnswers   = 9
)

// A Choice is one answer on a route.
type Choice struct {
	Question string // the question's node id
	Answer   string // the answer's id
	To       string // the node the answer leads to
	Code     string // its two characters in a route address
}

// Route errors, for the plain message a page shows instead of the summary.
var (
	ErrRouteUnknown  = errors.New("an answer in the address is not one of the walkthrough's answers")
	ErrRouteRepeated = errors.New("the address answers the same question twice")
	ErrRouteTampered = errors.New("the answers in the address do not follow on from each other")
)

// questions lists the question nodes in graph order: their letters.
func (g *Graph) questions() []*Node {
	var qs []*Node
	for _, n := range g.Nodes {
		if n.Kind == Question && g.byID[n.ID] == n {
			qs = append(qs, n)
		}
	}
	return qs
}

// Choice returns the choice of answer a on question q, or false.
func (g *Graph) Choice(q, a string) (Choice, bool) {
	for qi, n := range g.questions() {
		if n.ID != q {
			continue
		}
		for ai, ans := range n.Answers {
			if ans.ID == a && qi < MaxRouteQuestions && ai < MaxRouteAnswers {
				return Choice{Question: q, Answer: a, To: ans.To, Code: string(rune('a'+qi)) + string(rune('1'+ai))}, true
			}
		}
	}
	return Choice{}, false
}

// EncodeRoute writes choices as a route address.
func EncodeRoute(cs []Choice) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Code)
	}
	return b.String()
}

// DecodeRoute reads a route address: every code must name an answer, no
// question may come twice, and each answer must lead (through any steps) to
// the question answered next. The first answer may be to any question, so a
// route can begin where a clinician's link to a middle question did.
func (g *Graph) DecodeRoute(s string) ([]Choice, error) {
	if len(s)%2 != 0 || len(s) > 2*MaxRouteQuestions {
		return nil, ErrRouteUnknown
	}
	qs := g.questions()
	var cs []Choice
	seen := map[string]bool{}
	for i := 0; i < len(s); i += 2 {
		qi, ai := int(s[i])-'a', int(s[i+1])-'1'
		if qi < 0 || qi >= len(qs) || qi >= MaxRouteQuestions || ai < 0 || ai >= len(qs[qi].Answers) || ai >= MaxRouteAnswers {
			return nil, ErrRouteUnknown
		}
		q := qs[qi]
		if seen[q.ID] {
			return nil, ErrRouteRepeated
		}
		seen[q.ID] = true
		if len(cs) > 0 && g.End(cs[len(cs)-1].To) != q.ID {
			return nil, ErrRouteTampered
		}
		a := q.Answers[ai]
		cs = append(cs, Choice{Question: q.ID, Answer: a.ID, To: a.To, Code: s[i : i+2]})
	}
	return cs, nil
}

// End follows steps from id to the first question or outcome.
func (g *Graph) End(id string) string {
	for range len(g.Nodes) + 1 {
		n := g.byID[id]
		if n == nil || n.Kind != Step {
			return id
		}
		id = n.Next
	}
	return id
}

// StepsFrom lists the steps from id up to (not including) the next question
// or outcome: what a family reads between two answers.
func (g *Graph) StepsFrom(id string) []string {
	var out []string
	for range len(g.Nodes) + 1 {
		n := g.byID[id]
		if n == nil || n.Kind != Step {
			break
		}
		out = append(out, id)
		id = n.Next
	}
	return out
}

// Reanswer adds the answer a to question q at the end of a route: any earlier
// answer to q, and all that followed it, are dropped.
func Reanswer(cs []Choice, c Choice) []Choice {
	for i, x := range cs {
		if x.Question == c.Question {
			cs = cs[:i]
			break
		}
	}
	return append(append([]Choice(nil), cs...), c)
}

// RoutePages lists every route from the start question that a family can
// build by answering, each once, shortest first: one page per route is
// enough for Back, Change and "check your answers" to work without
// JavaScript. The empty route (the start question itself) is not listed.
func (g *Graph) RoutePages() [][]Choice {
	start := g.byID[g.Start]
	if start == nil || start.Kind != Question {
		return nil
	}
	var out [][]Choice
	seen := map[string]bool{"": true}
	queue := [][]Choice{nil}
	for len(queue) > 0 {
		cs := queue[0]
		queue = queue[1:]
		at := g.Start
		if len(cs) > 0 {
			at = g.End(cs[len(cs)-1].To)
		}
		n := g.byID[at]
		if n == nil || n.Kind != Question {
			continue
		}
		for _, a := range n.Answers {
			c, ok := g.Choice(n.ID, a.ID)
			if !ok {
				continue
			}
			next := Reanswer(cs, c)
			code := EncodeRoute(next)
			if g.loops(next) {
				continue
			}
			if !seen[code] {
				seen[code] = true
				out = append(out, next)
				queue = append(queue, next)
			}
		}
	}
	return out
}

// loops tells whether a route's last answer leads back to a question it
// has answered: a detour (mediation, then back to the question). It gets no
// page of its own; its link goes to the detour's step page, carrying the
// route for the script.
func (g *Graph) loops(cs []Choice) bool {
	end := g.End(cs[len(cs)-1].To)
	for _, c := range cs {
		if c.Question == end {
			return true
		}
	}
	return false
}

// validateRouteCodes reports a graph too big for two-character route codes.
func (g *Graph) validateRouteCodes(add func(int, string, ...any)) {
	qs := g.questions()
	if len(qs) > MaxRouteQuestions {
		add(qs[MaxRouteQuestions].Line, "%s: the walkthrough can have at most %d questions (each has one letter in route addresses); merge some questions", qs[MaxRouteQuestions].ID, MaxRouteQuestions)
	}
	for _, q := range qs {
		if len(q.Answers) > MaxRouteAnswers {
			add(q.Answers[MaxRouteAnswers].Line, "%s: a question can have at most %d answers (each has one digit in route addresses); split the question", q.ID, MaxRouteAnswers)
		}
	}
}

// String shows a choice for messages and golden files.
func (c Choice) String() string { return fmt.Sprintf("%s=%s", c.Question, c.Answer) }
