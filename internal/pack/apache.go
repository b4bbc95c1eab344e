package pack

import (
	"strings"
	"text/template"
)

// htaccess is the Apache 2.4 configuration, written into the site folder as
// .htaccess. It needs AllowOverride FileInfo Indexes for the folder (or All),
// and mod_rewrite, mod_headers and mod_mime, which a standard Apache has;
// each part is inside <IfModule> so a missing module loses that part only,
// never the whole site to a 500 error.
var htaccess = template.Must(template.New(".htaccess").Funcs(funcs).Parse(`# Apache configuration for the site at {{.BaseURL}}
# Written by esosite package. DEPLOY.md says how to use it.
# It needs "AllowOverride FileInfo Indexes" (or "All") for this folder.

DirectoryIndex index.html

<IfModule mod_mime.c>
    # Content types. Everything the build writes is UTF-8.
{{- range .Types}}
    AddType {{mediaType .Type}} .{{.Ext}}
{{- end}}
    AddCharset utf-8{{range .Types}}{{if hasCharset .Type}} .{{.Ext}}{{end}}{{end}}
    # name.html.br is name.html compressed with brotli, name.html.gz with gzip.
    # (Debian's Apache calls .br Breton and .gz a gzip file by default.)
    RemoveType .br .gz
    RemoveLanguage .br
    AddEncoding br .br
    AddEncoding gzip .gz
</IfModule>

<IfModule mod_rewrite.c>
    RewriteEngine On
    RewriteBase {{.Base}}
    # The server files are not part of the site. (Apache hides .htaccess
    # already, unless its main configuration has lost that rule.)
    RewriteRule "(^|/)(\.htaccess|web\.config)$" - [R=404,L]
    # A compressed copy asked for by its own name is not a page. The rules
    # below reach the copies by an internal redirect, which sets
    # REDIRECT_STATUS, so only the address a browser sent is refused.
    RewriteCond "%{ENV:REDIRECT_STATUS}" "^$"
    RewriteRule "\.(br|gz)$" - [R=404,L]
    # A folder without an index.html is not listed, even where the main
    # configuration has "Options Indexes" (Debian's has, for /var/www).
    # (Without its final slash the address is first sent to the one with
    # it, by mod_dir, as nginx does.)
    RewriteCond "%{REQUEST_URI}" "/$"
    RewriteCond "%{REQUEST_FILENAME}" -d
    RewriteCond "%{REQUEST_FILENAME}index.html" !-f
    RewriteRule "^" - [R=404,L]
    # Send the compressed copies in the package to browsers that accept them.
    # A folder address (en/) is served by its index.html.
    RewriteCond "%{HTTP:Accept-Encoding}" "{{.AcceptsBrotli}}"
    RewriteCond "%{REQUEST_FILENAME}" "/$"
    RewriteCond "%{REQUEST_FILENAME}index.html.br" -f
    RewriteRule "^(.*)$" "$1index.html.br" [L]
    RewriteCond "%{HTTP:Accept-Encoding}" "{{.AcceptsBrotli}}"
    RewriteCond "%{REQUEST_FILENAME}.br" -f
    RewriteRule "^(.+)$" "$1.br" [L]
    RewriteCond "%{HTTP:Accept-Encoding}" "{{.AcceptsGzip}}"
    RewriteCond "%{REQUEST_FILENAME}" "/$"
    RewriteCond "%{REQUEST_FILENAME}index.html.gz" -f
    RewriteRule "^(.*)$" "$1index.html.gz" [L]
    RewriteCond "%{HTTP:Accept-Encoding}" "{{.AcceptsGzip}}"
    RewriteCond "%{REQUEST_FILENAME}.gz" -f
    RewriteRule "^(.+)$" "$1.gz" [L]
</IfModule>

# Nothing is compressed on the fly (Debian turns mod_deflate on): the
# copies are compressed already, and a file without one is a file that
# compression would not make smaller.
<IfModule mod_env.c>
    SetEnv no-gzip 1
    SetEnv no-brotli 1
</IfModule>

<IfModule mod_headers.c>
    # Headers on every response.
{{- range .Headers}}
    Header always set {{.Name}} "{{.Value}}"
{{- end}}
    Header always merge Vary Accept-Encoding
    # Caching: files whose name carries a content hash never change;
    # everything else, pages above all, is checked again on every visit.
    Header set Cache-Control "{{.CacheRevalidate}}"
    <FilesMatch "{{trimSuffix .HashedPattern "$"}}(\.br|\.gz)?$">
        Header set Cache-Control "{{.CacheImmutable}}"
    </FilesMatch>
</IfModule>

# Not found: the 404 page in the language of the address asked for. A
# compressed copy asked for by name gets the root one, as the server files do.
ErrorDocument 404 {{.NotFound}}
{{- range .Languages}}
<If "%{REQUEST_URI} =~ m#^{{$.BaseRE}}{{.}}/# && %{REQUEST_URI} !~ m#\.(br|gz)$#">
    ErrorDocument 404 {{$.Base}}{{.}}/404.html
</If>
{{- end}}
`))

var funcs = template.FuncMap{
	"mediaType":  mediaType,
	"hasCharset": hasCharset,
	"join":       strings.Join,
	"trimSuffix": strings.TrimSuffix,
	// backslashes turns a URL path into a Windows one: /a/b/ → \a\b\.
	"backslashes": func(s string) string { return strings.ReplaceAll(s, "/", `\`) },
}

// apacheText renders the .htaccess file for the site.
func apacheText(d serverData) string {
	var b strings.Builder
	if err := htaccess.Execute(&b, d); err != nil {
		panic(err) // the template and its data are ours
	}
	return b.String()
}
