package pack

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testdir"
	"github.com/esosite/esosite/internal/testsite"
	"github.com/esosite/esosite/internal/trust"
)

// testBaseURL is where the packaged built-in site is served in the tests.
const testBaseURL = "https://trust.example/trust/eso/"

// testTrustName is the name the tests' Trust folder gives itself; every page
// served from the package must show it.
const testTrustName = "Riverside Test NHS Trust"

var built struct {
	sync.Mutex
	zip []byte
	res *Result
}

// builtPackage is the package of a starter Trust folder (the built-in site
// under the Trust's name), made with Package once for each change to
// esosite's source (see internal/testdir.Cached), with its Result, and
// shared by every test in the package.
func builtPackage(t testing.TB) ([]byte, *Result) {
	t.Helper()
	built.Lock()
	defer built.Unlock()
	if built.zip == nil {
		opts := trustOptions(t)
		key, err := testsite.Key(opts)
		if err != nil {
			t.Fatal(err)
		}
		dir := testdir.Cached(t, key, "package", func(dir string) error {
			res, err := Package(Options{Site: opts.Site, BaseURL: opts.BaseURL, Output: filepath.Join(dir, "site.zip")})
			if err != nil {
				return err
			}
			data, err := json.Marshal(res)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "result.json"), data, 0o644)
		})
		data, err := os.ReadFile(filepath.Join(dir, "site.zip"))
		if err != nil {
			t.Fatal(err)
		}
		var res Result
		if err := readJSON(filepath.Join(dir, "result.json"), &res); err != nil {
			t.Fatal(err)
		}
		built.zip, built.res = data, &res
	}
	return built.zip, built.res
}

// trustOptions builds the tests' Trust folder, kept at a path fixed by its
// files so internal/testsite's cache finds its build again.
func trustOptions(t testing.TB) build.Options {
	t.Helper()
	src := filepath.Join(t.TempDir(), "trust")
	if err := trustFolder(src); err != nil {
		t.Fatal(err)
	}
	return build.Options{Site: testdir.Fixed(t, src), BaseURL: testBaseURL}
}

func readJSON(name string, v any) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// trustFolder makes a Trust's folder as a web team would: esosite init, then
// their own name in esosite.toml, publishing English and Arabic: two
// languages, one right to left, are what serving depends on (each its own
// 404 page), and packaging five times fewer pages saves most of the time.
func trustFolder(dir string) error {
	if err := trust.Init(dir); err != nil {
		return err
	}
	cfg := filepath.Join(dir, trust.FileName)
	toml, err := os.ReadFile(cfg)
	if err != nil {
		return err
	}
	toml = bytes.Replace(toml, []byte(`name = "Example NHS Foundation Trust"`), []byte(`name = "`+testTrustName+`"`), 1)
	toml = bytes.Replace(toml, []byte(`# languages = ["en", "cy"]`), []byte(`languages = ["en", "ar"]`), 1)
	if !bytes.Contains(toml, []byte(testTrustName)) || !bytes.Contains(toml, []byte(`languages = ["en", "ar"]`)) {
		return errors.New("the starter esosite.toml changed; trustFolder could not set the name and languages")
	}
	return os.WriteFile(cfg, toml, 0o644)
}

// unzipEntries reads every entry of a zip.
func unzipEntries(t testing.TB, data []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		entries[f.Name] = b
	}
	return entries, zr.File
}

