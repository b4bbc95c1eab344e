package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A copied "Key terms and definitions" table loses its columns: each row
// becomes "Term Definition" on one line, sometimes with a non-breaking space
// or tab where the cell boundary was, often with nothing but a space.

var (
	termsHeadingRE = regexp.MustCompile(`(?i)^(key\s+)?(terms|words)(\s+(and|&)\s+(definitions|meanings))?(\s+used)?$|^glossary$|^definitions$`)
	acronymTermRE  = regexp.MustCompile(`^(.{1,80}?\([A-Z][A-Za-z]{1,9}\))\s+(\S.*)$`)
	termCaptionRE  = regexp.MustCompile(`(?i)^(list|table) of\b`)
)

const maxTermWords = 8

// splitTerm splits one row of a copied terms table into term and
// definition. raw is the line before white space was cleaned, because a
// non-breaking space or tab is the best clue to the cell boundary.
func splitTerm(raw string) (term, def string, ok bool) {
	raw = strings.TrimSpace(strings.Trim(raw, "\u00a0 \t"))
	// 1. An odd gap: a tab, a non-breaking space or two spaces.
	if i, j := cellGap(raw); i > 0 {
		if t, d := cleanSpace(raw[:i]), cleanSpace(raw[j:]); termLike(t) && defLike(d) {
			return t, d, true
		}
	}
	text := cleanSpace(raw)
	// 2. "Term: definition" or "Term – definition".
	for _, sep := range []string{": ", " – ", " — ", " - "} {
		if i := strings.Index(text, sep); i > 0 {
			if t, d := text[:i], text[i+len(sep):]; termLike(t) && defLike(d) {
				return t, d, true
			}
		}
	}
	// 3. A term ending in its abbreviation: "Multidisciplinary team (MDT) A group".
	if m := acronymTermRE.FindStringSubmatch(text); m != nil && termLike(m[1]) && defLike(m[2]) {
		return m[1], m[2], true
	}
	// 4. The definition starts at the first capital after the term's
	// first word ("Named consultant A named consultant ..."); for a term in
	// title case ("General Medical Council The body ...") at the first
	// article after a run of capitals.
	words := strings.Fields(text)
	for i := 1; i < len(words) && i <= maxTermWords; i++ {
		if !startsUpper(words[i]) {
			continue
		}
		cut := i
		for k := i; k < len(words) && k <= maxTermWords && startsUpper(words[k]); k++ {
			if isArticle(words[k]) {
				cut = k
				break
			}
		}
		t, d := strings.Join(words[:cut], " "), strings.Join(words[cut:], " ")
		if defLike(d) {
			return t, d, true
		}
		break
	}
	return "", "", false
}

// cellGap finds the first run of white space that is not a single plain
// space, returning where it starts and ends.
func cellGap(s string) (int, int) {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			i += w
			continue
		}
		j := i
		odd := false
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if !isSpace(r2) {
				break
			}
			if r2 != ' ' {
				odd = true
			}
			j += w2
		}
		if odd || j-i > 1 {
			return i, j
		}
		i = j
	}
	return -1, -1
}

func termLike(t string) bool {
	n := len(strings.Fields(t))
	return n >= 1 && n <= maxTermWords && !strings.ContainsAny(t, ".;") && startsUpper(t)
}

func defLike(d string) bool {
	r, _ := utf8.DecodeRuneInString(d)
	return len(strings.Fields(d)) >= 2 && (unicode.IsUpper(r) || unicode.IsDigit(r) || r == '(' || r == '‘' || r == '“')
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isArticle(w string) bool { return w == "A" || w == "An" || w == "The" }
