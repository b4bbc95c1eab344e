package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/esosite/esosite/internal/readability"
)

// MaxGrade is the highest Flesch-Kincaid grade a families' page may have
// (CONTENT.md: reading age 9 to 11 where possible, 11 to 14 at most).
const MaxGrade = 10

// A Reading is one English page's readability, for the report.
type Reading struct {
	Page     string
	Families bool // a families' page (failed above MaxGrade), not a professionals' one
	readability.Stats
}

// Readability measures every English page (the grade formula is for
// English) and fails families' pages above MaxGrade. Professionals' pages
// are reported, not failed.
func Readability(pages []Page) ([]Reading, Problems) {
	var rs []Reading
	var ps Problems
	for _, p := range pages {
		if !strings.HasPrefix(p.Rel, "content/en/") {
			continue
		}
		st := readability.Measure(p.Data)
		if st.Words == 0 {
			continue
		}
		r := Reading{Page: p.Path, Families: !strings.HasPrefix(p.Rel, "content/en/for-professionals/"), Stats: st}
		rs = append(rs, r)
		if r.Families && st.Grade > MaxGrade {
			ps = append(ps, Problem{p.Path, 0, fmt.Sprintf("reads at Flesch-Kincaid grade %.1f, above %d for a families' page; use shorter sentences and shorter, everyday words", st.Grade, MaxGrade)})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Page < rs[j].Page })
	return rs, ps
}
