package walkthrough_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/esosite/esosite/internal/walkthrough"
)

var update = flag.Bool("update", false, "rewrite testdata/routes.golden from the built site")

func routeURL(code string) string {
	if code == "" {
		return nodeURL("where-are-you")
	}
	return basePath + "en/what-happens-next/r/" + code + "/"
}

// Every route page, JavaScript off: Back goes one answer back, the summary
// lists each answer with a Change link to the page that asks that question
// again, and a route that reaches an outcome goes on to it from "check your
// answers".
func TestRoutePagesJavaScriptOff(t *testing.T) {
	dir, _ := builtSite(t)
	g := builtIn(t)
	titles := englishTitles(t)
	for _, cs := range g.RoutePages() {
		code := walkthrough.EncodeRoute(cs)
		p := open(t, dir, routeURL(code))
		back := p.find(".wt-back")
		if len(back) != 1 || attr(back[0], "href") != routeURL(walkthrough.EncodeRoute(cs[:len(cs)-1])) {
			t.Errorf("%s: Back must go to the route one answer shorter", p.url)
		}
		rows := p.find(".wt-summary__row")
		if len(rows) != len(cs) {
			t.Errorf("%s: %d answers in the summary, want %d", p.url, len(rows), len(cs))
			continue
		}
		for i, a := range p.find(".wt-change") {
			change := open(t, dir, attr(a, "href"))
			asks := attr(change.find(".wt")[0], "data-wt-id")
			if asks != cs[i].Question {
				t.Errorf("%s: Change %d goes to %s, which asks %s, not %s", p.url, i+1, change.url, asks, cs[i].Question)
			}
			if hidden := text(a); !strings.Contains(hidden, "Change your answer to") {
				t.Errorf("%s: Change link %q does not say what it changes", p.url, hidden)
			}
		}
		end := g.End(cs[len(cs)-1].To)
		if g.Node(end).Kind == walkthrough.Outcome {
			if got := p.h1(t); got != "Check your answers" {
				t.Errorf("%s: h1 %q, want Check your answers", p.url, got)
			}
			next := p.find(".wt-next")
			if len(next) != 1 || attr(next[0], "href") != nodeURL(end)+"?r="+code {
				t.Errorf("%s: must go on to %s with the route", p.url, nodeURL(end))
			}
			continue
		}
		if got := p.h1(t); got != titles[end] {
			t.Errorf("%s: h1 %q, want the question %q", p.url, got, titles[end])
		}
		if n := len(p.find(".wt-answer")); n != len(g.Node(end).Answers) {
			t.Errorf("%s: %d answers, want %d", p.url, n, len(g.Node(end).Answers))
		}
		for _, a := range p.find(".wt-answer") {
			href, _, _ := strings.Cut(attr(a, "href"), "?")
			open(t, dir, href)
		}
	}
}

// Golden routes: every route from the start to an outcome (Graph.Paths), as
// a family reads it with JavaScript off: each page's heading, the answer or
// Next link taken and where it goes, then the check-your-answers page. One
// file per first answer (testdata/routes/<answer>.golden), so a diff stays
// readable. go test ./internal/walkthrough -run TestGoldenRoutes -update
// rewrites them.
func TestGoldenRoutes(t *testing.T) {
	dir, _ := builtSite(t)
	g := builtIn(t)
	files := map[string]*strings.Builder{}
	var order []string
	for n, route := range g.Paths() {
		first := ""
		var cs []walkthrough.Choice
		var b strings.Builder
		fmt.Fprintf(&b, "\n## route %d: %s\n", n+1, strings.Join(route, " > "))
		for i, id := range route {
			p := open(t, dir, nodeURL(id))
			fmt.Fprintf(&b, "%s\n", p.h1(t))
			if i == len(route)-1 {
				fmt.Fprintf(&b, "  (end: %d .wt-end)\n", len(p.find(".wt-end")))
				break
			}
			for _, a := range append(p.find(".wt-answer"), p.find(".wt-next")...) {
				if leadsTo(t, dir, attr(a, "href")) != nodeURL(route[i+1]) {
					continue
				}
				if q := attr(a, "data-a"); q != "" {
					c, _ := g.Choice(id, q)
					cs = walkthrough.Reanswer(cs, c)
					if first == "" {
						first = q
					}
					fmt.Fprintf(&b, "  answer: %s -> %s\n", text(a), attr(a, "href"))
				} else {
					fmt.Fprintf(&b, "  %s -> %s\n", text(a), attr(a, "href"))
				}
				break
			}
		}
		check := open(t, dir, routeURL(walkthrough.EncodeRoute(cs)))
		fmt.Fprintf(&b, "%s (%s)\n", check.h1(t), check.url)
		for _, row := range check.find(".wt-summary__row") {
			dt, dd := firstChild(row, "dt"), firstChild(row, "dd")
			fmt.Fprintf(&b, "  %s %s\n", text(dt), text(dd))
		}
		if files[first] == nil {
			files[first] = &strings.Builder{}
			order = append(order, first)
			fmt.Fprintf(files[first], "# Walkthrough routes starting with the answer %q, English, JavaScript off.\n", first)
			files[first].WriteString("# Made by TestGoldenRoutes (internal/walkthrough/route_site_test.go); regenerate with -update.\n")
		}
		files[first].WriteString(b.String())
	}
	if *update {
		os.RemoveAll("testdata/routes")
		if err := os.MkdirAll("testdata/routes", 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, first := range order {
		file := "testdata/routes/" + first + ".golden"
		got := files[first].String()
		if *update {
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v; run the test with -update to write it", err)
			continue
		}
		if got != string(want) {
			t.Errorf("the routes differ from %s: %s\nIf the change is meant, run: go test ./internal/walkthrough -run TestGoldenRoutes -update, and review the diff", file, firstDiff(string(want), got))
		}
	}
	if all, _ := os.ReadDir("testdata/routes"); len(all) != len(order) {
		t.Errorf("testdata/routes has %d files, the routes make %d; run with -update", len(all), len(order))
	}
}

func firstChild(n *html.Node, tag string) *html.Node {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && c.Data == tag {
			return c
		}
	}
	return n
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  golden: %q\n  built:  %q", i+1, a, b)
		}
	}
	return "(same lines, different ending)"
}
