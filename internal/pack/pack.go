package pack

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/esosite/esosite/internal/build"
)

// Options says what to package.
type Options struct {
	Site    string // a Trust's folder layered over the built-in site; "" for the built-in site
	BaseURL string // where the site will be served, e.g. https://trust.example/eso/
	Output  string // the zip to write; default esosite-site.zip
	Log     io.Writer
}

// Result says what a package holds, for reports and tests.
type Result struct {
	Pages     int    // HTML pages built
	SiteFiles int    // files in site/, compressed copies and server files included
	Entries   int    // files in the zip
	Size      int64  // bytes of the zip
	BaseURL   string // the address the site was built for
}

// Package builds the site, with every check, and writes the package to
// opts.Output. The zip is written beside its final name and renamed into
// place, so a failure never leaves half a zip.
func Package(opts Options) (*Result, error) {
	if opts.Output == "" {
		opts.Output = "esosite-site.zip"
	}
	if opts.BaseURL != "" {
		if _, err := basePath(opts.BaseURL); err != nil {
			return nil, err
		}
	}
	tmp, err := os.MkdirTemp("", "esosite-package-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	built, err := build.Build(build.Options{Site: opts.Site, Destination: filepath.Join(tmp, "site"), BaseURL: opts.BaseURL, Log: opts.Log})
	if err != nil {
		return nil, err
	}
	// The build settles the address: --baseURL, else the Trust's esosite.toml, else "/".
	opts.BaseURL = built.BaseURL
	var buf bytes.Buffer
	res, err := Write(&buf, os.DirFS(filepath.Join(tmp, "site")), opts.BaseURL)
	if err != nil {
		return nil, err
	}
	res.Pages = built.Pages
	res.BaseURL = built.BaseURL
	if err := writeFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return nil, err
	}
	return res, nil
}

// Write writes the package of the built site in fsys, to be served at
// baseURL, to w.
func Write(w io.Writer, fsys fs.FS, baseURL string) (*Result, error) {
	files, err := readSite(fsys)
	if err != nil {
		return nil, err
	}
	d, err := newServerData(files, baseURL)
	if err != nil {
		return nil, err
	}
	precompress(files)
	files[".htaccess"] = []byte(apacheText(d))
	files["web.config"] = []byte(iisText(d))

	entries := map[string][]byte{}
	for p, data := range files {
		entries["site/"+p] = data
	}
	entries["nginx.conf"] = []byte(nginxText(d))
	entries["SHA256SUMS"] = checksums(files)
	entries["DEPLOY.md"] = []byte(deployText(d))

	cw := &countingWriter{w: w}
	if err := writeZip(cw, entries); err != nil {
		return nil, err
	}
	return &Result{SiteFiles: len(files), Entries: len(entries), Size: cw.n}, nil
}

// readSite reads every file of the built site.
func readSite(fsys fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.ContainsAny(p, "\\\n\r") {
			return fmt.Errorf("%s: a file name with a backslash or a line break cannot be listed in SHA256SUMS; rename it", p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[p] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("the site folder is empty")
	}
	return files, nil
}

// serverData is what the server configurations and DEPLOY.md are written from.
type serverData struct {
	BaseURL   string   // as given, e.g. https://trust.example/trust/eso/
	Base      string   // its path, e.g. /trust/eso/
	BaseRE    string   // Base as a regular expression
	Languages []string // top-level folders with a 404.html, e.g. cy, en
	// NotFound is the 404 page for addresses outside a language folder: the
	// site's own 404.html, else the default language's.
	NotFound string
	// NotFoundFile is NotFound as a path in the site folder.
	NotFoundFile    string
	Hashed          []string // fingerprinted files, for IIS's per-file caching
	Headers         []Header
	Types           []MIMEType
	TextTypes       []MIMEType
	CacheImmutable  string
	CacheRevalidate string
	HashedPattern   string
	AcceptsBrotli   string
	AcceptsGzip     string
	ExamplePage     string // a page to try after upload, e.g. /trust/eso/en/
}

func newServerData(files map[string][]byte, baseURL string) (serverData, error) {
	base, err := basePath(baseURL)
	if err != nil {
		return serverData{}, err
	}
	d := serverData{
		BaseURL: baseURL, Base: base, BaseRE: regexp.QuoteMeta(base),
		Headers: Headers, Types: MIMETypes,
		CacheImmutable: CacheImmutable, CacheRevalidate: CacheRevalidate,
		HashedPattern: hashedPattern, AcceptsBrotli: acceptsBrotli, AcceptsGzip: acceptsGzip,
		ExamplePage: base,
	}
	for _, m := range MIMETypes {
		if m.Text {
			d.TextTypes = append(d.TextTypes, m)
		}
	}
	for _, p := range sortedKeys(files) {
		dir, name := path.Split(p)
		if name == "404.html" && strings.Count(p, "/") == 1 {
			d.Languages = append(d.Languages, strings.TrimSuffix(dir, "/"))
		}
		if Hashed(p) {
			d.Hashed = append(d.Hashed, p)
		}
	}
	switch {
	case files["404.html"] != nil:
		d.NotFoundFile = "404.html"
	case len(d.Languages) > 0:
		lang := d.Languages[0]
		for _, l := range d.Languages {
			if l == "en" {
				lang = l
			}
		}
		d.NotFoundFile = lang + "/404.html"
	default:
		return serverData{}, fmt.Errorf("the site has no 404 page (404.html or LANGUAGE/404.html); the layouts must make one")
	}
	d.NotFound = base + d.NotFoundFile
	if len(d.Languages) > 0 {
		lang := strings.TrimSuffix(d.NotFoundFile, "/404.html")
		if lang == "404.html" {
			lang = d.Languages[0]
			if slices.Contains(d.Languages, "en") {
				lang = "en"
			}
		}
		d.ExamplePage = base + lang + "/"
	}
	return d, nil
}

// safePath is what a sub-path may hold so it can go into the three server
// configurations without quoting: letters, digits, - . _ ~ and /.
var safePath = regexp.MustCompile(`^/([A-Za-z0-9._~-]+/)*$`)

// basePath is the path part of baseURL, starting and ending with "/".
func basePath(baseURL string) (string, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "", fmt.Errorf("--baseURL %q is not a URL: %v", baseURL, err)
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !safePath.MatchString(p) || strings.Contains(p, "/../") || strings.Contains(p, "/./") {
		return "", fmt.Errorf("--baseURL %q: the path %q may hold only letters, digits, - . _ ~ and /, e.g. https://trust.example/services/eso/", baseURL, u.Path)
	}
	return p, nil
}

// writeFileAtomic writes data to name through a temporary file beside it.
func writeFileAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".new-")
	if err != nil {
		return fmt.Errorf("%s: cannot write the package: %v", name, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("%s: cannot write the package: %v", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: cannot write the package: %v", name, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("%s: cannot write the package: %v", name, err)
	}
	return nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// extOf is the extension of name without the dot, lower case.
func extOf(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
}
