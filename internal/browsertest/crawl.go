package browsertest

import (
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Crawl finds the pages of a served site: it starts at start (a full URL),
// follows every same-origin <a href> to an HTML page, and adds every page
// listed in the sitemap.xml files under start. It returns the page URLs,
// sorted, without fragments. When a link or a sitemap entry leads nowhere,
// it still returns every page it found, with an error naming each broken
// link and the page it is on.
func Crawl(origin, start string) ([]string, error) {
	base, err := url.Parse(start)
	if err != nil {
		return nil, err
	}
	seen := map[string]string{} // page URL -> the page that first linked it
	queue := []string{}
	add := func(u *url.URL, from string) {
		if u.Scheme+"://"+u.Host != origin {
			return
		}
		u.Fragment, u.RawFragment, u.RawQuery = "", "", ""
		s := u.String()
		if _, ok := seen[s]; !ok {
			seen[s] = from
			queue = append(queue, s)
		}
	}
	add(base, "(start)")
	for _, u := range sitemapPages(base) {
		add(u, "sitemap.xml")
	}

	var pages []string
	var broken []string
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		resp, err := Client.Get(page)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			broken = append(broken, fmt.Sprintf("%s (linked from %s): HTTP %d", page, seen[page], resp.StatusCode))
			continue
		}
		if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "text/html" {
			continue
		}
		// A redirect (a folder without its slash) lands on another URL.
		final := resp.Request.URL.String()
		if final != page {
			if _, ok := seen[final]; ok {
				continue
			}
			seen[final] = seen[page]
		}
		pages = append(pages, final)
		for _, href := range Links(body) {
			u, err := resp.Request.URL.Parse(href)
			if err != nil {
				broken = append(broken, fmt.Sprintf("%s: bad link %q: %v", final, href, err))
				continue
			}
			add(u, final)
		}
	}
	slices.Sort(pages)
	if len(broken) > 0 {
		return pages, fmt.Errorf("broken links:\n  %s", strings.Join(broken, "\n  "))
	}
	return pages, nil
}

// Links returns the href of every <a> in an HTML document, in order.
func Links(doc []byte) []string {
	var hrefs []string
	z := html.NewTokenizer(strings.NewReader(string(doc)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return hrefs
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "a" || !hasAttr {
				continue
			}
			for {
				k, v, more := z.TagAttr()
				if string(k) == "href" {
					hrefs = append(hrefs, string(v))
				}
				if !more {
					break
				}
			}
		}
	}
}

// sitemapPages reads start/sitemap.xml, a sitemap index or a plain sitemap,
// and returns every page it lists. A missing sitemap lists nothing.
func sitemapPages(start *url.URL) []*url.URL {
	var pages []*url.URL
	seen := map[string]bool{}
	var read func(u *url.URL)
	read = func(u *url.URL) {
		if seen[u.String()] || len(seen) > 1000 {
			return
		}
		seen[u.String()] = true
		resp, err := Client.Get(u.String())
		if err != nil {
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return
		}
		var doc struct {
			Sitemaps []string `xml:"sitemap>loc"`
			URLs     []string `xml:"url>loc"`
		}
		if err := xml.NewDecoder(resp.Body).Decode(&doc); err != nil {
			return
		}
		for _, loc := range doc.Sitemaps {
			if v, err := u.Parse(strings.TrimSpace(loc)); err == nil {
				read(v)
			}
		}
		for _, loc := range doc.URLs {
			if v, err := u.Parse(strings.TrimSpace(loc)); err == nil {
				pages = append(pages, v)
			}
		}
	}
	if u, err := start.Parse("sitemap.xml"); err == nil {
		read(u)
	}
	return pages
}

// PageInfo is what sampling needs to know about a page: its language and
// which kind of layout it uses.
type PageInfo struct {
	URL  string
	Lang string // <html lang>
	Kind string // chooser, home, notfound or page
	// Scripts: the page's HTML has a <script>; one without needs no
	// separate visit with JavaScript off.
	Scripts bool
}

// Inspect fetches a page and tells its language and layout kind: "chooser"
// (a <main class="chooser">), "home" (the page the header's site name links
// to), "notfound" (a 404.html) or "page".
func Inspect(pageURL string) (PageInfo, error) {
	info := PageInfo{URL: pageURL, Kind: "page"}
	resp, err := Client.Get(pageURL)
	if err != nil {
		return info, err
	}
	defer resp.Body.Close()
	doc, err := html.Parse(resp.Body)
	if err != nil {
		return info, err
	}
	if strings.HasSuffix(resp.Request.URL.Path, "/404.html") {
		info.Kind = "notfound"
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case n.Data == "html":
			info.Lang = attr(n, "lang")
		case n.Data == "script":
			info.Scripts = true
		case n.Data == "main" && slices.Contains(strings.Fields(attr(n, "class")), "chooser"):
			info.Kind = "chooser"
		case n.Data == "a" && slices.Contains(strings.Fields(attr(n, "class")), "site-header__name") && info.Kind == "page":
			if u, err := resp.Request.URL.Parse(attr(n, "href")); err == nil && u.String() == resp.Request.URL.String() {
				info.Kind = "home"
			}
		}
	}
	return info, nil
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
