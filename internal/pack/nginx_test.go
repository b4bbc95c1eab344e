package pack

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// findNginx finds the nginx binary. In CI (CI=true) a missing nginx fails the
// test: scripts/test installs Debian's nginx-light, so it must be there.
func findNginx(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
		t.Fatal("nginx is not installed, and CI is set, so this test may not be skipped; install it with: apt-get install -y nginx-light (scripts/test does)")
	}
	t.Skip("nginx is not installed; install it with `apt-get install -y nginx-light`, or run scripts/test, which does")
	return ""
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestNginx serves the packaged built-in site with a real nginx, including
// nginx.conf the way DEPLOY.md says, and checks every response: headers,
// content types, caching, brotli and gzip copies, and 404 pages.
//
// The site is served twice, by two servers: one with alias (the site folder
// anywhere), one with root (the site folder at <root>/trust/eso/). Both
// servers also have Debian's default "gzip on" and a regular-expression
// location for .css files, to show the snippet holds its own against both.
func TestNginx(t *testing.T) {
	nginx := findNginx(t)
	start := time.Now()
	data, _ := builtPackage(t)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "pkg")
	unzipTo(t, data, pkg)
	site := filepath.Join(pkg, "site")
	www := filepath.Join(dir, "www")
	if err := os.MkdirAll(filepath.Join(www, "trust"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(site, filepath.Join(www, "trust", "eso")); err != nil {
		t.Fatal(err)
	}
	// t.TempDir is private to the test user; nginx must read through it.
	for _, d := range []string{filepath.Dir(dir), dir} {
		os.Chmod(d, 0o755)
	}

	aliasPort, rootPort := freePort(t), freePort(t)
	conf := fmt.Sprintf(`daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path %[1]s/tmp/body;
    proxy_temp_path %[1]s/tmp/proxy;
    fastcgi_temp_path %[1]s/tmp/fastcgi;
    uwsgi_temp_path %[1]s/tmp/uwsgi;
    scgi_temp_path %[1]s/tmp/scgi;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    gzip on;
    gzip_types text/css application/xml image/svg+xml text/plain;
    server {
        listen 127.0.0.1:%[2]d;
        server_name alias.test;
        location ~ \.css$ { return 418; }
        location ^~ /trust/eso/ {
            alias %[3]s/;
            include %[4]s;
        }
    }
    server {
        listen 127.0.0.1:%[5]d;
        server_name root.test;
        root %[6]s;
        location ~ \.css$ { return 418; }
        location ^~ /trust/eso/ {
            include %[4]s;
        }
    }
}
`, dir, aliasPort, site, filepath.Join(pkg, "nginx.conf"), rootPort, www)
	if _, err := os.Stat("/etc/nginx/mime.types"); err != nil {
		conf = strings.Replace(conf, "    include /etc/nginx/mime.types;\n", "", 1)
	}
	confPath := filepath.Join(dir, "nginx-test.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-p", dir + "/", "-c", confPath, "-e", filepath.Join(dir, "error.log")}
	if out, err := exec.Command(nginx, append(args, "-t")...).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t rejects the configuration: %v\n%s", err, out)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(nginx, args...)
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("nginx output:\n%s\nerror.log:\n%s", stderr.String(), log)
		}
	})
	for _, port := range []int{aliasPort, rootPort} {
		waitForPort(t, port)
	}

	for _, srv := range []struct {
		name string
		port int
	}{{"alias", aliasPort}, {"root", rootPort}} {
		t.Run(srv.name, func(t *testing.T) {
			checkServer(t, fmt.Sprintf("http://127.0.0.1:%d", srv.port), site)
		})
	}
	t.Logf("nginx served and checked the package in %v", time.Since(start).Round(time.Millisecond))
}

func waitForPort(t *testing.T, port int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not start listening on port %d: %v", port, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// client sends exactly the Accept-Encoding it is given and never
// decompresses, so the test sees what a browser would receive.
var client = &http.Client{
	Transport: &http.Transport{DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
	Timeout: 10 * time.Second,
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, url, acceptEncoding string) response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, body}
}

