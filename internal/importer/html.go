package importer

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page saved from a browser ("Save page as", HTML only) has the whole
// site around the guidance: header, menus, breadcrumbs, cookie banner,
// share links, footer, scripts. ParseHTML finds the main content, drops
// the chrome, and maps headings, paragraphs, lists, quotations, definition
// lists, superscript markers and the reference list to a Document.

// ParseHTML parses a saved guidance page. src must already have been
// through Repair; line numbers refer to it.
func ParseHTML(src string) (doc *Document, warnings, dropped []Notice) {
	p := &htmlParser{doc: &Document{}, src: src}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // a failing reader, or nesting deeper than any real page (over 512 elements)
		p.warns.add(0, "the HTML could not be read (%v); save the page again from the browser (\"Web page, HTML only\")", err)
		return p.doc, p.warns, p.dropped
	}
	p.head(root)
	main := mainContent(root)
	p.chromeOutside(root, main)
	p.container(main)
	p.flush()
	if p.doc.Title == "" && p.titleTag != "" {
		p.doc.Title = p.titleTag
		p.warns.add(0, "no <h1> heading; the title was taken from the page's <title>: check it")
	}
	p.doc.Title = cleanTitle(p.doc.Title, p.series, p.doc.TitleLine, &p.dropped)
	return p.doc, p.warns, p.dropped
}

type htmlParser struct {
	doc            *Document
	src            string
	at             int // where the locator last found text
	warns, dropped notes
	base           *url.URL
	titleTag       string
	series         string
	pending        []Span // inline content met outside a paragraph
	pendingLine    int
	terms, refs    bool // after a key terms or references heading
	termsBlock     bool // the Terms block has been placed
	sawPara        bool
}

func attrs(n *html.Node) map[string]string {
	m := make(map[string]string, len(n.Attr))
	for _, a := range n.Attr {
		m[strings.ToLower(a.Key)] = a.Val
	}
	return m
}

// head reads the page's own address and name from <head>.
func (p *htmlParser) head(root *html.Node) {
	var ogURL string
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		a := attrs(n)
		switch n.DataAtom {
		case atom.Link:
			if strings.EqualFold(strings.TrimSpace(a["rel"]), "canonical") && p.doc.Source == "" {
				p.doc.Source = absURL(a["href"])
			}
		case atom.Meta:
			switch strings.ToLower(a["property"]) {
			case "og:url":
				ogURL = absURL(a["content"])
			case "og:site_name":
				p.series = a["content"]
			}
		case atom.Title:
			if p.titleTag == "" {
				p.titleTag = cleanSpace(textOf(n))
			}
		case atom.Html:
			p.doc.Lang = a["lang"]
		case atom.Body:
			return false
		}
		return true
	})
	if p.doc.Source == "" {
		p.doc.Source = ogURL
	}
	if p.doc.Source != "" {
		p.base, _ = url.Parse(p.doc.Source)
	}
}

// absURL accepts only an absolute http(s) address: a saved page's
// canonical link is one, and anything else is no use as a source.
func absURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// walk visits n and its descendants in document order; f returns false to
// skip a node's children.
func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(c *html.Node)
	visit = func(c *html.Node) {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			return
		case html.ElementNode:
			if _, drop := chromeElement(c.Data, attrs(c)); drop && c != n {
				return
			}
		}
		// "<li>Home</li><li>Resources</li>" reads as two words.
		block := c != n && c.Type == html.ElementNode && (c.DataAtom == atom.Br || !isInline(c.DataAtom))
		if block {
			b.WriteByte(' ')
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			visit(k)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	visit(n)
	return b.String()
}

// mainContent finds the guidance: <main>, role="main", <article>, or else
// the element holding the most paragraph text.
func mainContent(root *html.Node) *html.Node {
	var body, main, role, article *html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch {
		case n.DataAtom == atom.Body && body == nil:
			body = n
		case n.DataAtom == atom.Main && main == nil:
			main = n
		case attrs(n)["role"] == "main" && role == nil:
			role = n
		case n.DataAtom == atom.Article && article == nil:
			article = n
		}
		return true
	})
	for _, n := range []*html.Node{main, role, article} {
		if n != nil {
			return n
		}
	}
	best, bestLen := body, 0
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || (n.DataAtom != atom.Div && n.DataAtom != atom.Section) {
			return true
		}
		l := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.P || c.DataAtom == atom.H1 || c.DataAtom == atom.H2 {
				l += len(textOf(c))
			}
		}
		if l > bestLen {
			best, bestLen = n, l
		}
		return true
	})
	if best == nil {
		return root
	}
	return best
}

