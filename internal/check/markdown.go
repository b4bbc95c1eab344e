package check

import (
	"fmt"
	"regexp"
	"strings"
)

// MaxPageBytes is the largest Markdown page accepted. Every page must weigh
// at most 14 KB with brotli (pageBudgetBytes); Markdown far beyond this
// cannot meet that, and a page that long is several pages for a family.
const MaxPageBytes = 64 * 1024

var (
	atxHeading = regexp.MustCompile(`^ {0,3}(#{1,6})(\s+|$)(.*)$`)
	headingID  = regexp.MustCompile(`\{#([A-Za-z0-9_-]+)[^}]*\}\s*$`)
	codeSpan   = regexp.MustCompile("`+[^`]*`+")
	shortcode  = regexp.MustCompile(`\{\{[<%].*?[%>]\}\}`)
	rawHTML    = regexp.MustCompile(`<(/?[A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?/?>|<!--`)
	// A link's scheme: inline [text](scheme:...), a reference [id]: scheme:...,
	// or an autolink <scheme:...>.
	linkScheme = regexp.MustCompile(`\]\(\s*<?([A-Za-z][A-Za-z0-9+.-]*):|^\s*\[[^\]]+\]:\s*<?([A-Za-z][A-Za-z0-9+.-]*):|<([A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*>`)
	safeScheme = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}
)

// Markdown checks the body of each page before Hugo renders it: not too
// long, every heading with an explicit {#id} used once (ids are the stable
// addresses clinicians link to), no raw HTML (the site never shows it, so
// Hugo would drop it silently), and links only to web, mail or phone
// addresses (a javascript: link would be a script in a page).
// Pages in skip (unreadable front matter) are FrontMatter's to report.
func Markdown(pages []Page, skip map[string]bool) Problems {
	var ps Problems
	for _, p := range pages {
		if len(p.Data) > MaxPageBytes {
			ps = append(ps, Problem{p.Path, 1, fmt.Sprintf("is %d KB of Markdown; a page must weigh at most 14 KB with brotli, so keep it under %d KB and split the rest into pages of their own", (len(p.Data)+1023)/1024, MaxPageBytes/1024)})
			continue
		}
		if skip[p.Rel] {
			continue
		}
		ps = append(ps, markdown(p)...)
	}
	return ps
}

// TooBig says whether a page is too long to check further.
func TooBig(p Page) bool { return len(p.Data) > MaxPageBytes }

func markdown(p Page) Problems {
	var ps Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{p.Path, line, fmt.Sprintf(format, args...)})
	}
	body, offset, _ := yamlBlock(p.Data)
	start := offset + strings.Count(string(body), "\n") + 1 // the closing "---"
	lines := strings.Split(strings.TrimPrefix(string(p.Data), "\ufeff"), "\n")
	ids := map[string]int{}
	fence := ""
	for i := start; i < len(lines); i++ {
		n, l := i+1, strings.TrimRight(lines[i], "\r")
		t := strings.TrimLeft(l, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if m := atxHeading.FindStringSubmatch(l); m != nil {
			id := headingID.FindStringSubmatch(m[3])
			switch {
			case id == nil:
				add(n, "heading %q has no id; end it with {#some-words}, the same in every language, so links to it stay stable", strings.TrimSpace(m[3]))
			case ids[id[1]] > 0:
				add(n, "heading id %q is already used on line %d; give each heading its own id", id[1], ids[id[1]])
			default:
				ids[id[1]] = n
			}
		}
		plain := shortcode.ReplaceAllString(codeSpan.ReplaceAllString(l, ""), "")
		if m := rawHTML.FindString(plain); m != "" {
			add(n, "raw HTML %s is not shown: the site leaves HTML out of pages; write it in Markdown, or ask for a shortcode", m)
		}
		for _, m := range linkScheme.FindAllStringSubmatch(plain, -1) {
			scheme := strings.ToLower(m[1] + m[2] + m[3])
			if !safeScheme[scheme] {
				add(n, "link to a %s: address; pages may link only to https://, mailto: or tel: addresses and to site paths such as /asking-for-a-second-opinion/, so remove it", scheme)
			}
		}
	}
	return ps
}
