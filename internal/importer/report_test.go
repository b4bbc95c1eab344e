package importer

import (
	"bytes"
	"testing"
)

func TestReport(t *testing.T) {
	r := &Report{
		Input: "a.txt", Output: "out/a.md", Glossary: "out/a.glossary.yaml",
		Headings: 1, Lists: 2, Quotes: 0, Footnotes: 3, Empty: 1, Terms: 4,
		Fixes:    []Fix{{Line: 3, Kind: FixCP1252}, {Line: 4, Kind: FixCP1252}, {Line: 5, Kind: FixCP1252}, {Line: 9, Kind: FixGBK}, {Line: 3, Kind: FixCP1252}},
		Warnings: []Notice{{Line: 0, Msg: "no source URL: pass --source URL"}, {Line: 12, Msg: "reference 2 has no text"}},
		Dropped:  []Notice{{Line: 1, Msg: "dropped navigation: \"Menu\""}},
	}
	var b bytes.Buffer
	r.Write(&b)
	want := "a.txt → out/a.md: 1 heading, 2 lists, 0 quotes, 3 footnotes (1 empty), 4 terms, 5 repairs (cp1252 4, gbk 1), 1 chrome dropped, 2 warnings; glossary → out/a.glossary.yaml\n" +
		"a.txt: no source URL: pass --source URL\n" +
		"a.txt:12: reference 2 has no text\n" +
		"a.txt:1: dropped navigation: \"Menu\"\n" +
		"a.txt: cp1252 repairs on lines 3-5\n" +
		"a.txt: gbk repairs on lines 9\n"
	if b.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestRanges(t *testing.T) {
	for want, in := range map[string][]int{"": nil, "1": {1}, "1-3, 7, 9-10": {1, 2, 3, 7, 9, 10}} {
		if got := ranges(in); got != want {
			t.Errorf("ranges(%v) = %q, want %q", in, got, want)
		}
	}
}
