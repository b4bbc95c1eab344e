package walkthrough_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esosite/esosite"
	"github.com/esosite/esosite/internal/walkthrough"
)

// builtInCopy writes the built-in walkthrough data into a temporary folder.
func builtInCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(esosite.Files, "data/walkthrough", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := esosite.Files.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func trustText(yaml string) fstest.MapFS {
	return fstest.MapFS{walkthrough.TextDir + "/en.yaml": {Data: []byte(yaml)}}
}

// A Trust's words replace one node's words and leave the rest as built in.
func TestOverlayText(t *testing.T) {
	dir := builtInCopy(t)
	ps, overlaid, err := walkthrough.OverlayText(trustText("nodes:\n  mediation:\n    title: Mediation here\n    description: Our own team.\n    what: Ask the ward.\n"), "mytrust", dir)
	if err != nil || len(ps) > 0 || len(overlaid) != 1 {
		t.Fatalf("a complete node: %v %v, laid over %v", err, ps, overlaid)
	}
	// A whole language's words (with start, stages...) are not laid over.
	if _, overlaid, _ := walkthrough.OverlayText(trustText("start:\n  title: S\nnodes: {}\n"), "mytrust", dir); len(overlaid) != 0 {
		t.Errorf("a whole text file was laid over: %v", overlaid)
	}
	if ps := walkthrough.Check(os.DirFS(dir), []string{"en"}); len(ps) > 0 {
		t.Fatalf("the merged words do not validate: %v", ps)
	}
	data, _ := os.ReadFile(filepath.Join(dir, walkthrough.TextDir, "en.yaml"))
	if !strings.Contains(string(data), "Mediation here") || !strings.Contains(string(data), "Talk to your child's named consultant") {
		t.Errorf("the merged English lacks the Trust's node or a built-in one")
	}
}

// Each mistake is reported at the Trust's file and line, with the fix.
func TestOverlayTextProblems(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown id", "nodes:\n  mediaton:\n    title: T\n", `mytrust/data/walkthrough/text/en.yaml:2: unknown step id "mediaton"`},
		{"missing answer label", "nodes:\n  other-options:\n    title: T\n    description: D.\n    answers:\n      court: C\n", `en.yaml:5: other-options: missing the label of answer "way-forward"`},
		{"extra answer", "nodes:\n  other-options:\n    title: T\n    description: D.\n    answers:\n      court: C\n      way-forward: W\n      appeal: A\n", `en.yaml:8: other-options: answer "appeal" is not in graph.yaml`},
		{"missing field", "nodes:\n  mediation:\n    title: T\n", `en.yaml:2: mediation: missing "description"`},
		{"unknown language", "", "no words in"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := trustText(tc.yaml)
			if tc.yaml == "" {
				fsys = fstest.MapFS{walkthrough.TextDir + "/xx.yaml": {Data: []byte("nodes: {}\n")}}
			}
			ps, _, err := walkthrough.OverlayText(fsys, "mytrust", builtInCopy(t))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ps.Err().Error(), tc.want) {
				t.Errorf("got:\n%v\nwant a problem containing %q", ps.Err(), tc.want)
			}
		})
	}
}
