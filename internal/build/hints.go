package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// unknownShortcode is Hugo's message for a shortcode no layout defines.
var unknownShortcode = regexp.MustCompile(`template for shortcode "([^"]+)" not found`)

// hint adds how to fix it to a Hugo message that says only what is wrong.
func (ws *workspace) hint(msg string) string {
	if m := unknownShortcode.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s; the shortcodes are %s (or add layouts/_shortcodes/%s.html to your folder)", msg, strings.Join(ws.shortcodes(), ", "), m[1])
	}
	return msg
}

// shortcodes lists the shortcodes the built-in site and the Trust define.
func (ws *workspace) shortcodes() []string {
	seen := map[string]bool{}
	for _, root := range []string{ws.themeDir, ws.source} {
		entries, _ := os.ReadDir(filepath.Join(root, "layouts", "_shortcodes"))
		for _, e := range entries {
			if n, ok := strings.CutSuffix(e.Name(), ".html"); ok {
				seen[n] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
