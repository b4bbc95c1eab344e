package pack

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The server tests follow DEPLOY.md literally: they take its configuration
// blocks and commands from the packaged file, with only its example folders
// and address replaced by the test's own, so a step that stops working
// fails a test.

// deployExampleDir is the folder DEPLOY.md's examples unpack the package to.
const deployExampleDir = "/srv/eso/"

// inCI says whether CI=true, where a missing server fails instead of skips.
func inCI() bool {
	ci := os.Getenv("CI")
	return ci != "" && ci != "false" && ci != "0"
}

// deployBlock is the first ~~~lang block in DEPLOY.md that contains want,
// without its indentation, with the example folder replaced by pkg (the
// folder the package was unpacked to).
func deployBlock(t *testing.T, md, lang, want, pkg string) string {
	t.Helper()
	re := regexp.MustCompile("(?ms)^( *)~~~" + regexp.QuoteMeta(lang) + "\n(.*?)^ *~~~$")
	for _, m := range re.FindAllStringSubmatch(md, -1) {
		if !strings.Contains(m[2], want) {
			continue
		}
		var lines []string
		for _, l := range strings.Split(strings.TrimRight(m[2], "\n"), "\n") {
			lines = append(lines, strings.TrimPrefix(l, m[1]))
		}
		block := strings.Join(lines, "\n")
		if pkg != "" {
			block = strings.ReplaceAll(block, deployExampleDir, pkg+"/")
		}
		return block
	}
	t.Fatalf("DEPLOY.md has no ~~~%s block with %q", lang, want)
	return ""
}

// deployCommand is the first line of DEPLOY.md (in a block or between
// backticks) that starts with prefix.
func deployCommand(t *testing.T, md, prefix string) string {
	t.Helper()
	re := regexp.MustCompile("(?m)(?:^\\s*|`)(" + regexp.QuoteMeta(prefix) + "[^`\n]*)")
	m := re.FindStringSubmatch(md)
	if m == nil {
		t.Fatalf("DEPLOY.md has no command starting %q", prefix)
	}
	return strings.TrimSpace(m[1])
}

// checkDeploySums runs DEPLOY.md's checksum command in the unpacked site.
func checkDeploySums(t *testing.T, md, site string) {
	t.Helper()
	cmdline := deployCommand(t, md, "sha256sum --check")
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Logf("sha256sum is not installed; DEPLOY.md's check %q not run", cmdline)
		return
	}
	cmd := exec.Command("sh", "-c", cmdline)
	cmd.Dir = site
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "All files match.") {
		t.Errorf("DEPLOY.md's check %q in site/: %v\n%s", cmdline, err, out)
	}
}

// checkDeployCurl runs the curl commands of DEPLOY.md's "Check that it
// works" against the server at origin and checks what they show as the
// text says: 200 and the headers, then brotli, then 404.
func checkDeployCurl(t *testing.T, md, origin string) {
	t.Helper()
	if _, err := exec.LookPath("curl"); err != nil {
		t.Log("curl is not installed; DEPLOY.md's curl checks not run (the table has made the same requests)")
		return
	}
	block := deployBlock(t, md, "sh", "curl -sI", "")
	m := regexp.MustCompile(`https?://[^/\s]+`).FindString(block)
	if m == "" {
		t.Fatalf("DEPLOY.md's curl checks name no address:\n%s", block)
	}
	var outs []string
	for _, line := range strings.Split(block, "\n") {
		if !strings.HasPrefix(line, "curl ") {
			continue
		}
		cmdline := strings.ReplaceAll(line, m, origin)
		out, err := exec.Command("sh", "-c", cmdline).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", cmdline, err, out)
		}
		outs = append(outs, strings.ToLower(strings.ReplaceAll(string(out), "\r", "")))
	}
	if len(outs) != 3 {
		t.Fatalf("DEPLOY.md has %d curl checks, the text explains 3", len(outs))
	}
	wants := [][]string{{"http/1.1 200 ok", "content-type: text/html; charset=utf-8", "cache-control: " + CacheRevalidate}, {"content-encoding: br"}, {" 404 "}}
	for _, h := range Headers {
		wants[0] = append(wants[0], strings.ToLower(h.Name+": "+h.Value))
	}
	for i, ws := range wants {
		for _, w := range ws {
			if !strings.Contains(outs[i], w) {
				t.Errorf("DEPLOY.md's curl check %d does not show %q:\n%s", i+1, w, outs[i])
			}
		}
	}
}

// unpackForServer unzips the tests' package into a folder a server's
// worker (another user, when the tests run as root) can read, and returns
// the package folder and DEPLOY.md.
func unpackForServer(t *testing.T) (dir, pkg, md string) {
	t.Helper()
	data, _ := builtPackage(t)
	dir = t.TempDir()
	pkg = filepath.Join(dir, "pkg")
	unzipTo(t, data, pkg)
	// t.TempDir is private to the test user; the server must read through it.
	for _, d := range []string{filepath.Dir(dir), dir} {
		os.Chmod(d, 0o755)
	}
	b, err := os.ReadFile(filepath.Join(pkg, "DEPLOY.md"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, pkg, string(b)
}
