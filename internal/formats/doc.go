// Package formats tests the formats issue 17 adds for families, in
// Chromium: the whole guide printed to PDF (page count, each section on a new
// page, large print), read aloud (hidden without a voice, reading with one),
// and offline reading (save, read three pages with no network, remove).
// The tests share one build of the site, served under a sub-path.
package formats