// chromeOutside reports the site chrome around the main content, which is
// left out with everything else outside it.
func (p *htmlParser) chromeOutside(root, main *html.Node) {
	walk(root, func(n *html.Node) bool {
		if n == main {
			return false
		}
		if n.Type == html.ElementNode {
			if kind, drop := chromeElement(n.Data, attrs(n)); drop {
				if kind != "" {
					p.drop(n, kind)
				}
				return false
			}
		}
		return true
	})
	p.at = 0 // main's text comes after; search from the top again
}

// line finds where text appears in the source, searching on from the last
// find so repeated words resolve in order; 0 when it cannot tell.
func (p *htmlParser) line(text string) int {
	if p.at == 0 {
		p.at = max(strings.Index(p.src, "<body"), 0) // text is in the body
	}
	// The text's start as written, when the source has it verbatim.
	if phrase := cleanSpace(text); len(phrase) >= 12 {
		if r := []rune(phrase); len(r) > 40 {
			phrase = string(r[:40])
		}
		if i := strings.Index(p.src[p.at:], phrase); i >= 0 {
			p.at += i
			return strings.Count(p.src[:p.at], "\n") + 1
		}
	}
	words := strings.Fields(text)
	key := ""
	for _, w := range words[:min(len(words), 8)] {
		w = strings.Trim(w, ".,;:()“”‘’\"'")
		if len(w) > len(key) && isASCII(w) {
			key = w
		}
	}
	if len(key) < 3 {
		return 0
	}
	i := strings.Index(p.src[p.at:], key)
	if i < 0 {
		if i = strings.Index(p.src, key); i < 0 {
			return 0
		}
	} else {
		i += p.at
	}
	p.at = i
	return strings.Count(p.src[:i], "\n") + 1
}

func (p *htmlParser) drop(n *html.Node, kind string) {
	t := cleanSpace(textOf(n))
	if kind == "banner" && p.series == "" {
		p.series = t
	}
	if t == "" {
		t = "<" + n.Data + ">"
	}
	p.dropped.add(p.line(t), "dropped %s: %q", kind, clip(t, 70))
}

func (p *htmlParser) add(b Block) { p.doc.Blocks = append(p.doc.Blocks, b) }

// flush turns inline content met outside any paragraph into one.
func (p *htmlParser) flush() {
	spans := tidy(p.pending)
	p.pending = nil
	if len(spans) > 0 {
		p.paragraph(spans, p.pendingLine, "")
	}
}

func (p *htmlParser) container(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.node(c)
	}
}

func isInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Span, atom.Strong, atom.Em, atom.B, atom.I, atom.Sup, atom.Sub, atom.Small,
		atom.Abbr, atom.Code, atom.Time, atom.Cite, atom.Q, atom.Mark, atom.U, atom.S, atom.Br, atom.Img:
		return true
	}
	return false
}

func (p *htmlParser) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if strings.TrimSpace(n.Data) != "" {
			if len(p.pending) == 0 {
				p.pendingLine = p.line(n.Data)
			}
			p.pending = append(p.pending, Span{Text: n.Data})
		}
		return
	case html.ElementNode:
	default:
		return
	}
	a := attrs(n)
	if kind, drop := chromeElement(n.Data, a); drop {
		if kind != "" {
			p.flush()
			p.drop(n, kind)
		}
		return
	}
	if isInline(n.DataAtom) {
		if len(p.pending) == 0 {
			p.pendingLine = p.line(textOf(n))
		}
		p.pending = append(p.pending, p.inline(n)...)
		return
	}
	p.flush()
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		p.heading(n)
	case atom.P:
		p.paragraph(tidy(p.inline(n)), p.line(textOf(n)), rawText(n))
	case atom.Ul, atom.Ol:
		p.list(n)
	case atom.Blockquote:
		p.quote(n, nil)
	case atom.Figure:
		if bq := find(n, atom.Blockquote); bq != nil {
			p.quote(bq, find(n, atom.Figcaption))
		} else {
			p.container(n)
		}
	case atom.Dl:
		p.definitionList(n)
	case atom.Table:
		p.table(n)
	case atom.Hr:
	default:
		if refsContainer(a) && find(n, atom.Ol) != nil {
			p.refs = true
		}
		p.container(n)
		p.flush()
	}
}

