package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// reviewYears is the site's review policy: a page is due for review three
// years after it was last reviewed (PIF TICK).
const reviewYears = 3

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

var (
	isoDateRE  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dmyDateRE  = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b`)
	mdyDateRE  = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	slashDate  = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	modifiedRE = regexp.MustCompile(`(?i)^(?:page\s+)?(?:last\s+(?:modified|updated|reviewed)|date\s+last\s+(?:modified|updated|reviewed)|updated)(?:\s+on)?\s*:?\s*(.*)$`)
)

// parseDate reads the date forms guidance pages use: "26 May 2022",
// "May 26, 2022", "2022-05-26" and the UK's "26/05/2022".
func parseDate(s string) (time.Time, bool) {
	mk := func(y, m, d int) (time.Time, bool) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		// time.Date normalises 31 June to 1 July; a real date survives.
		if t.Year() != y || int(t.Month()) != m || t.Day() != d || y < 1990 || y > 2200 {
			return time.Time{}, false
		}
		return t, true
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := isoDateRE.FindStringSubmatch(s); m != nil {
		return mk(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := dmyDateRE.FindStringSubmatch(s); m != nil {
		if mon, ok := months[strings.ToLower(m[2])]; ok {
			return mk(atoi(m[3]), int(mon), atoi(m[1]))
		}
	}
	if m := mdyDateRE.FindStringSubmatch(s); m != nil {
		if mon, ok := months[strings.ToLower(m[1])]; ok {
			return mk(atoi(m[3]), int(mon), atoi(m[2]))
		}
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		return mk(atoi(m[3]), atoi(m[2]), atoi(m[1]))
	}
	return time.Time{}, false
}

// modifiedLine recognises "Last modified" (with or without the date after
// it) and returns what follows the label.
func modifiedLine(text string) (rest string, ok bool) {
	m := modifiedRE.FindStringSubmatch(cleanSpace(text))
	if m == nil {
		return "", false
	}
	return m[1], true
}

func nextReview(last time.Time) time.Time { return last.AddDate(reviewYears, 0, 0) }