// unzipTo writes a zip's entries under dir.
func unzipTo(t testing.TB, data []byte, dir string) {
	t.Helper()
	entries, _ := unzipEntries(t, data)
	for name, b := range entries {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sums parses a SHA256SUMS file into path → hex hash, failing on any line
// `sha256sum -c` would not read.
func sums(t testing.TB, data []byte) map[string]string {
	t.Helper()
	m := map[string]string{}
	text := string(data)
	if !strings.HasSuffix(text, "\n") {
		t.Fatal("SHA256SUMS does not end with a newline")
	}
	var order []string
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		hash, name, ok := strings.Cut(line, "  ")
		if !ok || len(hash) != 64 || strings.Trim(hash, "0123456789abcdef") != "" || name == "" {
			t.Fatalf("SHA256SUMS: bad line %q", line)
		}
		m[name] = hash
		order = append(order, name)
	}
	if !sort.StringsAreSorted(order) {
		t.Error("SHA256SUMS is not sorted by path")
	}
	return m
}

func TestPackageLayoutAndChecksums(t *testing.T) {
	data, res := builtPackage(t)
	entries, files := unzipEntries(t, data)
	for _, want := range []string{"nginx.conf", "SHA256SUMS", "DEPLOY.md", "site/index.html", "site/.htaccess", "site/web.config", "site/en/index.html", "site/en/404.html"} {
		if entries[want] == nil {
			t.Errorf("the package has no %s", want)
		}
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if want := entryTime(entries[f.Name]); !f.Modified.Equal(want) {
			t.Errorf("%s: modified %v, want %v, from its content", f.Name, f.Modified, want)
		}
		if f.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f.Name, f.Mode())
		}
		if !strings.HasPrefix(f.Name, "site/") && !map[string]bool{"nginx.conf": true, "SHA256SUMS": true, "DEPLOY.md": true}[f.Name] {
			t.Errorf("unexpected top-level entry %s", f.Name)
		}
	}
	if !sort.StringsAreSorted(names) {
		t.Error("zip entries are not in sorted order")
	}
	if res.Entries != len(files) || res.Size != int64(len(data)) {
		t.Errorf("Result says %d entries, %d bytes; the zip has %d, %d", res.Entries, res.Size, len(files), len(data))
	}

	// SHA256SUMS lists every file of site/, and nothing else, correctly.
	listed := sums(t, entries["SHA256SUMS"])
	siteFiles := 0
	for name, b := range entries {
		rel, ok := strings.CutPrefix(name, "site/")
		if !ok {
			continue
		}
		siteFiles++
		sum := sha256.Sum256(b)
		if got := listed[rel]; got != hex.EncodeToString(sum[:]) {
			t.Errorf("SHA256SUMS: %s has %q, want its hash", rel, got)
		}
	}
	if len(listed) != siteFiles || res.SiteFiles != siteFiles {
		t.Errorf("SHA256SUMS lists %d files, Result %d; site/ has %d", len(listed), res.SiteFiles, siteFiles)
	}

	// Every text file has its compressed copies unless they would be bigger;
	// they decompress to the original.
	for name, b := range entries {
		rel, ok := strings.CutPrefix(name, "site/")
		if !ok || !compressible(rel) {
			continue
		}
		if br, ok := entries[name+".br"]; ok {
			if got := unbrotli(t, br); !bytes.Equal(got, b) {
				t.Errorf("%s.br does not decompress to %s", name, name)
			}
		} else if len(brotliBytes(b)) < len(b) {
			t.Errorf("%s has no .br copy though brotli makes it smaller", name)
		}
		if gz, ok := entries[name+".gz"]; ok {
			if got := ungzip(t, gz); !bytes.Equal(got, b) {
				t.Errorf("%s.gz does not decompress to %s", name, name)
			}
		} else if len(gzipBytes(b)) < len(b) {
			t.Errorf("%s has no .gz copy though gzip makes it smaller", name)
		}
	}
	if entries["site/en/index.html.br"] == nil || entries["site/en/index.html.gz"] == nil {
		t.Error("en/index.html has no compressed copies")
	}
	t.Logf("built-in site: %d bytes, %d entries, %d files in site/", len(data), len(files), siteFiles)
}

// TestPackageReproducible packages the same Trust folder a second time, from
// a fresh build in another place, and wants the very same bytes as
// builtPackage's, which may have been made in an earlier run.
func TestPackageReproducible(t *testing.T) {
	first, _ := builtPackage(t)
	site := filepath.Join(t.TempDir(), "trust")
	if err := trustFolder(site); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "again.zip")
	if _, err := Package(Options{Site: site, BaseURL: testBaseURL, Output: out}); err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		a, _ := unzipEntries(t, first)
		b, _ := unzipEntries(t, second)
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s differs between two packages of the same site", name)
			}
		}
		t.Fatal("two packages of the same site are not byte-identical")
	}
}

// fakeSite is a small built site in two languages with a fingerprinted asset.
func fakeSite() fstest.MapFS {
	page := func(lang string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`<!DOCTYPE html><html lang="` + lang + `"><title>Page</title>` + strings.Repeat("<p>Some words about second opinions.</p>\n", 40))}
	}
	return fstest.MapFS{
		"index.html":    page("en"),
		"en/index.html": page("en"),
		"en/404.html":   page("en"),
		"cy/index.html": page("cy"),
		"cy/404.html":   page("cy"),
		"css/site.min.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.css": {Data: []byte(strings.Repeat("body{color:#000}", 50))},
		"robots.txt": {Data: []byte("User-agent: *\n")},
		"logo.png":   {Data: []byte("\x89PNG not really")},
	}
}

func writeFake(t *testing.T, baseURL string) map[string][]byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := Write(&b, fakeSite(), baseURL); err != nil {
		t.Fatal(err)
	}
	entries, _ := unzipEntries(t, b.Bytes())
	return entries
}

