package importer

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, d *Document, warns, dropped []Notice)
	}{
		{"og:url when no canonical", `<head><meta property="og:url" content="https://a.example/p"></head><body><main><h1>T</h1><p>Intro.</p></main></body>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Source != "https://a.example/p" || d.Title != "T" || d.Description != "Intro." {
				t.Errorf("source %q title %q description %q", d.Source, d.Title, d.Description)
			}
		}},
		{"relative canonical ignored", `<head><link rel="canonical" href="/p"></head><body><h1>T</h1></body>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Source != "" {
				t.Errorf("source %q", d.Source)
			}
		}},
		{"largest text block without main", `<body><div class="side"><p>Menu bits</p></div><div><h1>Title</h1><p>` + strings.Repeat("Long guidance text. ", 20) + `</p></div></body>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "Title" || len(d.Blocks) != 1 || strings.Contains(plain(d.Blocks[0].Spans), "Menu") {
				t.Errorf("title %q blocks %+v", d.Title, d.Blocks)
			}
		}},
		{"title from <title> when no h1", `<head><title>Page name</title></head><body><main><p>Text.</p></main></body>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "Page name" || len(w) != 1 {
				t.Errorf("title %q warnings %v", d.Title, w)
			}
		}},
		{"sup markers and glued list", `<main><h1>T</h1><p>Fact<sup>[1, 2]</sup> here.</p><ul><li>1 First.</li><li>2</li></ul></main>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if got := render(d.Blocks[0].Spans); got != "Fact[^1][^2] here." {
				t.Errorf("spans %q", got)
			}
			if len(d.Refs) != 2 || plain(d.Refs[0].Spans) != "First." || d.Refs[1].Spans != nil {
				t.Errorf("refs %+v", d.Refs)
			}
		}},
		{"terms from a table", `<main><h1>T</h1><h2>Key terms</h2><table><caption>List of terms</caption><tr><th>Term</th><th>Meaning</th></tr><tr><td>Word</td><td>A meaning.</td></tr></table></main>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Terms) != 1 || d.Terms[0].Definition != "A meaning." || len(dr) != 1 {
				t.Errorf("terms %+v dropped %v", d.Terms, dr)
			}
		}},
		{"other table kept with a warning", `<main><h1>T</h1><table><tr><td>a</td><td>b</td><td>c</td></tr></table></main>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Blocks) != 1 || plain(d.Blocks[0].Spans) != "a – b – c" || len(w) != 1 {
				t.Errorf("blocks %+v warnings %v", d.Blocks, w)
			}
		}},
		{"attribution paragraph after a paragraph", `<main><h1>T</h1><p>Intro.</p><p>“We were heard.”</p><p>Parent, 2020</p></main>`, func(t *testing.T, d *Document, w, dr []Notice) {
			q := d.Blocks[1]
			if q.Kind != Quote || q.Cite != "Parent, 2020" || plain(q.Spans) != "We were heard." {
				t.Errorf("quote %+v", q)
			}
		}},
		{"chrome inside main reported", `<main><nav class="breadcrumbs"><a href="/">Home</a></nav><h1>T</h1><div class="share"><a href="x">Share</a></div><p>This document forms part of the X guidance.</p></main>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if len(dr) != 3 || len(d.Blocks) != 0 {
				t.Errorf("dropped %v blocks %+v", dr, d.Blocks)
			}
		}},
		{"back links in references dropped", `<main><h1>T</h1><p>Fact<sup><a href="#r1">1</a></sup>.</p><ol class="references"><li id="r1"><a href="#c1">↑</a> The source.</li></ol></main>`, func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Refs) != 1 || plain(d.Refs[0].Spans) != "The source." {
				t.Errorf("refs %+v", d.Refs)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, w, dr := ParseHTML(tt.in)
			tt.check(t, d, w, dr)
		})
	}
}

// A page saved in Windows-1252 (declared in its meta charset) is decoded,
// not treated as broken UTF-8.
func TestConvertLegacyCharsetHTML(t *testing.T) {
	page, _ := charmap.Windows1252.NewEncoder().String(`<html><head><meta charset="windows-1252"></head><body><main><h1>The child’s care</h1><p>Café “intro”.</p></main></body></html>`)
	res, err := Convert("p.html", []byte(page), Options{Source: "https://a.example/p"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Markdown, `title: "The child’s care"`) || !strings.Contains(res.Markdown, "Café “intro”.") {
		t.Errorf("Markdown:\n%s", res.Markdown)
	}
}
