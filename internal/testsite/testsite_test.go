package testsite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/esosite/esosite/internal/build"
)

// TestKeyFollowsInputs: the same inputs give the same key, and a change to
// a Trust's file or to an option gives another, so a cached site is reused
// only when it would come out the same.
func TestKeyFollowsInputs(t *testing.T) {
	site := t.TempDir()
	page := filepath.Join(site, "content", "en", "p.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.WriteFile(page, []byte("one"), 0o644)
	key := func(opts build.Options) string {
		t.Helper()
		k, err := Key(opts)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	first := key(build.Options{Site: site})
	if again := key(build.Options{Site: site}); again != first {
		t.Errorf("the same inputs gave two keys: %s, %s", first, again)
	}
	if other := key(build.Options{Site: site, BaseURL: "/eso/"}); other == first {
		t.Error("another baseURL gave the same key")
	}
	if other := key(build.Options{}); other == first {
		t.Error("the built-in site alone gave the same key as with a Trust folder")
	}
	os.WriteFile(page, []byte("two"), 0o644)
	if changed := key(build.Options{Site: site}); changed == first {
		t.Error("changing a Trust page kept the key")
	}
}
