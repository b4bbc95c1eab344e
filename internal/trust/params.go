package trust

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Params are the Hugo site params the templates read (site.Params.trust).
func (c *Config) Params() map[string]any {
	contact := func(ct Contact) map[string]any {
		return map[string]any{"name": ct.Name, "phone": ct.Phone, "email": ct.Email, "url": ct.URL}
	}
	p := map[string]any{
		"name": c.Trust.Name,
		"contacts": map[string]any{
			"pals":          contact(c.Trust.Contacts.PALS),
			"advocate":      contact(c.Trust.Contacts.Advocate),
			"accessibility": contact(c.Trust.Contacts.Accessibility),
		},
	}
	if c.Trust.Logo != "" {
		p["logo"] = "trust/logo" + strings.ToLower(filepath.Ext(c.Trust.Logo))
	}
	return p
}

// WriteAssets writes the files the settings become into assets/ under dir (a
// Hugo theme layered above the built-in one): the logo, and the brand colour
// as CSS, so no inline style is ever needed.
func (c *Config) WriteAssets(siteDir, dir string) error {
	assets := filepath.Join(dir, "assets")
	if err := os.MkdirAll(filepath.Join(assets, "trust"), 0o755); err != nil {
		return err
	}
	if c.Trust.Logo != "" {
		data, err := os.ReadFile(filepath.Join(siteDir, c.Trust.Logo))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(assets, c.Params()["logo"].(string)), data, 0o644); err != nil {
			return err
		}
	}
	if c.Trust.BrandColour != "" {
		css := fmt.Sprintf("/* The Trust's brand colour, from esosite.toml. */\n:root { --brand: %s; }\n", c.Trust.BrandColour)
		if err := os.MkdirAll(filepath.Join(assets, "css"), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(assets, "css", "trust.css"), []byte(css), 0o644)
	}
	return nil
}
