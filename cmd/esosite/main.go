// Command esosite builds the families' guide to external second opinions as
// a static website. Each subcommand lives in its own file and registers itself
// in commands; this file only dispatches. The work happens in internal/.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// A command is one `esosite NAME` subcommand. run returns the exit status:
// 0 done, 1 problems with the input, 2 a usage mistake.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		usage(stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "esosite: unknown command %q; the commands are listed below (esosite help)\n\n", name)
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "esosite builds the families' guide to external second opinions as a static website.")
	fmt.Fprintln(w, "\nUsage: esosite COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "  %-8s %s\n", "help", "show this help")
	fmt.Fprintln(w, "\nRun `esosite COMMAND -h` for a command's flags.")
}