// wantHeaders checks the security headers, Vary and Cache-Control.
func wantHeaders(t *testing.T, what string, r response, cacheControl string) {
	t.Helper()
	for _, h := range Headers {
		if got := r.header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
			t.Errorf("%s: %s is %q, want %q", what, h.Name, got, h.Value)
		}
	}
	if got := r.header.Values("Cache-Control"); len(got) != 1 || got[0] != cacheControl {
		t.Errorf("%s: Cache-Control is %q, want %q", what, got, cacheControl)
	}
	if got := r.header.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
		t.Errorf("%s: Vary is %q, want Accept-Encoding", what, got)
	}
}

func wantType(t *testing.T, what string, r response, file string) {
	t.Helper()
	want := "application/octet-stream"
	if m, ok := typeOf(file); ok {
		want = m.Type
	}
	if got := r.header.Get("Content-Type"); got != want {
		t.Errorf("%s: Content-Type is %q, want %q", what, got, want)
	}
}

func checkServer(t *testing.T, origin, site string) {
	const base = "/trust/eso/"
	listed, err := os.ReadFile(filepath.Join(site, "..", "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(rel string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	exists := func(rel string) bool {
		_, err := os.Stat(filepath.Join(site, filepath.FromSlash(rel)))
		return err == nil
	}
	files := sortedKeys(sums(t, listed))
	pages, brChecked, gzChecked := 0, 0, 0
	for _, rel := range files {
		if strings.HasSuffix(rel, ".br") || strings.HasSuffix(rel, ".gz") || rel == ".htaccess" || rel == "web.config" {
			continue
		}
		want := read(rel)
		urls := []string{base + rel}
		if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
			urls = append(urls, base+strings.TrimSuffix(rel, "index.html"))
			pages++
		}
		for _, u := range urls {
			// No Accept-Encoding: the file itself.
			r := get(t, origin+u, "")
			if r.status != 200 || !bytes.Equal(r.body, want) {
				t.Errorf("GET %s: status %d, %d bytes; want 200 and %s (%d bytes)", u, r.status, len(r.body), rel, len(want))
				continue
			}
			if strings.HasSuffix(rel, ".html") && !bytes.Contains(r.body, []byte(testTrustName)) {
				t.Errorf("GET %s: the page does not show the Trust's name %q", u, testTrustName)
			}
			if ce := r.header.Get("Content-Encoding"); ce != "" {
				t.Errorf("GET %s without Accept-Encoding: Content-Encoding %q", u, ce)
			}
			wantHeaders(t, "GET "+u, r, CacheControl(rel))
			wantType(t, "GET "+u, r, rel)

			// Brotli, when the package has a .br copy.
			r = get(t, origin+u, "gzip, deflate, br, zstd")
			if exists(rel + ".br") {
				brChecked++
				if r.status != 200 || r.header.Get("Content-Encoding") != "br" || !bytes.Equal(unbrotli(t, r.body), want) {
					t.Errorf("GET %s with br: status %d, Content-Encoding %q; want 200, br, and the file", u, r.status, r.header.Get("Content-Encoding"))
				}
			} else if r.status != 200 || r.header.Get("Content-Encoding") != "" || !bytes.Equal(r.body, want) {
				t.Errorf("GET %s with br (no .br copy): status %d, Content-Encoding %q; want the file as it is", u, r.status, r.header.Get("Content-Encoding"))
			}
			wantHeaders(t, "GET "+u+" (br)", r, CacheControl(rel))
			wantType(t, "GET "+u+" (br)", r, rel)

			// gzip, and br refused with q=0.
			r = get(t, origin+u, "br;q=0, gzip")
			if exists(rel + ".gz") {
				gzChecked++
				if r.status != 200 || r.header.Get("Content-Encoding") != "gzip" || !bytes.Equal(ungzip(t, r.body), want) {
					t.Errorf("GET %s with gzip: status %d, Content-Encoding %q; want 200, gzip, and the file", u, r.status, r.header.Get("Content-Encoding"))
				}
			} else if r.status != 200 || r.header.Get("Content-Encoding") != "" || !bytes.Equal(r.body, want) {
				t.Errorf("GET %s with gzip (no .gz copy): status %d, Content-Encoding %q; want the file as it is", u, r.status, r.header.Get("Content-Encoding"))
			}
			wantHeaders(t, "GET "+u+" (gzip)", r, CacheControl(rel))
			wantType(t, "GET "+u+" (gzip)", r, rel)
		}
	}
	if pages == 0 || brChecked == 0 || gzChecked == 0 {
		t.Fatalf("checked %d pages, %d brotli and %d gzip responses; the package looks empty", pages, brChecked, gzChecked)
	}
	t.Logf("%s: %d files (%d pages), %d brotli and %d gzip responses", origin, len(files), pages, brChecked, gzChecked)

	// Specific content types.
	for rel, want := range map[string]string{"index.html": "text/html; charset=utf-8", "sitemap.xml": "application/xml", "robots.txt": "text/plain; charset=utf-8"} {
		if r := get(t, origin+base+rel, ""); r.header.Get("Content-Type") != want {
			t.Errorf("%s: Content-Type %q, want %q", rel, r.header.Get("Content-Type"), want)
		}
	}
	for _, rel := range files {
		if strings.HasSuffix(rel, ".svg") {
			if r := get(t, origin+base+rel, "br"); r.header.Get("Content-Type") != "image/svg+xml" {
				t.Errorf("%s: Content-Type %q, want image/svg+xml", rel, r.header.Get("Content-Type"))
			}
		}
		if strings.HasSuffix(rel, ".css") {
			if r := get(t, origin+base+rel, "br"); r.header.Get("Content-Type") != "text/css; charset=utf-8" {
				t.Errorf("%s: Content-Type %q, want text/css; charset=utf-8", rel, r.header.Get("Content-Type"))
			}
		}
	}

	// Not found under a language folder: that language's own 404 page.
	langs := 0
	for _, rel := range files {
		lang, ok := strings.CutSuffix(rel, "/404.html")
		if !ok || strings.Contains(lang, "/") {
			continue
		}
		langs++
		u := base + lang + "/no-such-page/"
		if r := get(t, origin+u, ""); r.status != 404 || !bytes.Equal(r.body, read(rel)) {
			t.Errorf("GET %s: status %d; want 404 and %s", u, r.status, rel)
		}
	}
	if langs == 0 {
		t.Error("the site has no LANGUAGE/404.html")
	}

	// Not found: the 404 page, in every encoding, never cached for a year.
	// Under a language folder it is that language's page; elsewhere the
	// root 404.html, which lists every language.
	for _, u := range []string{base + "en/no-such-page/", base + "no-such-page", base + "en/no/such/file.css",
		base + "css/site.min." + strings.Repeat("0", 64) + ".css", base + ".htaccess", base + "web.config", base + "en/index.html.br"} {
		// A compressed copy asked for by name is not part of the site, so it
		// gets the root 404 page like the server files.
		want := "404.html"
		if strings.HasPrefix(u, base+"en/") && !strings.HasSuffix(u, ".br") {
			want = "en/404.html"
		}
		notFound := read(want)
		for _, enc := range []string{"", "gzip", "br"} {
			r := get(t, origin+u, enc)
			body := r.body
			switch r.header.Get("Content-Encoding") {
			case "br":
				body = unbrotli(t, body)
			case "gzip":
				body = ungzip(t, body)
			}
			if r.status != 404 || !bytes.Equal(body, notFound) {
				t.Errorf("GET %s (Accept-Encoding %q): status %d, %d bytes; want 404 and %s", u, enc, r.status, len(body), want)
				continue
			}
			if enc != "" && r.header.Get("Content-Encoding") != enc {
				t.Errorf("GET %s (Accept-Encoding %q): the 404 page came with Content-Encoding %q", u, enc, r.header.Get("Content-Encoding"))
			}
			wantHeaders(t, "GET "+u+" (404)", r, CacheRevalidate)
			wantType(t, "GET "+u+" (404)", r, "404.html")
		}
	}
}
