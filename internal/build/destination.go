package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A UsageError is a mistake in the command line rather than in the site's
// files; the command exits with status 2 for it.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// IsUsage says whether err is a mistake in the command line.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// checkDestination refuses a destination the swap would wreck: the build
// replaces the whole folder, so it must be a folder of its own. A folder
// that exists must be empty or hold a site esosite built before.
func checkDestination(shown, dest, site string) error {
	if dest == filepath.VolumeName(dest)+string(filepath.Separator) {
		return usagef("esosite: --destination %q is the root of the file system; the build replaces the whole destination folder, so name a folder of its own, e.g. --destination public", shown)
	}
	if site != "" {
		abs, err := filepath.Abs(site)
		if err == nil {
			if rel, err := filepath.Rel(dest, abs); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
				return usagef("esosite: --destination %q is the site folder or holds it; the build replaces the destination, so choose a folder outside it, e.g. --destination public", shown)
			}
		}
	}
	st, err := os.Lstat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return usagef("esosite: --destination %q: %v", shown, unwrapPathError(err))
	}
	if !st.IsDir() {
		return usagef("esosite: --destination %q is a file, not a folder; name a folder for the site (the build replaces it)", shown)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return usagef("esosite: --destination %q cannot be read: %v", shown, unwrapPathError(err))
	}
	if len(entries) > 0 && !builtBefore(dest) {
		return usagef("esosite: --destination %q holds files that are not a site esosite built; the build replaces the whole folder, so choose a new or empty folder", shown)
	}
	return nil
}

// builtBefore recognises an earlier build by the files every build writes:
// the language chooser, the sitemap and the English pages.
func builtBefore(dir string) bool {
	for _, name := range []string{"index.html", "sitemap.xml", filepath.Join("en", "index.html")} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}