func find(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found == nil && c.Type == html.ElementNode && c.DataAtom == a && c != n {
			found = c
		}
		return found == nil
	})
	return found
}

func refsContainer(a map[string]string) bool {
	names := strings.ToLower(a["class"] + " " + a["id"] + " " + a["role"])
	return strings.Contains(names, "reference") || strings.Contains(names, "footnote") || strings.Contains(names, "endnote") || strings.Contains(names, "doc-endnotes")
}

func (p *htmlParser) heading(n *html.Node) {
	text := cleanSpace(textOf(n))
	line := p.line(text)
	if text == "" {
		return
	}
	if n.DataAtom == atom.H1 && p.doc.Title == "" {
		p.doc.Title, p.doc.TitleLine = text, line
		return
	}
	p.terms, p.refs = false, false
	if referencesRE.MatchString(text) {
		p.refs = true
		p.dropped.add(line, "dropped heading %q: the references become the page's footnotes", text)
		return
	}
	level := 2
	switch n.DataAtom {
	case atom.H3:
		level = 3
	case atom.H4, atom.H5, atom.H6:
		level = 4
	}
	p.add(Block{Kind: Heading, Level: level, Line: line, Spans: []Span{{Text: text}}})
	if termsHeadingRE.MatchString(text) {
		p.terms = true
	}
}

// rawText is an element's text with non-breaking spaces kept, for
// splitTerm.
func rawText(n *html.Node) string { return strings.TrimSpace(textOf(n)) }

func (p *htmlParser) paragraph(spans []Span, line int, raw string) {
	text := plain(spans)
	if text == "" {
		return
	}
	if k := chromeKind(text); k != "" {
		if k == "banner" && p.series == "" {
			p.series = text
		}
		p.dropped.add(line, "dropped %s: %q", k, clip(text, 70))
		return
	}
	if rest, ok := modifiedLine(text); ok {
		if t, ok := parseDate(rest); ok {
			if p.doc.LastReviewed.IsZero() {
				p.doc.LastReviewed = t
			}
			return
		}
	}
	if t, ok := parseDate(text); ok && len(strings.Fields(text)) <= 4 && p.awaitingDate() {
		p.doc.LastReviewed = t
		p.doc.Blocks = p.doc.Blocks[:len(p.doc.Blocks)-1]
		return
	}
	if attributionRE.MatchString(text) && len(p.doc.Blocks) > 0 {
		last := &p.doc.Blocks[len(p.doc.Blocks)-1]
		if last.Kind == Para || (last.Kind == Quote && last.Cite == "") {
			last.Kind, last.Cite = Quote, strings.TrimLeft(text, "-–—―~ ")
			if len(last.Spans) > 0 && last.Spans[0].Text != "" {
				last.Spans[0].Text = unquote(last.Spans[0].Text)
			}
			return
		}
	}
	if p.terms {
		if t, d, ok := splitTerm(raw); ok {
			p.term(t, d, line)
			return
		}
		if termCaptionRE.MatchString(text) {
			p.dropped.add(line, "dropped table caption: %q", clip(text, 70))
			return
		}
	}
	if !p.sawPara && p.doc.Title != "" && p.doc.Description == "" {
		p.doc.Description = firstSentence(text)
	}
	p.sawPara = true
	p.add(Block{Kind: Para, Line: line, Spans: spans})
}

// awaitingDate: the previous block is a bare "Last modified" paragraph.
func (p *htmlParser) awaitingDate() bool {
	n := len(p.doc.Blocks)
	if n == 0 || p.doc.Blocks[n-1].Kind != Para {
		return false
	}
	rest, ok := modifiedLine(plain(p.doc.Blocks[n-1].Spans))
	return ok && rest == ""
}

