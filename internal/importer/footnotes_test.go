package importer

import (
	"fmt"
	"strings"
	"testing"
)

// render writes spans with markers as [^n], for comparing.
func render(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Ref > 0 {
			fmt.Fprintf(&b, "[^%d]", s.Ref)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestMarkersIn(t *testing.T) {
	known := map[int]*Ref{}
	for n := 1; n <= 17; n++ {
		known[n] = &Ref{Num: n}
	}
	for in, want := range map[string]string{
		"is increasing.1 Caring":                "is increasing.[^1] Caring",
		"a breakdown in communication5 and":     "a breakdown in communication[^5] and",
		"loss of trust6 7 can occur":            "loss of trust[^6][^7] can occur",
		"a second opinion.9 10 A professional":  "a second opinion.[^9][^10] A professional",
		"‘a responsible body’.11 12 A":          "‘a responsible body’.[^11][^12] A",
		"the end.17":                            "the end.[^17]",
		"under 18 years of age":                 "under 18 years of age",
		"by July 2022, then 2023/2024":          "by July 2022, then 2023/2024",
		"version 2.1 of the form":               "version 2.1 of the form",
		"at 10:30 today":                        "at 10:30 today",
		"costs £1.50 each":                      "costs £1.50 each",
		"see page 3. Then":                      "see page 3. Then",
		"outside the list.18 and":               "outside the list.18 and",
		"descending.7 3 children":               "descending.[^7] 3 children",
		"glued to a number word2022":            "glued to a number word2022",
		"COVID19 is upper case":                 "COVID19 is upper case",
		"marker then comma.4, and":              "marker then comma.[^4], and",
		"marker then letter.4a is not a marker": "marker then letter.4a is not a marker",
	} {
		if got := render(markersIn(in, known)); got != want {
			t.Errorf("markersIn(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinkFootnotes(t *testing.T) {
	doc := &Document{
		Blocks: []Block{
			{Kind: Para, Line: 3, Spans: []Span{{Text: "One.1 Two.2"}}},
			{Kind: Para, Line: 4, Spans: []Span{{Text: "Sup"}, {Ref: 9}}},
			{Kind: Quote, Line: 5, Spans: []Span{{Text: "Quoted.3"}}},
		},
		Refs: []Ref{{Num: 1, Line: 10, Spans: []Span{{Text: "Source one."}}}, {Num: 2, Line: 11}, {Num: 3, Line: 12, Spans: []Span{{Text: "Three."}}}},
	}
	var warns notes
	linkFootnotes(doc, &warns)
	if got := render(doc.Blocks[0].Spans); got != "One.[^1] Two.[^2]" {
		t.Errorf("para = %q", got)
	}
	if len(doc.Refs) != 4 || doc.Refs[3].Num != 9 || !doc.Refs[0].Cited || doc.Refs[2].Cited {
		t.Errorf("refs %+v", doc.Refs)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, fmt.Sprintf("%d:%s", w.Line, w.Msg[:20]))
	}
	want := []string{"4:marker 9 has no entr", "11:reference 2 has no t", "12:reference 3 is not c", "4:reference 9 has no t"}
	if strings.Join(msgs, "|") != strings.Join(want, "|") {
		t.Errorf("warnings %q, want %q", msgs, want)
	}
}
