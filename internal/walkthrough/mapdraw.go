package walkthrough

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
)

// The map of the walkthrough for reviewers and clinicians: an SVG of every
// node and answer, and the same as a nested list (the SVG's text
// alternative), in English, on /en/for-professionals/walkthrough-map/.
const (
	MapSVGFile  = "assets/walkthrough/map.svg"
	MapListFile = "assets/walkthrough/map-list.html"
)

// Sizes of the drawing, in SVG units.
const (
	boxW, boxH = 176, 58
	gapX, gapY = 24, 70
	margin     = 16
	lineChars  = 24
)

// words returns a node's English title and answer labels.
func (g *Graph) words(lang string) (titles map[string]string, labels map[string]map[string]string) {
	titles, labels = map[string]string{}, map[string]map[string]string{}
	for _, t := range g.Texts {
		if t.Lang != lang {
			continue
		}
		for _, n := range g.Nodes {
			v, _ := t.node(n.ID)
			if s := lookup(v, "title"); s != nil {
				titles[n.ID] = s.Value
			}
			labels[n.ID] = map[string]string{}
			for _, kv := range pairs(lookup(v, "answers")) {
				labels[n.ID][kv[0].Value] = kv[1].Value
			}
		}
	}
	return titles, labels
}

// layers places each reachable node in the row of its breadth-first depth.
func (g *Graph) layers() ([][]string, map[string][2]int) {
	order, parent := g.bfs()
	depth := map[string]int{}
	var rows [][]string
	at := map[string][2]int{}
	for _, id := range order {
		d := 0
		if p, ok := parent[id]; ok {
			d = depth[p] + 1
		}
		depth[id] = d
		for len(rows) <= d {
			rows = append(rows, nil)
		}
		at[id] = [2]int{d, len(rows[d])}
		rows[d] = append(rows[d], id)
	}
	return rows, at
}

