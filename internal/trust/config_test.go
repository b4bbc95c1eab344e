package trust

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var langs = []string{"cy", "en"}

// load writes esosite.toml (and any extra files) into a temp folder and loads it.
func load(t *testing.T, toml string, files map[string]string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte(toml), 0o644)
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	return Load(dir, "site", langs)
}

func TestStarterConfigIsValid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trust")
	if err := Init(dir); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir, dir, langs)
	if err != nil {
		t.Fatalf("the starter esosite.toml does not load: %v", err)
	}
	if c.Trust.Name != "Example NHS Foundation Trust" {
		t.Errorf("starter name = %q", c.Trust.Name)
	}
	for _, sub := range []string{"content/en", "layouts", "assets", "static", "i18n", "README.md"} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			t.Errorf("init did not write %s", sub)
		}
	}
	if err := Init(dir); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("init over an existing folder: %v", err)
	}
}

func TestNoConfigIsFine(t *testing.T) {
	c, err := Load(t.TempDir(), "site", langs)
	if c != nil || err != nil {
		t.Fatalf("want nil, nil; got %v, %v", c, err)
	}
}

func TestConfigErrors(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 16)
	cases := []struct {
		name, toml string
		files      map[string]string
		want       string
	}{
		{"unknown key with suggestion", "[trust]\nnmae = \"X\"\n", nil, `site/esosite.toml:2: unknown setting "trust.nmae"; did you mean "name"?`},
		{"unknown key in contact", "[trust.contacts.pals]\nphon = \"1\"\n", nil, `did you mean "phone"?`},
		{"unknown table", "[colours]\nx = 1\n", nil, `esosite.toml:1: unknown setting "colours"`},
		{"syntax", "[trust]\nname = \"X\n", nil, "site/esosite.toml:2:"},
		{"bad baseURL", "baseURL = \"trust.example/eso\"\n", nil, `site/esosite.toml:1: baseURL "trust.example/eso" is not a web address`},
		{"bad email", "[trust.contacts.pals]\nname = \"PALS\"\nemail = \"pals at trust\"\n", nil, `site/esosite.toml:3: email "pals at trust" is not an email address`},
		{"bad url", "[trust.contacts.advocate]\nurl = \"www.trust\"\n", nil, `esosite.toml:2: url "www.trust" is not a web address`},
		{"bad phone", "[trust.contacts.pals]\nphone = \"call us\"\n", nil, `esosite.toml:2: phone "call us"`},
		{"low contrast", "[trust]\nbrandColour = \"#ffcc00\"\n", nil, `esosite.toml:2: brandColour #ffcc00 has a contrast of 1.5:1`},
		{"not a colour", "[trust]\nbrandColour = \"blue\"\n", nil, `brandColour "blue" is not a colour`},
		{"unknown language", "languages = [\"en\", \"xx\"]\n", nil, `esosite.toml:1: language "xx" does not exist; choose from cy, en`},
		{"no english", "languages = [\"cy\"]\n", nil, `languages must include "en"`},
		{"duplicate language", "languages = [\"en\", \"cy\", \"cy\"]\n", nil, `esosite.toml:1: language "cy" is listed twice`},
		{"wrong type", "languages = \"cy\"\n", nil, `esosite.toml:1: this setting has the wrong kind of value`},
		{"logo too big", "[trust]\nlogo = \"logo.png\"\n", map[string]string{"logo.png": png + strings.Repeat("\x00", maxLogo)}, `esosite.toml:2: logo "logo.png" is 15 KB`},
		{"missing logo", "[trust]\nlogo = \"logo.png\"\n", nil, `esosite.toml:2: logo "logo.png" cannot be read`},
		{"logo not an image", "[trust]\nlogo = \"logo.png\"\n", map[string]string{"logo.png": "hello"}, `logo "logo.png" is not an image`},
		{"good logo", "[trust]\nlogo = \"logo.png\"\nbrandColour = \"#005eb8\"\n", map[string]string{"logo.png": png}, ""},
		{"svg with a handler", "[trust]\nlogo = \"logo.svg\"\n", map[string]string{"logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"}, `logo "logo.svg" is an SVG that runs script`},
		{"svg loading another site", "[trust]\nlogo = \"logo.svg\"\n", map[string]string{"logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://x.example/a.png\"/></svg>"}, `logo "logo.svg" is an SVG that runs script`},
		{"good svg logo", "[trust]\nlogo = \"logo.svg\"\n", map[string]string{"logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := load(t, c.toml, c.files)
			if c.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want %q, got: %v", c.want, err)
			}
		})
	}
}

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		hex  string
		want float64
	}{{"#000000", 21}, {"#ffffff", 1}, {"#005eb8", 6.4}} {
		rgb, _ := parseHex(c.hex)
		if got := contrast(rgb, white); got < c.want-0.1 || got > c.want+0.1 {
			t.Errorf("contrast(%s, white) = %.2f, want %.1f", c.hex, got, c.want)
		}
	}
}
