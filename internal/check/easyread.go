package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/esosite/esosite/internal/readability"
)

// Easy read pages (content/en/easy-read/) are for readers who find long text
// hard: one idea a sentence, short sentences, everyday words.
const (
	EasyReadMaxGrade = 3  // Flesch-Kincaid grade
	EasyReadMaxWords = 12 // words in one sentence
)

// IsEasyRead reports whether the page at slash path rel (content/<lang>/...)
// is an easy read page.
func IsEasyRead(rel string) bool {
	parts := strings.SplitN(rel, "/", 4)
	return len(parts) == 4 && parts[0] == "content" && parts[2] == "easy-read"
}

// EasyRead fails an English easy read page above EasyReadMaxGrade, and each
// of its sentences longer than EasyReadMaxWords words, at the sentence's line.
func EasyRead(pages []Page) Problems {
	var ps Problems
	for _, p := range pages {
		if !strings.HasPrefix(p.Rel, "content/en/") || !IsEasyRead(p.Rel) {
			continue
		}
		st := readability.Measure(p.Data)
		if st.Grade > EasyReadMaxGrade {
			ps = append(ps, Problem{p.Path, 0, fmt.Sprintf("reads at Flesch-Kincaid grade %.1f, above %d for an easy read page; use shorter sentences and words of one or two syllables", st.Grade, EasyReadMaxGrade)})
		}
		for _, ws := range readability.Sentences(p.Data) {
			if len(ws) > EasyReadMaxWords {
				ps = append(ps, Problem{p.Path, lineOf(p.Data, ws), fmt.Sprintf("the sentence %q has %d words, more than %d for an easy read page; split it into sentences of one idea each", shortSentence(ws), len(ws), EasyReadMaxWords)})
			}
		}
	}
	return ps
}

// lineOf finds the line where a sentence's first words stand in the file, or
// 0 when markup between them hides it.
func lineOf(data []byte, ws []string) int {
	n := min(len(ws), 6)
	parts := make([]string, n)
	for i, w := range ws[:n] {
		parts[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(?i)` + strings.Join(parts, `[^\p{L}\p{N}]+`))
	if err != nil {
		return 0
	}
	loc := re.FindIndex(data)
	if loc == nil {
		return 0
	}
	return 1 + strings.Count(string(data[:loc[0]]), "\n")
}

func shortSentence(ws []string) string {
	if len(ws) > 8 {
		return strings.Join(ws[:8], " ") + " …"
	}
	return strings.Join(ws, " ")
}
