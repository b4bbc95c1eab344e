package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A page copied from a browser as plain text keeps one line per paragraph,
// heading, list item or table row, with blank lines between most blocks.
// Bullets come through as "•" (indented), headings as short lines without a
// full stop, and quotations as a paragraph followed by an attribution line
// ("Family, 2021"). ParseText recovers that structure.

// a line of the copied page, after encoding repair
type textLine struct {
	n      int    // 1-based line number in the input
	raw    string // as in the file (non-breaking spaces kept, for splitTerm)
	text   string // white space cleaned
	bullet bool   // "•", "-", "*" … item
	number int    // "1." or "1)" item: its number
	indent int
}

var (
	bulletRE      = regexp.MustCompile(`^([ \t\x{a0}]*)([•●▪◦‣·∙*\-–])[ \t\x{a0}]+(.*)$|^([ \t\x{a0}]*)([•●▪◦‣])(\d.*)$`)
	numberedRE    = regexp.MustCompile(`^([ \t]*)(\d{1,2})[.)][ \t\x{a0}]+(\S.*)$`)
	attributionRE = regexp.MustCompile(`^[-–—―~]?\s*([\p{Lu}][\p{L}'’ .\-/&()]{1,60}),\s*((?:19|20)\d{2})\.?$`)
	refItemRE     = regexp.MustCompile(`^(\d{1,3})(\D.*)?$`)
	markerAtEndRE = regexp.MustCompile(`[.,;:!?’”][\d\s]+$`) // "…explain it.4"
	referencesRE  = regexp.MustCompile(`(?i)^(references|notes|footnotes|sources|bibliography)$`)
)

// ParseText parses a plain-text copy of a guidance page. src must already
// have been through Repair. Warnings are things a person must check;
// dropped lists the site chrome that was left out.
func ParseText(src string) (doc *Document, warnings, dropped []Notice) {
	p := &textParser{doc: &Document{}}
	p.lines = splitLines(src)
	p.parse()
	return p.doc, p.warns, p.dropped
}

type textParser struct {
	doc            *Document
	lines          []textLine
	warns, dropped notes
	series         string // the series named by a "forms part of" banner
}

func splitLines(src string) []textLine {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	var out []textLine
	for i, raw := range strings.Split(src, "\n") {
		l := textLine{n: i + 1, raw: raw, text: cleanSpace(raw)}
		if m := bulletRE.FindStringSubmatch(raw); m != nil {
			lead, body := m[1], m[3]
			if m[2] == "" { // "•1" glued, as a copied reference list may be
				lead, body = m[4], m[6]
			}
			// "-" and "*" only start an item when followed by a space; a
			// line "- 5 degrees" is rare, "-5" is not touched.
			l.bullet, l.indent, l.text = true, indentOf(lead), cleanSpace(body)
		} else if m := numberedRE.FindStringSubmatch(raw); m != nil {
			l.number, _ = strconv.Atoi(m[2])
			l.indent, l.text = indentOf(m[1]), cleanSpace(m[3])
		}
		out = append(out, l)
	}
	return out
}

func indentOf(s string) int {
	n := 0
	for _, r := range s {
		if r == '\t' {
			n += 4
		} else {
			n++
		}
	}
	return n
}

func (l textLine) blank() bool { return l.text == "" && !l.bullet && l.number == 0 }
func (l textLine) item() bool  { return l.bullet || l.number > 0 }

// headingLike: short, no closing full stop, starts with a capital. Such a
// line standing alone is a heading on a copied page.
func headingLike(t string) bool {
	if t == "" || utf8.RuneCountInString(t) > 120 || len(strings.Fields(t)) > 16 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;:!", last) || markerAtEndRE.MatchString(t) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || first == '‘' || first == '“') {
		return false
	}
	if attributionRE.MatchString(t) {
		return false
	}
	if _, ok := parseDate(t); ok && len(strings.Fields(t)) <= 4 {
		return false
	}
	return true
}

func (p *textParser) at(i int) textLine {
	if i < 0 || i >= len(p.lines) {
		return textLine{n: -1}
	}
	return p.lines[i]
}

func (p *textParser) parse() {
	i := p.header()
	terms := false
	for i < len(p.lines) {
		l := p.lines[i]
		switch {
		case l.blank():
			i++
		case !l.item() && chromeKind(l.text) != "":
			p.drop(l, chromeKind(l.text))
			i++
		case !l.item() && p.modified(&i):
		case l.item():
			i = p.list(i)
			terms = false
		case terms && (termCaptionRE.MatchString(l.text) || !p.standaloneHeading(i)):
			i = p.term(i)
		case p.isAttribution(i):
			p.quote(l)
			i++
		case p.standaloneHeading(i):
			p.doc.Blocks = append(p.doc.Blocks, Block{Kind: Heading, Level: 2, Line: l.n, Spans: []Span{{Text: l.text}}})
			terms = termsHeadingRE.MatchString(l.text)
			if terms {
				p.doc.Blocks = append(p.doc.Blocks, Block{Kind: Terms, Line: l.n})
			}
			i++
		default:
			i = p.paragraph(i)
		}
	}
	p.cleanTitle()
}

