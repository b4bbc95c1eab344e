package translation

import (
	"os"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/check"
)

const enPage = "---\ntitle: \"About\"\n---\nText.\n"

func page(rel, data string) check.Page { return check.Page{Path: rel, Rel: rel, Data: []byte(data)} }

func tr(status, hash string) string {
	return "---\ntitle: \"Amdanom\"\ntranslation:\n  status: " + status + "\n  sourceHash: \"" + hash + "\"\n---\nTestun.\n"
}

func TestPages(t *testing.T) {
	fresh := SourceHash([]byte(enPage))
	pages := []check.Page{
		page("content/en/about.md", enPage),
		page("content/en/help.md", enPage+"More.\n"),
		page("content/en/links.md", "---\ntitle: \"Links\"\ntranslate: false\n---\n"),
		page("content/cy/about.md", tr("draft", fresh)),
		page("content/cy/help.md", tr("draft", "0000000000000000")),
		page("content/pl/about.md", tr("draft", fresh)),
		page("content/ro/about.md", "---\ntitle: \"Despre\"\n---\n"),
	}
	report, ps := Pages(pages, []string{"cy", "pl", "ro"}, map[string]bool{"cy": true, "pl": true})
	got := map[string]Language{}
	for _, l := range report {
		got[l.Lang] = l
	}
	if cy := got["cy"]; cy.Pages != 2 || cy.Of != 2 || cy.Draft != 2 || strings.Join(cy.Stale, ",") != "help.md" {
		t.Errorf("cy: %+v; want 2/2 draft, help.md stale", cy)
	}
	if pl := got["pl"]; pl.Pages != 1 || strings.Join(pl.Missing, ",") != "help.md" {
		t.Errorf("pl: %+v; want help.md missing", pl)
	}
	msgs := ps.Error()
	for _, want := range []string{
		"content/pl/help.md: missing: pl is published but has no translation of content/en/help.md",
		"content/ro/about.md:1: a translation needs `translation: {status: draft",
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("want %q in:\n%s", want, msgs)
		}
	}
	if strings.Contains(msgs, "content/ro/help.md") {
		t.Error("an unpublished language's missing page failed the build")
	}
}

func TestStrings(t *testing.T) {
	en := "[home]\nother = \"Home\"\n[steps]\none = \"{{ .Count }} step\"\nother = \"{{ .Count }} steps\"\n"
	files := map[string]StringsFile{
		"en": {"i18n/en.toml", []byte(en)},
		// Welsh needs all six plural forms; this file has two, and lacks "home".
		"cy": {"i18n/cy.toml", []byte("[steps]\none = \"{{ .Count }} cam\"\nother = \"{{ .Count }} cam\"\n")},
		"pl": {"i18n/pl.toml", []byte("[home]\nother = \"Strona główna\"\n[steps]\none = \"krok\"\nfew = \"kroki\"\nmany = \"kroków\"\nother = \"kroku\"\n")},
	}
	report := []Language{{Lang: "cy", Published: true}, {Lang: "pl", Published: true}, {Lang: "ar"}}
	ps := Strings(files, report)
	msgs := ps.Error()
	for _, want := range []string{
		`i18n/cy.toml:1: "steps" has the plural forms one, other; cy needs exactly zero, one, two, few, many, other (CLDR)`,
		`i18n/cy.toml: missing UI strings: home`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("want %q in:\n%s", want, msgs)
		}
	}
	if strings.Contains(msgs, "pl.toml") {
		t.Errorf("a complete Polish file was faulted:\n%s", msgs)
	}
	if strings.Contains(msgs, "ar.toml") {
		t.Errorf("an unpublished language failed:\n%s", msgs)
	}
	if report[1].Keys != 2 || report[1].KeysOf != 2 || report[2].Keys != 0 {
		t.Errorf("key counts: %+v", report)
	}
}

// A translated page with no translation block is refused, published or not.
func TestPageWithoutTranslationBlock(t *testing.T) {
	data, err := os.ReadFile("testdata/no-translation-block.md")
	if err != nil {
		t.Fatal(err)
	}
	pages := []check.Page{page("content/en/about.md", enPage), page("content/cy/about.md", string(data))}
	for _, published := range []bool{true, false} {
		_, ps := Pages(pages, []string{"cy"}, map[string]bool{"cy": published})
		if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "content/cy/about.md:1: a translation needs `translation: {status: draft") {
			t.Errorf("published %v: want one problem for content/cy/about.md, got:\n%v", published, ps)
		}
	}
}
