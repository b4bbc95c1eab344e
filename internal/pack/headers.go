// Package pack turns a built site into a zip a Trust's web team can upload: precompressed files, server configuration for nginx, Apache and IIS, checksums and deployment steps.
package pack

import (
	"path"
	"regexp"
	"strings"
)

// A Header is one HTTP response header every server configuration sets on
// every response. nginx.conf, .htaccess and web.config are all generated from
// Headers, so the three cannot drift apart.
type Header struct {
	Name, Value string
}

// CSP is the Content Security Policy. It matches the <meta> policy in every
// page and adds what only a header can carry (frame-ancestors).
const CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"

// Headers are the security headers, in the order they are written.
//
// Referrer-Policy is strict-origin-when-cross-origin, not no-referrer: every
// page already carries <meta name="referrer" content="strict-origin-when-cross-origin">,
// which a browser obeys over the header, so a stricter header would only
// disagree with the page. It never sends a page's path (which could say which
// language or which worry a family is reading about) to another site: at most
// the Trust's host name, which the other site learns anyway from a click.
//
// Permissions-Policy denies every powerful feature the site never uses. It
// leaves out interest-cohort: FLoC was withdrawn in 2022 and Chrome now logs
// "Unrecognized feature" for it on every page (browsing-topics replaced it).
var Headers = []Header{
	{"Content-Security-Policy", CSP},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"},
	// For browsers too old for CSP's frame-ancestors.
	{"X-Frame-Options", "DENY"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// Cache-Control values: files whose name carries a content hash never change
// under that name, so browsers may keep them a year without asking; everything
// else (pages above all) is revalidated on every visit, cheaply, with ETag and
// Last-Modified.
const (
	CacheImmutable  = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// hashedPattern matches a file name that carries a 64-hex content hash, as
// Hugo's fingerprint writes it: css/site.min.<sha256>.css. It is written in
// the regular-expression dialect nginx, Apache (both PCRE) and Go share.
const hashedPattern = `\.[0-9a-f]{64}\.[A-Za-z0-9]+$`

var hashedRE = regexp.MustCompile(hashedPattern)

// Hashed says whether the file at slash path p is a fingerprinted asset.
func Hashed(p string) bool { return hashedRE.MatchString(path.Base(p)) }

// CacheControl is the Cache-Control header for the file at slash path p.
func CacheControl(p string) string {
	if Hashed(p) {
		return CacheImmutable
	}
	return CacheRevalidate
}

// A MIMEType maps a file extension to the Content-Type every server sends.
// Text types carry charset=utf-8: every file the build writes is UTF-8.
type MIMEType struct {
	Ext, Type string
	Text      bool // compressible: gets .br and .gz copies
}

// MIMETypes are the types the site uses, the same on every server. Files with
// other extensions are served as application/octet-stream.
var MIMETypes = []MIMEType{
	{"html", "text/html; charset=utf-8", true},
	{"css", "text/css; charset=utf-8", true},
	{"js", "text/javascript; charset=utf-8", true},
	{"txt", "text/plain; charset=utf-8", true},
	{"json", "application/json", true},
	{"webmanifest", "application/manifest+json", true},
	{"svg", "image/svg+xml", true},
	{"xml", "application/xml", true},
	{"ico", "image/x-icon", false},
	{"png", "image/png", false},
	{"jpg", "image/jpeg", false},
	{"jpeg", "image/jpeg", false},
	{"gif", "image/gif", false},
	{"webp", "image/webp", false},
	{"avif", "image/avif", false},
	{"pdf", "application/pdf", false},
	{"woff2", "font/woff2", false},
}

// mediaType is t without parameters: "text/html" for "text/html; charset=utf-8".
func mediaType(t string) string {
	mt, _, _ := strings.Cut(t, ";")
	return strings.TrimSpace(mt)
}

// hasCharset says whether t carries a charset parameter.
func hasCharset(t string) bool { return strings.Contains(t, "charset=") }

// typeOf is the MIMEType of the file at slash path p, if the table has one.
func typeOf(p string) (MIMEType, bool) {
	ext := strings.TrimPrefix(path.Ext(p), ".")
	for _, m := range MIMETypes {
		if strings.EqualFold(m.Ext, ext) {
			return m, true
		}
	}
	return MIMEType{}, false
}

// compressible says whether the file at slash path p gets .br and .gz copies.
func compressible(p string) bool {
	m, ok := typeOf(p)
	return ok && m.Text
}

// textExts are the extensions of compressible files, in table order.
func textExts() []string {
	var exts []string
	for _, m := range MIMETypes {
		if m.Text {
			exts = append(exts, m.Ext)
		}
	}
	return exts
}

// acceptsBrotli is a PCRE pattern for an Accept-Encoding header that lists
// br without q=0 ("gzip, deflate, br, zstd"; not "br;q=0").
const acceptsBrotli = `(^|[\s,])br\s*($|,|;(?!\s*q\s*=\s*0(\.0*)?\s*($|,)))`

// acceptsGzip is the same for gzip (or its old name x-gzip).
const acceptsGzip = `(^|[\s,])(x-)?gzip\s*($|,|;(?!\s*q\s*=\s*0(\.0*)?\s*($|,)))`

// IIS's URL Rewrite has no look-ahead in every version, and the tests
// evaluate web.config's rules with Go's regexp, which has none, so IIS gets
// the same test written without one: br (or gzip) as a whole token, with
// no q or a q above 0 (q=0, q=0.0 and q=0.000 refuse it). IIS matches
// without regard to case.
const (
	qAccepted        = `(\s*;\s*q\s*=\s*(1(\.0*)?|0?\.[0-9]*[1-9][0-9]*))?\s*(,|$)`
	acceptsBrotliIIS = `(^|,)\s*br` + qAccepted
	acceptsGzipIIS   = `(^|,)\s*(x-)?gzip` + qAccepted
)
