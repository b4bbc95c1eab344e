package importer

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slugify makes the lowercase ASCII id the site uses for headings, terms
// and file names: accents are dropped (é → e), apostrophes vanish
// ("child’s" → "childs") and anything else that is not a letter or digit
// becomes one hyphen.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == '‘' {
			continue
		}
		if t, ok := foldASCII[r]; ok {
			b.WriteString(t)
			hyphen = false
			continue
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			hyphen = false
			continue
		}
		if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// foldASCII covers the Latin letters that NFD does not split into a base
// letter and an accent.
var foldASCII = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// shortSlug keeps file names readable: at most max bytes, cut at a hyphen.
func shortSlug(s string, max int) string {
	if len(s) <= max {
		return s
	}
	if i := strings.LastIndexByte(s[:max+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:max]
}

// idSet hands out ids that are unique within one page: the second
// "Background" heading gets "background-2".
type idSet map[string]int

func (ids idSet) unique(base, fallback string) string {
	if base == "" {
		base = fallback
	}
	ids[base]++
	if n := ids[base]; n > 1 {
		id := base + "-" + strconv.Itoa(n)
		for ids[id] > 0 { // "a-2" may itself have been a heading
			n++
			id = base + "-" + strconv.Itoa(n)
		}
		ids[id]++
		return id
	}
	return base
}
