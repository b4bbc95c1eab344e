package importer

import (
	"strings"
	"testing"
	"time"
)

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":            "plain words",
		"a *star* and _under_":   `a \*star\* and \_under\_`,
		"[link](x) and `code`":   "\\[link\\](x) and \\`code\\`",
		"1 < 2 > 0":              `1 \< 2 \> 0`,
		"{{< shortcode >}}":      `{\{\< shortcode \>}}`,
		"AT&T and &amp; entity":  `AT&T and \&amp; entity`,
		"back\\slash ~tilde~":    `back\\slash \~tilde\~`,
		"‘curly’ “quotes” – ok…": "‘curly’ “quotes” – ok…",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBlockStart(t *testing.T) {
	for in, want := range map[string]string{
		"1. Not a list":      `1\. Not a list`,
		"12) Not either":     `12\) Not either`,
		"2023. A year":       `2023\. A year`,
		"# not a heading":    `\# not a heading`,
		"- not an item":      `\- not an item`,
		": not a definition": `\: not a definition`,
		"---":                `\---`,
		"1.5 litres":         "1.5 litres",
		"Normal text":        "Normal text",
	} {
		if got := blockStart(in); got != want {
			t.Errorf("blockStart(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteMarkdown(t *testing.T) {
	doc := &Document{
		Title:        `A "quoted" title`,
		Description:  "One sentence.",
		LastReviewed: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		Blocks: []Block{
			{Kind: Heading, Level: 2, Spans: []Span{{Text: "Who can ask"}}},
			{Kind: Heading, Level: 3, Spans: []Span{{Text: "Who can ask"}}},
			{Kind: Heading, Level: 2, Spans: []Span{{Text: "C# {braces}"}}},
			{Kind: Para, Spans: []Span{{Text: "See "}, {Text: "the guide", Href: "https://example.org/a b"}, {Text: "."}, {Ref: 1}}},
			{Kind: List, Ordered: true, Items: []Item{{Spans: []Span{{Text: "one"}}, Items: []Item{{Spans: []Span{{Text: "sub"}}}}}}},
			{Kind: Quote, Cite: `Parent, "2021"`, Spans: []Span{{Text: "We <felt> *heard*"}}},
			{Kind: Terms},
		},
		Terms: []Term{{Term: "Word", Definition: "- a meaning"}},
		Refs:  []Ref{{Num: 1, Spans: []Span{{Text: "Source."}}}, {Num: 2}},
	}
	got := writeMarkdown(doc, pageMeta{From: "a.txt", Lang: "cy", Warnings: 3})
	for _, want := range []string{
		"title: \"A \\\"quoted\\\" title\"\n",
		"lastReviewed: 2024-02-29\nnextReview: 2027-03-01\n",
		"sources: []\n",
		"translation:\n  status: draft\n",
		"imported:\n  from: \"a.txt\"\n  warnings: 3\n---\n",
		"## Who can ask {#who-can-ask}\n",
		"### Who can ask {#who-can-ask-2}\n",
		"## C\\# \\{braces} {#c-braces}\n",
		"See [the guide](<https://example.org/a b>).[^1]\n",
		"1. one\n   - sub\n",
		"{{< quote cite=\"Parent, ”2021”\" >}}\nWe &#60;felt&#62; &#42;heard&#42;\n{{< /quote >}}\n",
		"Word\n: \\- a meaning\n",
		"[^1]: Source.\n[^2]: Reference text missing from the source page.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, got)
		}
	}
}

func TestWriteGlossary(t *testing.T) {
	got := writeGlossary([]Term{{Term: "Named consultant", Definition: "The lead doctor."}, {Term: "Named consultant", Definition: `A "second" one.`}}, "a.txt")
	want := "# Key terms imported from a.txt by esosite import. Proofread before use.\n" +
		"- id: \"named-consultant\"\n  term: \"Named consultant\"\n  definition: \"The lead doctor.\"\n" +
		"- id: \"named-consultant-2\"\n  term: \"Named consultant\"\n  definition: \"A \\\"second\\\" one.\"\n"
	if got != want {
		t.Errorf("glossary:\n%s\nwant:\n%s", got, want)
	}
}
