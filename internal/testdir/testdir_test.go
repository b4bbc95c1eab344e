package testdir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFixed(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // fixed folders of its own
	write := func(text string) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "esosite.toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	a, b, c := Fixed(t, write("name = 1\n")), Fixed(t, write("name = 1\n")), Fixed(t, write("name = 2\n"))
	if a != b {
		t.Errorf("the same files in two places got two paths: %s, %s", a, b)
	}
	if a == c {
		t.Errorf("different files got the same path %s", a)
	}
	if got, err := os.ReadFile(filepath.Join(c, "esosite.toml")); err != nil || string(got) != "name = 2\n" {
		t.Errorf("the fixed copy holds %q (%v), want the source's files", got, err)
	}
}

func TestCachedFillsOnce(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // a cache of its own
	calls := 0
	fill := func(dir string) error {
		calls++
		return os.WriteFile(filepath.Join(dir, "site.zip"), []byte("zip"), 0o644)
	}
	first := Cached(t, "k", "pkg", fill)
	second := Cached(t, "k", "pkg", fill)
	if first != second || calls != 1 {
		t.Errorf("Cached gave %s then %s and made it %d times; want one folder, made once", first, second, calls)
	}
	if _, err := os.Stat(filepath.Join(first, "site.zip")); err != nil {
		t.Errorf("the cached folder lacks what fill made: %v", err)
	}
}
