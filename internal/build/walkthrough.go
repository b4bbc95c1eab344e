package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing/fstest"

	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/walkthrough"
)

// walkthroughProblems validates the walkthrough Hugo will build: the
// built-in graph with, for each language, the Trust's own words where it has
// a data/walkthrough/text/<lang>.yaml. A Trust may change the words, never the
// structure: anything else it puts under data/walkthrough (graph.yaml, a
// graph.json, a sub-folder) is refused here, before Hugo could use it.
func (ws *workspace) walkthroughProblems(site string) check.Problems {
	fsys := fstest.MapFS{}
	if err := copyInto(fsys, os.DirFS(ws.themeDir), nil); err != nil {
		return check.Problems{{Path: walkthrough.GraphFile, Message: err.Error()}}
	}
	if site == "" {
		return walkthrough.Check(fsys, ws.published())
	}
	own := map[string]string{} // site path -> the path a person knows
	var ps check.Problems
	root := filepath.Join(ws.source, "data", "walkthrough")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(ws.source, p)
		rel = filepath.ToSlash(rel)
		shown := ws.displayPath(p)
		if ok, _ := path.Match(walkthrough.TextDir+"/*.yaml", rel); !ok {
			ps = append(ps, check.Problem{Path: shown, Line: 1, Message: fmt.Sprintf("a Trust folder may not replace the walkthrough's structure (its steps, answers and where they lead); remove this file, and to change the words put them in %s/<lang>.yaml", path.Join(ws.display[ws.source], walkthrough.TextDir))})
			return nil
		}
		own[rel] = shown
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return check.Problems{{Path: ws.displayPath(root), Message: fmt.Sprintf("cannot read it: %v", unwrapPathError(err))}}
	}
	if len(ps) > 0 {
		return ps
	}
	// Files of changed nodes were laid over the built-in words when the
	// workspace was set up (overlayWalkthrough), and checked there.
	for _, f := range ws.overlaid {
		delete(own, f)
	}
	if len(own) == 0 {
		return walkthrough.Check(fsys, ws.published())
	}
	if err := copyInto(fsys, os.DirFS(ws.source), own); err != nil {
		return check.Problems{{Path: ws.displayPath(root), Message: err.Error()}}
	}
	ps = walkthrough.Check(fsys, ws.published())
	for i := range ps {
		if shown, ok := own[ps[i].Path]; ok {
			ps[i].Path = shown
		}
	}
	return ps
}

// copyInto reads the walkthrough files of src into dst: every file under
// data/walkthrough when only is nil, else just the files it names.
func copyInto(dst fstest.MapFS, src fs.FS, only map[string]string) error {
	return fs.WalkDir(src, "data/walkthrough", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if only != nil {
			if _, ok := only[p]; !ok {
				return nil
			}
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return fmt.Errorf("%s: cannot read it: %v", p, unwrapPathError(err))
		}
		dst[p] = &fstest.MapFile{Data: data}
		return nil
	})
}
