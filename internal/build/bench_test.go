package build

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuild is esosite's whole flow on the built-in site: extract,
// pre-build checks, Hugo, post-build checks, swap.
func BenchmarkBuild(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(Options{Destination: dest}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainHugo is Hugo alone building the same folders (this
// repository, with its own hugo.toml), the yardstick for BenchmarkBuild:
// DESIGN.md asks esosite to stay within 1.3 times of it.
func BenchmarkPlainHugo(b *testing.B) {
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	b.Setenv("HUGO_RESOURCEDIR", filepath.Join(tmp, "resources")) // keep Hugo's cache out of the repository
	for b.Loop() {
		out := filepath.Join(tmp, "public")
		os.RemoveAll(out)
		log, err := runHugo([]string{"build", "--source", root, "--destination", out, "--quiet",
			"--noBuildLock", "--cacheDir", filepath.Join(tmp, "cache")}, nil)
		if err != nil {
			b.Fatalf("%v\n%s", err, log)
		}
	}
}
