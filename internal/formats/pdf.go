package formats

import (
	"regexp"
	"strconv"
)

// pageObject matches a PDF page object's type, not the /Pages tree nodes.
var pageObject = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// PageCount counts the page objects in a PDF. Chromium writes each page's
// dictionary uncompressed, so counting them is enough without a PDF library.
func PageCount(pdf []byte) int {
	return len(pageObject.FindAllIndex(pdf, -1))
}

// A Dest is where a named destination of a PDF points: a page (counted
// from 1, in the order the page objects are written) and the height on it,
// in points from the bottom of the page.
type Dest struct {
	Page int
	Y    float64
}

var (
	pageObjectNumber = regexp.MustCompile(`(?m)^(\d+) 0 obj\s*<<\s*/Type\s*/Page\b[^s]`)
	namedDest        = regexp.MustCompile(`(?m)^(?:<<)?/([^\s\[/]+)\s*\[(\d+) 0 R /XYZ ([-\d.]+) ([-\d.]+)`)
)

// Dests reads the named destinations Chromium writes for the page's ids
// that links point to: the contents list's targets, one per section.
func Dests(pdf []byte) map[string]Dest {
	page := map[string]int{}
	for i, m := range pageObjectNumber.FindAllSubmatch(pdf, -1) {
		page[string(m[1])] = i + 1
	}
	out := map[string]Dest{}
	for _, m := range namedDest.FindAllSubmatch(pdf, -1) {
		p, ok := page[string(m[2])]
		if !ok {
			continue
		}
		y, err := strconv.ParseFloat(string(m[4]), 64)
		if err != nil {
			continue
		}
		out[string(m[1])] = Dest{Page: p, Y: y}
	}
	return out
}
