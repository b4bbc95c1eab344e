package main

import (
	"fmt"
	"io"

	"github.com/esosite/esosite/internal/trust"
)

func init() {
	commands["init"] = command{summary: "write a starter Trust folder (esosite.toml, override folders, README)", run: runInit}
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "Usage: esosite init DIR") }
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			fs.Usage()
		}
		return 2
	}
	dir := fs.Arg(0)
	if err := trust.Init(dir); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "Wrote %s. Edit %s/esosite.toml, then run: esosite build --site %s\n", dir, dir, dir)
	return 0
}