func TestWriteSmallSite(t *testing.T) {
	e := writeFake(t, "https://trust.example/services/eso/")
	if e["site/robots.txt.br"] != nil || e["site/robots.txt.gz"] != nil {
		t.Error("robots.txt got compressed copies bigger than itself")
	}
	if e["site/logo.png.br"] != nil || e["site/logo.png.gz"] != nil {
		t.Error("a PNG got compressed copies")
	}
	if e["site/cy/index.html.br"] == nil {
		t.Error("cy/index.html has no .br copy")
	}
	if e["site/404.html"] != nil {
		t.Error("the package invents a root 404.html")
	}
	nginx := string(e["nginx.conf"])
	for _, want := range []string{
		`set $eso_404 "/services/eso/en/404.html";`,
		`if ($uri ~ "^/services/eso/(cy|en)/") {`,
		`location ^~ /services/eso/ {`,
	} {
		if !strings.Contains(nginx, want) {
			t.Errorf("nginx.conf lacks %q", want)
		}
	}
	ht := string(e["site/.htaccess"])
	for _, want := range []string{
		"RewriteBase /services/eso/",
		"ErrorDocument 404 /services/eso/en/404.html",
		`<If "%{REQUEST_URI} =~ m#^/services/eso/cy/# && %{REQUEST_URI} !~ m#\.(br|gz)$#">` + "\n    ErrorDocument 404 /services/eso/cy/404.html\n</If>",
	} {
		if !strings.Contains(ht, want) {
			t.Errorf(".htaccess lacks %q", want)
		}
	}
	deploy := string(e["DEPLOY.md"])
	for _, want := range []string{"https://trust.example/services/eso/", "curl -sI https://trust.example/services/eso/en/", "Get-FileHash", "sha256sum --check", "location ^~ /services/eso/ {", `C:\inetpub\wwwroot\services\eso\`} {
		if !strings.Contains(deploy, want) {
			t.Errorf("DEPLOY.md lacks %q", want)
		}
	}
	if strings.ContainsAny(deploy, "‹›") || strings.Contains(deploy, "<no value>") {
		t.Error("DEPLOY.md has template leftovers")
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := Write(&a, fakeSite(), "/"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	if _, err := Write(&b, fakeSite(), "/"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two packages of the same site differ")
	}
}

func TestWriteRootBase(t *testing.T) {
	e := writeFake(t, "/")
	nginx := string(e["nginx.conf"])
	if !strings.Contains(nginx, `if ($uri ~ "^/(cy|en)/") {`) || !strings.Contains(nginx, `set $eso_404 "/en/404.html";`) {
		t.Errorf("nginx.conf for a site at the root is wrong:\n%s", nginx)
	}
	if strings.Contains(string(e["DEPLOY.md"]), "location = ") {
		t.Error("DEPLOY.md suggests a redirect for a site at the root")
	}
}

// TestEntryTime: a file's time in the zip, which becomes its Last-Modified
// and part of its ETag on the server, changes when its content does, even
// when its length does not.
func TestEntryTime(t *testing.T) {
	a, b := entryTime([]byte("<p>teh page</p>")), entryTime([]byte("<p>the page</p>"))
	if a.Equal(b) {
		t.Errorf("two contents of the same length got the same time %v", a)
	}
	if !a.Equal(entryTime([]byte("<p>teh page</p>"))) {
		t.Error("the same content got two times")
	}
	if a.Before(timeBase) || a.After(timeBase.AddDate(9, 0, 0)) || a.Nanosecond() != 0 {
		t.Errorf("time %v is outside 2001-2009 or not whole seconds", a)
	}
}

func TestBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"/":                            "/",
		"":                             "/",
		"https://trust.example":        "/",
		"https://trust.example/eso":    "/eso/",
		"https://trust.example/a/b-c/": "/a/b-c/",
		"/trust/eso/":                  "/trust/eso/",
	} {
		got, err := basePath(in)
		if err != nil || got != want {
			t.Errorf("basePath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"https://trust.example/a b/", `https://trust.example/a"b/`, "https://trust.example/a/../b/", "https://trust.example/a;b/"} {
		if _, err := basePath(bad); err == nil {
			t.Errorf("basePath(%q) accepted a path the server files cannot hold", bad)
		}
	}
}

func TestHashed(t *testing.T) {
	h := strings.Repeat("ab", 32)
	for p, want := range map[string]bool{
		"css/site.min." + h + ".css":      true,
		"favicon." + h + ".svg":           true,
		"css/site.css":                    false,
		"en/index.html":                   false,
		"css/site.min." + h[:63] + ".css": false,
		"a" + h + ".css":                  false,
	} {
		if Hashed(p) != want {
			t.Errorf("Hashed(%q) = %v", p, !want)
		}
	}
}

// brotliBytes and gzipBytes compress one file as precompress does.
func brotliBytes(data []byte) []byte {
	var c compressor
	return c.brotli(data)
}

func gzipBytes(data []byte) []byte {
	var c compressor
	return c.gzip(data)
}
