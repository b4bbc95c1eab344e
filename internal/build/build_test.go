package build_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testsite"
)

// buildSite returns the site built with opts, built once for every test (in
// any package) that reads the same site; see internal/testsite.
func buildSite(t testing.TB, opts build.Options) string {
	t.Helper()
	dir, _ := testsite.Build(t, opts)
	return dir
}

// buildFresh builds into a new temp folder, for tests of building itself.
func buildFresh(t testing.TB, opts build.Options) string {
	t.Helper()
	opts.Destination = filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(opts); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return opts.Destination
}

func read(t testing.TB, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return string(data)
}

// treeHash is one line per file: path and SHA-256, sorted.
func treeHash(t testing.TB, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(data), rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func htmlPages(t testing.TB, dir string) []string {
	t.Helper()
	var pages []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, rel)
		}
		return nil
	})
	return pages
}

func TestBuiltInSite(t *testing.T) {
	out := buildSite(t, build.Options{})
	pages := htmlPages(t, out)
	if len(pages) < 3 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}
	chooser := read(t, out, "index.html")
	if !strings.Contains(chooser, `href="/en/" lang="en" hreflang="en"`) {
		t.Errorf("the root page is not a language chooser linking to /en/:\n%s", chooser)
	}
	if strings.Contains(chooser, "http-equiv=\"refresh\"") {
		t.Error("the root page must not be a meta refresh")
	}
	// issue 13: with no accessibility contact, every page still says how to
	// ask for another format and whom to tell about a problem, with no mailto.
	for _, p := range []string{"en/index.html", "cy/about/index.html", "en/what-happens-next/getting-worse/index.html"} {
		html := read(t, out, p)
		if !strings.Contains(html, `<div class="site-footer__help">`) || strings.Contains(html, "site-footer__report") {
			t.Errorf("%s: the footer lacks the other-formats note, or offers a report link with no contact to send it to", p)
		}
	}
	if en := read(t, out, "en/index.html"); !strings.Contains(en, "British Sign Language (BSL)") || !strings.Contains(en, "To report a problem with this page, tell the ward staff") {
		t.Error("en/index.html: the footer lacks the other-formats or report-a-problem fallback text")
	}
	checkPhoneFirst(t, out)
	h1 := regexp.MustCompile(`<h1[ >]`)
	inline := regexp.MustCompile(`<script>|<script [^>]*>[^<]+</script>|<style|\sstyle="|\son[a-z]+="`)
	for _, p := range pages {
		html := read(t, out, p)
		if n := len(h1.FindAllString(html, -1)); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", p, n)
		}
		if m := inline.FindString(html); m != "" {
			t.Errorf("%s has inline script, style or handler %q", p, m)
		}
		for _, bad := range []string{"http://", "//fonts.", "googleapis", "document.cookie"} {
			if strings.Contains(html, "src=\""+bad) || strings.Contains(html, bad+"\"") && bad != "http://" {
				t.Errorf("%s refers to %q", p, bad)
			}
		}
	}
}

