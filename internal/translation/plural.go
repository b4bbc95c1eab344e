package translation

import (
	"fmt"
	"sort"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// categories are the CLDR plural categories go-i18n knows, in CLDR order.
var categories = []string{"zero", "one", "two", "few", "many", "other"}

// PluralCategories returns the CLDR plural categories a language uses for
// cardinal numbers, as go-i18n applies them: it asks go-i18n to choose a form
// for many sample numbers (whole and decimal) and records which it picks.
func PluralCategories(lang string) ([]string, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, err
	}
	b := i18n.NewBundle(language.English)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return nil, err
	}
	loc := i18n.NewLocalizer(b, lang)
	seen := map[string]bool{}
	var samples []any
	for n := 0; n <= 1000; n++ {
		samples = append(samples, n)
	}
	for _, s := range []string{"0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.5", "10.0", "100.5", "1000000", "1000000.0"} {
		samples = append(samples, s)
	}
	for _, n := range samples {
		form, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n})
		if err != nil {
			return nil, fmt.Errorf("plural form of %v in %s: %v", n, lang, err)
		}
		seen[form] = true
	}
	var out []string
	for _, c := range categories {
		if seen[c] {
			out = append(out, c)
		}
	}
	return out, nil
}

// forms lists the plural categories a message fills in.
func forms(m *i18n.Message) []string {
	var out []string
	for i, v := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if v != "" {
			out = append(out, categories[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return index(out[i]) < index(out[j]) })
	return out
}

func index(c string) int {
	for i, x := range categories {
		if x == c {
			return i
		}
	}
	return -1
}
