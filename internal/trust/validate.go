package trust

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/esosite/esosite/internal/check"
)

func (c *Config) validate(dir string, languages []string) check.Problems {
	var ps check.Problems
	add := func(table, key, format string, args ...any) {
		ps = append(ps, check.Problem{Path: c.path, Line: c.line(table, key), Message: fmt.Sprintf(format, args...)})
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			add("", "baseURL", "baseURL %q is not a web address; write the full address the site will live at, e.g. \"https://www.example.nhs.uk/second-opinions/\"", c.BaseURL)
		}
	}
	seen := map[string]bool{}
	for _, l := range c.Languages {
		if !slices.Contains(languages, l) {
			add("", "languages", "language %q does not exist; choose from %s", l, strings.Join(languages, ", "))
		} else if seen[l] {
			add("", "languages", "language %q is listed twice; list each language once", l)
		}
		seen[l] = true
	}
	if len(c.Languages) > 0 && !slices.Contains(c.Languages, "en") {
		add("", "languages", "languages must include \"en\": every translation links to the English page")
	}
	if c.Trust.BrandColour != "" {
		rgb, ok := parseHex(c.Trust.BrandColour)
		switch {
		case !ok:
			add("trust", "brandColour", "brandColour %q is not a colour; write it as #rrggbb, e.g. \"#005eb8\"", c.Trust.BrandColour)
		case contrast(rgb, white) < 4.5:
			add("trust", "brandColour", "brandColour %s has a contrast of %.1f:1 with the white header text; WCAG AA needs 4.5:1, so choose a darker shade", c.Trust.BrandColour, contrast(rgb, white))
		}
	}
	if c.Trust.Logo != "" {
		if msg := checkLogo(filepath.Join(dir, c.Trust.Logo)); msg != "" {
			add("trust", "logo", "logo %q %s", c.Trust.Logo, msg)
		}
	}
	for _, ct := range []struct {
		key string
		c   Contact
	}{{"pals", c.Trust.Contacts.PALS}, {"advocate", c.Trust.Contacts.Advocate}, {"accessibility", c.Trust.Contacts.Accessibility}} {
		table := "trust.contacts." + ct.key
		if ct.c.Email != "" {
			if a, err := mail.ParseAddress(ct.c.Email); err != nil || a.Address != ct.c.Email {
				add(table, "email", "email %q is not an email address; write it like \"pals@example.nhs.uk\"", ct.c.Email)
			}
		}
		if ct.c.URL != "" {
			if u, err := url.Parse(ct.c.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				add(table, "url", "url %q is not a web address; write the full address starting https://", ct.c.URL)
			}
		}
		if ct.c.Phone != "" && strings.Trim(ct.c.Phone, "0123456789 +()-") != "" {
			add(table, "phone", "phone %q has characters a phone number does not; use digits, spaces and + only", ct.c.Phone)
		}
	}
	return ps
}

// checkLogo says what is wrong with the logo file, or "" when it is an image
// a browser shows (PNG, JPEG, GIF, WebP or SVG).
func checkLogo(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "cannot be read; put the file in your site folder and give its path relative to esosite.toml"
	}
	if len(data) > maxLogo {
		return fmt.Sprintf("is %d KB; every page must load in %d KB with everything on it, so export the logo smaller (a plain SVG, or a PNG of at most %d KB)", (len(data)+1023)/1024, maxLogo/1024, maxLogo/1024/2)
	}
	switch http.DetectContentType(data) {
	case "image/png", "image/jpeg", "image/gif", "image/webp":
		return ""
	}
	if strings.HasSuffix(strings.ToLower(path), ".svg") && bytes.Contains(data, []byte("<svg")) {
		if svgActive.Match(data) {
			return "is an SVG that runs script or loads other files; export a plain SVG or a PNG"
		}
		return ""
	}
	return "is not an image; use a PNG, JPEG, GIF, WebP or SVG file"
}

// svgActive finds what makes an SVG more than a picture: script, event
// handlers, javascript: links, embedded HTML, or files from another site.
var svgActive = regexp.MustCompile(`(?i)<script|\son[a-z]+\s*=|javascript:|<foreignObject|href\s*=\s*["']?(https?:)?//`)

// maxLogo is the largest logo accepted: the whole page weight budget
// (pageBudgetBytes in hugo.toml), since every page shows the logo.
const maxLogo = 14 * 1024

var white = [3]float64{255, 255, 255}

func parseHex(s string) ([3]float64, bool) {
	var r, g, b int
	if len(s) != 7 || s[0] != '#' {
		return [3]float64{}, false
	}
	if n, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); n != 3 || err != nil {
		return [3]float64{}, false
	}
	return [3]float64{float64(r), float64(g), float64(b)}, true
}

// contrast is the WCAG 2 contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.04045 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}
