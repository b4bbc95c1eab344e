package build

import (
	"fmt"
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

// BenchmarkBuildExtraPages builds the built-in site under a Trust folder
// with 1,000 and 4,000 extra English pages, to show how build time grows
// with the number of pages: it must grow linearly, no worse (compare the
// ns/op of the two against BenchmarkBuild).
func BenchmarkBuildExtraPages(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			site := extraPagesSite(b, n)
			dest := filepath.Join(b.TempDir(), "public")
			for b.Loop() {
				if _, err := Build(Options{Site: site, Destination: dest}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// extraPagesSite writes a Trust folder of n short English pages, each with
// a few sections and a link to the next, like a Trust's own local policies
// for its staff. They sit under for-professionals/ because the clinicians'
// links page lists every families' page, and 4,000 of those would take it
// over the page weight budget (that page does not page its list).
func extraPagesSite(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "trust")
	pages := filepath.Join(dir, "content", "en", "for-professionals", "local")
	if err := os.MkdirAll(pages, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		page := fmt.Sprintf(`---
title: "Local information %d"
description: "Information for families at this hospital, page %d."
lastReviewed: 2026-11-01
nextReview: 2027-11-01
translate: false
sources:
  - "https://trust.example/local/%d"
---
## Getting here {#getting-here}
The children's entrance is next to the main car park. Ask at the desk if you are not sure where to go.

## Where to stay {#where-to-stay}
Some families can stay near the ward. Ask the nurse in charge what is free tonight.

## Next {#next}
[Read the next page](/for-professionals/local/page-%d/).
`, i, i, i, (i+1)%n)
		if err := os.WriteFile(filepath.Join(pages, fmt.Sprintf("page-%d.md", i)), []byte(page), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}
