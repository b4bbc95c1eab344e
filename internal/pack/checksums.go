package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// checksums is a SHA256SUMS file for files: one "<hash>  <path>" line per
// file, sorted by path, paths relative to the site folder. It is the format
// `sha256sum -c SHA256SUMS` reads, and easy to compare with PowerShell's
// Get-FileHash.
func checksums(files map[string][]byte) []byte {
	var b strings.Builder
	for _, p := range sortedKeys(files) {
		sum := sha256.Sum256(files[p])
		b.WriteString(hex.EncodeToString(sum[:]))
		b.WriteString("  ")
		b.WriteString(p)
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
