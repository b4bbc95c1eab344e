package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/esosite/esosite/internal/importer"
)

func init() {
	commands["import"] = command{summary: "turn saved guidance pages (HTML or text) into Markdown pages", run: runImport}
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("esosite import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: esosite import FILE... --out DIR [--lang en] [--force] [--source URL]")
		fmt.Fprintln(stderr, "Turns guidance pages saved from a browser (HTML) or copied as plain text into Markdown pages.")
		fs.PrintDefaults()
	}
	opts := importer.Options{}
	fs.StringVar(&opts.OutDir, "out", "", "the `folder` to write the Markdown pages to, e.g. a Trust folder's content/en")
	fs.StringVar(&opts.Lang, "lang", "en", "the `language` of the pages (a page not in English is marked as a draft translation)")
	fs.BoolVar(&opts.Force, "force", false, "overwrite pages that already exist")
	fs.StringVar(&opts.Source, "source", "", "the `URL` the page came from (for one file; saved HTML usually carries its own)")
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	files := fs.Args()
	switch {
	case len(files) == 0:
		fmt.Fprintln(stderr, "esosite import: no files given; name one or more saved pages, e.g. esosite import page.html --out content/en")
		return 2
	case opts.OutDir == "":
		fmt.Fprintln(stderr, "esosite import: --out DIR is required, e.g. --out mytrust/content/en")
		return 2
	case !langRE.MatchString(opts.Lang):
		fmt.Fprintf(stderr, "esosite import: --lang %q is not a language code; use one such as en, cy or pa\n", opts.Lang)
		return 2
	case opts.Source != "" && len(files) > 1:
		fmt.Fprintln(stderr, "esosite import: --source names one page's address; import one file at a time when you pass it")
		return 2
	case opts.Source != "":
		if u, err := url.Parse(opts.Source); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			fmt.Fprintf(stderr, "esosite import: --source %q is not a web address; write the full https:// address\n", opts.Source)
			return 2
		}
	}
	if errs := importer.ImportAll(files, opts, stderr); len(errs) > 0 {
		for _, err := range errs {
			fmt.Fprintln(stderr, err)
		}
		return 1
	}
	return 0
}

// flagsFirst moves flags in front of the file names, so that
// "import a.html --out x" works: Go's flag package stops at the first
// argument that is not a flag. Everything after "--" stays a file name.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			files = append(files, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			files = append(files, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		// A flag that takes a value takes the next argument with it.
		if f := fs.Lookup(name); f != nil && i+1 < len(args) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return append(append(flags, "--"), files...)
}
