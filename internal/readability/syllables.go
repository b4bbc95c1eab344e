package readability

import (
	"strings"
	"unicode"
)

// spokenAsWords are capitalised short forms said as a word, not letter by letter.
var spokenAsWords = map[string]int{
	"PALS": 1, "PASS": 1, "NICE": 1, "CAFCASS": 2, "CEAC": 2, "ECNI": 4,
}

// Syllables estimates how many syllables an English word has: vowel groups,
// less a silent final e (-e, -es, -ed), with the usual exceptions (-le,
// consonant + -re, -ted, -ded, vowel + -ing, two-syllable vowel pairs such as
// "ia" in "media"). Short forms in capitals (NHS, MDT) are read letter by
// letter; a number counts one syllable per digit, up to four.
func Syllables(word string) int {
	if n, ok := spokenAsWords[word]; ok {
		return n
	}
	total := 0
	for _, part := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '/' || r == '–' }) {
		total += partSyllables(part)
	}
	return max(total, 1)
}

func partSyllables(word string) int {
	letters, digits, upper := 0, 0, 0
	for _, r := range word {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 0 {
		return min(max(digits, 1), 4)
	}
	if upper == letters && letters >= 2 && letters <= 5 {
		// An initialism: N-H-S. W says "double-u".
		n := 0
		for _, r := range word {
			if r == 'W' {
				n += 3
			} else if unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	w := strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, word)
	if w == "" {
		return 1
	}
	if len(w) <= 3 {
		return 1
	}
	n := 0
	prevVowel := false
	for i := 0; i < len(w); i++ {
		v := isVowel(w, i)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	n -= silentEnding(w)
	n += splitPairs(w)
	if strings.HasSuffix(w, "ing") && len(w) > 4 && isVowelOrY(w[len(w)-4]) {
		n++ // be-ing, go-ing, say-ing
	}
	return max(n, 1)
}

func isVowel(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		// y is a consonant at the start of a word or before a vowel (you, yes).
		return i > 0
	}
	return false
}

func isVowelOrY(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

func isConsonant(c byte) bool { return c >= 'a' && c <= 'z' && !isVowelOrY(c) }

// silentEnding is 1 when the word ends in an e that is not sounded.
func silentEnding(w string) int {
	n := len(w)
	c := func(i int) byte { // the letter i places before the end, or 0
		if n-1-i < 0 {
			return 0
		}
		return w[n-1-i]
	}
	switch {
	case strings.HasSuffix(w, "e"):
		b := c(1)
		switch {
		case isVowelOrY(b): // free, agree, due, eye
			if b == 'u' && n > 2 && (c(2) == 'g' || c(2) == 'q') {
				return 1 // league, unique
			}
			return 0
		case b == 'l' && isConsonant(c(2)) && c(2) != 'l': // table, people
			return 0
		case b == 'r' && isConsonant(c(2)) && c(2) != 'r': // centre, fibre
			return 0
		}
		return 1 // make, decide, whole
	case strings.HasSuffix(w, "es"):
		b := c(2)
		switch {
		case strings.ContainsRune("sxzcg", rune(b)), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
			return 0 // uses, places, judges, wishes
		case b == 'l' && isConsonant(c(3)) && c(3) != 'l': // examples
			return 0
		case b == 'r' && isConsonant(c(3)) && c(3) != 'r': // centres
			return 0
		case isConsonant(b), b == 'y' && isVowelOrY(c(3)):
			return 1 // makes, times, homes
		}
		return 0 // goes, agrees, babies
	case strings.HasSuffix(w, "ed"):
		b := c(2)
		switch {
		case b == 't', b == 'd':
			return 0 // wanted, needed
		case b == 'l' && isConsonant(c(3)) && c(3) != 'l': // handled
			return 0
		case b == 'r' && isConsonant(c(3)) && c(3) != 'r': // centred
			return 0
		case isConsonant(b), b == 'y' && isVowelOrY(c(3)):
			return 1 // asked, played, licensed
		}
	}
	return 0
}

// splitPairs counts vowel pairs said as two syllables: me-di-a, u-su-al,
// pe-ri-od, pre-mi-um, di-et, cre-ate.
func splitPairs(w string) int {
	n := 0
	for i := 1; i+1 < len(w); i++ {
		p := w[i : i+2]
		before := w[i-1]
		switch p {
		case "ia":
			if !strings.ContainsRune("ctsgx", rune(before)) || i+2 == len(w) {
				n++
			}
		case "io":
			if !strings.ContainsRune("ctsgxnl", rune(before)) { // not -tion, -sion, -nion, -lion
				n++
			}
		case "ua":
			if before != 'q' && before != 'g' {
				n++
			}
		case "iu":
			n++
		case "ie":
			// di-et, qui-et, sci-ence, cli-ent: ie before a consonant other
			// than s, d, f, v, l, c, w, r (piece, tried, field, believe, friend).
			if i+2 < len(w) && !strings.ContainsRune("sdfvlcwr", rune(w[i+2])) {
				n++
			}
		case "ea":
			// cre-ate, are-a, ide-a at the end or before -te/-tion.
			if i+2 == len(w) || strings.HasPrefix(w[i+2:], "te") || strings.HasPrefix(w[i+2:], "tion") {
				n++
			}
		case "eo":
			// vid-e-o, ge-o-graph-y; not peo-ple, not -eous (one syllable is usual).
			if before != 'p' && before != 'g' || i+2 == len(w) {
				if !strings.HasPrefix(w[i+1:], "ou") && before != 'p' {
					n++
				}
			}
		}
	}
	return n
}
