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
	"regexp"
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
	if inCI() {
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

// TestNginx serves the packaged site with a real nginx, set up as DEPLOY.md
// says (its location block, with the package unpacked in a temporary folder
// instead of /srv/eso/), and holds it to the table of serverCases.
//
// The site is served twice, by two servers: one with DEPLOY.md's alias
// block, one with root (the site folder at <root>/trust/eso/), which
// DEPLOY.md offers instead. Both servers also have Debian's default
// "gzip on" and a regular-expression location for .css files, to show the
// snippet holds its own against both.
func TestNginx(t *testing.T) {
	nginx := findNginx(t)
	start := time.Now()
	dir, pkg, md := unpackForServer(t)
	site := filepath.Join(pkg, "site")
	www := filepath.Join(dir, "www")
	if err := os.MkdirAll(filepath.Join(www, "trust"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(site, filepath.Join(www, "trust", "eso")); err != nil {
		t.Fatal(err)
	}
	deployed := deployBlock(t, md, "nginx", "include ", pkg)
	aliasLine := regexp.MustCompile(`(?m)^ *alias ` + regexp.QuoteMeta(pkg+"/site/;") + "\n")
	if !aliasLine.MatchString(deployed) {
		t.Fatalf("DEPLOY.md's nginx block has no alias line for the site folder:\n%s", deployed)
	}
	rootBlock := aliasLine.ReplaceAllString(deployed, "")

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
%[3]s
    }
    server {
        listen 127.0.0.1:%[4]d;
        server_name root.test;
        root %[5]s;
        location ~ \.css$ { return 418; }
%[6]s
    }
}
`, dir, aliasPort, deployed, rootPort, www, rootBlock)
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
	// DEPLOY.md's "nginx -t", on the test's configuration.
	if out, err := exec.Command(nginx, append(args, "-t")...).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t rejects the configuration: %v\n%s\n%s", err, out, conf)
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
	checkDeploySums(t, md, site)
	askBoth(t, md, site, aliasPort, rootPort)
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
