package browsertest

import (
	"fmt"
	"strings"
)

// Failure is one thing wrong with one page in one condition, worded so the
// fix is obvious: which page, which condition, which rule, which element.
type Failure struct {
	Page      string // the page's URL
	Condition string // e.g. js-320
	Check     string // axe, csp, reflow, console, network, link, lang, keyboard, print, load
	Rule      string // the axe rule id, or the check's own rule name
	Target    string // the element, as a CSS selector
	HTML      string // the element's HTML, shortened
	Message   string // what is wrong and how to fix it
}

func (f Failure) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s", f.Page, f.Condition, f.Check)
	if f.Rule != "" {
		fmt.Fprintf(&b, " %s", f.Rule)
	}
	fmt.Fprintf(&b, ": %s", f.Message)
	if f.Target != "" {
		fmt.Fprintf(&b, "\n    element: %s", f.Target)
	}
	if f.HTML != "" {
		fmt.Fprintf(&b, "\n    html:    %s", shorten(f.HTML, 300))
	}
	return b.String()
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
