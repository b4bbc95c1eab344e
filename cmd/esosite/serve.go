package main

import (
	"io"

	"github.com/esosite/esosite/internal/build"
)

func init() {
	commands["serve"] = command{summary: "preview the site on 127.0.0.1 with live reload", run: runServe}
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	opts := build.ServeOptions{Log: stderr}
	fs.StringVar(&opts.Site, "site", "", "a Trust's `folder`, layered over the built-in site (use . in this repository to see edits live)")
	fs.IntVar(&opts.Port, "port", 1313, "the `port` to listen on")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if err := build.Serve(opts); err != nil {
		return fail(stderr, err)
	}
	return 0
}
