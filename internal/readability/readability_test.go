package readability

import "testing"

func TestSyllables(t *testing.T) {
	cases := []struct {
		word string
		want int
	}{
		{"the", 1}, {"you", 1}, {"child", 1}, {"make", 1}, {"whole", 1}, {"free", 1},
		{"asked", 1}, {"played", 1}, {"used", 1}, {"times", 1}, {"goes", 1}, {"called", 1},
		{"table", 2}, {"people", 2}, {"centre", 2}, {"wanted", 2}, {"needed", 2}, {"agreed", 2},
		{"handled", 2}, {"uses", 2}, {"places", 2}, {"being", 2}, {"going", 2}, {"saying", 2},
		{"second", 2}, {"treatment", 2}, {"doctor", 2}, {"decide", 2}, {"licensed", 2},
		{"examples", 3}, {"babies", 2}, {"family", 3}, {"hospital", 3}, {"opinion", 3},
		{"consultant", 3}, {"decision", 3}, {"medicine", 3}, {"advocate", 3}, {"committee", 3},
		{"children", 2}, {"quiet", 2}, {"media", 3}, {"usually", 4}, {"mediation", 4},
		{"independent", 4}, {"experimental", 5}, {"life-changing", 3}, {"NHS", 3}, {"MDT", 3},
		{"PALS", 1}, {"2022", 4}, {"18", 2}, {"video", 3}, {"period", 3}, {"create", 2},
	}
	for _, c := range cases {
		if got := Syllables(c.word); got != c.want {
			t.Errorf("Syllables(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	cases := []struct {
		name string
		md   string
		want Stats
	}{
		{
			name: "front matter and headings are not prose",
			md:   "---\ntitle: \"A long title that is not counted\"\n---\n## A heading {#a-heading}\nThe cat sat. The dog ran.\n",
			want: Stats{Words: 6, Sentences: 2, Paragraphs: 1, LongestSentence: 3, LongestParagraph: 2},
		},
		{
			name: "list items are units of their own",
			md:   "- first item\n- second item here\n- third. And more.\n",
			want: Stats{Words: 8, Sentences: 4, Paragraphs: 3, LongestSentence: 3, LongestParagraph: 2},
		},
		{
			name: "links keep their text, shortcodes keep their inner text",
			md:   "{{< summary >}}\n- Ask [your consultant](/words-you-might-hear/#named-consultant \"title\").\n{{< /summary >}}\n\n{{< next \"/asking/\" >}}\n",
			want: Stats{Words: 3, Sentences: 1, Paragraphs: 1, LongestSentence: 3, LongestParagraph: 1},
		},
		{
			name: "footnotes, html and abbreviations",
			md:   "Courts are rare.[^1] Ask e.g. the <strong>ward</strong>.\n\n[^1]: Some case [2001] 1 Fam 147.\n    More of the note.\n",
			want: Stats{Words: 7, Sentences: 2, Paragraphs: 1, LongestSentence: 4, LongestParagraph: 2},
		},
		{
			name: "long sentences are counted",
			md:   "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone.\n\nShort one.",
			want: Stats{Words: 23, Sentences: 2, Paragraphs: 2, LongestSentence: 21, LongSentences: 1, LongestParagraph: 1},
		},
		{
			name: "tables: each row a unit, each cell a sentence",
			md:   "| Word | Meaning |\n|---|---|\n| MDT | A team |\n",
			want: Stats{Words: 5, Sentences: 4, Paragraphs: 2, LongestSentence: 2, LongestParagraph: 2},
		},
		{
			name: "code blocks are skipped",
			md:   "Text here.\n\n```\nnot. counted. at. all.\n```\n",
			want: Stats{Words: 2, Sentences: 1, Paragraphs: 1, LongestSentence: 2, LongestParagraph: 1},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Measure([]byte(c.md))
			got.Grade = 0
			if got != c.want {
				t.Errorf("Measure() = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestGrade(t *testing.T) {
	easy := Measure([]byte("The cat sat on the mat. The dog ran to the park. We had fun."))
	hard := Measure([]byte("Multidisciplinary deliberation regarding experimental interventions necessitates comprehensive evaluation of available evidence and professional consensus."))
	if easy.Grade > 3 {
		t.Errorf("easy text grade = %.1f, want 3 or lower", easy.Grade)
	}
	if hard.Grade < 14 {
		t.Errorf("hard text grade = %.1f, want 14 or higher", hard.Grade)
	}
	if (Measure(nil) != Stats{}) {
		t.Errorf("Measure(nil) = %+v, want zero", Measure(nil))
	}
}
