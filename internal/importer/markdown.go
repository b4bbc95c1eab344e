package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The page is written for Hugo 0.165 with goldmark: YAML front matter the
// site's check accepts, headings with explicit ids, goldmark footnotes and
// definition lists, and the site's quote shortcode. Text is escaped so
// nothing in it is read as Markdown, HTML or a shortcode.

// missingRef is the footnote text for a reference the source page lists
// without text. The wording is fixed so it can be searched for.
const missingRef = "Reference text missing from the source page."

// pageMeta is what the front matter needs beyond the document.
type pageMeta struct {
	From     string
	Sources  []string
	Warnings int
	Lang     string
}

func writeMarkdown(doc *Document, meta pageMeta) string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(doc.Title))
	fmt.Fprintf(&b, "description: %s\n", yamlString(doc.Description))
	if !doc.LastReviewed.IsZero() {
		fmt.Fprintf(&b, "lastReviewed: %s\n", doc.LastReviewed.Format("2006-01-02"))
		fmt.Fprintf(&b, "nextReview: %s\n", nextReview(doc.LastReviewed).Format("2006-01-02"))
	}
	if len(meta.Sources) == 0 {
		b.WriteString("sources: []\n")
	} else {
		b.WriteString("sources:\n")
		for _, s := range meta.Sources {
			fmt.Fprintf(&b, "  - %s\n", yamlString(s))
		}
	}
	if meta.Lang == "" || meta.Lang == "en" {
		// Imported guidance is for professionals, who read it in English; the
		// site's translation check then does not ask for it in every language.
		b.WriteString("translate: false\n")
	} else {
		// A page in another language is a translation until a qualified
		// translator has reviewed it; the importer never says it was.
		b.WriteString("translation:\n  status: draft\n")
	}
	fmt.Fprintf(&b, "imported:\n  from: %s\n  warnings: %d\n", yamlString(meta.From), meta.Warnings)
	b.WriteString("---\n")

	ids := idSet{}
	first := true
	sep := func() {
		if !first {
			b.WriteString("\n")
		}
		first = false
	}
	for _, blk := range doc.Blocks {
		switch blk.Kind {
		case Heading:
			sep()
			if blk.ID == "" {
				blk.ID = ids.unique(slugify(plain(blk.Spans)), "section")
			}
			level := min(max(blk.Level, 2), 4)
			fmt.Fprintf(&b, "%s %s {#%s}\n", strings.Repeat("#", level), escapeHeading(plain(blk.Spans)), blk.ID)
		case Para:
			if len(blk.Spans) == 0 {
				continue
			}
			sep()
			b.WriteString(blockStart(inline(blk.Spans)) + "\n")
		case List:
			sep()
			writeItems(&b, blk.Items, blk.Ordered, "")
		case Quote:
			sep()
			fmt.Fprintf(&b, "{{< quote cite=\"%s\" >}}\n%s\n{{< /quote >}}\n", shortcodeAttr(blk.Cite), quoteText(blk.Spans))
		case Terms:
			for _, t := range doc.Terms {
				sep()
				fmt.Fprintf(&b, "%s\n: %s\n", blockStart(escapeText(t.Term)), blockStart(escapeText(t.Definition)))
			}
		}
	}
	for k, r := range doc.Refs {
		if k == 0 {
			sep()
		}
		text := missingRef
		if len(r.Spans) > 0 {
			text = inline(r.Spans)
		}
		fmt.Fprintf(&b, "[^%d]: %s\n", r.Num, text)
	}
	return b.String()
}

func writeItems(b *strings.Builder, items []Item, ordered bool, indent string) {
	for k, it := range items {
		marker := "- "
		if ordered {
			marker = strconv.Itoa(k+1) + ". "
		}
		fmt.Fprintf(b, "%s%s%s\n", indent, marker, blockStart(inline(it.Spans)))
		writeItems(b, it.Items, false, indent+strings.Repeat(" ", len(marker)))
	}
}

