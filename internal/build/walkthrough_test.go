package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/build"
)

// A Trust changes one walkthrough node's words: its page, the map and the
// route pages show them, the other nodes keep the built-in words. A bad
// override stops the build at the Trust's file and line.
func TestTrustWalkthroughWords(t *testing.T) {
	site := t.TempDir()
	text := filepath.Join(site, "data", "walkthrough", "text")
	if err := os.MkdirAll(text, 0o755); err != nil {
		t.Fatal(err)
	}
	// English and Welsh only: the override and the language it must not reach.
	if err := os.WriteFile(filepath.Join(site, "esosite.toml"), []byte("languages = [\"en\", \"cy\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := "nodes:\n  mediation:\n    title: \"Mediation at our hospital\"\n    description: \"Our own mediation team.\"\n    what: \"Ask the ward for the mediation team.\"\n"
	if err := os.WriteFile(filepath.Join(text, "en.yaml"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	out := buildSite(t, build.Options{Site: site})
	if got := read(t, out, "en/what-happens-next/mediation/index.html"); !strings.Contains(got, "Mediation at our hospital") {
		t.Error("the Trust's title is not on the mediation page")
	}
	if got := read(t, out, "en/what-happens-next/family-advocate/index.html"); !strings.Contains(got, "Ask if there is a family advocate") {
		t.Error("a node the Trust did not change lost its built-in words")
	}
	if got := read(t, out, "en/for-professionals/walkthrough-map/index.html"); !strings.Contains(got, "Mediation at our hospital") {
		t.Error("the map does not show the Trust's words")
	}
	if got := read(t, out, "cy/what-happens-next/mediation/index.html"); strings.Contains(got, "Mediation at our hospital") {
		t.Error("the English override reached the Welsh page")
	}

	bad := "nodes:\n  mediation:\n    title: \"Only a title\"\n"
	if err := os.WriteFile(filepath.Join(text, "en.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := build.Build(build.Options{Site: site, Destination: filepath.Join(t.TempDir(), "public")})
	want := filepath.Join(site, "data/walkthrough/text/en.yaml") + `:2: mediation: missing "description"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a node without a description: got %v, want %q", err, want)
	}
}
