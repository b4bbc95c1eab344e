package trust

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func pngOf(w, h int) string {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.String()
}

func TestLogoShapeWarning(t *testing.T) {
	cases := []struct {
		name, file, data string
		want             string // "" for no warning
	}{
		{"square png", "logo.png", pngOf(40, 40), ""},
		{"4:1 png is fine", "logo.png", pngOf(160, 40), ""},
		{"10:1 png", "logo.png", pngOf(400, 40), `site/esosite.toml:3: logo "logo.png" is 10.0 times as wide as it is high`},
		{"svg viewBox 8:1", "logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 100"></svg>`, `is 8.0 times as wide`},
		{"svg width and height 5:1", "logo.svg", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="500px" height="100"></svg>`, `is 5.0 times as wide`},
		{"svg without a size", "logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"></svg>`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, FileName), []byte("[trust]\nname = \"A Trust\"\nlogo = \""+c.file+"\"\n"), 0o644)
			os.WriteFile(filepath.Join(dir, c.file), []byte(c.data), 0o644)
			cfg, err := Load(dir, "site", langs)
			if err != nil {
				t.Fatal(err)
			}
			got := cfg.Warnings(dir).Error()
			if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("warnings = %q, want %q", got, c.want)
			}
		})
	}
}
