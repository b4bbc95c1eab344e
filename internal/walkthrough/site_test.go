package walkthrough_test

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/esosite/esosite"
	"github.com/esosite/esosite/internal/browsertest"
	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/testsite"
)

// The built site is shared by the tests in this package (and others): it is
// built for a full address under a sub-path, as a Trust would host it.
const basePath = "/trust/eso/" // testsite.SubPathURL's

func builtSite(t testing.TB) (string, *build.Result) {
	t.Helper()
	return testsite.Build(t, build.Options{BaseURL: testsite.SubPathURL})
}

// serve serves the built site at testsite.SubPathURL and returns its origin.
func serve(t testing.TB, dir string) string {
	srv := browsertest.ListenAt(t, testsite.SubPathURL)
	srv.Serve(dir)
	return srv.Origin
}

// englishTitles reads each node's English title, the h1 its page must show.
func englishTitles(t *testing.T) map[string]string {
	t.Helper()
	raw, err := esosite.Files.ReadFile("data/walkthrough/text/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var text struct {
		Start struct{ Title string }
		Nodes map[string]struct{ Title string }
	}
	if err := yaml.Unmarshal(raw, &text); err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{"": text.Start.Title}
	for id, n := range text.Nodes {
		titles[id] = n.Title
	}
	return titles
}

// A page of the built site, parsed.
type page struct {
	url  string
	root *html.Node
}

// parsed keeps each page once: the routes pass the same pages hundreds of
// times (the disagreement options can be taken in any order), and pages are
// only read.
var parsed sync.Map // file path → *page

func open(t *testing.T, dir, url string) *page {
	t.Helper()
	if !strings.HasPrefix(url, basePath) {
		t.Fatalf("link %q is outside the site's sub-path %s", url, basePath)
	}
	file := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(url, basePath)), "index.html")
	if p, ok := parsed.Load(file); ok {
		return p.(*page)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%s: no page: %v", url, err)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	p := &page{url, root}
	parsed.Store(file, p)
	return p
}

// find returns every element with the class (or tag, for a plain name).
func (p *page) find(sel string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == sel || hasClass(n, sel)) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	return out
}