// header finds the title: the last heading-like line before the first
// paragraph (or "Last modified" line). Heading-like lines before it are the
// site's header (brand, menu) and are dropped, and so is a first line that
// names the site or a mirror in a way that is not heading-like (another
// script, a host name) when a heading-like line follows it. It returns
// where the body starts.
func (p *textParser) header() int {
	title := -1
	i := 0
	first := true
	for ; i < len(p.lines); i++ {
		l := p.lines[i]
		if l.blank() {
			continue
		}
		if k := chromeKind(l.text); k != "" && !l.item() {
			p.drop(l, k)
			continue
		}
		if first && p.siteName(i) {
			p.drop(l, "site name")
			first = false
			continue
		}
		first = false
		if _, ok := modifiedLine(l.text); ok || l.item() || !headingLike(l.text) {
			break
		}
		if next := p.at(i + 1); next.n > 0 && !next.item() && startsLower(next.text) {
			break // a hard-wrapped paragraph, not a heading
		}
		if title >= 0 {
			p.drop(p.lines[title], "header")
		}
		title = i
	}
	if title < 0 {
		p.warns.add(0, "no title found (the first line should be the page's heading); add a title to the front matter")
		return 0
	}
	p.doc.Title, p.doc.TitleLine = p.lines[title].text, p.lines[title].n
	// The intro paragraph, when it comes straight after the title, gives
	// the description.
	for j := title + 1; j < len(p.lines); j++ {
		l := p.lines[j]
		if l.blank() {
			continue
		}
		if !l.item() && !headingLike(l.text) && chromeKind(l.text) == "" {
			if _, ok := modifiedLine(l.text); !ok {
				p.doc.Description = firstSentence(l.text)
			}
		}
		break
	}
	return i
}

// hostRE is a line that is only a host name or address: a mirror often
// heads its copies with one.
var hostRE = regexp.MustCompile(`^(?i)(https?://)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$`)

// siteName: line i is short, ends no sentence, and is written in a script
// without capital letters (as a Chinese or Arabic site name is) or is a host
// name, and the next line with text is heading-like: the site's or mirror's
// name above the page's own title. A heading-like name is left to header's
// usual rule.
func (p *textParser) siteName(i int) bool {
	l := p.lines[i]
	t := l.text
	if l.item() || headingLike(t) || utf8.RuneCountInString(t) > 60 || len(strings.Fields(t)) > 8 {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune(".,;:!?", last) {
		return false
	}
	if !hostRE.MatchString(t) && !caselessScript(t) {
		return false
	}
	for j := i + 1; j < len(p.lines); j++ {
		if next := p.lines[j]; !next.blank() {
			return !next.item() && headingLike(next.text)
		}
	}
	return false
}

// caselessScript: the first letter of t is of a script with no capitals
// (Han, Arabic, Devanagari…), so headingLike can never accept the line.
func caselessScript(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
		}
	}
	return false
}

// modified consumes a "Last modified" line and the date (on it or on the
// next line), setting LastReviewed.
func (p *textParser) modified(i *int) bool {
	l := p.lines[*i]
	rest, ok := modifiedLine(l.text)
	if !ok {
		return false
	}
	if rest == "" {
		next := p.at(*i + 1)
		if t, ok := parseDate(next.text); ok && !next.item() {
			p.setReviewed(t, l.n)
			*i += 2
			return true
		}
		if strings.HasPrefix(strings.ToLower(l.text), "updated") {
			return false
		}
		p.warns.add(l.n, "%q is not followed by a date; add lastReviewed (YYYY-MM-DD) to the front matter", l.text)
		*i++
		return true
	}
	if t, ok := parseDate(rest); ok {
		p.setReviewed(t, l.n)
		*i++
		return true
	}
	return false // "Updated guidance was…" is a sentence, not a date line
}

func (p *textParser) setReviewed(t time.Time, line int) {
	if !p.doc.LastReviewed.IsZero() {
		p.warns.add(line, "a second \"Last modified\" date; the first one is used")
		return
	}
	p.doc.LastReviewed = t
}

func (p *textParser) drop(l textLine, kind string) {
	if kind == "banner" && p.series == "" {
		p.series = l.text
	}
	p.dropped.add(l.n, "dropped %s: %q", kind, clip(l.text, 70))
}

