package importer

import (
	"sort"
	"strings"
	"unicode"
)

// Copied pages lose the superscript on reference numbers, so a marker ends
// up glued to the word or full stop before it: "is increasing.1 Caring",
// "a breakdown in communication5 and", "loss of trust6 7 can occur".
// linkFootnotes turns those into footnote markers, but only for numbers the
// page's reference list has: without a list, "under 18" or "2022" could not
// be told apart from a marker, so nothing is guessed.

// linkFootnotes finds markers in the document's text, marks the cited
// references, and warns about empty, uncited and unknown references.
func linkFootnotes(doc *Document, warns *notes) {
	known := map[int]*Ref{}
	for k := range doc.Refs {
		known[doc.Refs[k].Num] = &doc.Refs[k]
	}
	split := func(spans []Span) []Span { return splitMarkers(spans, known) }
	for b := range doc.Blocks {
		blk := &doc.Blocks[b]
		switch blk.Kind {
		case Para, Quote:
			blk.Spans = split(blk.Spans)
		case List:
			splitItems(blk.Items, split)
		}
	}
	// Markers that came as <sup> in HTML may name a reference the list
	// does not have; keep them, with the "missing" text, and say so.
	cited := map[int]bool{}
	cite := func(spans []Span, line int) {
		for _, s := range spans {
			if s.Ref == 0 {
				continue
			}
			if known[s.Ref] == nil && !cited[s.Ref] {
				doc.Refs = append(doc.Refs, Ref{Num: s.Ref, Line: line})
				warns.add(line, "marker %d has no entry in the reference list; kept, with the reference text marked missing", s.Ref)
			}
			cited[s.Ref] = true
		}
	}
	for _, blk := range doc.Blocks {
		if blk.Kind != Quote { // a marker in a quotation is written as text
			cite(blk.Spans, blk.Line)
		}
		walkItems(blk.Items, func(it Item) { cite(it.Spans, it.Line) })
	}
	sort.SliceStable(doc.Refs, func(i, j int) bool { return doc.Refs[i].Num < doc.Refs[j].Num })
	for k := range doc.Refs {
		r := &doc.Refs[k]
		r.Cited = cited[r.Num]
		switch {
		case len(r.Spans) == 0:
			warns.add(r.Line, "reference %d has no text; kept as a marker (add the reference text by hand)", r.Num)
		case !r.Cited:
			warns.add(r.Line, "reference %d is not cited in the text; the site will not show it until a marker [^%d] is added", r.Num, r.Num)
		}
	}
}

func splitItems(items []Item, split func([]Span) []Span) {
	for k := range items {
		items[k].Spans = split(items[k].Spans)
		splitItems(items[k].Items, split)
	}
}

func walkItems(items []Item, f func(Item)) {
	for _, it := range items {
		f(it)
		walkItems(it.Items, f)
	}
}

// splitMarkers splits text spans at glued reference markers.
func splitMarkers(spans []Span, known map[int]*Ref) []Span {
	if len(known) == 0 {
		return spans
	}
	var out []Span
	for _, s := range spans {
		if s.Ref > 0 || s.Href != "" {
			out = append(out, s)
			continue
		}
		out = append(out, markersIn(s.Text, known)...)
	}
	return out
}

// markersIn finds the markers in one piece of text.
func markersIn(text string, known map[int]*Ref) []Span {
	var out []Span
	rs := []rune(text)
	start := 0 // start of the text not yet emitted
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) || i == 0 || isDigit(rs[i-1]) || !gluePoint(rs, i) {
			continue
		}
		nums, end := markerRun(rs, i, known)
		if len(nums) == 0 {
			continue
		}
		if i > start {
			out = append(out, Span{Text: string(rs[start:i])})
		}
		for _, n := range nums {
			out = append(out, Span{Ref: n})
		}
		start, i = end, end-1
	}
	if start < len(rs) {
		out = append(out, Span{Text: string(rs[start:])})
	}
	return out
}

// gluePoint: the digit at i follows a lower-case letter or a closing mark
// (". , ; : ’ ” ) ]") that does not itself follow a digit — so "2.1",
// "10:30" and "£1.50" are not markers, and neither is "Type 1" (a space).
func gluePoint(rs []rune, i int) bool {
	p := rs[i-1]
	if unicode.IsLower(p) {
		return true
	}
	if !strings.ContainsRune(".,;:’”\")]'", p) {
		return false
	}
	return i < 2 || !isDigit(rs[i-2])
}

// markerRun reads "6" or "6 7" (more markers after one space, each larger
// than the last) at i. It returns the numbers and where the run ends; none
// when the number is not in the reference list or is not followed by a
// space, punctuation or the end of the text ("2022" is never a marker).
func markerRun(rs []rune, i int, known map[int]*Ref) ([]int, int) {
	var nums []int
	end, last := i, 0
	for {
		n, j := oneMarker(rs, i, known, last)
		if n == 0 {
			return nums, end
		}
		nums, last, end = append(nums, n), n, j
		if j+1 < len(rs) && isSpace(rs[j]) && isDigit(rs[j+1]) {
			i = j + 1
			continue
		}
		return nums, end
	}
}

func oneMarker(rs []rune, k int, known map[int]*Ref, last int) (int, int) {
	j := k
	for j < len(rs) && isDigit(rs[j]) && j-k < 3 {
		j++
	}
	if j == k || (j < len(rs) && !endsMarker(rs, j)) {
		return 0, k
	}
	n := atoiRunes(rs[k:j])
	if known[n] == nil || n <= last {
		return 0, k
	}
	return n, j
}

// endsMarker: what may follow a marker: white space, or punctuation that
// is itself followed by white space or the end.
func endsMarker(rs []rune, j int) bool {
	r := rs[j]
	if isSpace(r) {
		return true
	}
	if strings.ContainsRune(".,;:)!?", r) {
		return j+1 == len(rs) || isSpace(rs[j+1])
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func atoiRunes(rs []rune) int {
	n := 0
	for _, r := range rs {
		n = n*10 + int(r-'0')
	}
	return n
}
