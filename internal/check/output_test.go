package check

import (
	"os"
	"strings"
	"testing"
)

func readFixture(t *testing.T) *Output {
	t.Helper()
	o, err := ReadOutput(os.DirFS("testdata/site"), "/sub/")
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// expect asserts that ps holds exactly the wanted messages (as substrings), in order.
func expect(t *testing.T, ps Problems, want []string) {
	t.Helper()
	ps.Sort()
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(ps), len(want), ps.Error())
	}
	for i, w := range want {
		if !strings.Contains(ps[i].String(), w) {
			t.Errorf("problem %d: got %q, want it to contain %q", i, ps[i].String(), w)
		}
	}
}

func TestLinks(t *testing.T) {
	expect(t, Links(readFixture(t)), []string{
		`index.html:8: link "/sub/en/a/#nowhere": page en/a/index.html has no heading or element with id "nowhere"`,
		`index.html:9: <a> points to "/sub/en/missing/", which the site does not have`,
		`index.html:10: <a> points to "/en/a/", which the site does not have`,
	})
}

func TestCSP(t *testing.T) {
	expect(t, CSP(readFixture(t)), []string{
		`index.html:13: <img> loads "https://cdn.example/x.png" from another origin`,
		`index.html:14: style="" attribute on <p>`,
		`index.html:15: onclick= handler on <button>`,
		`index.html:16: <script> without src`,
		`index.html:16: inline script`,
	})
}

func TestWeights(t *testing.T) {
	ws, err := Weights(readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 {
		t.Fatalf("want 2 pages, got %v", ws)
	}
	css := BrotliSize([]byte("body{color:#000}\n"))
	for _, w := range ws {
		if w.Total <= w.HTML || w.Total < w.HTML+css {
			t.Errorf("%s: total %d does not include the stylesheet (%d) on top of the HTML (%d)", w.Page, w.Total, css, w.HTML)
		}
	}
	expect(t, Budget(ws, ws[1].Total), []string{"index.html: weighs"})
}