// standaloneHeading: a heading-like line after a blank line (or a dropped
// one), not followed by another heading-like line that would make it part
// of a block of short lines.
func (p *textParser) standaloneHeading(i int) bool {
	l := p.lines[i]
	if l.item() || !headingLike(l.text) {
		return false
	}
	prev := p.at(i - 1)
	if prev.n > 0 && !prev.blank() && chromeKind(prev.text) == "" && !(p.isMetaLine(i - 1)) {
		return false
	}
	next := p.at(i + 1)
	if next.n > 0 && !next.item() && startsLower(next.text) {
		return false // a hard-wrapped sentence goes on
	}
	if next.n > 0 && !next.blank() && !next.item() && headingLike(next.text) && !termsHeadingRE.MatchString(l.text) {
		return false
	}
	// A short quotation without a full stop is still a quotation when an
	// attribution line follows it.
	for j := i + 1; j < len(p.lines); j++ {
		if !p.lines[j].blank() {
			return !attributionRE.MatchString(p.lines[j].text)
		}
	}
	return true
}

func (p *textParser) isMetaLine(i int) bool {
	l := p.at(i)
	if _, ok := modifiedLine(l.text); ok {
		return true
	}
	_, ok := parseDate(l.text)
	return ok && len(strings.Fields(l.text)) <= 4
}

// isAttribution: "Family, 2021" right after a paragraph (a blank line
// between is allowed) marks that paragraph as a quotation.
func (p *textParser) isAttribution(i int) bool {
	l := p.lines[i]
	if !attributionRE.MatchString(l.text) || len(strings.Fields(l.text)) > 9 {
		return false
	}
	n := len(p.doc.Blocks)
	return n > 0 && p.doc.Blocks[n-1].Kind == Para
}

func (p *textParser) quote(l textLine) {
	b := &p.doc.Blocks[len(p.doc.Blocks)-1]
	b.Kind = Quote
	b.Cite = strings.TrimLeft(l.text, "-–—―~ ")
	b.Spans[0].Text = unquote(b.Spans[0].Text)
}

// unquote takes the quotation marks off a quotation that carries them, since
// the quote shortcode marks it as a quotation already.
func unquote(s string) string {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		if strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) && len(s) > len(q[0])+len(q[1]) {
			inner := s[len(q[0]) : len(s)-len(q[1])]
			if !strings.Contains(inner, q[0]) {
				return strings.TrimSpace(inner)
			}
		}
	}
	return s
}

// paragraph reads one paragraph: the line, plus following lines that
// continue a sentence broken by hard wrapping (next starts lower case).
func (p *textParser) paragraph(i int) int {
	l := p.lines[i]
	parts := []string{l.text}
	j := i + 1
	for ; j < len(p.lines); j++ {
		next := p.lines[j]
		if next.blank() || next.item() || !startsLower(next.text) || endsSentence(parts[len(parts)-1]) {
			break
		}
		parts = append(parts, next.text)
	}
	text := strings.Join(parts, " ")
	p.doc.Blocks = append(p.doc.Blocks, Block{Kind: Para, Line: l.n, Spans: []Span{{Text: text}}})
	return j
}

// term reads one row of the key terms list.
func (p *textParser) term(i int) int {
	l := p.lines[i]
	if termCaptionRE.MatchString(l.text) && !strings.ContainsAny(l.text, ".") {
		p.drop(l, "table caption")
		return i + 1
	}
	if t, d, ok := splitTerm(l.raw); ok {
		p.addTerm(t, d, l.n)
		return i + 1
	}
	// A term on its own line with the definition on the next.
	if next := p.at(i + 1); next.n > 0 && !next.blank() && !next.item() && termLike(l.text) && defLike(next.text) {
		p.addTerm(l.text, next.text, l.n)
		return i + 2
	}
	p.warns.add(l.n, "could not split %q into a term and its definition; kept as a paragraph", clip(l.text, 50))
	return p.paragraph(i)
}

func (p *textParser) addTerm(t, d string, line int) {
	p.doc.Terms = append(p.doc.Terms, Term{Term: t, Definition: d, Line: line})
}

// list reads consecutive items (blank lines between items allowed) into a
// list, nesting by indentation. A list whose items are 1, 2, 3… followed
// by text is the reference list.
func (p *textParser) list(i int) int {
	var items []textLine
	j := i
	for j < len(p.lines) {
		l := p.lines[j]
		if l.item() {
			// a hard-wrapped item continues on a lower-case line
			for j+1 < len(p.lines) && !p.lines[j+1].blank() && !p.lines[j+1].item() && startsLower(p.lines[j+1].text) {
				l.text += " " + p.lines[j+1].text
				j++
			}
			items = append(items, l)
			j++
			continue
		}
		if l.blank() && p.at(j+1).item() && p.at(j+1).bullet == items[0].bullet {
			j++
			continue
		}
		break
	}
	if p.referenceList(items) {
		return j
	}
	root := Block{Kind: List, Line: items[0].n, Ordered: !items[0].bullet}
	// Items indented less than the first start again at the top level,
	// rather than being lost.
	for k := 0; k < len(items); {
		var sub []Item
		sub, k = nest(items, k, items[k].indent)
		root.Items = append(root.Items, sub...)
	}
	p.doc.Blocks = append(p.doc.Blocks, root)
	return j
}

