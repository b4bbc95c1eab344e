// Package testsite gives tests a built site without building it again: the
// first test (in any package of a `go test ./...` run) that asks for a site
// builds it into a shared cache folder, and every later one reuses it. The
// cache is keyed by a hash of everything the build reads: the built-in
// site's files, esosite's Go source and go.sum, the Go version, the Trust
// folder's files and the build options. Change any of them and the next
// test builds afresh, so a cached site is never stale.
package testsite

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/esosite/esosite/internal/build"
)

// SubPathURL is the address tests build the built-in site for to serve it
// under a sub-path, as a Trust does: one fixed address, so every package
// shares one cached build (browsertest.ListenAt serves sites at such names).
const SubPathURL = "http://esosite.localhost/trust/eso/"

// Dir is where built sites are kept between test packages and runs.
func Dir() string { return filepath.Join(os.TempDir(), "esosite-test-sites") }

// Build returns the folder holding the site built with opts (its
// Destination is ignored) and the build's result. The folder is shared
// with other tests: read it, never change it.
func Build(t testing.TB, opts build.Options) (string, *build.Result) {
	t.Helper()
	dir, res, err := built(opts)
	if err != nil {
		t.Fatalf("building the site (%+v):\n%v", opts, err)
	}
	return dir, res
}

func built(opts build.Options) (string, *build.Result, error) {
	key, err := Key(opts)
	if err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(Dir(), 0o755); err != nil {
		return "", nil, err
	}
	entry := filepath.Join(Dir(), key)
	// One builder per key at a time, across the test processes go test
	// runs side by side; the others wait, then reuse what it built.
	lock, err := os.OpenFile(entry+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", nil, err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", nil, err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	out := filepath.Join(entry, "public")
	resultFile := filepath.Join(entry, "result.json")
	if data, err := os.ReadFile(resultFile); err == nil {
		var res build.Result
		if json.Unmarshal(data, &res) == nil {
			return out, &res, nil
		}
	}
	prune()
	opts.Destination = out
	res, err := build.Build(opts)
	if err != nil {
		return "", nil, err
	}
	data, err := json.Marshal(res)
	if err != nil {
		return "", nil, err
	}
	// The result is written last: an entry without it is unfinished.
	return out, res, os.WriteFile(resultFile, data, 0o644)
}

// Key is the hash of everything a build with opts reads.
func Key(opts build.Options) (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%q\n%q\n", runtime.Version(), opts.Site, opts.BaseURL)
	for _, name := range []string{"go.mod", "go.sum", "hugo.toml", "site.go"} {
		if err := hashFile(h, root, filepath.Join(root, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	for _, d := range []string{"content", "layouts", "assets", "data", "i18n", "internal", "cmd"} {
		if err := hashTree(h, root, filepath.Join(root, d), true); err != nil {
			return "", err
		}
	}
	if opts.Site != "" {
		site, err := filepath.Abs(opts.Site)
		if err != nil {
			return "", err
		}
		if err := hashTree(h, site, site, false); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// hashTree hashes every file below dir with its path; for esosite's own
// tree (source) tests and their fixtures are left out, as the build does
// not read them.
func hashTree(h io.Writer, root, dir string, source bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if source && slices.Contains([]string{"testdata", "node_modules"}, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if source && strings.HasSuffix(p, "_test.go") {
			return nil
		}
		return hashFile(h, root, p)
	})
}

func hashFile(h io.Writer, root, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	rel, _ := filepath.Rel(root, p)
	sum := sha256.Sum256(data)
	fmt.Fprintf(h, "%s %x\n", filepath.ToSlash(rel), sum)
	return nil
}

// RepoRoot is the folder holding go.mod, found upwards from the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// prune removes sites built more than a day ago, so the cache does not grow
// with every change.
func prune() {
	entries, _ := os.ReadDir(Dir())
	for _, e := range entries {
		info, err := e.Info()
		if err == nil && e.IsDir() && time.Since(info.ModTime()) > 24*time.Hour {
			os.RemoveAll(filepath.Join(Dir(), e.Name()))
			os.Remove(filepath.Join(Dir(), e.Name()+".lock"))
		}
	}
}
