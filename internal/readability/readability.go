// Package readability measures how easy a page is to read: Flesch-Kincaid grade, sentence and paragraph length.
package readability

import (
	"math"
	"strings"
)

// LongSentenceWords is the most words a sentence may have before it counts
// as long (CONTENT.md: sentences of 20 words or fewer).
const LongSentenceWords = 20

// Stats describes the prose of one page. Headings are not counted. Each
// paragraph, list item and table row is a unit of its own: a list item
// without a full stop still counts as one sentence.
type Stats struct {
	Words, Sentences, Paragraphs int
	// Grade is the Flesch-Kincaid grade level (0 for a page with no words).
	Grade float64
	// LongestSentence is in words; LongSentences counts sentences of more
	// than LongSentenceWords words; LongestParagraph is in sentences.
	LongestSentence, LongSentences, LongestParagraph int
}

// Measure reads a Markdown page (front matter, shortcodes and all) and
// measures its prose.
func Measure(markdown []byte) Stats {
	var s Stats
	syllables := 0
	// A byte order mark would hide the front matter, which is not prose.
	for _, unit := range units(plain(strings.TrimPrefix(string(markdown), "\ufeff"))) {
		n := 0
		for _, sentence := range sentences(unit) {
			ws := words(sentence)
			if len(ws) == 0 {
				continue
			}
			n++
			s.Words += len(ws)
			for _, w := range ws {
				syllables += Syllables(w)
			}
			s.LongestSentence = max(s.LongestSentence, len(ws))
			if len(ws) > LongSentenceWords {
				s.LongSentences++
			}
		}
		if n == 0 {
			continue
		}
		s.Sentences += n
		s.Paragraphs++
		s.LongestParagraph = max(s.LongestParagraph, n)
	}
	if s.Words > 0 {
		g := 0.39*float64(s.Words)/float64(s.Sentences) + 11.8*float64(syllables)/float64(s.Words) - 15.59
		s.Grade = math.Round(g*10) / 10
	}
	return s
}

// Sentences lists every sentence of a Markdown page's prose as its words,
// in order, so a check can name the one that is too long.
func Sentences(markdown []byte) [][]string {
	var out [][]string
	for _, unit := range units(plain(string(markdown))) {
		for _, s := range sentences(unit) {
			if ws := words(s); len(ws) > 0 {
				out = append(out, ws)
			}
		}
	}
	return out
}
