package check

import (
	"strings"
	"testing"
)

// FuzzFrontMatter feeds the pre-build page checks any bytes: they must
// never panic, every problem must name the page and a line it has, and a
// page whose front matter cannot be read gets exactly one message.
func FuzzFrontMatter(f *testing.F) {
	good := "---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources:\n  - \"https://example.org/a\"\n---\n## Part {#part}\n\nWords [a](/b/#c).\n"
	for _, s := range []string{
		good,
		"\ufeff" + good,
		strings.ReplaceAll(good, "\n", "\r\n"),
		"---\ntitle: [x\n---\n",
		"---\n- a\n- b\n---\n",
		"---\ntitle: \"T\xff\"\n---\n",
		"",
		"---\n---\n<div>x</div>\n[x](javascript:y)\n```\n## no id\n```\n## a {#a}\n## b {#a}\n",
		"---\nlayout: x\nsources: {a: b}\nnextReview: 2026-02-30\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Page{Path: "p.md", Rel: "content/en/p.md", Data: data}
		fm := FrontMatter([]Page{p}, map[string]bool{"chooser": true})
		skip := Unreadable([]Page{p})
		ps := append(fm, Markdown([]Page{p}, skip)...)
		lines := strings.Count(string(data), "\n") + 1
		for _, q := range ps {
			if q.Path != "p.md" || q.Line < 1 || q.Line > lines {
				t.Errorf("problem outside the page (it has %d lines): %s", lines, q)
			}
		}
		if skip[p.Rel] && len(fm) != 1 {
			t.Errorf("unreadable front matter gave %d messages, want 1:\n%s", len(fm), fm)
		}
	})
}
