package check

import (
	"strings"
	"testing"
)

func TestFrontMatter(t *testing.T) {
	good := "title: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources:\n  - \"https://example.org/a\"\n"
	cases := []struct {
		name, file, want string // want "" means no problem
	}{
		{"complete", "---\n" + good + "---\nBody\n", ""},
		{"no front matter", "Body\n", "p.md:1: no front matter"},
		{"unclosed", "---\ntitle: x\n", "p.md:1: no front matter"},
		{"bad yaml", "---\ntitle: [x\n---\n", "p.md:2: front matter is not valid YAML"},
		{"missing description", "---\ntitle: \"T\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources: []\n---\n", "p.md:6: missing \"description\""},
		{"empty title", "---\ntitle: \"\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources: []\n---\n", "p.md:2: \"title\" is empty"},
		{"not a date", "---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: soon\nnextReview: 2027-01-01\nsources: []\n---\n", "p.md:4: \"lastReviewed\" is \"soon\", not a date"},
		{"next before last", "---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2025-01-01\nsources: []\n---\n", "p.md:5: nextReview (2025-01-01) must come after"},
		{"over three years", "---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2029-01-02\nsources: []\n---\n", "p.md:5: nextReview (2029-01-02) is more than 3 years"},
		{"sources not a list", "---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources: \"x\"\n---\n", "p.md:6: \"sources\" must be a list"},
		{"source not a URL", "---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources:\n  - \"the guidance\"\n---\n", "p.md:7: source \"the guidance\" is not a web address"},
		{"unknown layout", "---\n" + good + "layout: fancy\n---\n", "p.md:8: layout \"fancy\" does not exist"},
		{"known layout", "---\n" + good + "layout: chooser\n---\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := FrontMatter([]Page{{Path: "p.md", Data: []byte(c.file)}}, map[string]bool{"chooser": true})
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
