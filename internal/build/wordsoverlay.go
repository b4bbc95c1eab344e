package build

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/esosite/esosite/internal/walkthrough"
)

// overlayWalkthrough lays a Trust's walkthrough words (its
// data/walkthrough/text/<lang>.yaml, a node at a time) over the built-in
// words in the extracted site, where every check and Hugo read them. The
// Trust's own files hold only the nodes it changed, so Hugo must not read
// them directly: writeConfig leaves out the files in ws.overlaid. A file
// with a whole language's words is read as before, and checked by
// walkthroughProblems.
func (ws *workspace) overlayWalkthrough(label string) error {
	if _, err := os.Stat(filepath.Join(ws.source, filepath.FromSlash(walkthrough.TextDir))); err != nil {
		return nil
	}
	ps, overlaid, err := walkthrough.OverlayText(os.DirFS(ws.source), label, ws.themeDir)
	if err != nil {
		return err
	}
	if err := ps.Err(); err != nil {
		return err
	}
	ws.overlaid = overlaid
	return nil
}

// excludeTrustText keeps the Trust's laid-over text files out of the
// project's data mount (the merged words are in the built-in site).
func excludeTrustText(cfg map[string]any, files []string) {
	var filter []any
	for _, f := range files {
		filter = append(filter, "! "+strings.TrimPrefix(f, "data/"))
	}
	module, _ := cfg["module"].(map[string]any)
	mounts, _ := module["mounts"].([]any)
	for _, m := range mounts {
		if mount, ok := m.(map[string]any); ok && mount["source"] == "data" {
			mount["files"] = filter
		}
	}
}
