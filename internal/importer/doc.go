// Package importer turns a saved guidance page (HTML or plain text) into a checked Markdown page for the site.
//
// The flow is one way: bytes → encoding repair (mojibake.go) → a parser for
// the page's form (text.go or html.go) that drops site chrome (chrome.go) →
// a Document → footnote linking (footnotes.go) → Markdown and a glossary
// file (markdown.go) → a summary for the person running the import
// (report.go). Every guess the importer makes is either certain from
// context or reported, so the result only needs proofreading.
package importer
