package translation

import (
	"io/fs"
	"path"

	"go.yaml.in/yaml/v3"
)

// WalkthroughDir holds the walkthrough's words, one file per language.
const WalkthroughDir = "data/walkthrough/text"

// Walkthrough fills in each language's walkthrough state from the text
// files in fsys: "reviewed" or "draft" as its translation block says, or
// "stale" when text/en.yaml changed since the sourceHash it was made from.
// A missing or unreadable file is the walkthrough validator's to report.
func Walkthrough(report []Language, fsys fs.FS) {
	english, err := fs.ReadFile(fsys, path.Join(WalkthroughDir, "en.yaml"))
	if err != nil {
		return
	}
	want := SourceHash(english)
	for i := range report {
		data, err := fs.ReadFile(fsys, path.Join(WalkthroughDir, report[i].Lang+".yaml"))
		if err != nil {
			continue
		}
		var m meta
		yaml.Unmarshal(data, &m) // syntax errors are the validator's to report
		switch {
		case m.Translation.SourceHash != want:
			report[i].Walkthrough = "stale"
		default:
			report[i].Walkthrough = m.Translation.Status
		}
	}
}
