// Package browsertest checks every page of the built site in headless Chromium as families use it: axe-core accessibility rules, strict CSP, reflow at 320 px, keyboard, dark mode and print.
//
// The helpers are meant for reuse by other suites: [Listen] and [Serve] put a
// built site on 127.0.0.1 behind the strict CSP header, [Crawl] finds its
// pages, [NewBrowser] starts one Chromium, and [CheckPage] loads one page in
// one [Condition] and returns every [Failure] it finds.
package browsertest
