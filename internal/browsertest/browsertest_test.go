package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testsite"
)

// TestSite checks every page of the built-in site, in every condition, in
// one Chromium, served under a sub-path as Trusts host it (the pages at the
// root of a host are the same but for their addresses: see
// internal/build's TestSubPath).
func TestSite(t *testing.T) {
	if testing.Short() {
		Unavailable(t, "browser tests are not short (-short)")
	}
	if _, err := LoadAxe(); err != nil {
		Unavailable(t, "%v", err)
	}
	start := time.Now()
	srv := ListenAt(t, testsite.SubPathURL)
	// Built for its full address, as a Trust builds with its real one, so
	// canonical links and "Printed from" are real URLs.
	out, _ := testsite.Build(t, build.Options{BaseURL: testsite.SubPathURL})
	srv.Serve(out)
	checkSite(t, NewBrowser(t), srv, out, EveryPage, true, start)
}

// checkSite finds the pages of the site srv serves from out and checks each
// in every condition, plus the keyboard on one page of each language and
// layout kind.
func checkSite(t *testing.T, browser context.Context, srv *Server, out string, conds []Condition, keyboard bool, start time.Time) {

	pages, err := Crawl(srv.Origin, srv.URL())
	if err != nil {
		t.Errorf("crawling %s: %v", srv.URL(), err)
	}
	if len(pages) == 0 {
		t.Fatalf("crawling %s found no pages", srv.URL())
	}
	// Every page the build wrote is checked. Error pages are reached by no
	// link; any other unlinked page is one no family can find.
	for _, p := range builtPages(t, out, srv) {
		if slices.Contains(pages, p) {
			continue
		}
		if !strings.HasSuffix(p, "/404.html") {
			t.Errorf("%s is built but no link or sitemap leads to it", p)
		}
		pages = append(pages, p)
	}
	pages = onlyPages(t, pages)

	var jobs []job
	sampled := map[string]string{} // lang/kind -> page
	visits := 0
	hasNoJS := slices.ContainsFunc(conds, func(c Condition) bool { return c.Name == NoJS320.Name })
	for _, p := range pages {
		info, err := Inspect(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		// A page with no script is the same page with JavaScript off: its
		// JavaScript-on visit stands for both, and proves it runs no script.
		for _, c := range conds {
			switch {
			case info.Scripts || !hasNoJS:
				jobs = append(jobs, job{p, c})
			case c.Name == NoJS320.Name: // the JS320 visit stands for it
			case c.JS && c.Width == NoJS320.Width && c.Height == NoJS320.Height:
				jobs = append(jobs, job{p, WithoutScript(c)})
			default:
				jobs = append(jobs, job{p, c})
			}
		}
		for _, c := range conds {
			for ; c.Next != nil; c = *c.Next {
				visits++
			}
			visits++
		}
		if !keyboard {
			continue
		}
		key := info.Lang + "/" + info.Kind
		if _, ok := sampled[key]; !ok {
			sampled[key] = p
			jobs = append(jobs, job{p, Keyboard320})
		}
	}

	results, layouts := checkAll(browser, jobs)
	for i, j := range jobs {
		t.Run(pageName(j.page, srv)+"/"+j.cond.Name, func(t *testing.T) {
			for _, f := range results[i] {
				t.Error(f)
			}
		})
	}
	// The worst first screen on a phone, for the record (issue 12).
	var h1, header int
	for i, j := range jobs {
		if j.cond.Width != PhoneWidth {
			continue
		}
		if layouts[i].H1Top > layouts[h1].H1Top || jobs[h1].cond.Width != PhoneWidth {
			h1 = i
		}
		if layouts[i].Header > layouts[header].Header || jobs[header].cond.Width != PhoneWidth {
			header = i
		}
	}
	t.Logf("%s: first screen at %d px: lowest h1 starts at %.0f px (%s, %s); tallest header %.0f px (%s, %s)", srv.URL(), PhoneWidth,
		layouts[h1].H1Top, pageName(jobs[h1].page, srv), jobs[h1].cond.Name, layouts[header].Header, pageName(jobs[header].page, srv), jobs[header].cond.Name)
	var keys []string
	for k, p := range sampled {
		keys = append(keys, k+" "+pageName(p, srv))
	}
	slices.Sort(keys)
	t.Logf("%s: %d pages, %d page visits for %d page×condition checks (%d conditions on every page, keyboard on %d: %s) in %s",
		srv.URL(), len(pages), len(jobs), visits+len(sampled), visits/max(1, len(pages)), len(sampled), strings.Join(keys, ", "), time.Since(start).Round(time.Millisecond))
}

// A job is one page to check in one condition.
type job struct {
	page string
	cond Condition
}

// checkAll checks every job in tabs side by side, and returns each job's
// failures and first-screen layout.
func checkAll(browser context.Context, jobs []job) ([][]Failure, []Layout) {
	results := make([][]Failure, len(jobs))
	layouts := make([]Layout, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range tabs() {
		wg.Go(func() {
			tab := NewTab(browser)
			defer tab.Close()
			for i := range next {
				results[i] = tab.Check(jobs[i].page, jobs[i].cond)
				layouts[i] = tab.Layout
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results, layouts
}

// onlyPages keeps the pages whose address matches $BROWSERTEST_PAGES, a
// regular expression, for a quick look at a few pages while working; CI
// checks every page, so there the variable is refused.
func onlyPages(t *testing.T, pages []string) []string {
	expr := os.Getenv("BROWSERTEST_PAGES")
	if expr == "" {
		return pages
	}
	if InCI() {
		t.Fatalf("BROWSERTEST_PAGES=%q: CI checks every page; unset it", expr)
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		t.Fatalf("BROWSERTEST_PAGES: %v", err)
	}
	var kept []string
	for _, p := range pages {
		if re.MatchString(p) {
			kept = append(kept, p)
		}
	}
	t.Logf("BROWSERTEST_PAGES=%q: checking %d of %d pages", expr, len(kept), len(pages))
	return kept
}

// tabs is how many pages load side by side: $BROWSERTEST_TABS, else one per
// core, at least two. (Measured on 2 cores, 469 visits: 1 tab 106 s, 2 tabs
// 98 s, 4 tabs 108 s and a sixth more CPU, taken from the other packages.)
func tabs() int {
	if n, err := strconv.Atoi(os.Getenv("BROWSERTEST_TABS")); err == nil && n > 0 {
		return n
	}
	return max(2, runtime.NumCPU())
}

// builtPages lists the URL of every HTML file the build wrote.
func builtPages(t *testing.T, dir string, srv *Server) []string {
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "index.html" {
			rel = ""
		} else if strings.HasSuffix(rel, "/index.html") {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		pages = append(pages, srv.URL()+rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// pageName is a page's path under the site's base, for test names: en/asking-for-a-second-opinion.
func pageName(page string, srv *Server) string {
	u, err := url.Parse(page)
	if err != nil {
		return page
	}
	name := strings.Trim(strings.TrimPrefix(u.Path, srv.BasePath), "/")
	if name == "" {
		return "root"
	}
	return name
}

// TestWantDir pins the right-to-left rule.
func TestWantDir(t *testing.T) {
	for lang, want := range map[string]string{"ar": "rtl", "ur": "rtl", "ur-PK": "rtl", "fa": "rtl", "he": "rtl",
		"en": "ltr", "en-GB": "ltr", "cy": "ltr", "pa": "ltr", "arn": "ltr"} {
		if got := WantDir(lang); got != want {
			t.Errorf("WantDir(%q) = %q, want %q", lang, got, want)
		}
	}
}

// TestFailureNamesEverything checks a failure message names the page, the
// condition, the rule and the element.
func TestFailureNamesEverything(t *testing.T) {
	f := Failure{Page: "http://127.0.0.1/en/x/", Condition: "dark-1280", Check: "axe", Rule: "color-contrast",
		Target: "footer > a", HTML: `<a href="/en/about/">About</a>`, Message: "(serious) Elements must meet minimum color contrast ratio thresholds"}
	s := fmt.Sprint(f)
	for _, want := range []string{f.Page, f.Condition, f.Rule, f.Target, f.HTML, "contrast"} {
		if !strings.Contains(s, want) {
			t.Errorf("%q does not name %q", s, want)
		}
	}
}

// TestChecksCatchDefects runs the checks on pages with known defects
// (testdata/defects), so a check that silently stopped working fails here
// instead of letting the real site pass.
func TestChecksCatchDefects(t *testing.T) {
	if testing.Short() {
		Unavailable(t, "browser tests are not short (-short)")
	}
	if _, err := LoadAxe(); err != nil {
		Unavailable(t, "%v", err)
	}
	browser := NewBrowser(t)
	origin := Serve(t, "testdata/defects", "/")
	cases := []struct {
		page string
		cond Condition
		want []string // "check rule" of each failure that must be found
	}{
		{"index.html", JS320, []string{"lang html-lang", "csp", "console no-error", "axe image-alt",
			"reflow no-horizontal-scroll", "link answers-200", "link https-only", "link same-origin-assets",
			"print navigation-hidden", "print url-printed"}},
		{"index.html", NoJS320, []string{"lang html-lang", "csp", "axe image-alt", "reflow no-horizontal-scroll"}},
		{"index.html", Dark1280, []string{"axe color-contrast", "csp"}},
		// The dark pass on the page already loaded at 320 px finds the same.
		{"index.html", JS320.Then(Dark1280), []string{"axe color-contrast", "print url-printed", "csp"}},
		{"index.html", WithoutScript(JS320), []string{"script no-script-claimed"}},
		{"index.html", Keyboard320, []string{"keyboard skip-link-first", "keyboard focus-visible"}},
		{"rtl.html", JS320, []string{"lang html-dir"}},
		{"rtl.html", Keyboard320, []string{"keyboard reachable-by-tab", "keyboard skip-link-moves-focus"}},
		{"phone.html", NoJS320, []string{"first-screen h1-top", "first-screen header-height", "first-screen header-overlap"}},
		{"phone.html", Keyboard320, []string{"keyboard language-switcher-js", "keyboard language-switcher-nojs"}},
	}
	for _, c := range cases {
		t.Run(c.page+"/"+c.cond.Name, func(t *testing.T) {
			fs := CheckPage(browser, origin+"/"+c.page, c.cond)
			var got []string
			for _, f := range fs {
				got = append(got, f.Check+" "+f.Rule)
				if f.Check == "load" {
					t.Errorf("the check itself failed: %s", f)
				}
			}
			for _, w := range c.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("no %q failure; found:\n%s", w, failuresText(fs))
				}
			}
		})
	}
}

func failuresText(fs []Failure) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintln(&b, f)
	}
	return b.String()
}

// TestServer checks the test server sends the CSP and serves only under its base path.
func TestServer(t *testing.T) {
	srv := Listen(t, "/trust/eso/")
	srv.Serve("testdata/defects")
	for path, want := range map[string]int{"/trust/eso/rtl.html": 200, "/rtl.html": 404, "/trust/eso/nothing.html": 404} {
		resp, err := http.Get(srv.Origin + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: HTTP %d, want %d", path, resp.StatusCode, want)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != CSP {
			t.Errorf("%s: Content-Security-Policy %q, want %q", path, got, CSP)
		}
	}
}

// TestCrawl checks the crawl follows same-origin links, ignores other sites
// and names broken links with the page they are on.
func TestCrawl(t *testing.T) {
	srv := Listen(t, "/trust/eso/")
	srv.Serve("testdata/defects")
	pages, err := Crawl(srv.Origin, srv.URL())
	want := []string{srv.URL(), srv.URL() + "rtl.html"}
	if !slices.Equal(pages, want) {
		t.Errorf("Crawl found %q, want %q", pages, want)
	}
	if err == nil || !strings.Contains(err.Error(), srv.URL()+"missing/ (linked from "+srv.URL()+"): HTTP 404") {
		t.Errorf("Crawl error %v does not name the broken link and its page", err)
	}
}

// TestTrustHeader builds the site with the longest Trust names and the
// widest logos the header must take, and checks the first screen at 320 px
// (one-row header, heading high enough, nothing wider than the phone) on a
// home page, a guide page and a walkthrough step, in a left-to-right
// language, a right-to-left one and a tall script.
func TestTrustHeader(t *testing.T) {
	if testing.Short() {
		Unavailable(t, "browser tests are not short (-short)")
	}
	if _, err := LoadAxe(); err != nil {
		Unavailable(t, "%v", err)
	}
	browser := NewBrowser(t)
	for _, fixture := range []struct {
		dir      string
		warnings int // the wide logo is reported, not refused
	}{{"trust-alder-hey", 0}, {"trust-long", 1}} {
		t.Run(fixture.dir, func(t *testing.T) {
			srv := ListenAt(t, "http://trust.localhost/eso/")
			out, res := testsite.Build(t, build.Options{Site: filepath.Join("testdata", fixture.dir), BaseURL: srv.URL()})
			if len(res.Warnings) != fixture.warnings {
				t.Errorf("%d warnings, want %d: %v", len(res.Warnings), fixture.warnings, res.Warnings)
			}
			srv.Serve(out)
			var jobs []job
			for _, lang := range []string{"en", "ur", "bn"} {
				for _, p := range []string{"", "what-happens-during-a-second-opinion/", "what-happens-next/talk-to-the-consultant/"} {
					for _, c := range []Condition{JS320, NoJS320} {
						jobs = append(jobs, job{srv.URL() + lang + "/" + p, c})
					}
				}
			}
			results, _ := checkAll(browser, jobs)
			for _, fs := range results {
				for _, f := range fs {
					t.Error(f)
				}
			}
		})
	}
}
