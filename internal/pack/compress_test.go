package pack

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

func unbrotli(t testing.TB, data []byte) []byte {
	t.Helper()
	b, err := io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatalf("brotli: %v", err)
	}
	return b
}

func ungzip(t testing.TB, data []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return b
}

func TestPrecompress(t *testing.T) {
	big := bytes.Repeat([]byte("<p>hello, hello</p>\n"), 100)
	files := map[string][]byte{
		"a.html":  big,
		"b.css":   big,
		"tiny.js": []byte("x"),
		"c.png":   big,
		"d":       big,
	}
	precompress(files)
	for _, want := range []string{"a.html.br", "a.html.gz", "b.css.br", "b.css.gz"} {
		if files[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	for _, not := range []string{"tiny.js.br", "tiny.js.gz", "c.png.br", "c.png.gz", "d.br", "d.gz"} {
		if files[not] != nil {
			t.Errorf("unexpected %s", not)
		}
	}
	if !bytes.Equal(unbrotli(t, files["a.html.br"]), big) || !bytes.Equal(ungzip(t, files["a.html.gz"]), big) {
		t.Error("compressed copies do not decompress to the original")
	}
	// gzip -9 with no name and no time in the header.
	if g := files["a.html.gz"]; g[3] != 0 || !bytes.Equal(g[4:8], []byte{0, 0, 0, 0}) || g[8] != 2 {
		t.Errorf("gzip header carries a name, a time or not -9: % x", g[:10])
	}
}
