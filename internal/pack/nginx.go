package pack

import (
	"strings"
	"text/template"
)

// nginxConf is the snippet a Trust includes inside the location that serves
// the site. It works with alias or root, needs only the modules in every
// Debian/Ubuntu and nginx.org package (gzip_static for .gz; the .br files are
// served by rewrite rules, as stock nginx has no brotli module), and never
// compresses anything on the fly.
//
// Why it looks the way it does:
//   - Everything lives inside the one location, so the Trust adds two lines
//     to its server and nothing at http level (a map would need that).
//   - Its `if` blocks only `set` variables or `rewrite ... last`, the uses
//     nginx documents as safe; there is no try_files, which `if` disables.
//   - The .br copy is reached by an internal rewrite to file.br, answered by
//     a nested location per content type: nginx takes a response's type from
//     the file's last extension, which would be .br.
//   - add_header in a nested location replaces the outer list, so each nested
//     location repeats every header.
var nginxConf = template.Must(template.New("nginx.conf").Funcs(funcs).Parse(`# nginx configuration for the site at {{.BaseURL}}
# Written by esosite package. DEPLOY.md says how to use it.
#
# Include this file inside the location that serves the site:
#
#     location ^~ {{.Base}} {
#         alias /srv/eso/site/;
#         include /srv/eso/nginx.conf;
#     }
#
# (or "root /srv/www;" with the site folder at /srv/www{{.Base}}). "^~" stops
# regular-expression locations elsewhere in the server, such as one that sets
# caching for all .css files, from taking the site's files away from this one.

index index.html;

# Content types. Everything the build writes is UTF-8.
types {
{{- range .Types}}
    {{mediaType .Type}} {{.Ext}};
{{- end}}
}
default_type application/octet-stream;
charset utf-8;
charset_types{{range .Types}}{{if hasCharset .Type}} {{mediaType .Type}}{{end}}{{end}};

# Compression: send the copies in the package (name.gz here, name.br below)
# to browsers that accept them, and never compress on the fly.
gzip off;
gzip_static on;
gzip_proxied any;
gzip_vary off;

# Caching: files whose name carries a content hash never change; everything
# else, pages above all, is checked again on every visit.
set $eso_cache "{{.CacheRevalidate}}";
if ($uri ~ "{{.HashedPattern}}") {
    set $eso_cache "{{.CacheImmutable}}";
}

# Headers on every response.
{{- template "headers" .}}

# Not found: the 404 page in the language of the address asked for.
set $eso_404 "{{.NotFound}}";
{{- if .Languages}}
if ($uri ~ "^{{.BaseRE}}({{join .Languages "|"}})/") {
    set $eso_404 "{{.Base}}$1/404.html";
}
{{- end}}
error_page 404 $eso_404;

# Brotli: a browser that accepts br gets name.br, when the package has one.
set $eso_file "$request_filename";
set $eso_folder "";
if ($uri ~ "/$") {
    set $eso_file "${request_filename}index.html";
    set $eso_folder "folder";
}
# A folder without an index.html is not found (nginx would answer 403).
if (!-f "$eso_file") {
    set $eso_folder "${eso_folder}+noindex";
}
if ($eso_folder = "folder+noindex") {
    return 404;
}
set $eso_br "";
if ($http_accept_encoding ~* "{{.AcceptsBrotli}}") {
    set $eso_br "accepted";
}
if (-f "${eso_file}.br") {
    set $eso_br "${eso_br}+exists";
}
if ($eso_br = "accepted+exists") {
    rewrite "^(.*/)$" "$1index.html.br" last;
    rewrite "^(.*)$" "$1.br" last;
}
{{range .TextTypes}}
location ~ "\.{{.Ext}}\.br$" {
    internal;
    types { }
    default_type {{mediaType .Type}};
    gzip_static off;
    error_page 404 {{$.NotFound}};
    add_header Content-Encoding br always;
{{- template "headers" $}}
}
{{end}}
# Server files for Apache and IIS are not part of the site, nor is a .gz
# copy asked for by name (gzip_static sends it without a request for it; a
# .br copy asked for by name meets "internal" above).
location ~ "(/(\.htaccess|web\.config)|\.gz)$" {
    error_page 404 {{.NotFound}};
    return 404;
}
{{define "headers"}}
{{- range .Headers}}
    {{- "\n"}}add_header {{.Name}} "{{.Value}}" always;
{{- end}}
add_header Cache-Control $eso_cache always;
add_header Vary Accept-Encoding always;
{{- end}}`))

// nginxText renders the nginx snippet for the site.
func nginxText(d serverData) string {
	var b strings.Builder
	if err := nginxConf.Execute(&b, d); err != nil {
		panic(err) // the template and its data are ours
	}
	return indentBlocks(b.String())
}

// indentBlocks indents every line by its depth in { } blocks, so the header
// lines the template shares between blocks line up. A block opens at a line
// ending in "{" and closes at a line starting with "}"; braces inside a line,
// as in a regular expression's {64}, do not count.
func indentBlocks(s string) string {
	lines := strings.Split(s, "\n")
	depth := 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "}") && depth > 0 {
			depth--
		}
		if t != "" {
			lines[i] = strings.Repeat("    ", depth) + t
		} else {
			lines[i] = ""
		}
		if strings.HasSuffix(t, "{") && !strings.HasPrefix(t, "#") {
			depth++
		}
	}
	return strings.Join(lines, "\n")
}
