package main

import (
	"fmt"
	"io"

	"github.com/esosite/esosite/internal/pack"
)

func init() {
	commands["package"] = command{summary: "build the site into a zip for a Trust's web server (nginx, Apache, IIS)", run: runPackage}
}

func runPackage(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("package", stderr)
	opts := pack.Options{}
	fs.StringVar(&opts.Site, "site", "", "a Trust's `folder`, layered over the built-in site")
	fs.StringVar(&opts.BaseURL, "baseURL", "", "the `URL` the site will be served from, e.g. https://trust.example/eso/ (default: baseURL in esosite.toml, else /)")
	fs.StringVar(&opts.Output, "output", "esosite-site.zip", "the zip `file` to write")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	res, err := pack.Package(opts)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "Packaged %d pages for %s into %s (%d files in site/, %d bytes). DEPLOY.md inside says how to upload it.\n",
		res.Pages, res.BaseURL, opts.Output, res.SiteFiles, res.Size)
	return 0
}
