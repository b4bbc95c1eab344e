package build

import (
	"strings"

	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/translation"
)

// preBuild runs every check that needs no Hugo: front matter, Markdown,
// the walkthrough, readability, translations and UI strings, the Trust's
// files among them. site is the Trust's folder as given ("" for none).
func (ws *workspace) preBuild(site string) ([]check.Reading, []translation.Language, check.Problems, error) {
	ps := check.FrontMatter(ws.pages, ws.layouts)
	ps = append(ps, ws.walkthroughProblems(site)...)
	// A page whose front matter cannot be read is reported once, above; the
	// checks below would only add knock-on lines about it.
	unreadable := check.Unreadable(ws.pages)
	ps = append(ps, check.Markdown(ws.pages, unreadable)...)
	for _, p := range ws.pages {
		if check.TooBig(p) {
			unreadable[p.Rel] = true
		}
	}
	var checked []check.Page // readable pages, and every translation (its problems are filtered below)
	for _, p := range ws.pages {
		if !unreadable[p.Rel] || !strings.HasPrefix(p.Rel, "content/en/") {
			checked = append(checked, p)
		}
	}
	readings, rps := check.Readability(checked)
	ps = append(ps, rps...)
	ps = append(ps, check.EasyRead(checked)...)
	langs, tps := translation.Pages(checked, ws.langs, ws.publish)
	for _, p := range tps {
		if !unreadableShown(ws.pages, unreadable, p.Path) {
			ps = append(ps, p)
		}
	}
	files, err := stringsFiles()
	if err != nil {
		return nil, nil, nil, err
	}
	ps = append(ps, translation.Strings(files, langs)...)
	own, err := ws.trustStrings()
	if err != nil {
		return nil, nil, nil, err
	}
	ps = append(ps, translation.Overrides(own, files["en"])...)
	return readings, langs, ps, nil
}

// unreadableShown says whether shown is the display path of an unreadable page.
func unreadableShown(pages []check.Page, unreadable map[string]bool, shown string) bool {
	for _, p := range pages {
		if p.Path == shown && unreadable[p.Rel] {
			return true
		}
	}
	return false
}