// MapSVG draws the graph: a box per node (questions with a thick border,
// outcomes filled), a line per answer or next, numbered by answer.
func (g *Graph) MapSVG(lang string) string {
	titles, _ := g.words(lang)
	rows, at := g.layers()
	widest := 0
	for _, r := range rows {
		widest = max(widest, len(r))
	}
	w := 2*margin + widest*boxW + (widest-1)*gapX
	h := 2*margin + len(rows)*boxH + (len(rows)-1)*gapY
	pos := func(id string) (x, y int) {
		p := at[id]
		row := rows[p[0]]
		offset := (w - 2*margin - (len(row)*boxW + (len(row)-1)*gapX)) / 2
		return margin + offset + p[1]*(boxW+gapX), margin + p[0]*(boxH+gapY)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="wt-map-svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="wt-map-svg-title wt-map-svg-desc">`+"\n", w, h, w, h)
	b.WriteString(`<title id="wt-map-svg-title">Map of the walkthrough</title>` + "\n")
	b.WriteString(`<desc id="wt-map-svg-desc">Every question, step and outcome of the walkthrough, with a line for each answer. The same map is written out as a list below.</desc>` + "\n")
	b.WriteString(`<defs><marker id="wt-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#0b0c0c"/></marker></defs>` + "\n")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", w, h)
	for _, row := range rows {
		for _, id := range row {
			n := g.byID[id]
			x1, y1 := pos(id)
			for i, t := range n.targets() {
				if _, ok := at[t]; !ok {
					continue
				}
				x2, y2 := pos(t)
				sx, sy := x1+boxW/2, y1+boxH
				ex, ey := x2+boxW/2, y2
				if y2 <= y1 { // back up the page: leave and arrive by the sides
					sx, sy, ex, ey = x1, y1+boxH/2, x2+boxW, y2+boxH/2
					if x2 > x1 {
						sx, ex = x1+boxW, x2
					}
				}
				fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#505a5f" stroke-width="1.5" marker-end="url(#wt-arrow)"/>`+"\n", sx, sy, ex, ey)
				if n.Kind == Question {
					lx, ly := sx+(ex-sx)/5, sy+(ey-sy)/5
					fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="9" fill="#ffffff" stroke="#0b0c0c"/><text x="%d" y="%d" font-size="11" text-anchor="middle" fill="#0b0c0c">%d</text>`+"\n", lx, ly, lx, ly+4, i+1)
				}
			}
		}
	}
	for _, row := range rows {
		for _, id := range row {
			n := g.byID[id]
			x, y := pos(id)
			fill, stroke, sw := "#ffffff", "#0b0c0c", 1
			switch n.Kind {
			case Question:
				sw = 3
			case Outcome:
				fill = "#dbe8f3"
			}
			fmt.Fprintf(&b, `<g id="map-box-%s"><rect x="%d" y="%d" width="%d" height="%d" rx="4" fill="%s" stroke="%s" stroke-width="%d"/>`, id, x, y, boxW, boxH, fill, stroke, sw)
			lines := wrap(titles[id], lineChars)
			if len(lines) > 3 {
				lines = append(lines[:2], lines[2]+"…")
			}
			top := y + boxH/2 - (len(lines)-1)*7 + 4
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="middle" fill="#0b0c0c">`, x+boxW/2, top)
			for i, l := range lines {
				dy := 0
				if i > 0 {
					dy = 14
				}
				fmt.Fprintf(&b, `<tspan x="%d" dy="%d">%s</tspan>`, x+boxW/2, dy, html.EscapeString(l))
			}
			b.WriteString("</text></g>\n")
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// wrap breaks s into lines of at most n characters, at spaces.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// MapList writes the graph as nested lists, the tree of the breadth-first
// order: each node lists its answers (or next); a node first reached from
// here is nested under the answer, any other is a link to its item. Links to
// step pages are relative to the map page (for-professionals/walkthrough-map/).
func (g *Graph) MapList(lang string) string {
	titles, labels := g.words(lang)
	_, parent := g.bfs()
	kinds := map[string]string{Question: "question", Step: "step", Outcome: "outcome"}
	var b strings.Builder
	var item func(id string, depth int)
	item = func(id string, depth int) {
		n := g.byID[id]
		fmt.Fprintf(&b, `<li id="map-%s"><a href="../../what-happens-next/%s/">%s</a> (%s)`, id, id, html.EscapeString(titles[id]), kinds[n.Kind])
		if n.Kind == Outcome || depth > len(g.Nodes) {
			b.WriteString("</li>\n")
			return
		}
		b.WriteString("\n<ul>\n")
		way := func(label, to string) {
			if parent[to] == id && to != g.Start {
				fmt.Fprintf(&b, "<li>%s:\n<ul>\n", html.EscapeString(label))
				item(to, depth+1)
				b.WriteString("</ul>\n</li>\n")
				return
			}
			fmt.Fprintf(&b, `<li>%s: goes to <a href="#map-%s">%s</a></li>`+"\n", html.EscapeString(label), to, html.EscapeString(titles[to]))
		}
		if n.Kind == Step {
			way("Next", n.Next)
		}
		for i, a := range n.Answers {
			way(fmt.Sprintf("Answer %d, %s", i+1, labels[id][a.ID]), a.To)
		}
		b.WriteString("</ul>\n</li>\n")
	}
	b.WriteString(`<ul class="wt-map-list">` + "\n")
	if g.byID[g.Start] != nil {
		item(g.Start, 0)
	}
	b.WriteString("</ul>\n")
	return b.String()
}

// WriteMap writes the map's SVG and list into dir, a folder laid out like
// the site, in English. Like WriteRoutes, it writes nothing for a
// walkthrough that does not validate.
func WriteMap(dir string) error {
	g, ps := Load(os.DirFS(dir))
	if g == nil || len(ps) > 0 || len(g.Validate()) > 0 {
		return nil
	}
	for file, data := range map[string]string{MapSVGFile: g.MapSVG(sourceLang), MapListFile: g.MapList(sourceLang)} {
		full := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
