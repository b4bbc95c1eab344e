package importer

import "testing"

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Case for standardising practice":           "case-for-standardising-practice",
		"Unlicensed and ‘off label’ medicines":      "unlicensed-and-off-label-medicines",
		"The child’s notes":                         "the-childs-notes",
		"Café naïve – Æsop, Straße":                 "cafe-naive-aesop-strasse",
		"Clinical Ethics Advisory Committee (CEAC)": "clinical-ethics-advisory-committee-ceac",
		"  --  ": "",
		"اردو":   "",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIDSetUnique(t *testing.T) {
	ids := idSet{}
	got := []string{ids.unique("a", "x"), ids.unique("a", "x"), ids.unique("a-3", "x"), ids.unique("a", "x"), ids.unique("", "section")}
	want := []string{"a", "a-2", "a-3", "a-4", "section"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unique #%d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestShortSlug(t *testing.T) {
	if got := shortSlug("one-two-three", 9); got != "one-two" {
		t.Errorf("shortSlug = %q", got)
	}
	if got := shortSlug("short", 9); got != "short" {
		t.Errorf("shortSlug = %q", got)
	}
}
