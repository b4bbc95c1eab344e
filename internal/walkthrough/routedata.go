package walkthrough

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
)

// RoutesFile is where the build writes the route pages for Hugo to make
// (content/_walkthrough/_content.gotmpl reads it as hugo.Data.walkthrough.routes).
const RoutesFile = "data/walkthrough/routes.json"

// routeData is what the content adapter needs, in no language: the code of
// every answer, and one entry per route page.
type routeData struct {
	Codes map[string]map[string]string `json:"codes"` // question → answer → code
	Pages []routePage                  `json:"pages"`
}

type routePage struct {
	Code    string               `json:"code"`
	Back    string               `json:"back"`    // the route one answer shorter
	At      string               `json:"at"`      // the question asked next, or the outcome reached
	Outcome bool                 `json:"outcome"` // true: this is the check-your-answers page
	Steps   []string             `json:"steps"`   // the steps between the last answer and At
	Given   []routeAnswer        `json:"given"`   // the answers so far
	Links   map[string]routeLink `json:"links"`   // At's answer → the route it makes
}

// A routeLink is where an answer on a route page goes: the route page of
// the longer route, or (for a detour back to an answered question) the
// detour's own step page with the route in the query string.
type routeLink struct {
	Code string `json:"code"`
	Page bool   `json:"page"`
}

type routeAnswer struct {
	Question string `json:"q"`
	Answer   string `json:"a"`
	Change   string `json:"change"` // the route whose page asks Question again
}

// RouteJSON describes every route page for the content adapter.
func (g *Graph) RouteJSON() ([]byte, error) {
	d := routeData{Codes: map[string]map[string]string{}, Pages: []routePage{}}
	for _, q := range g.questions() {
		d.Codes[q.ID] = map[string]string{}
		for _, a := range q.Answers {
			if c, ok := g.Choice(q.ID, a.ID); ok {
				d.Codes[q.ID][a.ID] = c.Code
			}
		}
	}
	for _, cs := range g.RoutePages() {
		last := cs[len(cs)-1]
		p := routePage{Code: EncodeRoute(cs), Back: EncodeRoute(cs[:len(cs)-1]), At: g.End(last.To), Steps: g.StepsFrom(last.To), Links: map[string]routeLink{}}
		if p.Steps == nil {
			p.Steps = []string{}
		}
		for i, c := range cs {
			p.Given = append(p.Given, routeAnswer{Question: c.Question, Answer: c.Answer, Change: EncodeRoute(cs[:i])})
		}
		at := g.byID[p.At]
		p.Outcome = at.Kind == Outcome
		for _, a := range at.Answers {
			if c, ok := g.Choice(at.ID, a.ID); ok {
				next := Reanswer(cs, c)
				p.Links[a.ID] = routeLink{Code: EncodeRoute(next), Page: !g.loops(next)}
			}
		}
		d.Pages = append(d.Pages, p)
	}
	return json.MarshalIndent(d, "", " ")
}

// WriteRoutes writes RoutesFile into dir, a folder laid out like the site,
// from the walkthrough there. A walkthrough that does not load or validate
// gets no route pages: Check reports its problems.
func WriteRoutes(dir string) error {
	g, ps := Load(os.DirFS(dir))
	if g == nil || len(ps) > 0 || len(g.Validate()) > 0 {
		return nil
	}
	data, err := g.RouteJSON()
	if err != nil {
		return err
	}
	file := filepath.Join(dir, filepath.FromSlash(RoutesFile))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, data, fs.FileMode(0o644))
}
