package check

import "fmt"

// Links checks that every internal link and every resource a page loads
// exists in the output, and that every #anchor names an id on its target page.
func Links(o *Output) Problems {
	var ps Problems
	for _, p := range o.SortedPages() {
		for _, r := range p.Refs {
			file, frag, internal := o.Resolve(p, r.URL)
			if !internal {
				continue
			}
			target, ok := o.Pages[file]
			if !o.Files[file] {
				ps = append(ps, Problem{p.Path, r.Line, fmt.Sprintf("<%s> points to %q, which the site does not have; fix the link (content links are written without the language, e.g. /asking-for-a-second-opinion/) or add the page", r.Tag, r.URL)})
				continue
			}
			if frag != "" && ok && !target.IDs[frag] {
				ps = append(ps, Problem{p.Path, r.Line, fmt.Sprintf("link %q: page %s has no heading or element with id %q; use one of its {#id} heading ids", r.URL, file, frag)})
			}
		}
	}
	return ps
}
