package importer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, d *Document, warns, dropped []Notice)
	}{
		{"title after header lines", "Menu\nBrand Name Here\nThe real title\n\nIntro sentence one. Intro two.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "The real title" || d.Description != "Intro sentence one." {
				t.Errorf("title %q, description %q", d.Title, d.Description)
			}
			if len(dr) != 2 {
				t.Errorf("dropped %v, want Menu and the brand line", dr)
			}
		}},
		{"a mirror's name in Chinese above the title", "指南资料镜像站\n\nThe real title\n\nIntro sentence.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "The real title" || len(dr) != 1 || !strings.Contains(dr[0].Msg, "site name") || dr[0].Line != 1 {
				t.Errorf("title %q, dropped %v", d.Title, dr)
			}
		}},
		{"a site name in Arabic above the title", "مكتبة الإرشادات\nThe real title\nIntro sentence.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "The real title" || len(dr) != 1 {
				t.Errorf("title %q, dropped %v", d.Title, dr)
			}
		}},
		{"a mirror's host name above the title", "mirror.example.net\nThe real title\n\nIntro sentence.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "The real title" || len(dr) != 1 {
				t.Errorf("title %q, dropped %v", d.Title, dr)
			}
		}},
		{"a Chinese first line followed by a paragraph is not a site name", "指南资料\n\nthis is a sentence, not a title.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "" || len(dr) != 0 {
				t.Errorf("title %q, dropped %v", d.Title, dr)
			}
		}},
		{"only the first line can be a site name", "The real title\n指南资料\nAnother heading\n\nIntro.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			for _, n := range dr {
				if strings.Contains(n.Msg, "site name") {
					t.Errorf("dropped %v", n)
				}
			}
		}},
		{"last modified on one line", "Title\n\nIntro.\nLast modified: 5 June 2021\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if got := d.LastReviewed.Format("2006-01-02"); got != "2021-06-05" {
				t.Errorf("lastReviewed %s", got)
			}
		}},
		{"last modified without a date warns", "Title\n\nIntro.\nLast modified\nsoon\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if !d.LastReviewed.IsZero() || len(w) != 1 || w[0].Line != 4 {
				t.Errorf("lastReviewed %v, warnings %v", d.LastReviewed, w)
			}
		}},
		{"heading and quote", "Title\n\nIntro.\n\nA heading here\n\nWe felt heard\n\nParent, 2020\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Blocks) != 3 || d.Blocks[1].Kind != Heading || d.Blocks[2].Kind != Quote || d.Blocks[2].Cite != "Parent, 2020" {
				t.Errorf("blocks %+v", d.Blocks)
			}
		}},
		{"nested bullets", "Title\n\nIntro:\n\n  • one\n      ◦ one a\n  • two\n", func(t *testing.T, d *Document, w, dr []Notice) {
			l := d.Blocks[1]
			if l.Kind != List || len(l.Items) != 2 || len(l.Items[0].Items) != 1 || plain(l.Items[0].Items[0].Spans) != "one a" {
				t.Errorf("list %+v", l)
			}
		}},
		{"numbered items are an ordered list", "Title\n\nIntro:\n\n1. first\n2. second\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Refs) != 0 || d.Blocks[1].Kind != List || !d.Blocks[1].Ordered || len(d.Blocks[1].Items) != 2 {
				t.Errorf("refs %+v blocks %+v", d.Refs, d.Blocks)
			}
		}},
		{"bullets 1..n are the reference list", "Title\n\nIntro.1\n\n  • 1 a b First source.\n  • 2\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Refs) != 2 || plain(d.Refs[0].Spans) != "First source." || d.Refs[1].Spans != nil {
				t.Errorf("refs %+v", d.Refs)
			}
		}},
		{"bullets out of order are a list", "Title\n\nIntro.\n\n  • 2 things\n  • 1 thing\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Refs) != 0 || d.Blocks[1].Kind != List {
				t.Errorf("refs %+v", d.Refs)
			}
		}},
		{"hard-wrapped paragraph joins", "Title\n\nThis sentence was\nwrapped by an editor.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Blocks) != 1 || plain(d.Blocks[0].Spans) != "This sentence was wrapped by an editor." {
				t.Errorf("blocks %+v", d.Blocks)
			}
		}},
		{"terms with a caption", "Title\n\nIntro.\n\nGlossary\n\nList of terms\nWord One meaning.\nunsplittable\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if len(d.Terms) != 1 || d.Terms[0].Term != "Word" || len(w) != 1 {
				t.Errorf("terms %+v warnings %v", d.Terms, w)
			}
		}},
		{"no title", "this starts in lower case and runs on.\n", func(t *testing.T, d *Document, w, dr []Notice) {
			if d.Title != "" || len(w) != 1 {
				t.Errorf("title %q warnings %v", d.Title, w)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, w, dr := ParseText(tt.in)
			tt.check(t, d, w, dr)
		})
	}
}

func TestHeadingLike(t *testing.T) {
	for in, want := range map[string]bool{
		"Case for a shared approach":             true,
		"What is a second opinion?":              true,
		"A sentence that ends.":                  false,
		"Family, 2021":                           false,
		"3 March 2023":                           false,
		"lower case start":                       false,
		"A sentence that ends with a marker.4":   false,
		strings.Repeat("Word ", 20):              false,
		"The clinical context - how it is done":  true,
		"Perceived problems can include:":        false,
		"‘Off label’ medicines":                  true,
		"2023/2024 planning round for the Board": true,
	} {
		if got := headingLike(strings.TrimSpace(in)); got != want {
			t.Errorf("headingLike(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"One. Two.":                    "One.",
		"See e.g. The guide. Then go.": "See e.g. The guide.",
		"Ask Dr. Patel first. Then.":   "Ask Dr. Patel first.",
		"“Quoted.” Then more.":         "“Quoted.”",
		"No full stop":                 "No full stop",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ title, series, want string }{
		{"Context and scope - second opinions in paediatrics", "This document forms part of the External Second Opinions in Paediatrics guidance.", "Context and scope"},
		{"Context and scope - what it covers", "This document forms part of the External Second Opinions in Paediatrics guidance.", "Context and scope - what it covers"},
		{"A page | Northbrook Health", "Northbrook Health Network", "A page"},
		{"Title - anything", "", "Title - anything"},
	}
	for _, tt := range tests {
		var dropped notes
		if got := cleanTitle(tt.title, tt.series, 1, &dropped); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"", "Title\n\nIntro.1\n\n  • 1\n  • 2x\n", "Last modified\n", "  •", "•1",
		"Key terms and definitions\nA B\n", "Family, 2021\n", "\r\n\r\n", "1. x\n  2) y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n") // as Convert does
		repaired, _, _ := Repair(s)
		d, warns, dropped := ParseText(repaired)
		linkFootnotes(d, (*notes)(&warns))
		md := writeMarkdown(d, pageMeta{From: "f.txt"})
		if !utf8.ValidString(md) {
			t.Fatalf("invalid UTF-8 Markdown from %q", s)
		}
		lines := strings.Count(repaired, "\n") + 1
		for _, n := range append(warns, dropped...) {
			if n.Line < 0 || n.Line > lines {
				t.Fatalf("notice %v points outside the %d-line input", n, lines)
			}
		}
	})
}
