package importer

import (
	"strings"
	"time"
)

// A Document is what a parser recovers from a page, in either form. The
// text and HTML parsers both produce one, so footnotes, the Markdown writer
// and the summary do not care which form the page came in.
type Document struct {
	Title        string
	TitleLine    int
	Description  string
	LastReviewed time.Time // zero when the page gave no date
	Source       string    // canonical URL found in the page, if any
	Blocks       []Block
	Terms        []Term
	Refs         []Ref // the numbered reference list, in page order
	Lang         string
}

// BlockKind says what a Block is.
type BlockKind int

// The kinds of block a guidance page is made of.
const (
	Para BlockKind = iota
	Heading
	List
	Quote
	Terms // where the key terms list stands; the terms are in Document.Terms
)

// A Block is one paragraph, heading, list, quotation or the terms list.
type Block struct {
	Kind    BlockKind
	Line    int // first line in the input
	Level   int // heading level, 2-4
	Spans   []Span
	Items   []Item // List
	Ordered bool   // List
	Cite    string // Quote: the attribution line, e.g. "Parent, 2021"
	ID      string // Heading: the explicit id
}

// An Item is one list item, with any list nested in it.
type Item struct {
	Spans []Span
	Items []Item
	Line  int
}

// A Span is a run of inline text: plain text, a link, or a footnote marker.
type Span struct {
	Text string
	Href string // a link
	Ref  int    // a footnote marker when > 0
}

// A Term is one entry of the key terms list.
type Term struct {
	ID, Term, Definition string
	Line                 int
}

// A Ref is one numbered entry of the reference list. An entry whose text is
// missing on the source page is kept, with Spans empty.
type Ref struct {
	Num   int
	Spans []Span
	Line  int
	Cited bool
}

// plain is the text of spans without markers, for descriptions and ids.
func plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return strings.TrimSpace(b.String())
}

// cleanSpace turns every run of white space (including non-breaking spaces,
// which copied pages are full of) into one space and trims the ends.
func cleanSpace(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			return -1 // invisible: zero-width space, byte order mark, soft hyphen
		}
		return r
	}, s)
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f':
		return true
	}
	return false
}
