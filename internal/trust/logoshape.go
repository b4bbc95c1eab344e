package trust

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/gif" // the logo formats checkLogo accepts
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp"

	"github.com/esosite/esosite/internal/check"
)

// MaxLogoRatio is how many times wider than high a logo may be before it
// shows too small: the phone header gives it at most 96 x 40 px, so a wider
// logo shrinks until its words cannot be read.
const MaxLogoRatio = 4.0

// Warnings are what `esosite check` and `esosite build` report without
// failing: things that work but will not look as the Trust expects.
func (c *Config) Warnings(dir string) check.Problems {
	var ps check.Problems
	if c.Trust.Logo != "" {
		if w, h, ok := logoSize(filepath.Join(dir, c.Trust.Logo)); ok && h > 0 && w/h > MaxLogoRatio {
			ps = append(ps, check.Problem{Path: c.path, Line: c.line("trust", "logo"), Message: fmt.Sprintf(
				"logo %q is %.1f times as wide as it is high; on a phone the header shows it at most 96 x 40 px, so its words will be too small to read; use a version at most %g times as wide as high (a stacked or square logo)",
				c.Trust.Logo, w/h, MaxLogoRatio)})
		}
	}
	return ps
}

// logoSize is the logo's width and height: the pixels of a bitmap, or an
// SVG's viewBox (else its width and height attributes).
func logoSize(path string) (w, h float64, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, false
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		return float64(cfg.Width), float64(cfg.Height), true
	}
	return svgSize(data)
}

func svgSize(data []byte) (w, h float64, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, false
		}
		el, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, false
		}
		var width, height, viewBox string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				width = a.Value
			case "height":
				height = a.Value
			case "viewBox":
				viewBox = a.Value
			}
		}
		if f := strings.Fields(strings.ReplaceAll(viewBox, ",", " ")); len(f) == 4 {
			w, errW := strconv.ParseFloat(f[2], 64)
			h, errH := strconv.ParseFloat(f[3], 64)
			if errW == nil && errH == nil {
				return w, h, true
			}
		}
		w, errW := strconv.ParseFloat(strings.TrimSuffix(width, "px"), 64)
		h, errH := strconv.ParseFloat(strings.TrimSuffix(height, "px"), 64)
		return w, h, errW == nil && errH == nil
	}
}
