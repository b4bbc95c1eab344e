package trust

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Init writes a starter Trust folder: esosite.toml with every setting
// explained, empty folders for overrides, and a README for the web team.
// It refuses to overwrite an existing esosite.toml.
func Init(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
		return fmt.Errorf("%s: already exists; edit it, or choose an empty folder", filepath.Join(dir, FileName))
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %v", dir, err)
	}
	for _, sub := range []string{"content/en", "layouts", "assets", "static", "i18n"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("%s: cannot create it: %v", filepath.Join(dir, sub), err)
		}
	}
	files := map[string]string{FileName: starterConfig, "README.md": starterReadme}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return fmt.Errorf("%s: cannot write it: %v", filepath.Join(dir, name), err)
		}
	}
	return nil
}

const starterConfig = `# esosite.toml: your Trust's settings for the second-opinions guide.
# Every setting is optional. Build with:  esosite build --site THIS-FOLDER
# Anything left empty uses the built-in default, which tells families to ask
# the ward or their child's consultant rather than showing a made-up contact.

# The full web address the site will be published at. A path is fine.
# (--baseURL on the command line wins over this.)
baseURL = "https://www.example.nhs.uk/second-opinions/"

# Which languages to publish. "en" must be one of them. Leave the list out
# to publish every language the built-in site has.
# languages = ["en", "cy"]

[trust]
# Your organisation's name, as families know it. Shown in the header, the
# footer and wherever a page says "your child's hospital".
name = "Example NHS Foundation Trust"

# Your logo, relative to this file: PNG, JPEG, GIF, WebP or plain SVG.
# It is shown beside your name in the header. Leave empty for no logo.
logo = ""

# One brand colour as #rrggbb, used behind the white header text. It must
# have a contrast of at least 4.5:1 with white (WCAG AA); the build says so
# if it does not. Leave empty for the built-in blue.
brandColour = ""

# Patient advice: PALS in England, PASS in Scotland, or your concerns team.
[trust.contacts.pals]
name = "Patient Advice and Liaison Service (PALS)"
phone = ""
email = ""
url = ""

# The family advocate, or the patient experience team who can arrange one.
[trust.contacts.advocate]
name = "Patient Experience Team"
phone = ""
email = ""
url = ""

# Who readers tell about an accessibility problem with this site.
[trust.contacts.accessibility]
name = "Web team"
phone = ""
email = ""
url = ""
`

const starterReadme = `# Your Trust's second-opinions site

This folder holds your Trust's settings and changes. esosite lays it over the
built-in guide, so you only keep what is yours here.

1. Edit esosite.toml: your name, logo, colour and contacts.
2. Check it:    esosite check --site .
3. Preview it:  esosite serve --site .      then open http://127.0.0.1:1313/
4. Build it:    esosite build --site . --destination public

Folders:
- content/en/  add a page (parking.md) or replace a built-in one with the same
               file name (about.md). Every page needs title, description,
               lastReviewed, nextReview and sources in its front matter;
               a page only in English also needs translate: false.
- layouts/, assets/, i18n/, static/  replace built-in templates, styles,
               wording or files at the same path. Most Trusts need none.

Any problem is printed as file:line: what is wrong, and how to fix it.
`
