// Package trust owns a Trust's own folder: the esosite.toml settings (name,
// logo, brand colour, contacts, languages, baseURL), their validation with
// "esosite.toml:line: message" errors, the starter folder `esosite init`
// writes, and the Hugo params and files those settings become.
package trust

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/esosite/esosite/internal/check"
)

// FileName is the settings file at the top of a Trust's folder.
const FileName = "esosite.toml"

// Config is a Trust's esosite.toml.
type Config struct {
	BaseURL   string   `toml:"baseURL"`
	Languages []string `toml:"languages"`
	Trust     Details  `toml:"trust"`

	path  string   // as the person wrote it, for messages
	lines []string // the file, for finding a key's line
}

// Details are the Trust's own name, look and contacts.
type Details struct {
	Name        string   `toml:"name"`
	Logo        string   `toml:"logo"`
	BrandColour string   `toml:"brandColour"`
	Contacts    Contacts `toml:"contacts"`
}

// Contacts are the people a family or a reader can reach.
type Contacts struct {
	PALS          Contact `toml:"pals"`
	Advocate      Contact `toml:"advocate"`
	Accessibility Contact `toml:"accessibility"`
}

// Contact is one way to reach a team; every field is optional.
type Contact struct {
	Name  string `toml:"name"`
	Phone string `toml:"phone"`
	Email string `toml:"email"`
	URL   string `toml:"url"`
}

// Load reads DIR/esosite.toml. A folder without one is fine: it returns nil.
// languages are the languages the built-in site has, so a Trust cannot ask
// for one that does not exist.
func Load(dir, displayDir string, languages []string) (*Config, error) {
	path := filepath.Join(dir, FileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read it: %v", filepath.Join(displayDir, FileName), err)
	}
	return parse(data, dir, displayDir, languages)
}

// parse decodes and validates the bytes of an esosite.toml; dir is the
// folder it is in, where the logo is looked for.
func parse(data []byte, dir, displayDir string, languages []string) (*Config, error) {
	c := &Config{path: filepath.Join(displayDir, FileName), lines: strings.Split(string(data), "\n")}
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return nil, c.decodeProblems(err)
	}
	if err := c.validate(dir, languages).Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// decodeProblems turns go-toml's errors into Problems with lines and, for
// unknown keys, the key the person probably meant.
func (c *Config) decodeProblems(err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var ps check.Problems
		for _, e := range strict.Errors {
			row, _ := e.Position()
			key := e.Key()
			name := key[len(key)-1]
			msg := fmt.Sprintf("unknown setting %q", strings.Join(key, "."))
			if s := suggest(name, knownKeys(key[:len(key)-1])); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; see the comments `esosite init` writes for the settings there are"
			}
			ps = append(ps, check.Problem{Path: c.path, Line: row, Message: msg})
		}
		return ps.Err()
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if strings.Contains(msg, "cannot decode") {
			return check.Problems{{Path: c.path, Line: row, Message: "this setting has the wrong kind of value (" + msg + "); write it as the comments `esosite init` writes show: text in quotes, languages as a list such as [\"en\", \"cy\"]"}}
		}
		return check.Problems{{Path: c.path, Line: row, Message: msg + "; check the quotes and the = sign on this line"}}
	}
	return check.Problems{{Path: c.path, Line: 1, Message: err.Error()}}
}

// line finds where key is set inside [table] ("" for the top), so a value
// problem points at the right line.
func (c *Config) line(table, key string) int {
	current := ""
	for i, l := range c.lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			current = strings.Trim(t, "[] ")
			continue
		}
		if current == table {
			if k, _, ok := strings.Cut(t, "="); ok && strings.TrimSpace(k) == key {
				return i + 1
			}
		}
	}
	return 1
}
