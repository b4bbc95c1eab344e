package importer

import "testing"

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"26 May 2022":          "2022-05-26",
		"26th May, 2022":       "2022-05-26",
		"May 26, 2022":         "2022-05-26",
		"2022-05-26":           "2022-05-26",
		"26/05/2022":           "2022-05-26",
		"1 Sept 2023":          "2023-09-01",
		"31 June 2022":         "",
		"sometime in 2022":     "",
		"26 Maybe 2022":        "",
		"Last modified: today": "",
	} {
		d, ok := parseDate(in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestModifiedLine(t *testing.T) {
	for in, want := range map[string]struct {
		rest string
		ok   bool
	}{
		"Last modified":               {"", true},
		"Last modified: 26 May 2022":  {"26 May 2022", true},
		"Page last reviewed: 1 March": {"1 March", true},
		"Updated 3 June 2021":         {"3 June 2021", true},
		"The last modified version":   {"", false},
	} {
		rest, ok := modifiedLine(in)
		if rest != want.rest || ok != want.ok {
			t.Errorf("modifiedLine(%q) = %q, %v; want %q, %v", in, rest, ok, want.rest, want.ok)
		}
	}
}
