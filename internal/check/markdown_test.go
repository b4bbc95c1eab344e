package check

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	head := "---\ntitle: \"T\"\n---\n"
	cases := []struct {
		name, body, want string // want "" means no problem
	}{
		{"clean", "## Part {#part}\n\nWords [a](/b/#c), [m](mailto:a@b.c), <https://x.org/>, `<div>` {{< summary >}}.\n", ""},
		{"heading without id", "## Part\n", "p.md:4: heading \"Part\" has no id"},
		{"duplicate id", "## A {#a}\n\n### B {#a}\n", "p.md:6: heading id \"a\" is already used on line 4"},
		{"heading in a code block", "```\n## not a heading\n<div>\n```\n", ""},
		{"raw HTML", "Words <span>x</span>\n", "p.md:4: raw HTML <span> is not shown"},
		{"comment", "<!-- note -->\n", "p.md:4: raw HTML <!-- is not shown"},
		{"javascript link", "[x](javascript:alert(1))\n", "p.md:4: link to a javascript: address"},
		{"reference link", "[x][y]\n\n[y]: JavaScript:alert(1)\n", "p.md:6: link to a javascript: address"},
		{"data autolink", "<data:text/html,x>\n", "p.md:4: link to a data: address"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := Markdown([]Page{{Path: "p.md", Rel: "content/en/p.md", Data: []byte(head + c.body)}}, nil)
			got := ps.Error()
			if c.want == "" {
				if len(ps) > 0 {
					t.Fatalf("unexpected problems:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, c.want) {
				t.Fatalf("want %q in:\n%s", c.want, got)
			}
		})
	}
}

func TestMarkdownTooBig(t *testing.T) {
	p := Page{Path: "p.md", Rel: "content/en/p.md", Data: []byte("---\ntitle: x\n---\n" + strings.Repeat("Words. ", MaxPageBytes/7+1))}
	ps := Markdown([]Page{p}, nil)
	if len(ps) != 1 || !strings.Contains(ps[0].String(), "p.md:1: is 65 KB of Markdown") || !TooBig(p) {
		t.Fatalf("a page over %d bytes: %v", MaxPageBytes, ps)
	}
}

func TestUnreadable(t *testing.T) {
	pages := []Page{
		{Rel: "ok", Data: []byte("---\ntitle: x\n---\n")},
		{Rel: "bom", Data: []byte("\ufeff---\ntitle: x\n---\n")},
		{Rel: "yaml", Data: []byte("---\ntitle: [x\n---\n")},
		{Rel: "none", Data: []byte("# x\n")},
		{Rel: "list", Data: []byte("---\n- a\n---\n")},
		{Rel: "utf8", Data: []byte("---\ntitle: \"\xff\"\n---\n")},
	}
	got := Unreadable(pages)
	for _, rel := range []string{"yaml", "none", "list", "utf8"} {
		if !got[rel] {
			t.Errorf("%s: not reported unreadable", rel)
		}
	}
	if got["ok"] || got["bom"] {
		t.Errorf("readable pages reported unreadable: %v", got)
	}
}
