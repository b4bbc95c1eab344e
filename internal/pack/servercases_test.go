package pack

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// testBase is the sub-path every real server serves the package under.
const testBase = "/trust/eso/"

// A serverCase is one request and what every server must answer to it.
// nginx and Apache are both held to the one table serverCases makes, so
// what one server passes the other cannot quietly fail.
type serverCase struct {
	what     string // why the case is there, for failure messages
	path     string // the address asked for
	accept   string // Accept-Encoding sent; "" sends none
	status   int
	file     string // the site file the body must be once decoded; "" for a redirect
	alt      string // another file the body may be instead, or ""
	encoding string // the Content-Encoding wanted: "", "br" or "gzip"
	ctype    string // the Content-Type wanted
	cache    string // the Cache-Control wanted; "" for a redirect
	location string // for a redirect, the path it must send the browser to
	page     bool   // an HTML page: it must show the Trust's name
	// outside: answered by the server's own configuration, outside the
	// site's folder (DEPLOY.md's redirect of the bare sub-path), so only
	// the status and Location are the site's to check.
	outside bool
}

// over is fetch for a real server at origin.
func over(t *testing.T, origin string) func(path, accept string) response {
	return func(p, accept string) response { return get(t, origin+p, accept) }
}

// Accept-Encoding values the table sends: none, a browser's, and one that
// refuses brotli with q=0.
const (
	acceptBrowser = "gzip, deflate, br, zstd"
	acceptGzip    = "br;q=0, gzip"
)

