package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testdir"
	"github.com/esosite/esosite/internal/testsite"
)

const fixtures = "../../internal/importer/testdata/"

func TestImportExitCodes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	page := fixtures + "guidance-clean.txt"
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no files", []string{"--out", out}, 2, "no files given"},
		{"no --out", []string{page}, 2, "--out DIR is required"},
		{"unknown flag", []string{page, "--out", out, "--colour"}, 2, "flag provided but not defined"},
		{"bad --lang", []string{page, "--out", out, "--lang", "English"}, 2, "not a language code"},
		{"bad --source", []string{page, "--out", out, "--source", "rcpch page"}, 2, "not a web address"},
		{"--source with two files", []string{page, page, "--out", out, "--source", "https://example.org/p"}, 2, "one file at a time"},
		{"ok, flags after the file", []string{page, "--out", out, "--source", "https://example.org/p"}, 0, "asking-for-another-view.md: 3 headings"},
		{"exists without --force", []string{page, "--out", out}, 1, "already exists; pass --force"},
		{"--force", []string{"--force", page, "--out=" + out}, 0, "no source URL: pass --source URL"},
		{"missing file", []string{filepath.Join(dir, "nope.txt"), "--out", out}, 1, "nope.txt: cannot read the file"},
		{"help", []string{"-h"}, 0, "Usage: esosite import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runImport(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
		})
	}
}

func TestFlagsFirst(t *testing.T) {
	fs := newFlags("import", &bytes.Buffer{})
	fs.String("out", "", "")
	fs.Bool("force", false, "")
	got := strings.Join(flagsFirst(fs, []string{"a.html", "--out", "x", "b.txt", "--force", "--", "-odd.txt"}), " ")
	if want := "--out x --force -- a.html b.txt -odd.txt"; got != want {
		t.Errorf("flagsFirst = %q, want %q", got, want)
	}
}

// An imported page, dropped into a Trust folder, builds with the site's
// checks passing: the promise of the import command.
func TestImportedPagesBuild(t *testing.T) {
	site := filepath.Join(t.TempDir(), "trust")
	var stdout, stderr bytes.Buffer
	if code := runInit([]string{site}, &stdout, &stderr); code != 0 {
		t.Fatalf("init: %d\n%s", code, stderr.String())
	}
	content := filepath.Join(site, "content", "en")
	for _, args := range [][]string{
		{fixtures + "guidance-clean.html", "--out", content},
		{fixtures + "guidance-gbk.txt", "--out", content, "--source", "https://guidance.example.org/asking"},
	} {
		if code := runImport(args, &stdout, &stderr); code != 0 {
			t.Fatalf("import %v: %d\n%s", args, code, stderr.String())
		}
	}
	// Built with every check by internal/testsite, from the folder kept
	// at a path fixed by its files, so once per change to the source.
	dest, _ := testsite.Build(t, build.Options{Site: testdir.Fixed(t, site)})
	for _, p := range []string{"en/getting-a-second-opinion-for-your-child/index.html", "en/asking-for-another-view/index.html"} {
		html, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`id="who-can-ask"`, `<figcaption><cite>Parent, 2023</cite></figcaption>`, `<dl>`, `class="footnotes"`} {
			if p == "en/getting-a-second-opinion-for-your-child/index.html" && !bytes.Contains(html, []byte(want)) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
}
