package importer

import "testing"

func TestChromeKind(t *testing.T) {
	for in, want := range map[string]string{
		"This document forms part of the Example guidance.": "banner",
		"This page is part of a series":                     "banner",
		"Skip to main content":                              "navigation",
		"Menu":                                              "navigation",
		"Home › Resources › Guidance":                       "breadcrumbs",
		"You are here: Home / About":                        "breadcrumbs",
		"Share this page: Facebook Twitter Email":           "share links",
		"Facebook LinkedIn":                                 "share links",
		"Share this page":                                   "navigation",
		"We use cookies to improve the site. Accept all":    "cookie notice",
		"© 2024 Example Health":                             "footer",
		"Privacy policy":                                    "footer",
		"Shared decision making comes first.":               "",
		"Home is where most children are cared for.":        "",
		"Families may share their views with the team.":     "",
		"The team will search for an expert.":               "",
		"Cookies, cakes and other treats are not covered.":  "",
		"": "",
	} {
		if got := chromeKind(in); got != want {
			t.Errorf("chromeKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChromeElement(t *testing.T) {
	tests := []struct {
		tag   string
		attrs map[string]string
		kind  string
		drop  bool
	}{
		{"nav", nil, "navigation", true},
		{"header", nil, "header", true},
		{"footer", nil, "footer", true},
		{"script", nil, "", true},
		{"div", map[string]string{"class": "cookie-banner"}, "cookie notice", true},
		{"ol", map[string]string{"class": "govuk-breadcrumbs__list"}, "breadcrumbs", true},
		{"div", map[string]string{"role": "banner"}, "header", true},
		{"span", map[string]string{"class": "visually-hidden"}, "", true},
		{"div", map[string]string{"class": "content"}, "", false},
		{"p", nil, "", false},
	}
	for _, tt := range tests {
		kind, drop := chromeElement(tt.tag, tt.attrs)
		if kind != tt.kind || drop != tt.drop {
			t.Errorf("chromeElement(%s %v) = %q, %v; want %q, %v", tt.tag, tt.attrs, kind, drop, tt.kind, tt.drop)
		}
	}
}
