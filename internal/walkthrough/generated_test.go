package walkthrough_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/esosite/esosite/internal/walkthrough"
)

// The route data and the map are written by every esosite build, and also
// kept in the repository so plain Hugo (BenchmarkPlainHugo) builds the same
// pages. They must match the graph: go test ./internal/walkthrough -run
// TestGeneratedFiles -update rewrites them.
func TestGeneratedFiles(t *testing.T) {
	g := builtIn(t)
	routes, err := g.RouteJSON()
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		walkthrough.RoutesFile:  string(routes),
		walkthrough.MapSVGFile:  g.MapSVG("en"),
		walkthrough.MapListFile: g.MapList("en"),
	} {
		path := filepath.Join("..", "..", filepath.FromSlash(file))
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s is out of date with graph.yaml; run go test ./internal/walkthrough -run TestGeneratedFiles -update", file)
		}
	}
}