// inline writes spans as Markdown: escaped text, links, footnote markers.
func inline(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch {
		case s.Ref > 0:
			fmt.Fprintf(&b, "[^%d]", s.Ref)
		case s.Href != "":
			fmt.Fprintf(&b, "[%s](%s)", escapeText(s.Text), linkDest(s.Href))
		default:
			b.WriteString(escapeText(s.Text))
		}
	}
	return strings.TrimSpace(b.String())
}

// entityRE matches an HTML character reference at the start of a string.
var entityRE = regexp.MustCompile(`^&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});`)

// escapeText makes text literal in Markdown: emphasis, code, link and HTML
// characters are backslash-escaped, and "{{" is broken so Hugo cannot see a
// shortcode.
func escapeText(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '~':
			b.WriteByte('\\')
		case '&':
			// only the next few bytes matter, so the check stays linear
			if entityRE.MatchString(s[i:min(len(s), i+40)]) {
				b.WriteByte('\\')
			}
		case '{':
			if strings.HasPrefix(s[i:], "{{") {
				b.WriteString("{\\")
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	listStartRE = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)
	ruleRE      = regexp.MustCompile(`^[=\-_*\s]+$`)
)

// blockStart escapes what would make a line start a heading, list, quote,
// definition or rule ("1. Not a list", "# not a heading", ": not a
// definition").
func blockStart(s string) string {
	switch {
	case s == "":
		return s
	case listStartRE.MatchString(s):
		m := listStartRE.FindStringSubmatchIndex(s)
		return s[:m[3]] + "\\" + s[m[4]:]
	case ruleRE.MatchString(s):
		return "\\" + s
	case strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "+ ") || s == "-" || s == "+":
		return "\\" + s
	case s[0] == '#' || s[0] == ':' || s[0] == '|':
		return "\\" + s
	}
	return s
}

// escapeHeading also escapes "#" and "{", which in a heading could end it
// early or start an attribute list.
func escapeHeading(s string) string {
	s = escapeText(s)
	s = strings.ReplaceAll(s, "#", "\\#")
	s = strings.ReplaceAll(s, "{", "\\{")
	return s
}

// quoteText writes a quotation's text with HTML character references rather
// than backslashes: the quote shortcode gets it as .Inner, and references
// read the same whether the shortcode renders .Inner as Markdown or as HTML.
// Markers cannot be footnotes there, so they become "[n]".
func quoteText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Ref > 0 {
			fmt.Fprintf(&b, "[%d]", s.Ref)
			continue
		}
		for _, r := range s.Text {
			switch r {
			case '&', '<', '>', '*', '_', '`', '[', ']', '\\', '~', '{', '}', '#', '|':
				fmt.Fprintf(&b, "&#%d;", r)
			default:
				b.WriteRune(r)
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// shortcodeAttr keeps a value inside a quoted shortcode parameter: Hugo's
// parameter syntax has no escape we can rely on for a double quote.
func shortcodeAttr(s string) string {
	return strings.NewReplacer(`"`, "”", `\`, "/", "\n", " ", "{{", "{ {").Replace(s)
}

// linkDest writes a link destination; one with spaces or parentheses goes
// in angle brackets, which CommonMark allows for exactly that.
func linkDest(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

// yamlString writes a YAML double-quoted scalar. Go's quoting escapes are
// a subset of YAML's, so strconv.Quote is exact.
func yamlString(s string) string { return strconv.Quote(s) }

// writeGlossary writes the key terms as a data file: a list of
// {id, term, definition}, ids unique within the file.
func writeGlossary(terms []Term, from string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Key terms imported from %s by esosite import. Proofread before use.\n", strings.ReplaceAll(from, "\n", " "))
	ids := idSet{}
	for _, t := range terms {
		fmt.Fprintf(&b, "- id: %s\n  term: %s\n  definition: %s\n", yamlString(ids.unique(slugify(t.Term), "term")), yamlString(t.Term), yamlString(t.Definition))
	}
	return b.String()
}
