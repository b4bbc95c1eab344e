package translation

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteReport prints one line per language, then what a Trust should send
// to translators: missing and stale pages, and missing UI strings.
func WriteReport(w io.Writer, report []Language) {
	fmt.Fprintln(w, "Translations (a draft is not yet checked by a qualified translator; stale: English changed since):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "language\tpublished\tpages\tdraft\treviewed\tstale\tUI strings\twalkthrough\t")
	for _, l := range report {
		pub := "no"
		if l.Published {
			pub = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d\t%d\t%d\t%d/%d\t%s\t\n", l.Lang, pub, l.Pages, l.Of, l.Draft, l.Reviewed, len(l.Stale), l.Keys, l.KeysOf, l.Walkthrough)
	}
	tw.Flush()
	for _, l := range report {
		stale := l.Walkthrough == "stale"
		if len(l.Missing)+len(l.Stale)+len(l.MissingKeys) == 0 && !stale {
			continue
		}
		fmt.Fprintf(w, "  %s:", l.Lang)
		if len(l.Missing) > 0 {
			fmt.Fprintf(w, " missing pages: %s;", strings.Join(l.Missing, ", "))
		}
		if len(l.Stale) > 0 {
			fmt.Fprintf(w, " stale pages: %s;", strings.Join(l.Stale, ", "))
		}
		if stale {
			fmt.Fprintf(w, " stale walkthrough text: data/walkthrough/text/%s.yaml;", l.Lang)
		}
		if len(l.MissingKeys) > 0 {
			fmt.Fprintf(w, " missing UI strings: %d;", len(l.MissingKeys))
		}
		fmt.Fprintln(w)
	}
}
