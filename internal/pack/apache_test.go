package pack

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	osuser "os/user"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// apacheModules are the modules the test server loads: those a stock
// Debian Apache has on (mime, dir, alias, authz_core, env, filter and
// deflate, autoindex) plus those DEPLOY.md says to turn on (headers,
// rewrite). deflate and autoindex are there to show the .htaccess holds
// its own against on-the-fly compression and folder listings.
var apacheModules = []string{"mpm_event", "authz_core", "dir", "mime", "alias", "env", "filter", "deflate", "autoindex", "headers", "rewrite"}

// findApache finds Apache and its modules folder. In CI (CI=true) a missing
// Apache fails the test: scripts/test installs Debian's apache2.
func findApache(t *testing.T) (bin, modules string) {
	t.Helper()
	for _, c := range []struct{ bin, modules string }{
		{"/usr/sbin/apache2", "/usr/lib/apache2/modules"},
		{"/usr/sbin/httpd", "/usr/lib64/httpd/modules"},
		{"/usr/sbin/httpd", "/usr/lib/httpd/modules"},
	} {
		if _, err := os.Stat(c.bin); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(c.modules, "mod_rewrite.so")); err == nil {
			return c.bin, c.modules
		}
	}
	if inCI() {
		t.Fatal("Apache is not installed, and CI is set, so this test may not be skipped; install it with: apt-get install -y apache2 (scripts/test does)")
	}
	t.Skip("Apache is not installed; install it with `apt-get install -y apache2`, or run scripts/test, which does")
	return "", ""
}

// TestApache serves the packaged site with a real Apache 2.4, set up as
// DEPLOY.md says: its <Directory> block (AllowOverride FileInfo Indexes) so
// the shipped .htaccess does the work, under the sub-path, and holds it to
// the same table of serverCases as nginx.
//
// Two virtual hosts, as DEPLOY.md offers: one with DEPLOY.md's Alias to a
// folder of its own, one with the site inside the document root, where
// Debian's main configuration has "Options Indexes". Both have Debian's
// default on-the-fly compression (mod_deflate) on. Debian's rule that
// denies ^\.ht files (403) is left out, so the 404 the table wants for
// .htaccess comes from the .htaccess's own rule, which is what is tested.
func TestApache(t *testing.T) {
	apache, modules := findApache(t)
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

	directory := deployBlock(t, md, "apache", "AllowOverride", pkg)
	if !strings.Contains(directory, "<Directory "+pkg+"/site>") {
		t.Fatalf("DEPLOY.md's Apache block is not for the site folder:\n%s", directory)
	}
	alias := deployCommand(t, md, "Alias ")
	if alias != "Alias "+testBase+" "+deployExampleDir+"site/" {
		t.Fatalf("DEPLOY.md's Alias line is %q", alias)
	}
	alias = strings.ReplaceAll(alias, deployExampleDir, pkg+"/")
	// The same <Directory> block for the site inside the document root.
	inRoot := strings.Replace(directory, "<Directory "+pkg+"/site>", "<Directory "+www+testBase+">", 1)
	redirect := deployCommand(t, md, "RedirectMatch ")

	aliasPort, rootPort := freePort(t), freePort(t)
	var load strings.Builder
	for _, m := range apacheModules {
		fmt.Fprintf(&load, "LoadModule %s_module %s/mod_%s.so\n", m, modules, m)
	}
	mimeTypes := ""
	if _, err := os.Stat("/etc/mime.types"); err == nil {
		mimeTypes = "TypesConfig /etc/mime.types"
	}
	// Run as root (as in a container), Apache's workers switch to User, as
	// on a real server; the package folder is readable by anyone.
	user := ""
	if os.Getuid() == 0 {
		if u, err := osuser.Lookup("nobody"); err == nil {
			user = "User #" + u.Uid + "\nGroup #" + u.Gid
		}
	}
	conf := fmt.Sprintf(`# A minimal Apache for the test, with Debian's defaults where they matter.
%[11]s
ServerRoot %[1]s
ServerName localhost
PidFile %[1]s/httpd.pid
ErrorLog %[1]s/error.log
LogLevel warn
Listen 127.0.0.1:%[2]d
Listen 127.0.0.1:%[3]d
%[4]s
%[5]s
AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css text/javascript application/javascript application/json application/xml image/svg+xml
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<VirtualHost 127.0.0.1:%[2]d>
    DocumentRoot %[1]s/empty
    %[6]s
    %[7]s
%[8]s
</VirtualHost>
<VirtualHost 127.0.0.1:%[3]d>
    DocumentRoot %[9]s
    <Directory %[9]s>
        Options Indexes FollowSymLinks
        AllowOverride None
        Require all granted
    </Directory>
%[10]s
</VirtualHost>
`, dir, aliasPort, rootPort, load.String(), mimeTypes, alias, redirect, directory, www, inRoot, user)
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	confPath := filepath.Join(dir, "apache-test.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	// DEPLOY.md's "apachectl configtest", on the test's configuration.
	if out, err := exec.Command(apache, "-f", confPath, "-t").CombinedOutput(); err != nil {
		t.Fatalf("apache -t rejects the configuration: %v\n%s\n%s", err, out, conf)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(apache, "-f", confPath, "-DFOREGROUND")
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// SIGTERM: Apache stops its workers, then itself.
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("apache output:\n%s\nerror.log:\n%s", stderr.String(), log)
		}
	})
	askBoth(t, md, site, aliasPort, rootPort)
	if log, _ := os.ReadFile(filepath.Join(dir, "error.log")); regexp.MustCompile(`\[(\w+:)?(error|crit|alert|emerg)\]`).Match(log) && !t.Failed() {
		t.Errorf("Apache logged errors while serving the package:\n%s", log)
	}
	t.Logf("Apache served and checked the package in %v", time.Since(start).Round(time.Millisecond))
}
