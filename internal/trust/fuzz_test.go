package trust

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/check"
)

// FuzzLoad feeds the esosite.toml loader any bytes: it must never panic,
// and whatever it refuses it refuses as path:line problems a person can
// open, on a line the file has.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(starterConfig))
	f.Add([]byte("[trust]\nname = \"x\nlogo = \"../logo.png\"\n"))
	f.Add([]byte("languages = \"cy\"\n[trust.contacts.pals]\nurl = \"javascript:alert(1)\"\n"))
	f.Add([]byte("[trust]\nbrandColour = \"#ffffff\"\nnmae = 1\n[[trust]]\n"))
	f.Add([]byte("\xef\xbb\xbf[trust]\r\nname = 'a'\r\n"))
	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := parse(data, dir, "site", []string{"cy", "en"})
		if err == nil {
			return
		}
		var ps check.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("not path:line problems: %v", err)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, p := range ps {
			if p.Path != filepath.Join("site", FileName) || p.Line < 1 || p.Line > lines {
				t.Errorf("problem outside the file (it has %d lines): %s", lines, p)
			}
			if strings.TrimSpace(p.Message) == "" {
				t.Errorf("problem without a message: %s", p)
			}
		}
	})
}
