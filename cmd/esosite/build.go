package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/translation"
)

func init() {
	commands["build"] = command{summary: "build the site into a folder (default ./public)", run: runBuild}
	commands["check"] = command{summary: "run every check without writing any output", run: runCheck}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	opts := build.Options{}
	fs.StringVar(&opts.Site, "site", "", "a Trust's `folder`, layered over the built-in site")
	fs.StringVar(&opts.Destination, "destination", "public", "the `folder` to write the site to")
	fs.StringVar(&opts.BaseURL, "baseURL", "", "the `URL` the site will be served from, e.g. https://trust.example/eso/ (default: baseURL in esosite.toml, else /)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	res, err := build.Build(opts)
	if err != nil {
		return fail(stderr, err)
	}
	warn(stderr, res.Warnings)
	fmt.Fprintf(stdout, "Built %d pages into %s (heaviest page %s: %d bytes with everything it loads, brotli).\n",
		res.Pages, opts.Destination, res.Weights[0].Page, res.Weights[0].Total)
	return 0
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	opts := build.Options{}
	fs.StringVar(&opts.Site, "site", "", "a Trust's `folder`, layered over the built-in site")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	res, err := build.Check(opts)
	if err != nil {
		return fail(stderr, err)
	}
	warn(stderr, res.Warnings)
	check.WriteReport(stdout, res.Readings, res.Weights, res.Budget)
	fmt.Fprintln(stdout)
	translation.WriteReport(stdout, res.Languages)
	fmt.Fprintf(stdout, "\nAll checks passed: %d pages.\n", res.Pages)
	return 0
}

// warn prints what works but may not look as the Trust expects; it does not
// change the exit status.
func warn(stderr io.Writer, ws check.Problems) {
	for _, w := range ws {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
}

// newFlags makes a flag set that reports its own errors and never exits.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("esosite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse returns -1 to go on, or the exit status: 0 for -h, 2 for bad flags.
// A mistake is said first, with how to see the flags; the flags follow.
func parse(fs *flag.FlagSet, args []string) int {
	out := fs.Output()
	var help bytes.Buffer
	fs.SetOutput(&help)
	err := fs.Parse(args)
	fs.SetOutput(out)
	if err != nil {
		if err == flag.ErrHelp {
			out.Write(help.Bytes())
			return 0
		}
		fmt.Fprintf(out, "%s: %v; run `%s -h` for the flags there are\n", fs.Name(), err, fs.Name())
		_, usage, _ := bytes.Cut(help.Bytes(), []byte("\n"))
		out.Write(usage)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q; flags start with -, e.g. --site DIR\n", fs.Name(), fs.Arg(0))
		return 2
	}
	return -1
}

// fail prints an error, one problem per line, and returns exit status 1,
// or 2 when the mistake is in the command line.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	if build.IsUsage(err) {
		return 2
	}
	return 1
}
