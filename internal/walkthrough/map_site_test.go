package walkthrough_test

import (
	"strings"
	"testing"
)

// The map page shows every node in the SVG and in the nested list, and the
// list names every answer, so the drawing has a full text alternative.
func TestMapPage(t *testing.T) {
	dir, _ := builtSite(t)
	g := builtIn(t)
	p := open(t, dir, basePath+"en/for-professionals/walkthrough-map/")
	svgs := p.find("svg")
	var drawing string
	for _, s := range svgs {
		if hasClass(s, ".wt-map-svg") {
			drawing = text(s)
			if attr(s, "role") != "img" || attr(s, "aria-labelledby") == "" {
				t.Error("the map SVG needs role=img and a title")
			}
		}
	}
	lists := p.find(".wt-map-list")
	if drawing == "" || len(lists) != 1 {
		t.Fatalf("the map page needs the SVG and the list (found %d SVGs, %d lists)", len(svgs), len(lists))
	}
	list := text(lists[0])
	answers := 0
	for _, n := range g.Nodes {
		if len(p.find("li")) == 0 || !strings.Contains(list, "("+n.Kind+")") {
			t.Fatalf("the list does not mark kinds")
		}
		found := false
		for _, li := range p.find("li") {
			found = found || attr(li, "id") == "map-"+n.ID
		}
		if !found {
			t.Errorf("the list has no item for %s", n.ID)
		}
		if !strings.Contains(drawing, strings.Fields(englishTitles(t)[n.ID])[0]) {
			t.Errorf("the drawing lacks %s", n.ID)
		}
		answers += len(n.Answers)
	}
	if got := strings.Count(list, "Answer "); got != answers {
		t.Errorf("the list names %d answers, the graph has %d", got, answers)
	}
}
