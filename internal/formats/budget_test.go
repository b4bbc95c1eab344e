package formats

import (
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/check"
)

// scriptUsers says which script each page may load and what on the page
// uses it: a page loads a script only if it shows that script's part.
var scriptUsers = map[string]string{
	"read-aloud":  "data-read-aloud",
	"offline":     "data-offline",
	"walkthrough": "data-wt-root",
	"copy":        "data-copy",
}

var scriptSrc = regexp.MustCompile(`<script[^>]+src="[^"]*/js/([a-z-]+)\.min\.[0-9a-f]+\.js"`)

// TestScriptsOnlyWhereUsed reads every built page: a page loads a script
// only when it has the part that script works on, the families' pages load
// read aloud, and no page but the language home pages loads the offline
// script. Every page's weight is held to its budget by the build itself; the
// whole guide's pages are logged against theirs.
func TestScriptsOnlyWhereUsed(t *testing.T) {
	s := theSite(t)
	site := os.DirFS(s.dir)
	counts := map[string]int{}
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		html := string(data)
		for _, m := range scriptSrc.FindAllStringSubmatch(html, -1) {
			name := m[1]
			counts[name]++
			marker, known := scriptUsers[name]
			if !known {
				t.Errorf("%s loads %s.js, which this test does not know; add it to scriptUsers with the attribute of the part that uses it", p, name)
				continue
			}
			if !strings.Contains(html, marker) {
				t.Errorf("%s loads %s.js but has no %s part for it to work on", p, name, marker)
			}
		}
		if strings.Contains(html, "data-read-aloud") && !strings.Contains(html, "/js/read-aloud.min.") {
			t.Errorf("%s shows read aloud buttons but does not load read-aloud.js", p)
		}
		if strings.Contains(html, "/js/offline.min.") && !regexp.MustCompile(`^[a-z]{2}/index\.html$`).MatchString(p) {
			t.Errorf("%s loads offline.js; only each language's home page offers saving", p)
		}
		if check.IsPrintPage(p) && strings.Contains(html, "<script") {
			t.Errorf("%s, the whole guide to print, loads a script; it needs none", p)
		}
		if path.Base(path.Dir(p)) == "what-is-a-second-opinion" && !strings.Contains(html, "/js/read-aloud.min.") {
			t.Errorf("%s, a families' page, has no read aloud", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pages loading each script: %v", counts)
	if counts["read-aloud"] == 0 || counts["offline"] == 0 {
		t.Errorf("no page loads read aloud (%d) or offline (%d)", counts["read-aloud"], counts["offline"])
	}
}
