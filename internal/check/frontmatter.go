package check

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A Page is one content file as the author wrote it. Path is the path to
// show the author (their own folder, or content/... for built-in pages); Rel
// is its slash path inside the site, e.g. content/en/about.md.
type Page struct {
	Path string
	Rel  string
	Data []byte
}

// reviewCycle is the longest gap allowed between reviews (PIF TICK: three years).
const reviewCycle = 3

// FrontMatter checks that each page carries the fields every page needs:
// title, description, lastReviewed, nextReview (within three years) and
// sources, and that a "layout" names one of layouts (Hugo would silently
// fall back to another).
func FrontMatter(pages []Page, layouts map[string]bool) Problems {
	var ps Problems
	for _, p := range pages {
		ps = append(ps, frontMatter(p, layouts)...)
	}
	return ps
}

func frontMatter(p Page, layouts map[string]bool) Problems {
	if line := invalidUTF8(p.Data); line > 0 {
		return Problems{{p.Path, line, "is not UTF-8 text; save the file as UTF-8 in your editor (and check the characters on this line)"}}
	}
	body, offset, ok := yamlBlock(p.Data)
	if !ok {
		return Problems{{p.Path, 1, "no front matter; start the file with a line \"---\", the fields title, description, lastReviewed, nextReview and sources, then \"---\""}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		line, msg := yamlError(err)
		// YAML counts a lone CR as a line break too; an editor may not, so
		// never point past the closing "---".
		line = min(line+offset, offset+strings.Count(string(body), "\n")+1)
		return Problems{{p.Path, line, "front matter is not valid YAML: " + msg}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return Problems{{p.Path, 1 + offset, "front matter must be a list of \"key: value\" lines"}}
	}
	fields := map[string]*yaml.Node{}
	keyLine := map[string]int{}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		fields[m.Content[i].Value] = m.Content[i+1]
		keyLine[m.Content[i].Value] = m.Content[i].Line + offset
	}
	var ps Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{p.Path, line, fmt.Sprintf(format, args...)})
	}
	end := offset + strings.Count(string(body), "\n") + 1 // the closing "---"
	for _, k := range []string{"title", "description"} {
		n := fields[k]
		if n == nil {
			add(end, "missing %q; add a line `%s: \"...\"` to the front matter", k, k)
		} else if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
			add(keyLine[k], "%q is empty; write one plain sentence", k)
		}
	}
	dates := map[string]time.Time{}
	for _, k := range []string{"lastReviewed", "nextReview"} {
		n := fields[k]
		if n == nil {
			add(end, "missing %q; add a line `%s: 2026-01-31` (a date, YYYY-MM-DD)", k, k)
			continue
		}
		d, err := time.Parse("2006-01-02", n.Value)
		if err != nil {
			add(keyLine[k], "%q is %q, not a date; write it as YYYY-MM-DD, e.g. 2026-01-31", k, n.Value)
			continue
		}
		dates[k] = d
	}
	last, okLast := dates["lastReviewed"]
	next, okNext := dates["nextReview"]
	if okLast && okNext {
		if !next.After(last) {
			add(keyLine["nextReview"], "nextReview (%s) must come after lastReviewed (%s); set it to a later date, at most %d years on", next.Format(time.DateOnly), last.Format(time.DateOnly), reviewCycle)
		} else if next.After(last.AddDate(reviewCycle, 0, 0)) {
			add(keyLine["nextReview"], "nextReview (%s) is more than %d years after lastReviewed; pages are reviewed at least every %d years, so set it to %s or earlier", next.Format(time.DateOnly), reviewCycle, reviewCycle, last.AddDate(reviewCycle, 0, 0).Format(time.DateOnly))
		}
	}
	if n := fields["layout"]; n != nil && !layouts[n.Value] {
		add(keyLine["layout"], "layout %q does not exist; remove the line, or add layouts/%s.html", n.Value, n.Value)
	}
	switch n := fields["sources"]; {
	case n == nil:
		add(end, "missing \"sources\"; add `sources:` with one `  - \"https://...\"` line per source the page's facts come from (or `sources: []`)")
	case n.Kind != yaml.SequenceNode:
		add(keyLine["sources"], "\"sources\" must be a list of web addresses, one `  - \"https://...\"` line each")
	default:
		for _, s := range n.Content {
			if u, err := url.Parse(s.Value); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				add(s.Line+offset, "source %q is not a web address; write the full https:// address", s.Value)
			}
		}
	}
	return ps
}

// invalidUTF8 returns the line of the first byte that is not UTF-8, or 0.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// yamlBlock returns the YAML between the opening and closing "---" lines, and
// how many lines precede it, so YAML line numbers map to file lines.
func yamlBlock(data []byte) (body []byte, offset int, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, 0, false
	}
	rest := data[bytes.IndexByte(data, '\n')+1:]
	for i := 0; i < len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		if strings.TrimRight(string(line), "\r ") == "---" {
			return rest[:i], 1, true
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return nil, 0, false
}

// yamlError pulls the line number out of a yaml.v3 error ("yaml: line 3: ...").
func yamlError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return line, msg
}