// serverCases is the table, made from the package's own file set, so a new
// page, language or asset is covered without editing it.
func serverCases(t *testing.T, site string) []serverCase {
	t.Helper()
	listed, err := os.ReadFile(filepath.Join(site, "..", "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	files := sortedKeys(sums(t, listed))
	has := map[string]bool{}
	for _, f := range files {
		has[f] = true
	}
	typeFor := func(rel string) string {
		if m, ok := typeOf(rel); ok {
			return m.Type
		}
		return "application/octet-stream"
	}
	// encodings are the three requests for a file and the encoding each
	// must come back in, by the copies the package has.
	encodings := func(rel string) [][2]string {
		br, gz := "", ""
		if has[rel+".br"] {
			br = "br"
		}
		if has[rel+".gz"] {
			gz = "gzip"
		}
		return [][2]string{{"", ""}, {acceptBrowser, br}, {acceptGzip, gz}}
	}
	var langs []string
	for _, f := range files {
		if lang, ok := strings.CutSuffix(f, "/404.html"); ok && !strings.Contains(lang, "/") {
			langs = append(langs, lang)
		}
	}
	if len(langs) == 0 || !has["404.html"] {
		t.Fatalf("the package has no 404.html or LANGUAGE/404.html; cannot make the table")
	}
	// notFoundPage is the 404 page a missing address gets: its language's,
	// or the root one outside a language folder.
	notFoundPage := func(rel string) string {
		for _, l := range langs {
			if strings.HasPrefix(rel, l+"/") {
				return l + "/404.html"
			}
		}
		return "404.html"
	}

	var cases []serverCase
	add := func(what, rel string, status int, file string) {
		for _, e := range encodings(file) {
			cache := CacheControl(file)
			if status == 404 {
				cache = CacheRevalidate // never a year, whatever the address looks like
			}
			cases = append(cases, serverCase{
				what: what, path: testBase + rel, accept: e[0], status: status, file: file,
				encoding: e[1], ctype: typeFor(file), cache: cache, page: strings.HasSuffix(file, ".html"),
			})
		}
	}

	// Every file of the site, and every page at its folder address.
	dirs := map[string]bool{}
	for _, rel := range files {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
		if strings.HasSuffix(rel, ".br") || strings.HasSuffix(rel, ".gz") || rel == ".htaccess" || rel == "web.config" {
			continue
		}
		add("a file of the site", rel, 200, rel)
		if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
			add("a page at its folder address", strings.TrimSuffix(rel, "index.html"), 200, rel)
		}
	}

	// Content types spelled out, in case typeOf and the servers agree on
	// something wrong.
	for rel, want := range map[string]string{"index.html": "text/html; charset=utf-8", "sitemap.xml": "application/xml", "robots.txt": "text/plain; charset=utf-8"} {
		cases = append(cases, serverCase{what: "its exact Content-Type", path: testBase + rel, status: 200, file: rel, ctype: want, cache: CacheRevalidate, page: rel == "index.html"})
	}
	for _, rel := range files {
		if ext := path.Ext(rel); (ext == ".svg" || ext == ".css") && has[rel+".br"] {
			want := map[string]string{".svg": "image/svg+xml", ".css": "text/css; charset=utf-8"}[ext]
			cases = append(cases, serverCase{what: "its exact Content-Type, sent as brotli", path: testBase + rel, accept: "br", status: 200, file: rel, encoding: "br", ctype: want, cache: CacheControl(rel)})
		}
	}

	// Not found: each language's own 404 page, with status 404.
	for _, l := range langs {
		add("a missing page in a language folder", l+"/no-such-page/", 404, l+"/404.html")
	}
	// Not found elsewhere, and what must never be served: the server
	// files, the package's files beside site/, a compressed copy asked for
	// by name, a hashed name that does not exist (never cached a year).
	for _, rel := range []string{"no-such-page", "en/no/such/file.css", "css/site.min." + strings.Repeat("0", 64) + ".css",
		".htaccess", "web.config", "SHA256SUMS", "nginx.conf", "DEPLOY.md", "index.html.br", "index.html.gz", "en/index.html.br", "en/index.html.gz"} {
		add("not found, or not to be served", rel, 404, notFoundPage(rel))
		if strings.HasSuffix(rel, ".br") || strings.HasSuffix(rel, ".gz") {
			// A copy is no page in any language: nginx and Apache answer
			// with the root 404 page, IIS (whose error pages go by folder)
			// with the folder's; either is right.
			for i := len(cases) - 3; i < len(cases); i++ {
				cases[i].file, cases[i].alt = "404.html", notFoundPage(rel)
			}
		}
	}
	// No folder is listed: one without an index.html is not found.
	folders := 0
	for d := range dirs {
		if !has[d+"/index.html"] {
			folders++
			add("a folder with no index.html (never listed)", d+"/", 404, notFoundPage(d+"/"))
		}
	}
	if folders == 0 {
		t.Fatal("the package has no folder without an index.html; the listing cases would check nothing")
	}
	// A folder address without its final slash is sent to the one with it.
	for _, d := range append([]string{""}, langs...) {
		p := strings.TrimSuffix(testBase+d, "/")
		cases = append(cases, serverCase{what: "a folder address without its slash", path: p, status: 301, location: p + "/", outside: d == ""})
	}
	sort.SliceStable(cases, func(i, j int) bool { return cases[i].path < cases[j].path })
	return cases
}

// runCases sends every case to a server through fetch and checks the
// answer; server names it in the log.
// askBoth waits for the server's two virtual hosts (the package under an
// alias and at a document root), then runs every server case and DEPLOY.md's
// curl checks against each. The two are asked side by side: each request
// waits on the other side of the connection, so two streams of them keep
// both cores busy where one leaves them idle half the time.
func askBoth(t *testing.T, md, site string, aliasPort, rootPort int) {
	t.Helper()
	for _, port := range []int{aliasPort, rootPort} {
		waitForPort(t, port)
	}
	cases := serverCases(t, site)
	var wg sync.WaitGroup
	for _, srv := range []struct {
		name string
		port int
	}{{"alias", aliasPort}, {"root", rootPort}} {
		wg.Go(func() {
			t.Run(srv.name, func(t *testing.T) {
				origin := fmt.Sprintf("http://127.0.0.1:%d", srv.port)
				runCases(t, origin, over(t, origin), site, cases)
				checkDeployCurl(t, md, origin)
			})
		})
	}
	wg.Wait()
}

func runCases(t *testing.T, server string, fetch func(path, accept string) response, site string, cases []serverCase) {
	t.Helper()
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	byEncoding := map[string]int{}
	failed := 0
	for _, c := range cases {
		r := fetch(c.path, c.accept)
		if errs := checkCase(t, c, r, read); len(errs) > 0 {
			failed++
			if failed <= 40 {
				t.Errorf("GET %s (Accept-Encoding %q), %s:\n\t%s", c.path, c.accept, c.what, strings.Join(errs, "\n\t"))
			}
			continue
		}
		byEncoding[c.encoding]++
	}
	if failed > 40 {
		t.Errorf("… and %d more failing cases", failed-40)
	}
	if byEncoding["br"] == 0 || byEncoding["gzip"] == 0 {
		t.Errorf("no brotli (%d) or no gzip (%d) response passed; the package looks empty", byEncoding["br"], byEncoding["gzip"])
	}
	t.Logf("%s: %d cases, %d failed; passed: %d plain, %d brotli, %d gzip", server, len(cases), failed, byEncoding[""], byEncoding["br"], byEncoding["gzip"])
}

// checkCase says what is wrong with response r to case c.
func checkCase(t *testing.T, c serverCase, r response, read func(string) []byte) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if r.status != c.status {
		bad("status %d, want %d", r.status, c.status)
	}
	if c.outside {
		if loc, err := url.Parse(r.header.Get("Location")); err != nil || loc.Path != c.location {
			bad("Location is %q, want %s", r.header.Get("Location"), c.location)
		}
		return errs
	}
	for _, h := range Headers {
		if got := r.header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
			bad("%s is %q, want %q", h.Name, got, h.Value)
		}
	}
	if got := r.header.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
		bad("Vary is %q, want Accept-Encoding", got)
	}
	if c.location != "" {
		loc, err := url.Parse(r.header.Get("Location"))
		if err != nil || loc.Path != c.location {
			bad("Location is %q, want %s", r.header.Get("Location"), c.location)
		}
		return errs
	}
	if got := r.header.Values("Cache-Control"); len(got) != 1 || got[0] != c.cache {
		bad("Cache-Control is %q, want %q", got, c.cache)
	}
	if got := r.header.Get("Content-Type"); got != c.ctype {
		bad("Content-Type is %q, want %q", got, c.ctype)
	}
	enc := r.header.Get("Content-Encoding")
	if enc != c.encoding {
		bad("Content-Encoding is %q, want %q", enc, c.encoding)
		return errs
	}
	body := r.body
	switch enc {
	case "br":
		body = unbrotli(t, body)
	case "gzip":
		body = ungzip(t, body)
	}
	if !bytes.Equal(body, read(c.file)) && (c.alt == "" || !bytes.Equal(body, read(c.alt))) {
		bad("the body (%d bytes) is not %s", len(body), c.file)
	} else if c.page && c.status == 200 && !bytes.Contains(body, []byte(testTrustName)) {
		bad("the page does not show the Trust's name %q", testTrustName)
	}
	return errs
}
