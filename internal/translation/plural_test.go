package translation

import (
	"strings"
	"testing"
)

func TestPluralCategories(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "one other",
		"cy": "zero one two few many other",
		"ar": "zero one two few many other",
		"pl": "one few many other",
		"ro": "one few other",
		"bn": "one other",
		"ur": "one other",
		"pa": "one other",
		"es": "one many other",
		"pt": "one many other",
	} {
		got, err := PluralCategories(lang)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: got %v, want %s", lang, got, want)
		}
	}
}
