package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testdir"
	"github.com/esosite/esosite/internal/testsite"
)

// A badInput is one mistake a Trust's web team can make, made in a folder
// from `esosite init` (./mytrust), with the command that meets it.
type badInput struct {
	kind  string   // what is wrong, as the README's table says it
	file  string   // the file the mistake is in, as the README names it
	args  []string // the command; nil means build --site mytrust --destination public
	setup func(t *testing.T)
	code  int    // exit status
	first string // the exact first line of stderr
	only  bool   // that line is the only one: no knock-on messages
}

// page is a complete front matter for a page a Trust adds in English only.
const page = "---\ntitle: \"Parking\"\ndescription: \"Where to park.\"\nlastReviewed: 2026-01-01\nnextReview: 2027-01-01\nsources: []\ntranslate: false\n---\n"

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writes returns a setup that writes one file (under the working folder).
func writes(name, text string) func(*testing.T) {
	return func(t *testing.T) { write(t, name, []byte(text)) }
}

// edits returns a setup that replaces old with new in one file, which must contain it.
func edits(name, old, new string) func(*testing.T) {
	return func(t *testing.T) {
		t.Helper()
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q to replace", name, old)
		}
		write(t, name, bytes.Replace(data, []byte(old), []byte(new), 1))
	}
}

// all runs several setups in order.
func all(fs ...func(*testing.T)) func(*testing.T) {
	return func(t *testing.T) {
		for _, f := range fs {
			f(t)
		}
	}
}

// builtIn copies a file of the built-in site into the Trust folder, edited.
func builtIn(rel, old, new string) func(*testing.T) {
	return func(t *testing.T) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(repoRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q to replace", rel, old)
		}
		write(t, filepath.Join("mytrust", rel), bytes.Replace(data, []byte(old), []byte(new), 1))
	}
}

const toml = "mytrust/esosite.toml"

// repoRoot is the repository, for copies of built-in files; set by the test.
var repoRoot string

// runCase runs one command in-process and turns a panic into a failure.
func runCase(t *testing.T, args []string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("panic: %v", p)
		}
	}()
	code = run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// treeHash hashes every path, mode and byte under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %v\n", p, info.Mode())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// copyTree copies the folder from to the new folder to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestBadInput makes each mistake in a fresh copy of an `esosite init`
// folder and checks the command's answer: the exit status, the exact first
// line of its message, no panic, the site built before left byte for byte as
// it was, and no temporary folder left behind.
func TestBadInput(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	repoRoot = filepath.Join(wd, "..", "..")
	root := t.TempDir()
	template := filepath.Join(root, "template")
	if code, _, errs := runCase(t, []string{"init", template}); code != 0 {
		t.Fatalf("init: %d %s", code, errs)
	}
	// English only, on the line init writes for it: the mistakes are the
	// same in every language, and each case's build takes a fraction of the
	// time. A case about languages or another language sets its own.
	cfg := filepath.Join(template, "esosite.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`# languages = ["en", "cy"]`), []byte(langs), 1)
	if !bytes.Contains(data, []byte(langs)) {
		t.Fatal(`esosite init no longer writes # languages = ["en", "cy"]; update TestBadInput`)
	}
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The site built before: the init folder's, from internal/testsite's
	// cache (built at most once per source change, with every check), so
	// the cases start from a finished build without making one. Asked for
	// before TMPDIR moves, where the cache is.
	prev, _ := testsite.Build(t, build.Options{Site: testdir.Fixed(t, template)})
	tmp := filepath.Join(root, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp) // every temporary folder the commands make lands here
	t.Chdir(root)
	copyTree(t, "template", "mytrust")
	copyTree(t, prev, "public")
	before := treeHash(t, "public")
	top := strings.Join(entries(t, "."), " ")
	for _, c := range badInputs {
		t.Run(c.kind, func(t *testing.T) {
			if err := os.RemoveAll("mytrust"); err != nil {
				t.Fatal(err)
			}
			copyTree(t, "template", "mytrust")
			if c.setup != nil {
				c.setup(t)
			}
			args := c.args
			if args == nil {
				args = []string{"build", "--site", "mytrust", "--destination", "public"}
			}
			code, _, stderr := runCase(t, args)
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if code != c.code {
				t.Errorf("exit status %d, want %d", code, c.code)
			}
			if lines[0] != c.first {
				t.Errorf("first line of stderr:\n got: %s\nwant: %s", lines[0], c.first)
			}
			if c.only && len(lines) > 1 {
				t.Errorf("want one message, got %d:\n%s", len(lines), stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("a stack trace on stderr:\n%s", stderr)
			}
			if treeHash(t, "public") != before {
				t.Fatal("the site built before changed")
			}
			if left := entries(t, tmp); len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
				os.RemoveAll(tmp)
				os.Mkdir(tmp, 0o755)
			}
			for _, name := range entries(t, ".") {
				if strings.HasPrefix(name, ".public") || name == "public.old" {
					t.Errorf("left behind beside the destination: %s", name)
				}
				if !strings.Contains(" "+top+" ", " "+name+" ") {
					os.RemoveAll(name) // a file the case made on purpose
				}
			}
		})
	}
}