// nest builds the item tree from items[k:] at indentation indent.
func nest(items []textLine, k, indent int) ([]Item, int) {
	var out []Item
	for k < len(items) {
		l := items[k]
		switch {
		case l.indent < indent && len(out) > 0:
			return out, k
		case l.indent > indent && len(out) > 0:
			var sub []Item
			sub, k = nest(items, k, l.indent)
			out[len(out)-1].Items = append(out[len(out)-1].Items, sub...)
		default:
			out = append(out, Item{Spans: []Span{{Text: l.text}}, Line: l.n})
			k++
		}
	}
	return out, k
}

// referenceList recognises the numbered reference list: every item starts
// with its number, counting up from 1 (a copied list shows "• 1" for an
// entry whose text did not come through).
func (p *textParser) referenceList(items []textLine) bool {
	if len(items) < 2 && !p.afterReferencesHeading() {
		return false
	}
	var refs []Ref
	for k, l := range items {
		m := refItemRE.FindStringSubmatch(l.text)
		if m == nil {
			return false
		}
		num, _ := strconv.Atoi(m[1])
		if l.number > 0 {
			num, m[2] = l.number, l.text
		}
		if num != k+1 {
			return false
		}
		refs = append(refs, Ref{Num: num, Line: l.n, Spans: refText(m[2])})
	}
	if len(p.doc.Refs) > 0 {
		p.warns.add(items[0].n, "a second numbered reference list; its numbers clash with the first, so it is kept as a list")
		return false
	}
	p.doc.Refs = refs
	return true
}

func (p *textParser) afterReferencesHeading() bool {
	n := len(p.doc.Blocks)
	return n > 0 && p.doc.Blocks[n-1].Kind == Heading && referencesRE.MatchString(plain(p.doc.Blocks[n-1].Spans))
}

// refText strips the "a b" back-link letters a copied reference list puts
// after the number of an entry cited twice.
func refText(s string) []Span {
	words := strings.Fields(s)
	k := 0
	for k < len(words) && words[k] == string(rune('a'+k)) {
		k++
	}
	if k >= 2 {
		words = words[k:]
	}
	t := strings.Join(words, " ")
	if t == "" {
		return nil
	}
	return []Span{{Text: t}}
}

// cleanTitle drops a series name the title carries after a dash or bar
// ("Context, aims and scope - external second opinions in paediatrics")
// when a banner on the page names the same series.
func (p *textParser) cleanTitle() {
	p.doc.Title = cleanTitle(p.doc.Title, p.series, p.doc.TitleLine, &p.dropped)
}

func cleanTitle(title, series string, line int, dropped *notes) string {
	if series == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if len(strings.Fields(head)) >= 2 && sharedWords(tail, series) >= 2 {
			dropped.add(line, "dropped series name from the title: %q", tail)
			return head
		}
	}
	return title
}

// sharedWords counts the words of a (of four letters or more, so "in" and
// "the" do not count) that b also has, ignoring case and plural s.
func sharedWords(a, b string) int {
	norm := func(w string) string {
		return strings.TrimSuffix(strings.ToLower(strings.Trim(w, ".,;:()’'\"")), "s")
	}
	have := map[string]bool{}
	for _, w := range strings.Fields(b) {
		have[norm(w)] = true
	}
	n := 0
	for _, w := range strings.Fields(a) {
		if w := norm(w); len(w) >= 4 && have[w] {
			n++
		}
	}
	return n
}

var sentenceEndRE = regexp.MustCompile(`[.!?][”’"]?\s+[\p{Lu}“‘]`)

// firstSentence is the description: the intro paragraph's first sentence,
// without footnote markers.
func firstSentence(s string) string {
	for _, loc := range sentenceEndRE.FindAllStringIndex(s, -1) {
		end := loc[0] + 1
		// "e.g. The" and "Dr. Smith" do not end a sentence.
		w := s[max(0, loc[0]-12):loc[0]] // the word before: short, or no abbreviation
		if k := strings.LastIndexAny(w, " \t"); k >= 0 {
			w = w[k+1:]
		}
		if strings.Contains(w, ".") || w == "Dr" || w == "Mr" || w == "Mrs" || w == "Ms" || w == "St" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[end:]); r == '”' || r == '’' || r == '"' {
			end += utf8.RuneLen(r)
		}
		return strings.TrimSpace(s[:end])
	}
	return strings.TrimSpace(s)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:", r)
}

// clip shortens text quoted in a notice.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}
