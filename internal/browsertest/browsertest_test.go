package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/esosite/esosite/internal/build"
)

// TestSite builds the built-in site and checks every page it links to, in
// every condition, in one Chromium: at the root of a host, as the built-in
// site is usually served, and under a sub-path, as Trusts host it.
func TestSite(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short; " + HowToRun)
	}
	if _, err := LoadAxe(); err != nil {
		Unavailable(t, "%v", err)
	}
	browser := NewBrowser(t)
	t.Run("root", func(t *testing.T) {
		checkSite(t, browser, "/", EveryPage, true)
	})
	t.Run("sub-path", func(t *testing.T) {
		checkSite(t, browser, "/trust/eso/", []Condition{JS320}, false)
	})
}

// checkSite builds the site to be served at basePath, finds its pages and
// checks each in every condition, plus the keyboard on one page of each
// language and layout kind.
func checkSite(t *testing.T, browser context.Context, basePath string, conds []Condition, keyboard bool) {
	start := time.Now()
	srv := Listen(t, basePath)
	out := filepath.Join(t.TempDir(), "public")
	// Built with the server's own address, as a Trust builds with its real
	// one, so canonical links and "Printed from" are real URLs.
	if _, err := build.Build(build.Options{Destination: out, BaseURL: srv.URL()}); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	srv.Serve(out)

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

	type job struct {
		page string
		cond Condition
	}
	var jobs []job
	sampled := map[string]string{} // lang/kind -> page
	for _, p := range pages {
		for _, c := range conds {
			jobs = append(jobs, job{p, c})
		}
		if !keyboard {
			continue
		}
		info, err := Inspect(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		key := info.Lang + "/" + info.Kind
		if _, ok := sampled[key]; !ok {
			sampled[key] = p
			jobs = append(jobs, job{p, Keyboard320})
		}
	}

	results := make([][]Failure, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range tabs() {
		wg.Go(func() {
			tab := NewTab(browser)
			defer tab.Close()
			for i := range next {
				results[i] = tab.Check(jobs[i].page, jobs[i].cond)
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	for i, j := range jobs {
		t.Run(pageName(j.page, srv)+"/"+j.cond.Name, func(t *testing.T) {
			for _, f := range results[i] {
				t.Error(f)
			}
		})
	}
	var keys []string
	for k, p := range sampled {
		keys = append(keys, k+" "+pageName(p, srv))
	}
	slices.Sort(keys)
	t.Logf("%s: %d pages, %d page×condition checks (%d conditions on every page, keyboard on %d: %s) in %s",
		srv.URL(), len(pages), len(jobs), len(conds), len(sampled), strings.Join(keys, ", "), time.Since(start).Round(time.Millisecond))
}

// tabs is how many pages load side by side: $BROWSERTEST_TABS, default 4.
func tabs() int {
	if n, err := strconv.Atoi(os.Getenv("BROWSERTEST_TABS")); err == nil && n > 0 {
		return n
	}
	return 4
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
		t.Skip("browser tests are not short; " + HowToRun)
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
		{"index.html", Dark1280, []string{"axe image-alt", "csp"}},
		{"index.html", Keyboard320, []string{"keyboard skip-link-first", "keyboard focus-visible"}},
		{"rtl.html", JS320, []string{"lang html-dir"}},
		{"rtl.html", Keyboard320, []string{"keyboard reachable-by-tab", "keyboard skip-link-moves-focus"}},
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
