package translation

import (
	"strings"
	"testing"
)

func TestOverrides(t *testing.T) {
	en := StringsFile{Path: "i18n/en.toml", Data: []byte("[skip]\nother = \"Skip\"\n\n[pages]\none = \"{{ .Count }} page\"\nother = \"{{ .Count }} pages\"\n")}
	cases := []struct {
		name, lang, file, want string // want "" means no problem
	}{
		{"a few keys", "en", "[skip]\nother = \"Skip to the guide\"\n", ""},
		{"Welsh plural", "cy", "[pages]\nzero = \"a\"\none = \"a\"\ntwo = \"a\"\nfew = \"a\"\nmany = \"a\"\nother = \"a\"\n", ""},
		{"syntax", "en", "[skip\nother = \"x\"\n", "site/i18n/en.toml:1: the UI strings are not valid TOML"},
		{"unknown key", "en", "[skp]\nother = \"x\"\n", "site/i18n/en.toml:1: \"skp\" is not a UI string the site uses"},
		{"wrong plural forms", "cy", "[pages]\none = \"a\"\nother = \"b\"\n", "site/i18n/cy.toml:1: \"pages\" has the plural forms one, other; cy needs exactly zero, one, two, few, many, other"},
		{"not a language", "xx", "[skip]\nother = \"x\"\n", "site/i18n/xx.toml:1: \"xx\" is not a language of the site"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := Overrides(map[string]StringsFile{c.lang: {Path: "site/i18n/" + c.lang + ".toml", Data: []byte(c.file)}}, en)
			got := ps.Error()
			if c.want == "" {
				if len(ps) > 0 {
					t.Fatalf("unexpected problems:\n%s", got)
				}
				return
			}
			if !strings.HasPrefix(got, c.want) {
				t.Fatalf("want %q first in:\n%s", c.want, got)
			}
		})
	}
}
