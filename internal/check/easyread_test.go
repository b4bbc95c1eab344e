package check

import "testing"

func TestEasyRead(t *testing.T) {
	fm := "---\ntitle: \"x\"\n---\n"
	cases := []struct {
		name string
		page Page
		want []string
	}{
		{"short and plain", Page{"e.md", "content/en/easy-read/e.md", []byte(fm + "You can ask.\n\nIt is fine to ask.\n")}, nil},
		{"a long sentence, at its line", Page{"e.md", "content/en/easy-read/e.md", []byte(fm + "You can ask.\n\nYou can ask the team for a new look at the plan they made for your child today.\n")}, []string{"e.md:6: the sentence \"You can ask the team for a new …\" has 18 words"}},
		{"hard words", Page{"e.md", "content/en/easy-read/e.md", []byte(fm + "Multidisciplinary consultation necessitates documentation.\n")}, []string{"e.md: reads at Flesch-Kincaid grade"}},
		{"not easy read", Page{"f.md", "content/en/f.md", []byte(fm + "Multidisciplinary consultation necessitates documentation.\n")}, nil},
		{"not English", Page{"e.md", "content/cy/easy-read/e.md", []byte(fm + "Multidisciplinary consultation necessitates documentation.\n")}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expect(t, EasyRead([]Page{c.page}), c.want)
		})
	}
}
