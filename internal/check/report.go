package check

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// WriteReport prints what `esosite check` measured: each English page's
// readability, and the heaviest pages against the weight budget.
func WriteReport(w io.Writer, readings []Reading, weights []Weight, budget int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "Readability of the English pages (families' pages fail above grade 10):")
	fmt.Fprintln(tw, "page\twords\tgrade\tlongest sentence\tsentences over 20 words\tlongest paragraph (sentences)\t")
	var grades []float64
	for _, r := range readings {
		name := r.Page
		if !r.Families {
			name += " (professionals, reported only)"
		} else {
			grades = append(grades, r.Grade)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%d\t%d\t%d\t\n", name, r.Words, r.Grade, r.LongestSentence, r.LongSentences, r.LongestParagraph)
	}
	tw.Flush()
	if len(grades) > 0 {
		fmt.Fprintf(w, "Median grade of the families' pages: %.1f (aim: 8 or lower)\n", median(grades))
	}
	fmt.Fprintf(w, "\nHeaviest pages with everything they load, brotli (budget %d bytes):\n", budget)
	shown, printed := 0, false
	for _, wt := range weights {
		if IsPrintPage(wt.Page) {
			// Heaviest first, so the first print page is the heaviest one.
			if !printed {
				fmt.Fprintf(w, "  %6d  %s (the whole guide to print; budget %d bytes)\n", wt.Total, wt.Page, PrintBudget)
				printed = true
			}
			continue
		}
		if shown < 5 {
			fmt.Fprintf(w, "  %6d  %s\n", wt.Total, wt.Page)
			shown++
		}
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
