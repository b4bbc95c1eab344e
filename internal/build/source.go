package build

import (
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/esosite/esosite/internal/check"
)

// linkURL is the address a link problem is about, as check.Links quotes it.
var linkURL = regexp.MustCompile(`^(?:<\w+> points to|link) "([^"]+)"`)

// linksToSource points each broken link at the Markdown line a person wrote
// it on, instead of the built page: the page's own file when its output
// path matches, and the first line there holding the address (or, for a
// missing #anchor, the anchor). A problem it cannot place keeps the built
// page, named under label (the destination), so nothing is lost.
func (ws *workspace) linksToSource(ps check.Problems, label string) check.Problems {
	byOutput := map[string]check.Page{}
	for _, p := range ws.pages {
		byOutput[outputOf(p.Rel)] = p
	}
	for i, p := range ps {
		src, ok := byOutput[p.Path]
		m := linkURL.FindStringSubmatch(p.Message)
		ps[i].Path = filepath.Join(label, p.Path)
		if !ok || m == nil {
			continue
		}
		needle := m[1]
		if u, err := url.Parse(m[1]); err == nil && u.Fragment != "" && strings.Contains(p.Message, "has no heading") {
			needle = "#" + u.Fragment
		}
		for n, line := range strings.Split(string(src.Data), "\n") {
			if strings.Contains(line, "("+needle) || strings.Contains(line, needle+")") {
				ps[i] = check.Problem{Path: src.Path, Line: n + 1, Message: p.Message}
				break
			}
		}
	}
	return ps
}

// outputOf is the built page of a content file: content/en/a/b.md and
// content/en/a/b/_index.md both become en/a/b/index.html.
func outputOf(rel string) string {
	p := strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md")
	switch path.Base(p) {
	case "_index", "index":
		p = path.Dir(p)
	}
	return path.Join(p, "index.html")
}
