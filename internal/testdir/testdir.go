// Package testdir gives tests fixed places for what they make, so it can be
// reused from one run to the next: a Trust folder at a path that depends
// only on its files (internal/testsite keys its cache on the path as well
// as the files, so a t.TempDir() path would miss every time), and files
// such as a package zip cached under a testsite.Key.
package testdir

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/esosite/esosite/internal/testsite"
)

// Fixed copies the folder src to a folder named by a hash of its files and
// returns that folder: the same files always end up at the same path. The
// folder is shared with other tests and runs: read it, never change it.
func Fixed(t testing.TB, src string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			fmt.Fprintf(h, "dir %s\n", filepath.ToSlash(rel))
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "file %s %x\n", filepath.ToSlash(rel), sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Trust folders are a few kilobytes and change only with the starter
	// esosite.toml, so old ones are not pruned.
	dst := filepath.Join(os.TempDir(), "esosite-test-folders", hex.EncodeToString(h.Sum(nil))[:20])
	place(t, dst, func(tmp string) error { return os.CopyFS(tmp, os.DirFS(src)) })
	return dst
}

// Cached returns the folder kept under key (a testsite.Key, which changes
// with every input of the build and all of esosite's source) and name,
// first calling fill to make it if it is not there. It lives in
// testsite's cache, pruned with the sites.
func Cached(t testing.TB, key, name string, fill func(dir string) error) string {
	t.Helper()
	dir := filepath.Join(testsite.Dir(), key+"-"+name)
	place(t, dir, fill)
	return dir
}

// place makes dir with fill unless it is there already. It is made in a
// folder beside it and renamed into place, so no test ever sees half of it;
// if another process got there first, what that one made is the same.
func place(t testing.TB, dir string, fill func(tmp string) error) {
	t.Helper()
	if _, err := os.Stat(dir); err == nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".new-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	if err := fill(tmp); err != nil {
		t.Fatalf("making %s: %v", dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(dir); statErr != nil {
			t.Fatal(err)
		}
	}
}