// TestSubPath builds the site for an address under a sub-path, as Trusts
// host it, and wants every file the same as at the root of a host but for
// the addresses in it (and what is derived from them: QR codes, the offline
// copy's version). So the browser suite, which checks the site under a
// sub-path only, checks the root one too.
func TestSubPath(t *testing.T) {
	out := buildSite(t, build.Options{BaseURL: testsite.SubPathURL})
	rootURL := strings.TrimSuffix(testsite.SubPathURL, "trust/eso/")
	root := buildSite(t, build.Options{BaseURL: rootURL})
	const base = "/trust/eso/"
	rootRel := regexp.MustCompile(`(?:href|src)="(/[^"]*)"`)
	for _, p := range htmlPages(t, out) {
		for _, m := range rootRel.FindAllStringSubmatch(read(t, out, p), -1) {
			if !strings.HasPrefix(m[1], base) {
				t.Errorf("%s: link %q escapes the sub-path %s", p, m[1], base)
			}
		}
	}
	if !strings.Contains(read(t, out, "index.html"), `href="/trust/eso/en/"`) {
		t.Error("the chooser does not link to /trust/eso/en/")
	}
	// Printed pages name their full address under the sub-path.
	for _, p := range []string{"en/about/index.html", "ar/what-happens-next/talk-to-the-consultant/index.html"} {
		want := ": " + testsite.SubPathURL + strings.TrimSuffix(p, "index.html") + "</p>"
		if !strings.Contains(read(t, out, p), want) {
			t.Errorf("%s does not print its address (want %q)", p, want)
		}
	}
	atRoot := strings.NewReplacer(testsite.SubPathURL, rootURL, base, "/")
	derived := regexp.MustCompile(`qr_[0-9a-f]+\.png"( width="\d+" height="\d+")?|"version":"[0-9a-f]+"`)
	same := func(s string) string { return derived.ReplaceAllString(s, "(derived from the address)") }
	files := map[string]bool{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if strings.HasPrefix(rel, "qr"+string(filepath.Separator)) {
			return nil // each QR code is its page's address
		}
		files[rel] = true
		sub, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		want, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Errorf("%s is built under a sub-path but not at the root", rel)
			return nil
		}
		if got, want := same(atRoot.Replace(string(sub))), same(string(want)); got != want {
			t.Errorf("%s under a sub-path differs from the root's but for its addresses:\n%s", rel, firstDiff(got, want))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if rel, _ := filepath.Rel(root, p); err == nil && !d.IsDir() && !files[rel] && !strings.HasPrefix(rel, "qr"+string(filepath.Separator)) {
			t.Errorf("%s is built at the root but not under a sub-path", rel)
		}
		return nil
	})
}

// firstDiff shows where two texts part, with a little context.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-60)
	return fmt.Sprintf("  sub-path, at the root: ...%q\n  built at the root:     ...%q", a[from:min(len(a), i+60)], b[from:min(len(b), i+60)])
}

func TestReproducible(t *testing.T) {
	// The shared build against a fresh one: same inputs, another time.
	a := treeHash(t, buildSite(t, build.Options{}))
	b := treeHash(t, buildFresh(t, build.Options{}))
	if a != b {
		t.Errorf("two builds of the same input differ:\n%s\n---\n%s", a, b)
	}
}

func TestAtomicFailureLeavesDestination(t *testing.T) {
	// The previous output: a copy of the shared build, as good as a fresh one.
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.CopyFS(dest, os.DirFS(buildSite(t, build.Options{}))); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	_, err := build.Build(build.Options{Destination: dest, Site: "testdata/broken"})
	if err == nil {
		t.Fatal("a broken page built without error")
	}
	want := filepath.Join("testdata", "broken", "content", "en", "broken.md") + ":"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error does not name the user's file %s:\n%v", want, err)
	}
	if strings.Contains(err.Error(), os.TempDir()) {
		t.Errorf("error shows a temporary path:\n%v", err)
	}
	if after := treeHash(t, dest); after != before {
		t.Errorf("a failed build changed the destination")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("a failed build left files beside the destination: %v", entries)
	}
}

func TestOverlayAddsAndReplacesPages(t *testing.T) {
	out := buildSite(t, build.Options{Site: "testdata/overlay"})
	if got := read(t, out, "en/local-parking/index.html"); !strings.Contains(got, "<h1>Parking at the hospital</h1>") {
		t.Errorf("the overlay's new page is missing its h1:\n%s", got)
	}
	if got := read(t, out, "en/about/index.html"); !strings.Contains(got, "<h1>About this Trust") {
		t.Errorf("the overlay's about page did not replace the built-in one:\n%s", got)
	}
}

