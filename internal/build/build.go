// Package build owns turning the site into files: it lays the built-in site
// (embedded in the binary) under a Trust's folder, runs Hugo in-process, runs
// every check, and only then swaps the new output into the destination, so a
// failed build leaves the previous output exactly as it was.
package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/esosite/esosite"
	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/translation"
)

// Options says what to build and where.
type Options struct {
	Site        string // a Trust's folder layered over the built-in site; "" for the built-in site alone
	Destination string // where the finished site goes; default "public"
	BaseURL     string // where it will be served, e.g. https://trust.example/eso/; default esosite.toml's, else "/"
	Log         io.Writer
}

// Result says what a build produced, for reports and tests.
type Result struct {
	Pages     int
	BaseURL   string          // the address the site was built for
	Weights   []check.Weight  // heaviest first
	Readings  []check.Reading // English pages, by path
	Budget    int             // the page weight budget in bytes
	Languages []translation.Language
	Warnings  check.Problems // things that work but may not look as the Trust expects
}

// Build builds the site into opts.Destination, replacing it atomically.
func Build(opts Options) (*Result, error) {
	if opts.Destination == "" {
		opts.Destination = "public"
	}
	dest, err := filepath.Abs(opts.Destination)
	if err != nil {
		return nil, err
	}
	if err := checkDestination(opts.Destination, dest, opts.Site); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create the destination's folder: %v", opts.Destination, err)
	}
	// The new site is built beside the destination, so the final rename stays
	// on one file system and is atomic.
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write next to the destination: %v", opts.Destination, err)
	}
	defer os.RemoveAll(tmp)
	// MkdirTemp makes a private folder; a web server must be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	res, err := buildInto(opts, tmp)
	if err != nil {
		return nil, err
	}
	if err := swap(tmp, dest); err != nil {
		return nil, fmt.Errorf("%s: %v", opts.Destination, err)
	}
	return res, nil
}

// Check runs every check by building into a throwaway folder.
func Check(opts Options) (*Result, error) {
	tmp, err := os.MkdirTemp("", "esosite-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	return buildInto(opts, filepath.Join(tmp, "public"))
}

// buildInto runs the whole flow: gather, pre-build checks, Hugo, post-build checks.
func buildInto(opts Options, out string) (*Result, error) {
	ws, err := newWorkspace(opts)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	readings, langs, ps, err := ws.preBuild(opts.Site)
	if err != nil {
		return nil, err
	}
	// Translation state compares the built-in words: a Trust's changes to
	// the English (laid over them in themeDir) do not make translations stale.
	translation.Walkthrough(langs, esosite.Files)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	if err := ws.hugo("build", "--destination", out); err != nil {
		return nil, err
	}
	o, err := check.ReadOutput(os.DirFS(out), ws.basePath)
	if err != nil {
		return nil, err
	}
	// Links and CSP read what ReadOutput parsed while brotli, the costly
	// part, runs on the other cores.
	var links, csp check.Problems
	var wg sync.WaitGroup
	wg.Go(func() { links, csp = check.Links(o), check.CSP(o) })
	weights, err := check.Weights(o)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	ps = append(csp, check.Budget(weights, ws.budget)...)
	for i := range ps {
		ps[i].Path = filepath.Join(outputLabel(opts), ps[i].Path)
	}
	ps = append(ws.linksToSource(links, outputLabel(opts)), ps...)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	if len(o.Pages) == 0 {
		return nil, errors.New("the build produced no pages")
	}
	res := &Result{Pages: len(o.Pages), BaseURL: ws.baseURL, Weights: weights, Readings: readings, Budget: ws.budget, Languages: langs}
	if ws.trust != nil {
		res.Warnings = ws.trust.Warnings(ws.source)
	}
	return res, nil
}

// outputLabel names built pages in messages by where they will end up.
func outputLabel(opts Options) string {
	if opts.Destination == "" {
		return "public"
	}
	return opts.Destination
}
