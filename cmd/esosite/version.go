package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func init() {
	commands["version"] = command{summary: "print the version of esosite and of Hugo inside it", run: runVersion}
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	hugo := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/gohugoio/hugo" {
				hugo = d.Version
			}
		}
	}
	fmt.Fprintf(stdout, "esosite %s (Hugo %s)\n", version, hugo)
	return 0
}