func TestContentsListOnLongPages(t *testing.T) {
	out := buildSite(t, build.Options{Site: "testdata/long"})
	got := read(t, out, "en/long-page/index.html")
	for _, want := range []string{`<nav class="contents"`, `<a href="#part-1">Part 1</a>`, `<a href="#part-4">Part 4</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("long page lacks %q", want)
		}
	}
	if short := read(t, out, "en/short-page/index.html"); strings.Contains(short, `class="contents"`) {
		t.Error("a short page got a contents list")
	}
}

func TestBadInput(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, nil, 0o644)
	page := func(fm string) string {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "content", "en"), 0o755)
		os.WriteFile(filepath.Join(dir, "content", "en", "p.md"), []byte(fm), 0o644)
		// English only, which builds in a fraction of the time of every language.
		os.WriteFile(filepath.Join(dir, "esosite.toml"), []byte("languages = [\"en\"]\n"), 0o644)
		return dir
	}
	good := "title: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources: []\ntranslate: false\n"
	cases := []struct {
		name string
		opts build.Options
		want string
	}{
		{"missing folder", build.Options{Site: filepath.Join(tmp, "nope")}, "nope\" cannot be read"},
		{"file not folder", build.Options{Site: file}, "is a file; name your Trust's folder"},
		{"bad baseURL", build.Options{BaseURL: "ftp://x/"}, "not a web address"},
		{"unknown layout", build.Options{Site: page("---\n" + good + "layout: nosuch\n---\n")}, "p.md:8: layout \"nosuch\" does not exist"},
		{"unknown shortcode", build.Options{Site: page("---\n" + good + "---\n{{< nosuch >}}\n")}, "p.md:9:"},
		{"missing title", build.Options{Site: page("---\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources: []\n---\n")}, "p.md:6: missing \"title\""},
		{"review too late", build.Options{Site: page("---\ntitle: \"T\"\ndescription: \"D.\"\nlastReviewed: 2026-01-01\nnextReview: 2030-01-01\nsources: []\n---\n")}, "p.md:5: nextReview (2030-01-01) is more than 3 years"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.opts.Destination = filepath.Join(t.TempDir(), "public")
			_, err := build.Build(c.opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an error containing %q, got: %v", c.want, err)
			}
			if _, statErr := os.Stat(c.opts.Destination); statErr == nil {
				t.Error("a failed build created the destination")
			}
			if bytes.Contains([]byte(err.Error()), []byte("goroutine ")) {
				t.Error("error contains a stack trace")
			}
		})
	}
}

func TestTrustSettings(t *testing.T) {
	out := buildSite(t, build.Options{Site: "testdata/trust"})
	page := read(t, out, "en/contacts/index.html")
	for _, want := range []string{
		`<a class="site-header__name" href="/eso/en/"><img class="site-header__logo" src="/eso/trust/logo.`,
		`<span class="site-header__text">Riverside Children&#39;s NHS Trust</span></a>`, // header
		`<p class="site-footer__owner">Riverside Children&#39;s NHS Trust</p>`,
		`<a href="tel:03005550101" dir="ltr">0300 555 0101</a>`,
		`<a href="mailto:pals@riverside.example" dir="ltr">pals@riverside.example</a>`,
		`Ask the ward staff or your child&#39;s consultant if there is a family advocate.`, // no advocate configured
		// issue 13: other formats through the accessibility contact, and a
		// mailto: with the page's address (Accessible Information Standard).
		`Contact the Riverside web team: <a href="mailto:web@riverside.example" dir="ltr">web@riverside.example</a>`,
		`<a class="site-footer__report" href="mailto:web@riverside.example?subject=Problem%20with%20a%20web%20page%3A%20`,
		`body=Page%20address%3A%20https%3A%2F%2Ftrust.example%2Feso%2Fen%2Fcontacts%2F`,
		`looked after by Riverside Children&#39;s NHS Trust.`,
		`<link rel="canonical" href="https://trust.example/eso/en/contacts/">`, // baseURL from esosite.toml
	} {
		if !strings.Contains(page, want) {
			t.Errorf("contacts page lacks %q", want)
		}
	}
	css, _ := filepath.Glob(filepath.Join(out, "css", "site.min.*.css"))
	if len(css) != 1 || !strings.Contains(read(t, out, strings.TrimPrefix(css[0], out)), "--brand:#6b2c5f") {
		t.Errorf("the brand colour is not in the one stylesheet %v", css)
	}
}

func TestAliasKeepsOldAddress(t *testing.T) {
	out := buildSite(t, build.Options{Site: "testdata/trust"})
	old := read(t, out, "en/who-to-contact/index.html")
	for _, want := range []string{
		`<meta http-equiv="refresh" content="0; url=https://trust.example/eso/en/contacts/">`,
		`<a href="/eso/en/contacts/">Contacts</a>`,
		`<html lang="en"`,
	} {
		if !strings.Contains(old, want) {
			t.Errorf("the old address's page lacks %q:\n%s", want, old)
		}
	}
}

