package check

import (
	"fmt"
	"net/url"
)

// CSP checks the rules a strict Content Security Policy (default-src 'self')
// enforces in the browser, so a build that would break on a Trust's server
// fails here instead: no inline script or style, no on*= handlers, and
// nothing loaded from another origin.
func CSP(o *Output) Problems {
	var ps Problems
	for _, p := range o.SortedPages() {
		ps = append(ps, p.Bad...)
		for _, r := range p.Refs {
			if !r.Loads {
				continue
			}
			if u, err := url.Parse(r.URL); err == nil && (u.Host != "" || (u.Scheme != "" && u.Scheme != "data")) {
				ps = append(ps, Problem{p.Path, r.Line, fmt.Sprintf("<%s> loads %q from another origin; families' devices must not contact third parties, so copy the file into assets/ or static/", r.Tag, r.URL)})
			}
		}
	}
	return ps
}
