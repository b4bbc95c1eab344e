package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Without --baseURL, a build takes the address from the Trust's esosite.toml.
func TestBuildUsesTrustBaseURL(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var out, errs bytes.Buffer
	if code := run([]string{"build", "--site", "../../internal/build/testdata/trust", "--destination", dest}, &out, &errs); code != 0 {
		t.Fatalf("build: %d\n%s", code, errs.String())
	}
	page, err := os.ReadFile(filepath.Join(dest, "en", "contacts", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`<link rel="canonical" href="https://trust.example/eso/en/contacts/">`)) {
		t.Error("the build ignored esosite.toml's baseURL")
	}
}