func (p *htmlParser) term(t, d string, line int) {
	if !p.termsBlock {
		p.termsBlock = true
		p.add(Block{Kind: Terms, Line: line})
	}
	p.doc.Terms = append(p.doc.Terms, Term{Term: t, Definition: d, Line: line})
}

func (p *htmlParser) list(n *html.Node) {
	items := p.items(n)
	if len(items) == 0 {
		return
	}
	if p.referenceList(n, items) {
		return
	}
	p.add(Block{Kind: List, Line: items[0].Line, Items: items, Ordered: n.DataAtom == atom.Ol})
}

func (p *htmlParser) items(n *html.Node) []Item {
	var out []Item
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		var it Item
		var spans []Span
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				it.Items = append(it.Items, p.items(c)...)
				continue
			}
			if c.Type == html.ElementNode && c.DataAtom == atom.P {
				spans = append(spans, Span{Text: " "})
			}
			spans = append(spans, p.inlineNode(c)...)
		}
		it.Spans = tidy(spans)
		it.Line = p.line(plain(it.Spans))
		out = append(out, it)
	}
	return out
}

var backLinkRE = regexp.MustCompile(`^(\^|↑|↩|↩︎|back|jump up|[a-z])$`)

// referenceList takes an <ol> after a references heading or inside a
// references container, or a list whose items start with 1, 2, 3… as a
// text copy shows them, as the reference list.
func (p *htmlParser) referenceList(n *html.Node, items []Item) bool {
	if len(p.doc.Refs) > 0 {
		return false
	}
	explicit := n.DataAtom == atom.Ol && (p.refs || refsContainer(attrs(n)))
	var refs []Ref
	for k, it := range items {
		num := k + 1
		spans := it.Spans
		if !explicit {
			text := plain(spans)
			m := refItemRE.FindStringSubmatch(text)
			if m == nil || len(items) < 2 {
				return false
			}
			if got, _ := strconv.Atoi(m[1]); got != num {
				return false
			}
			spans = refText(m[2])
		}
		refs = append(refs, Ref{Num: num, Line: it.Line, Spans: spans})
	}
	p.doc.Refs = refs
	return true
}

func (p *htmlParser) quote(bq, caption *html.Node) {
	cite := ""
	if caption != nil {
		cite = cleanSpace(textOf(caption))
	}
	var spans []Span
	for c := bq.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Footer || c.DataAtom == atom.Cite) && cite == "" {
			cite = cleanSpace(textOf(c))
			continue
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.P && len(spans) > 0 {
			spans = append(spans, Span{Text: " "})
		}
		spans = append(spans, p.inlineNode(c)...)
	}
	spans = tidy(spans)
	if len(spans) == 0 {
		return
	}
	cite = strings.TrimLeft(cite, "-–—―~ ")
	if len(spans) > 0 && spans[0].Text != "" {
		spans[0].Text = unquote(spans[0].Text)
	}
	p.add(Block{Kind: Quote, Line: p.line(plain(spans)), Spans: spans, Cite: cite})
}

func (p *htmlParser) definitionList(n *html.Node) {
	var term string
	var line int
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Div { // <div><dt/><dd/></div> groups, allowed in HTML
			p.definitionList(c)
			continue
		}
		text := cleanSpace(textOf(c))
		switch c.DataAtom {
		case atom.Dt:
			if term != "" {
				p.warns.add(line, "term %q has no definition; kept without one", term)
				p.term(term, "", line)
			}
			term, line = text, p.line(text)
		case atom.Dd:
			if term == "" {
				p.warns.add(p.line(text), "a definition without a term; kept as a paragraph")
				p.add(Block{Kind: Para, Line: p.line(text), Spans: []Span{{Text: text}}})
				continue
			}
			p.term(term, text, line)
			term = ""
		}
	}
	if term != "" {
		p.warns.add(line, "term %q has no definition; kept without one", term)
		p.term(term, "", line)
	}
}

