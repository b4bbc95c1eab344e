package translation

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/esosite/esosite/internal/check"
)

// Overrides validates a Trust's own UI strings (its i18n/<lang>.toml files,
// by language). Hugo merges them key by key over the built-in strings, so a
// file may hold a few keys; each must be one the site uses (english, the
// built-in English file), with its language's CLDR plural forms where the
// English is a plural, and a file must be TOML go-i18n can read.
func Overrides(files map[string]StringsFile, english StringsFile) check.Problems {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	emf, err := b.ParseMessageFileBytes(english.Data, "en.toml")
	if err != nil {
		return check.Problems{{Path: english.Path, Line: 1, Message: err.Error()}}
	}
	en := map[string]*i18n.Message{}
	var ids []string
	for _, m := range emf.Messages {
		en[m.ID] = m
		ids = append(ids, m.ID)
	}
	var ps check.Problems
	langs := make([]string, 0, len(files))
	for l := range files {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		f := files[lang]
		want, err := PluralCategories(lang)
		if err != nil {
			ps = append(ps, check.Problem{Path: f.Path, Line: 1, Message: fmt.Sprintf("%q is not a language of the site; name the file after one, e.g. cy.toml", lang)})
			continue
		}
		mf, err := b.ParseMessageFileBytes(f.Data, lang+".toml")
		if err != nil {
			line := 1
			var de *toml.DecodeError
			if errors.As(err, &de) {
				line, _ = de.Position()
			}
			ps = append(ps, check.Problem{Path: f.Path, Line: line, Message: "the UI strings are not valid TOML (" + strings.TrimPrefix(errText(err), "toml: ") + "); write each as [key] with other = \"...\" below it, as in the built-in i18n/en.toml"})
			continue
		}
		for _, m := range mf.Messages {
			line := keyLine(f.Data, m.ID)
			em, ok := en[m.ID]
			if !ok {
				ps = append(ps, check.Problem{Path: f.Path, Line: line, Message: fmt.Sprintf("%q is not a UI string the site uses; check its spelling against the built-in i18n/en.toml", m.ID)})
				continue
			}
			got := forms(m)
			switch {
			case len(forms(em)) > 1 && !slices.Equal(got, want):
				ps = append(ps, check.Problem{Path: f.Path, Line: line, Message: fmt.Sprintf("%q has the plural forms %s; %s needs exactly %s (CLDR)", m.ID, strings.Join(got, ", "), lang, strings.Join(want, ", "))})
			case len(forms(em)) == 1 && m.Other == "":
				ps = append(ps, check.Problem{Path: f.Path, Line: line, Message: fmt.Sprintf("%q has no `other` text; write it as other = \"...\"", m.ID)})
			}
		}
	}
	return ps
}

// errText is an error's first line: go-toml adds the offending text below.
func errText(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
