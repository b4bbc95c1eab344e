package build

import (
	"fmt"
	"io"
	"strconv"

	"github.com/esosite/esosite/internal/check"
)

// ServeOptions says what to preview and on which port.
type ServeOptions struct {
	Site string
	Port int
	Log  io.Writer
}

// Serve previews the site on 127.0.0.1 with Hugo's live reload, until the
// process is interrupted. Edits in the Trust's folder (or in this repository,
// with --site .) show at once. Check problems are printed, not fatal, so a
// half-written page does not stop the preview.
func Serve(opts ServeOptions) error {
	ws, err := newWorkspace(Options{Site: opts.Site})
	if err != nil {
		return err
	}
	defer ws.Close()
	if ps := check.FrontMatter(ws.pages, ws.layouts); len(ps) > 0 {
		fmt.Fprintln(opts.Log, ps.Err())
	}
	args := []string{"server", "--bind", "127.0.0.1", "--port", strconv.Itoa(opts.Port),
		"--source", ws.source, "--config", ws.config, "--configDir", ws.dir + "/no-config-dir",
		"--disableFastRender"}
	_, err = runHugo(args, opts.Log)
	if err != nil {
		return ws.hugoProblems("", err)
	}
	return nil
}
