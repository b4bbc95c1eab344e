package translation

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/esosite/esosite/internal/check"
)

// A StringsFile is one i18n/<lang>.toml: where to show it and its bytes.
type StringsFile struct {
	Path string
	Data []byte
}

// Strings validates each language's UI strings with go-i18n against
// English: every English key must exist, and each plural message must have
// exactly the CLDR plural categories of its language. It fills in the key
// counts of report.
func Strings(files map[string]StringsFile, report []Language) check.Problems {
	parse := func(lang string) (map[string]*i18n.Message, *check.Problem) {
		f, ok := files[lang]
		if !ok {
			return nil, &check.Problem{Path: path.Join("i18n", lang+".toml"), Message: "missing: every language needs its UI strings; copy i18n/en.toml and translate each value"}
		}
		b := i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		mf, err := b.ParseMessageFileBytes(f.Data, lang+".toml")
		if err != nil {
			return nil, &check.Problem{Path: f.Path, Line: 1, Message: "cannot read the UI strings: " + err.Error()}
		}
		msgs := map[string]*i18n.Message{}
		for _, m := range mf.Messages {
			msgs[m.ID] = m
		}
		return msgs, nil
	}
	var ps check.Problems
	en, p := parse("en")
	if p != nil {
		return check.Problems{*p}
	}
	for i := range report {
		l := &report[i]
		l.KeysOf = len(en)
		msgs, p := parse(l.Lang)
		if p != nil {
			l.MissingKeys = sortedKeys(en)
			if l.Published {
				ps = append(ps, *p)
			}
			continue
		}
		want, err := PluralCategories(l.Lang)
		if err != nil {
			ps = append(ps, check.Problem{Path: files[l.Lang].Path, Message: err.Error()})
			continue
		}
		for id, em := range en {
			m, ok := msgs[id]
			if !ok {
				l.MissingKeys = append(l.MissingKeys, id)
				continue
			}
			l.Keys++
			got := forms(m)
			plural := len(forms(em)) > 1
			switch {
			case plural && !slices.Equal(got, want):
				ps = append(ps, check.Problem{Path: files[l.Lang].Path, Line: keyLine(files[l.Lang].Data, id), Message: fmt.Sprintf("%q has the plural forms %s; %s needs exactly %s (CLDR)", id, strings.Join(got, ", "), l.Lang, strings.Join(want, ", "))})
			case !plural && m.Other == "":
				ps = append(ps, check.Problem{Path: files[l.Lang].Path, Line: keyLine(files[l.Lang].Data, id), Message: fmt.Sprintf("%q has no `other` text; write the translation as other = \"...\"", id)})
			}
		}
		sort.Strings(l.MissingKeys)
		if l.Published && len(l.MissingKeys) > 0 {
			ps = append(ps, check.Problem{Path: files[l.Lang].Path, Message: fmt.Sprintf("missing UI strings: %s; copy them from i18n/en.toml and translate them", strings.Join(l.MissingKeys, ", "))})
		}
	}
	return ps
}

func sortedKeys(m map[string]*i18n.Message) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// keyLine finds the line of a key's table header ([key]) in a TOML file.
func keyLine(data []byte, id string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); t == "["+id+"]" || strings.HasPrefix(t, id+" ") || strings.HasPrefix(t, id+"=") {
			return i + 1
		}
	}
	return 1
}
