package main

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testdir"
	"github.com/esosite/esosite/internal/testsite"
)

// A Trust's values as a hostile or careless esosite.toml might give them:
// quotes, markup that would run, an ampersand and right-to-left text.
const (
	hostileName    = `Ysbyty "Quote" & <script>alert(1)</script> مستشفى الأطفال`
	hostileContact = `PALS' team "<b>" مكتب`
	hostileURL     = `https://example.nhs.uk/pals?a="x"&b=<y>`
	// How html/template writes the name in text: the shape the pages must show.
	escapedName = `Ysbyty &#34;Quote&#34; &amp; &lt;script&gt;alert(1)&lt;/script&gt; مستشفى الأطفال`
)

var titleRE = regexp.MustCompile(`(?s)<title>(.*?)</title>`)

// TestTrustValuesEscaped packages a site whose Trust name and contacts hold
// quotes, <script> and right-to-left text, and checks every file of the zip:
// pages show the values escaped (in <title>, text and attributes, the
// clinicians' links page with its QR codes among them), nothing unescaped
// appears anywhere, and the server files carry no Trust value at all.
func TestTrustValuesEscaped(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "mytrust")
	if code, _, errs := runCase(t, []string{"init", site}); code != 0 {
		t.Fatal(errs)
	}
	cfg, err := os.ReadFile(filepath.Join(site, "esosite.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(cfg)
	s = strings.Replace(s, `name = "Example NHS Foundation Trust"`, "name = '''"+hostileName+"'''", 1)
	s = strings.Replace(s, `name = "Web team"`+"\nphone = \"\"\nemail = \"\"\nurl = \"\"", "name = '''"+hostileContact+"'''\nphone = \"01234 567890\"\nemail = \"web@example.nhs.uk\"\nurl = '''"+hostileURL+"'''", 1)
	s = strings.Replace(s, `name = "Patient Advice and Liaison Service (PALS)"`+"\nphone = \"\"\nemail = \"\"\nurl = \"\"", "name = '''"+hostileContact+"'''\nphone = \"\"\nemail = \"\"\nurl = '''"+hostileURL+"'''", 1)
	// English and Arabic (right to left): the values pass through the same
	// templates in every language, and two package in a fraction of the time.
	s = strings.Replace(s, `# languages = ["en", "cy"]`, `languages = ["en", "ar"]`, 1)
	if strings.Count(s, "'''") != 10 || !strings.Contains(s, `languages = ["en", "ar"]`) {
		t.Fatalf("the starter esosite.toml changed; this test could not put its values in:\n%s", s)
	}
	if err := os.WriteFile(filepath.Join(site, "esosite.toml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	// The package is made by `esosite package` once for each change to
	// esosite's source or to these values (see internal/testdir.Cached),
	// from the folder kept at a path fixed by its files.
	site = testdir.Fixed(t, site)
	key, err := testsite.Key(build.Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	pkg := testdir.Cached(t, key, "hostile-package", func(dir string) error {
		if code, _, errs := runCase(t, []string{"package", "--site", site, "--output", filepath.Join(dir, "site.zip")}); code != 0 {
			return fmt.Errorf("package: %d\n%s", code, errs)
		}
		return nil
	})
	zr, err := zip.OpenReader(filepath.Join(pkg, "site.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	pages, titled, contacts := 0, 0, 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".br") || strings.HasSuffix(f.Name, ".gz") || strings.HasSuffix(f.Name, ".png") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, raw := range []string{"<script>alert", `"Quote"`, `"<b>"`, `a="x"`, "<y>"} {
			if strings.Contains(text, raw) {
				t.Errorf("%s holds %q unescaped", f.Name, raw)
			}
		}
		base := filepath.Base(f.Name)
		if base == "nginx.conf" || base == ".htaccess" || base == "web.config" || base == "DEPLOY.md" || base == "SHA256SUMS" {
			if strings.Contains(text, "Ysbyty") || strings.Contains(text, "مستشفى") || strings.Contains(text, "PALS'") {
				t.Errorf("%s carries a Trust value; server files must hold none", f.Name)
			}
			continue
		}
		if !strings.HasSuffix(f.Name, ".html") || strings.Contains(text, `http-equiv="refresh"`) {
			continue
		}
		pages++
		if m := titleRE.FindStringSubmatch(text); m != nil && strings.Contains(m[1], escapedName) {
			titled++
		}
		if strings.Contains(text, "PALS&#39; team &#34;&lt;b&gt;&#34; مكتب") && strings.Contains(text, `href="https://example.nhs.uk/pals?a=%22x%22&amp;b=%3cy%3e"`) {
			contacts++
		} else if strings.Contains(text, "site-footer__help") {
			t.Errorf("%s: the accessibility contact is missing or not escaped as expected", f.Name)
		}
	}
	if pages < 100 || titled != pages {
		t.Errorf("%d of %d pages have the escaped Trust name in <title>", titled, pages)
	}
	if contacts < pages-2 { // the root chooser and 404 have no footer
		t.Errorf("%d of %d pages show the accessibility contact escaped in text and href", contacts, pages)
	}
	if _, err := zr.Open("site/en/for-professionals/links/index.html"); err != nil {
		t.Errorf("no links page (the QR index) in the package: %v", err)
	}
}
