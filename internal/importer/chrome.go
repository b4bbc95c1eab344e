package importer

import (
	"regexp"
	"strings"
)

// Site chrome is everything a saved or copied page carries that belongs to
// the website rather than the guidance: header and brand lines, menus,
// breadcrumbs, "this document forms part of" banners, cookie notices, share
// links, footers. It is dropped, and each drop is reported so a person can
// check nothing real went with it.

var (
	bannerRE     = regexp.MustCompile(`(?i)^this (document|page|resource|section|guide) (forms|is) (a )?part of\b`)
	cookieRE     = regexp.MustCompile(`(?i)\bcookies?\b.*\b(accept|reject|we use|consent|settings|preferences|allow)\b|\b(accept|reject|we use|allow)\b.*\bcookies?\b`)
	breadcrumbRE = regexp.MustCompile(`(?i)^(you are here:?\s*)?home\s*([›>»/|\\]|[–-]\s)`)
	footerRE     = regexp.MustCompile(`(?i)^(©|\(c\)\s|copyright\b)|\ball rights reserved\b|^registered charity\b|^(privacy|cookie|accessibility) (policy|notice|statement)$`)
	skipRE       = regexp.MustCompile(`(?i)^skip to (the )?(main )?(content|navigation)$`)
)

// navWords are whole lines that are menu or toolbar items on a saved page.
var navWords = map[string]bool{
	"menu": true, "search": true, "close": true, "log in": true, "login": true,
	"sign in": true, "my account": true, "donate": true, "basket": true,
	"back to top": true, "print": true, "print this page": true, "share": true,
	"share this page": true, "main navigation": true, "home": true, "toggle navigation": true,
	"open menu": true, "close menu": true, "search this site": true,
}

// shareWords are the names in a row of share links.
var shareWords = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "email": true,
	"e-mail": true, "whatsapp": true, "copy link": true, "print": true, "bluesky": true,
}

// chromeKind says which kind of site chrome a line of page text is, or ""
// when it is content.
func chromeKind(text string) string {
	t := cleanSpace(text)
	if t == "" {
		return ""
	}
	low := strings.ToLower(strings.TrimRight(t, ".:"))
	switch {
	case bannerRE.MatchString(t):
		return "banner"
	case skipRE.MatchString(t) || navWords[low]:
		return "navigation"
	case breadcrumbRE.MatchString(t):
		return "breadcrumbs"
	case isShareRow(low):
		return "share links"
	case len(t) < 400 && cookieRE.MatchString(t):
		return "cookie notice"
	case len(t) < 200 && footerRE.MatchString(t):
		return "footer"
	}
	return ""
}

// isShareRow matches "Share this page: Facebook Twitter Email" and rows of
// share link names on their own.
func isShareRow(low string) bool {
	rest, prefixed := low, false
	for _, p := range []string{"share this page", "share this", "share on", "share via", "share"} {
		if strings.HasPrefix(rest, p) {
			rest, prefixed = strings.TrimLeft(rest[len(p):], " :"), true
			break
		}
	}
	if prefixed && rest == "" {
		return true
	}
	words := strings.FieldsFunc(strings.ReplaceAll(rest, "copy link", "copy-link"), func(r rune) bool {
		return r == ' ' || r == ',' || r == '|' || r == '/'
	})
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !shareWords[strings.ReplaceAll(w, "copy-link", "copy link")] {
			return false
		}
	}
	return prefixed || len(words) >= 2
}

// chromeElement says whether an HTML element, by its tag, role, id or class,
// is site chrome, and which kind. Elements that never hold page text
// (script, style) are reported as "" with true: dropped without a note.
func chromeElement(tag string, attrs map[string]string) (kind string, drop bool) {
	switch tag {
	case "script", "style", "noscript", "template", "svg", "iframe", "button", "input", "select", "textarea", "link", "meta":
		return "", true
	case "header":
		return "header", true
	case "nav":
		return "navigation", true
	case "footer":
		return "footer", true
	case "aside":
		return "aside", true
	case "form":
		return "form", true
	}
	switch attrs["role"] {
	case "banner":
		return "header", true
	case "navigation", "search":
		return "navigation", true
	case "contentinfo":
		return "footer", true
	}
	names := strings.ToLower(attrs["class"] + " " + attrs["id"] + " " + attrs["aria-label"])
	for _, c := range []struct{ word, kind string }{
		{"breadcrumb", "breadcrumbs"},
		{"cookie", "cookie notice"},
		{"consent", "cookie notice"},
		{"share", "share links"},
		{"social", "share links"},
		{"skip-link", "navigation"},
		{"skiplink", "navigation"},
		{"site-header", "header"},
		{"site-footer", "footer"},
		{"part-of", "banner"},
	} {
		if strings.Contains(names, c.word) {
			return c.kind, true
		}
	}
	// Screen-reader-only text ("opens in a new tab") belongs to the old
	// site's links, not to the guidance.
	if strings.Contains(names, "visually-hidden") || strings.Contains(names, "sr-only") {
		return "", true
	}
	return "", false
}
