package check

import (
	"bytes"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// A Ref is one URL a page uses, where it uses it, and whether the browser
// fetches it while loading the page (a stylesheet) or only on a click (a link).
type Ref struct {
	URL   string
	Line  int
	Tag   string
	Loads bool
}

// An OutputPage is one built HTML file, parsed once for every output rule.
type OutputPage struct {
	Path  string // slash path inside the output folder, e.g. en/about/index.html
	Size  int
	IDs   map[string]bool
	Refs  []Ref
	Bad   []Problem // inline script or style, event handler attributes
	Bytes []byte
}

// Output is the built site: every HTML page and every other file's size.
type Output struct {
	FS       fs.FS
	BasePath string // the path part of baseURL, e.g. "/trust/eso/"
	Pages    map[string]*OutputPage
	Files    map[string]bool
}

// ReadOutput parses every HTML page under fsys, on every core. basePath is
// the path the site is served under, so root-relative URLs can be mapped to
// files.
func ReadOutput(fsys fs.FS, basePath string) (*Output, error) {
	o := &Output{FS: fsys, BasePath: "/" + strings.Trim(basePath, "/") + "/", Pages: map[string]*OutputPage{}, Files: map[string]bool{}}
	if o.BasePath == "//" {
		o.BasePath = "/"
	}
	var html []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		o.Files[p] = true
		if strings.HasSuffix(p, ".html") {
			html = append(html, p)
		}
		return nil
	})
	if err != nil {
		return o, err
	}
	pages := make([]*OutputPage, len(html))
	err = parallel(len(html), func(i int) error {
		data, err := fs.ReadFile(fsys, html[i])
		if err != nil {
			return err
		}
		pages[i] = parsePage(html[i], data)
		return nil
	})
	for _, p := range pages {
		if p != nil {
			o.Pages[p.Path] = p
		}
	}
	return o, err
}

// bytes is a file's content: a page's as already read, else from the folder.
func (o *Output) bytes(file string) ([]byte, error) {
	if p, ok := o.Pages[file]; ok {
		return p.Bytes, nil
	}
	return fs.ReadFile(o.FS, file)
}

// SortedPages lists the pages in a stable order.
func (o *Output) SortedPages() []*OutputPage {
	keys := make([]string, 0, len(o.Pages))
	for k := range o.Pages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pages := make([]*OutputPage, len(keys))
	for i, k := range keys {
		pages[i] = o.Pages[k]
	}
	return pages
}

// Resolve maps a URL used on page p to a file in the output, or "" when the
// URL points outside the site (another origin, mailto:, tel:).
func (o *Output) Resolve(p *OutputPage, raw string) (file, fragment string, internal bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	fragment = u.Fragment
	target := u.Path
	switch {
	case target == "":
		return p.Path, fragment, true
	case strings.HasPrefix(target, "/"):
		if !strings.HasPrefix(target+"/", o.BasePath) && target+"/" != o.BasePath {
			// A root-relative URL outside the sub-path breaks on a Trust's server.
			return target, fragment, true
		}
		target = strings.TrimPrefix(target, o.BasePath)
	default:
		target = path.Join(path.Dir(p.Path), target)
	}
	target = strings.TrimPrefix(path.Clean("/"+target), "/")
	if target == "" || target == "." || strings.HasSuffix(u.Path, "/") {
		target = path.Join(target, "index.html")
	}
	if !o.Files[target] && o.Files[path.Join(target, "index.html")] {
		target = path.Join(target, "index.html")
	}
	return target, fragment, true
}

// loading says which attribute of which element the browser fetches on load.
var loading = map[string]string{
	"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src",
	"video": "src", "audio": "src", "embed": "src", "object": "data", "track": "src",
}

func parsePage(p string, data []byte) *OutputPage {
	page := &OutputPage{Path: p, Size: len(data), IDs: map[string]bool{}, Bytes: data}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	inScript := false
	for {
		tt := z.Next()
		raw := z.Raw()
		startLine := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.ErrorToken:
			return page
		case html.TextToken:
			if inScript && len(bytes.TrimSpace(raw)) > 0 {
				page.Bad = append(page.Bad, Problem{p, startLine, "inline script; move it into a file under assets/js and load it with <script src>, the Content Security Policy blocks inline code"})
			}
		case html.EndTagToken:
			inScript = false
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			inScript = t.Data == "script" && tt == html.StartTagToken
			checkTag(page, t, startLine)
		}
	}
}

func checkTag(page *OutputPage, t html.Token, line int) {
	attrs := map[string]string{}
	for _, a := range t.Attr {
		attrs[a.Key] = a.Val
		switch {
		case a.Key == "id" || (a.Key == "name" && t.Data == "a"):
			page.IDs[a.Val] = true
		case a.Key == "style":
			page.Bad = append(page.Bad, Problem{page.Path, line, "style=\"\" attribute on <" + t.Data + ">; use a class and put the rule in assets/css, the Content Security Policy blocks inline styles"})
		case strings.HasPrefix(a.Key, "on"):
			page.Bad = append(page.Bad, Problem{page.Path, line, a.Key + "= handler on <" + t.Data + ">; attach the handler from a script file, the Content Security Policy blocks inline handlers"})
		}
	}
	switch t.Data {
	case "style":
		page.Bad = append(page.Bad, Problem{page.Path, line, "<style> element; put the rules in assets/css, the Content Security Policy blocks inline styles"})
	case "script":
		if typ := attrs["type"]; attrs["src"] == "" && typ != "application/ld+json" && typ != "application/json" {
			// An empty inline script is still inline; the text check catches non-empty ones.
			if _, ok := attrs["src"]; !ok {
				page.Bad = append(page.Bad, Problem{page.Path, line, "<script> without src; move the code into a file under assets/js"})
			}
		}
	case "a", "area":
		if h, ok := attrs["href"]; ok {
			page.Refs = append(page.Refs, Ref{URL: h, Line: line, Tag: t.Data})
		}
	}
	if attr, ok := loading[t.Data]; ok {
		if v, ok := attrs[attr]; ok && v != "" {
			if t.Data == "link" && !loadsResource(attrs["rel"]) {
				page.Refs = append(page.Refs, Ref{URL: v, Line: line, Tag: t.Data})
			} else {
				page.Refs = append(page.Refs, Ref{URL: v, Line: line, Tag: t.Data, Loads: true})
			}
		}
	}
	if v, ok := attrs["srcset"]; ok {
		for _, c := range strings.Split(v, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				page.Refs = append(page.Refs, Ref{URL: f[0], Line: line, Tag: t.Data, Loads: true})
			}
		}
	}
}

// loadsResource reports whether a <link rel> makes the browser fetch the URL
// (a stylesheet, icon, preload) rather than just name another page (canonical, alternate).
func loadsResource(rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		switch r {
		case "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon", "mask-icon":
			return true
		}
	}
	return false
}