// table: under a key terms heading, rows of two cells are terms; any other
// table is kept as one paragraph per row, with a warning, because the site's
// pages have no tables.
func (p *htmlParser) table(n *html.Node) {
	walk(n, func(c *html.Node) bool {
		if c.Type != html.ElementNode {
			return true
		}
		if c.DataAtom == atom.Caption {
			p.dropped.add(p.line(textOf(c)), "dropped table caption: %q", clip(cleanSpace(textOf(c)), 70))
			return false
		}
		if c.DataAtom != atom.Tr {
			return true
		}
		var cells []string
		header := false
		for td := c.FirstChild; td != nil; td = td.NextSibling {
			if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
				cells = append(cells, cleanSpace(textOf(td)))
				header = header || td.DataAtom == atom.Th
			}
		}
		line := p.line(strings.Join(cells, " "))
		switch {
		case len(cells) == 0 || header:
		case p.terms && len(cells) == 2:
			p.term(cells[0], cells[1], line)
		default:
			p.warns.add(line, "a table row kept as a paragraph; the site's pages have no tables: rewrite it as a list")
			p.add(Block{Kind: Para, Line: line, Spans: []Span{{Text: strings.Join(cells, " – ")}}})
		}
		return false
	})
}

func (p *htmlParser) inline(n *html.Node) []Span {
	var out []Span
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, p.inlineNode(c)...)
	}
	return out
}

var supRefRE = regexp.MustCompile(`^\[?\s*(\d{1,3}(?:\s*[,–-]?\s*\d{1,3})*)\s*\]?$`)

func (p *htmlParser) inlineNode(n *html.Node) []Span {
	switch n.Type {
	case html.TextNode:
		return []Span{{Text: n.Data}}
	case html.ElementNode:
	default:
		return nil
	}
	if _, drop := chromeElement(n.Data, attrs(n)); drop {
		return nil
	}
	switch n.DataAtom {
	case atom.Br:
		return []Span{{Text: " "}}
	case atom.Sup:
		if m := supRefRE.FindStringSubmatch(strings.TrimSpace(textOf(n))); m != nil {
			var out []Span
			for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return !isDigit(r) }) {
				if k, err := strconv.Atoi(f); err == nil && k > 0 {
					out = append(out, Span{Ref: k})
				}
			}
			return out
		}
	case atom.A:
		href := strings.TrimSpace(attrs(n)["href"])
		text := textOf(n)
		if backLinkRE.MatchString(strings.ToLower(strings.TrimSpace(text))) && strings.HasPrefix(href, "#") {
			return nil // a reference's "back to the text" link
		}
		if u := p.resolve(href); u != "" && strings.TrimSpace(text) != "" {
			return []Span{{Text: cleanSpace(text), Href: u}}
		}
	}
	return p.inline(n)
}

// resolve makes a link absolute against the page's address; links that
// only work inside the old page (#fragment, javascript:) become plain text.
func (p *htmlParser) resolve(href string) string {
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if p.base != nil {
		u = p.base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https", "mailto", "tel":
		return u.String()
	}
	return ""
}

// tidy collapses white space across spans, merges neighbouring text and
// trims the ends and the space before a marker.
func tidy(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if s.Ref == 0 && s.Href == "" {
			t := collapse(s.Text)
			if n := len(out); n > 0 && out[n-1].Ref == 0 && out[n-1].Href == "" {
				out[n-1].Text += t
				continue
			}
			s.Text = t
		}
		out = append(out, s)
	}
	for k := range out {
		if out[k].Ref == 0 && out[k].Href == "" {
			out[k].Text = strings.ReplaceAll(out[k].Text, "  ", " ")
			if k == 0 {
				out[k].Text = strings.TrimLeft(out[k].Text, " ")
			}
			if k == len(out)-1 || out[k+1].Ref > 0 {
				out[k].Text = strings.TrimRight(out[k].Text, " ")
			}
		}
	}
	var kept []Span
	for _, s := range out {
		if s.Text != "" || s.Ref > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}

// collapse turns white space runs into one space, keeping a leading or
// trailing space (it separates this span from its neighbour).
func collapse(s string) string {
	if s == "" {
		return s
	}
	inner := cleanSpace(s)
	lead := isSpace([]rune(s)[0])
	rs := []rune(s)
	trail := isSpace(rs[len(rs)-1])
	if inner == "" {
		return " "
	}
	if lead {
		inner = " " + inner
	}
	if trail {
		inner += " "
	}
	return inner
}
