package readability

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	frontMatter = regexp.MustCompile(`(?s)\A(?:---\n.*?\n---|\+\+\+\n.*?\n\+\+\+)[ \t]*(?:\n|\z)`)
	// Shortcode tags go; the text between an opening and closing tag stays.
	shortcode   = regexp.MustCompile(`(?s)\{\{[<%].*?[>%]\}\}`)
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	htmlTag     = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
	attributes  = regexp.MustCompile(`[ \t]*\{[#.][^}\n]*\}`)
	footnoteDef = regexp.MustCompile(`(?m)^\[\^[^\]]+\]:.*(?:\n(?:[ \t]+.*)?)*`)
	footnoteRef = regexp.MustCompile(`\[\^[^\]]+\]`)
	linkDef     = regexp.MustCompile(`(?m)^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$`)
	inlineLink  = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	refLink     = regexp.MustCompile(`!?\[([^\]]*)\]\[[^\]]*\]`)
	autoLink    = regexp.MustCompile(`<(?:https?://|mailto:)[^>]*>`)
	emphasis    = regexp.MustCompile("[*_`~]+")
	listMarker  = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+`)
	quoteMarker = regexp.MustCompile(`^[ \t]*(?:>[ \t]?)+`)
	tableRule   = regexp.MustCompile(`^[ \t]*\|?[ \t:|-]+\|[ \t:|-]*$`)
	heading     = regexp.MustCompile(`^[ \t]{0,3}#{1,6}(?:[ \t]|$)`)
	fencedCode  = regexp.MustCompile("(?ms)^[ \t]*(```|~~~).*?^[ \t]*(?:```|~~~)[ \t]*$")
	hrule       = regexp.MustCompile(`^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
)

// plain strips the markup and code blocks that are not prose, keeping the words a reader sees
// (link text, text inside shortcodes) and the line structure.
func plain(md string) string {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	md = frontMatter.ReplaceAllString(md, "")
	md = fencedCode.ReplaceAllString(md, "")
	md = shortcode.ReplaceAllString(md, "")
	md = htmlComment.ReplaceAllString(md, "")
	md = footnoteDef.ReplaceAllString(md, "")
	md = footnoteRef.ReplaceAllString(md, "")
	md = linkDef.ReplaceAllString(md, "")
	md = autoLink.ReplaceAllString(md, "")
	md = inlineLink.ReplaceAllString(md, "$1")
	md = refLink.ReplaceAllString(md, "$1")
	md = htmlTag.ReplaceAllString(md, "")
	md = attributes.ReplaceAllString(md, "")
	return emphasis.ReplaceAllString(md, "")
}

// units splits plain text into paragraphs, list items and table rows.
// Headings and rules are dropped.
func units(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = quoteMarker.ReplaceAllString(line, "")
		switch {
		case strings.TrimSpace(line) == "", hrule.MatchString(line):
			flush()
		case heading.MatchString(line):
			flush()
		case tableRule.MatchString(line):
			flush()
		case strings.Contains(line, "|") && strings.HasPrefix(strings.TrimSpace(line), "|"):
			flush()
			cur = append(cur, strings.ReplaceAll(line, "|", " ; "))
			flush()
		case listMarker.MatchString(line):
			flush()
			cur = append(cur, listMarker.ReplaceAllString(line, ""))
		default:
			cur = append(cur, strings.TrimSpace(line))
		}
	}
	flush()
	return out
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g.": true, "i.e.": true, "etc.": true, "dr.": true, "mr.": true, "mrs.": true,
	"ms.": true, "st.": true, "no.": true, "vs.": true, "v.": true, "prof.": true,
}

// sentences splits one unit at full stops, question and exclamation marks
// (and at semicolons standing for table cells). Text after the last mark is a
// sentence too, so a list item without a full stop counts as one.
func sentences(unit string) []string {
	var out []string
	fields := strings.Fields(unit)
	start := 0
	for i, f := range fields {
		end := f == ";"
		if !end {
			t := strings.TrimRight(f, `"'”’)]`)
			if t != "" && strings.ContainsAny(t[len(t)-1:], ".!?") && !abbreviations[strings.ToLower(t)] {
				end = true
			}
		}
		if end {
			out = append(out, strings.Join(fields[start:i+1], " "))
			start = i + 1
		}
	}
	if start < len(fields) {
		out = append(out, strings.Join(fields[start:], " "))
	}
	return out
}

// words returns the tokens of a sentence that hold a letter or digit,
// without surrounding punctuation.
func words(sentence string) []string {
	var out []string
	for _, f := range strings.Fields(sentence) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}
