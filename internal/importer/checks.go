package importer

import "regexp"

// A page copied as text keeps a link's surroundings but can lose the link's
// own words ("Both the and recognise", "(see )", "has written an ."). The
// importer cannot know the words, so it points at each place.
var lostLinkRE = regexp.MustCompile(`\(\s*(see|and|or)?\s*\)|\(see\s+(and\s+)?\)|\b(the|an|see|The|See)\s+(and\b|or\b|[.,;:)])|\b(the|an|The|An)\s+(to|of|for|with|is|are)\b|\s[.,;:](\s|$)|^(and|or|but)\s`)

// checkText warns about text that a person must look at before publishing.
func checkText(doc *Document, warns *notes) {
	check := func(spans []Span, line int) {
		for _, s := range spans {
			if s.Ref > 0 || s.Href != "" {
				continue
			}
			if loc := lostLinkRE.FindStringIndex(s.Text); loc != nil {
				from, to := max(loc[0]-25, 0), min(loc[1]+10, len(s.Text))
				for from > 0 && s.Text[from]&0xC0 == 0x80 {
					from--
				}
				for to < len(s.Text) && s.Text[to]&0xC0 == 0x80 {
					to++
				}
				warns.add(line, "words seem to be missing here (a link's text lost in copying?): %q; compare with the original page", s.Text[from:to])
			}
		}
	}
	for _, b := range doc.Blocks {
		check(b.Spans, b.Line)
		walkItems(b.Items, func(it Item) { check(it.Spans, it.Line) })
		if b.Kind == Quote {
			for _, s := range b.Spans {
				if s.Ref > 0 {
					warns.add(b.Line, "reference marker %d is inside a quotation, where a footnote cannot go; written as [%d]", s.Ref, s.Ref)
				}
			}
		}
	}
}
