package pack

import (
	"net/url"
	"strings"
	"text/template"
)

// deployMD is DEPLOY.md, the steps for a Trust's web team. Go raw strings
// cannot hold a backtick, so the template writes ‹code› for `code`.
var deployMD = template.Must(template.New("DEPLOY.md").Funcs(funcs).Parse(strings.NewReplacer("‹", "`", "›", "`").Replace(`# Putting the site on your web server

This package holds the website built to be served at **{{.BaseURL}}**.
That address is written into every page. If it is not where the site will
live, make the package again with the right one:
‹esosite package --baseURL https://your-trust.nhs.uk/your/path/›.

## What is in the package

- ‹site/›: the website. Upload **everything** in it, hidden files included,
  to the folder your server serves at ‹{{.Base}}›. Besides the pages it holds:
  - ‹name.br› and ‹name.gz› beside each page, stylesheet and text file: the
    same file compressed in advance (brotli and gzip). nginx, Apache and IIS
    send them to browsers that accept them, so pages load faster on a phone;
  - ‹.htaccess›: the settings for Apache;
  - ‹web.config›: the settings for IIS.

  Each server ignores or hides the other servers' files, so keep them all.
- ‹nginx.conf›: the settings for nginx. It goes **outside** the site folder.
- ‹SHA256SUMS›: a checksum of every file in ‹site/›, to check your copy.
- ‹DEPLOY.md›: this file.

The dates of the files in the zip are not real dates: each is worked out
from the file's content, so the same site always gives the same zip, and a
file's date changes whenever its content does (servers tell browsers from
the date and size whether a page has changed). Keep them when you unpack.

## What the settings do

Every server's settings do the same things:

- send these headers with every response:

  | Header | Value |
  |---|---|
{{- range .Headers}}
  | {{.Name}} | ‹{{.Value}}› |
{{- end}}

- ‹Cache-Control: {{.CacheRevalidate}}› on pages, so a browser always checks
  for a newer version, and ‹Cache-Control: {{.CacheImmutable}}›
  on files whose name carries a long code (‹css/site.min.<code>.css›): a new
  version of such a file always gets a new name;
- send the right content type for each kind of file, with ‹charset=utf-8›
  on text;
- answer an address that does not exist with status 404 and the site's own
  "page not found" page, in the language of the address asked for;
- send the compressed copies to browsers that accept them, with
  ‹Vary: Accept-Encoding›, and never compress anything on the fly;
- answer 404 for a folder that has no ‹index.html› (no folder listings), for
  the server files and for a compressed copy asked for by its own name.

The site sets no cookies and loads nothing from any other site. It does not
set ‹Strict-Transport-Security›: set that for the whole host, as you do for
your other sites.

## 1. Check the package

Unpack it and check every file against ‹SHA256SUMS›.

On Linux or macOS:

~~~sh
unzip esosite-site.zip -d esosite
cd esosite/site
sha256sum --check --quiet ../SHA256SUMS && echo "All files match."
~~~

(On macOS use ‹shasum -a 256 --check --quiet ../SHA256SUMS›.)

On Windows, in PowerShell:

~~~powershell
Expand-Archive esosite-site.zip -DestinationPath esosite
cd esosite\site
$bad = 0
Get-Content ..\SHA256SUMS | ForEach-Object {
    $expected, $file = $_ -split '  ', 2
    if (-not (Test-Path -LiteralPath $file)) { "MISSING:   $file"; $bad++; return }
    $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash
    if ($actual -ne $expected) { "DIFFERENT: $file"; $bad++ }
}
if ($bad -eq 0) { "All files match." } else { "$bad files do not match." }
~~~

Run the same check again in the folder on the server after you upload, to
be sure the copy arrived whole.

## 2. Upload and set up your server

### nginx

1. Copy the ‹site› folder to the server, e.g. to ‹/srv/eso/site/›, and
   ‹nginx.conf› beside it, to ‹/srv/eso/nginx.conf›. The user nginx runs as
   (‹www-data› on Debian and Ubuntu) must be able to read them.
2. In the ‹server› block for your host name, add:

   ~~~nginx
   location ^~ {{.Base}} {
       alias /srv/eso/site/;
       include /srv/eso/nginx.conf;
   }
{{- if ne .Base "/"}}
   location = {{trimSuffix .Base "/"}} {
       return 301 {{.Base}};
   }
{{- end}}
   ~~~

   Keep the ‹/› at the end of both the location and the alias. The ‹^~›
   keeps other rules in your server (for example one that caches every
   ‹.css› file) from taking the site's files.{{if ne .Base "/"}} Instead of ‹alias› you may use
   ‹root /srv/www;› with the site folder at ‹/srv/www{{trimSuffix .Base "/"}}›.{{end}}
3. Test the settings and reload: ‹sudo nginx -t && sudo systemctl reload nginx›.

This needs nginx's ‹gzip_static› module, which Debian's and Ubuntu's nginx
packages (nginx-light included) and the nginx.org packages all have; check
with ‹nginx -V 2>&1 | grep -o http_gzip_static_module›. No brotli module is
needed: ‹nginx.conf› sends the ‹.br› files itself.

### Apache (2.4)

1. Copy everything in ‹site› (with the hidden ‹.htaccess›) to the folder
   served at ‹{{.Base}}›, e.g. ‹/var/www/html{{trimSuffix .Base "/"}}/›, or
   to a folder of its own, e.g. ‹/srv/eso/site/›, with
   ‹Alias {{.Base}} /srv/eso/site/› in your virtual host{{if ne .Base "/"}} (and
   ‹RedirectMatch 301 ^{{trimSuffix .Base "/"}}$ {{.Base}}›, so the address
   without its final ‹/› works too){{end}}.
2. Let the ‹.htaccess› file work in that folder:

   ~~~apache
   <Directory /srv/eso/site>
       AllowOverride FileInfo Indexes
       Require all granted
   </Directory>
   ~~~

3. Turn on the modules it uses, test and reload:
   ‹sudo a2enmod headers rewrite mime && sudo apachectl configtest && sudo systemctl reload apache2›
   (on Red Hat systems the modules are on already; reload with ‹sudo systemctl reload httpd›).

‹.htaccess› sends the ‹.br› and ‹.gz› copies itself and turns off Apache's
own compression (mod_deflate) for the site: no brotli module is needed. It
answers 404 for a folder without an ‹index.html›, even where your server
allows folder listings (Debian's does, for ‹/var/www›).

If you would rather not use ‹.htaccess› files, copy its contents into the
‹<Directory>› block above and set ‹AllowOverride None›.

### IIS (Windows Server 2016 or later)

1. Copy everything in ‹site› to the folder behind ‹{{.Base}}›, e.g.
   ‹C:\inetpub\wwwroot{{backslashes .Base}}›, or make that address a virtual
   directory pointing at the folder. ‹web.config› must be in that folder.
2. Install Microsoft's **URL Rewrite** module (version 2.0 or later, free
   from Microsoft's IIS site) on the server, once. ‹web.config›'s rewrite
   rules use it to send the ‹.br› and ‹.gz› copies to browsers that accept
   them, with the right ‹Content-Type›, ‹Content-Encoding› and
   ‹Vary: Accept-Encoding›, as nginx and Apache do; IIS's own compression
   is turned off for the site, as it is not needed. Without the module IIS
   answers every address of the site with error 500.19 ("the related
   configuration data for the page is invalid").

   If you cannot install it: delete everything from ‹<rewrite>› to
   ‹</rewrite>› in ‹web.config›, change ‹doStaticCompression="false"› to
   ‹"true"›, and turn on static compression
   (‹Install-WindowsFeature Web-Stat-Compression› in PowerShell as an
   administrator). IIS then compresses pages itself (gzip only) and leaves
   the ‹.br› and ‹.gz› files unused.
3. ‹web.config› sets the headers, content types, caching and 404 pages. If
   IIS answers with error 500.19 "This configuration section cannot be used
   at this path", your server locks one of those sections; an administrator
   can unlock it, e.g.
   ‹%windir%\system32\inetsrv\appcmd unlock config -section:system.webServer/httpErrors›.

## 3. Check that it works

Open {{.ExampleURL}} in a browser. Then, from any computer:

~~~sh
curl -sI {{.ExampleURL}}
curl -sI -H 'Accept-Encoding: br' {{.ExampleURL}}
curl -sI {{.ExampleURL}}no-such-page/
~~~

- The first shows ‹HTTP/1.1 200 OK› (or ‹HTTP/2 200›),
  ‹Content-Type: text/html; charset=utf-8›, ‹Cache-Control: {{.CacheRevalidate}}›
  and every header in the table above.
- The second shows ‹Content-Encoding: br› (on IIS, once URL Rewrite is
  installed; without it, ask with ‹Accept-Encoding: gzip› to see IIS's own
  gzip).
- The third shows status 404.

In PowerShell: ‹(Invoke-WebRequest -UseBasicParsing {{.ExampleURL}}).Headers›.

In the browser's developer tools (F12), the Console should show no message
about a Content Security Policy.

## Updating the site

Each new package is complete. The simplest safe way: upload the new ‹site›
folder next to the old one (e.g. ‹/srv/eso/site-new/›), check it against the
new ‹SHA256SUMS›, then point the server at it (or swap the folder names) and
reload. Keep the old folder until you are happy, to switch back at once.
`)))

// ExampleURL is the address of the default language's home page, to try
// after upload.
func (d serverData) ExampleURL() string {
	u, err := url.Parse(d.BaseURL)
	if err != nil || u.Host == "" {
		return "https://your-server.example" + d.ExamplePage
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: d.ExamplePage}).String()
}

// deployText renders DEPLOY.md for the site.
func deployText(d serverData) string {
	var b strings.Builder
	if err := deployMD.Execute(&b, d); err != nil {
		panic(err) // the template and its data are ours
	}
	return b.String()
}