func TestCliniciansLinks(t *testing.T) {
	out := buildSite(t, build.Options{BaseURL: testsite.SubPathURL})
	page := read(t, out, "en/for-professionals/links/index.html")
	for _, want := range []string{
		`<code class="links__url" data-copy dir="ltr">` + testsite.SubPathURL + `en/</code>`,
		`<code class="links__url" data-copy dir="ltr">` + testsite.SubPathURL + `en/asking-for-a-second-opinion/</code>`,
		`<code class="links__url" data-copy dir="ltr">` + testsite.SubPathURL + `en/what-happens-next/</code>`,
		`<a class="links__qr" href="/trust/eso/qr/qr_`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("clinicians' links page lacks %q", want)
		}
	}
	if strings.Contains(page, "/for-professionals/</code>") {
		t.Error("the professionals' pages are listed as families' pages")
	}
	// issue 13 (R7): each draft language says so under its heading; English does not.
	draft := `<p class="links__draft">`
	if !strings.Contains(page, `<h2 id="links-cy" lang="cy">Cymraeg</h2>`+"\n"+draft) {
		t.Error("the Welsh links are not marked as a draft translation")
	}
	if strings.Contains(page, `<h2 id="links-en" lang="en">English</h2>`+"\n"+draft) {
		t.Error("the English links are marked as a draft translation")
	}
	if !strings.Contains(read(t, out, "en/about/index.html"), `<figure class="qr print-only">`) {
		t.Error("a families' page has no QR code for print")
	}
}

// checkPhoneFirst asserts the markup of issue 12's components in the built
// site; the browser suite measures how they lay out.
func checkPhoneFirst(t *testing.T, out string) {
	t.Helper()
	about := read(t, out, "cy/about/index.html")
	for _, want := range []string{
		// The header's switcher: a disclosure labelled in the page's language.
		"<details class=\"language-switcher__details\">\n<summary class=\"language-switcher__toggle\">",
		"<span>Iaith</span>\n</summary>",
		// Each language in its own script, linking this page's translation.
		`<li><a href="/ar/about/" rel="alternate" lang="ar" hreflang="ar" dir="rtl">العربية</a></li>`,
		`<li><span class="language-list__current" aria-current="true" lang="cy" dir="ltr">Cymraeg</span></li>`,
		// The full list again in the footer, under its own heading.
		`<h2 class="site-footer__title" id="footer-languages">Pob iaith</h2>`,
		// A guide page keeps its breadcrumb.
		`<nav class="breadcrumb" aria-label="Briwsion bara">`,
	} {
		if !strings.Contains(about, want) {
			t.Errorf("cy/about/index.html lacks %q", want)
		}
	}
	if n := strings.Count(about, `rel="alternate" lang=`); n != 2*9 {
		t.Errorf("cy/about/index.html links %d other languages in its two lists, want 2 x 9", n)
	}
	// Urgent help comes straight after the heading on every home page.
	for _, lang := range []string{"en", "cy", "ar"} {
		home := read(t, out, lang+"/index.html")
		h1 := strings.Index(home, "<h1>")
		urgent := strings.Index(home, `<div class="wt-urgent" role="note">`)
		if h1 < 0 || urgent < 0 || strings.Contains(home[h1:urgent], "<p") {
			t.Errorf("%s/index.html: the urgent-help note is not the first thing after the h1", lang)
		}
		if strings.Count(home, `class="wt-urgent"`) != 1 {
			t.Errorf("%s/index.html: the urgent-help note shows %d times, want once", lang, strings.Count(home, `class="wt-urgent"`))
		}
	}
	// A walkthrough step has its Back link and stage on one row, and no breadcrumb.
	step := read(t, out, "en/what-happens-next/talk-to-the-consultant/index.html")
	if strings.Contains(step, `class="breadcrumb"`) || !strings.Contains(step, "<div class=\"wt-top\">\n<a class=\"wt-back\"") {
		t.Error("en/what-happens-next/talk-to-the-consultant: a step must have no breadcrumb, and the Back link and stage in .wt-top")
	}
}