func hasClass(n *html.Node, class string) bool {
	return strings.HasPrefix(class, ".") && strings.Contains(" "+attr(n, "class")+" ", " "+class[1:]+" ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (p *page) h1(t *testing.T) string {
	hs := p.find("h1")
	if len(hs) != 1 {
		t.Fatalf("%s has %d h1 elements, want 1", p.url, len(hs))
	}
	return text(hs[0])
}

func nodeURL(id string) string {
	if id == "" {
		return basePath + "en/what-happens-next/"
	}
	return basePath + "en/what-happens-next/" + id + "/"
}

// Every route from the start to an outcome, followed through the built pages
// with JavaScript off, as GOV.UK Smart Answers test their flows: each page
// has the right h1 and Back link, and a plain link leads on to the next page.
func TestEveryPathJavaScriptOff(t *testing.T) {
	dir, _ := builtSite(t)
	g := builtIn(t)
	titles := englishTitles(t)
	parents := g.Parents()

	start := open(t, dir, nodeURL(""))
	if got := start.h1(t); got != titles[""] {
		t.Fatalf("start page h1 %q, want %q", got, titles[""])
	}
	startLinks := start.find(".wt-start")
	if len(startLinks) != 1 || attr(startLinks[0], "href") != nodeURL(g.Start) {
		t.Fatalf("the start page must link once to the first question %s", nodeURL(g.Start))
	}
	for _, route := range g.Paths() {
		name := route[len(route)-1] + " via " + strings.Join(route[:len(route)-1], ",")
		t.Run(name, func(t *testing.T) {
			for i, id := range route {
				p := open(t, dir, nodeURL(id))
				if got := p.h1(t); got != titles[id] {
					t.Fatalf("step %d, %s: h1 %q, want %q", i+1, p.url, got, titles[id])
				}
				back := p.find(".wt-back")
				if len(back) != 1 || attr(back[0], "href") != nodeURL(parents[id]) {
					t.Errorf("%s: the Back link must go to %s", p.url, nodeURL(parents[id]))
				}
				ways := append(p.find(".wt-answer"), p.find(".wt-next")...)
				if i == len(route)-1 {
					if len(ways) > 0 {
						t.Errorf("%s is an outcome but links on", p.url)
					}
					break
				}
				found := false
				for _, a := range ways {
					found = found || leadsTo(t, dir, attr(a, "href")) == nodeURL(route[i+1])
				}
				if !found {
					t.Fatalf("%s has no answer or next link to %s", p.url, nodeURL(route[i+1]))
				}
			}
		})
	}
}

// leadsTo is the step page a link shows next: the page itself without the
// route in its query string, or, for a route page, the first step it lists
// (else the question it asks).
func leadsTo(t *testing.T, dir, href string) string {
	t.Helper()
	href, _, _ = strings.Cut(href, "?")
	if !strings.Contains(href, "/what-happens-next/r/") {
		return href
	}
	p := open(t, dir, href)
	for _, sec := range p.find(".wt-steps") {
		for c := range sec.Descendants() {
			if c.Type == html.ElementNode && c.Data == "a" {
				u, _, _ := strings.Cut(attr(c, "href"), "?")
				return u
			}
		}
	}
	for _, w := range p.find(".wt") {
		return nodeURL(attr(w, "data-wt-id"))
	}
	return href
}

// Every answer on every page leads to a page that exists, and every step
// links to the stages at a glance and to the start.
func TestEveryStepLinks(t *testing.T) {
	dir, _ := builtSite(t)
	g := builtIn(t)
	for _, n := range g.Nodes {
		p := open(t, dir, nodeURL(n.ID))
		for _, a := range p.find(".wt-answer") {
			href, _, _ := strings.Cut(attr(a, "href"), "?")
			open(t, dir, href)
		}
		if len(p.find(".wt-answer")) != len(n.Answers) {
			t.Errorf("%s shows %d answers, the graph has %d", p.url, len(p.find(".wt-answer")), len(n.Answers))
		}
		glance := p.find(".wt-glance-link")
		if len(glance) != 1 || attr(glance[0], "href") != nodeURL("at-a-glance") {
			t.Errorf("%s does not link to the stages at a glance", p.url)
		}
		if len(p.find(".wt-restart")) != 1 {
			t.Errorf("%s has no Start again link", p.url)
		}
	}
	overview := open(t, dir, nodeURL("at-a-glance"))
	if n := len(overview.find(".wt-timeline__stage")); n != len(g.Stages) {
		t.Errorf("the timeline shows %d stages, the graph has %d", n, len(g.Stages))
	}
}

// The walkthrough's script stays within its budget: 5 KB brotli, as served.
func TestScriptSize(t *testing.T) {
	dir, res := builtSite(t)
	files, _ := filepath.Glob(filepath.Join(dir, "js", "walkthrough.min.*.js"))
	if len(files) != 1 {
		t.Fatalf("want one built walkthrough script, found %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	size := check.BrotliSize(data)
	t.Logf("walkthrough.js: %d bytes minified, %d bytes brotli", len(data), size)
	if size > 5120 {
		t.Errorf("walkthrough.js is %d bytes brotli, over its budget of 5120", size)
	}
	for _, w := range res.Weights {
		if strings.Contains(w.Page, "what-happens-next") {
			t.Logf("heaviest walkthrough page: %s, %d bytes brotli with everything it loads", path.Clean(w.Page), w.Total)
			break
		}
	}
}

func BenchmarkScriptBrotli(b *testing.B) {
	src, err := esosite.Files.ReadFile("assets/js/walkthrough.js")
	if err != nil {
		b.Fatal(err)
	}
	var n int
	for b.Loop() {
		n = check.BrotliSize(src)
	}
	b.ReportMetric(float64(n), "brotli-bytes")
}
