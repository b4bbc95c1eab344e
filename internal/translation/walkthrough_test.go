package translation

import (
	"testing"
	"testing/fstest"
)

func TestWalkthroughState(t *testing.T) {
	en := "start:\n  title: \"What happens next\"\n"
	hash := SourceHash([]byte(en))
	fsys := fstest.MapFS{
		"data/walkthrough/text/en.yaml": {Data: []byte(en)},
		"data/walkthrough/text/cy.yaml": {Data: []byte("translation:\n  status: draft\n  sourceHash: \"" + hash + "\"\n")},
		"data/walkthrough/text/pl.yaml": {Data: []byte("translation:\n  status: draft\n  sourceHash: \"0000000000000000\"\n")},
		"data/walkthrough/text/ro.yaml": {Data: []byte("translation:\n  status: reviewed\n  sourceHash: \"" + hash + "\"\n")},
	}
	report := []Language{{Lang: "cy"}, {Lang: "pl"}, {Lang: "ro"}, {Lang: "pt"}}
	Walkthrough(report, fsys)
	for i, want := range []string{"draft", "stale", "reviewed", ""} {
		if got := report[i].Walkthrough; got != want {
			t.Errorf("%s: walkthrough %q, want %q", report[i].Lang, got, want)
		}
	}
}
