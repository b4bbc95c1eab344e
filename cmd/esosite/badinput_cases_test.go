package main

import (
	"strings"
	"testing"
)

const (
	en       = "mytrust/content/en/parking.md"
	trustSec = `name = "Example NHS Foundation Trust"`
	palsURL  = "[trust.contacts.pals]\nname = \"Patient Advice and Liaison Service (PALS)\"\nphone = \"\"\nemail = \"\"\nurl = \"\""
	logoLine = `logo = ""`
	colour   = `brandColour = ""`
	langs    = `languages = ["en"]` // set in the template: see TestBadInput
	graph    = "data/walkthrough/graph.yaml"
	textEN   = "data/walkthrough/text/en.yaml"
	textCY   = "data/walkthrough/text/cy.yaml"
	buildCmd = "build --site mytrust --destination public"
)

func pals(field, value string) func(*testing.T) {
	return edits(toml, palsURL, strings.Replace(palsURL, field+` = ""`, field+" = "+value, 1))
}

// fm is a page with one front matter line replaced.
func fm(old, new string) string { return strings.Replace(page, old, new, 1) + "Some words.\n" }

func cmd(s string) []string { return strings.Fields(s) }

var pngHeader = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

var badInputs = []badInput{
	// esosite.toml
	{kind: "TOML syntax", file: toml, setup: edits(toml, trustSec, `name = "Example NHS Foundation Trust`), code: 1,
		first: "mytrust/esosite.toml:17: basic strings cannot have new lines; check the quotes and the = sign on this line"},
	{kind: "unknown setting", file: toml, setup: edits(toml, trustSec, `nmae = "Example"`), code: 1,
		first: "mytrust/esosite.toml:17: unknown setting \"trust.nmae\"; did you mean \"name\"?"},
	{kind: "wrong type", file: toml, setup: edits(toml, langs, `languages = "cy"`), code: 1,
		first: "mytrust/esosite.toml:12: this setting has the wrong kind of value (cannot decode TOML string into struct field trust.Config.Languages of type []string); write it as the comments `esosite init` writes show: text in quotes, languages as a list such as [\"en\", \"cy\"]"},
	{kind: "colour not a colour", file: toml, setup: edits(toml, colour, `brandColour = "blue"`), code: 1,
		first: "mytrust/esosite.toml:26: brandColour \"blue\" is not a colour; write it as #rrggbb, e.g. \"#005eb8\""},
	{kind: "colour too light", file: toml, setup: edits(toml, colour, `brandColour = "#ffdd00"`), code: 1,
		first: "mytrust/esosite.toml:26: brandColour #ffdd00 has a contrast of 1.3:1 with the white header text; WCAG AA needs 4.5:1, so choose a darker shade"},
	{kind: "baseURL javascript:", file: toml, setup: edits(toml, `baseURL = "https://www.example.nhs.uk/second-opinions/"`, `baseURL = "javascript:alert(1)"`), code: 1,
		first: "mytrust/esosite.toml:8: baseURL \"javascript:alert(1)\" is not a web address; write the full address the site will live at, e.g. \"https://www.example.nhs.uk/second-opinions/\""},
	{kind: "contact URL javascript:", file: toml, setup: pals("url", `"javascript:alert(1)"`), code: 1,
		first: "mytrust/esosite.toml:33: url \"javascript:alert(1)\" is not a web address; write the full address starting https://"},
	{kind: "contact URL without https", file: toml, setup: pals("url", `"www.example.nhs.uk/pals"`), code: 1,
		first: "mytrust/esosite.toml:33: url \"www.example.nhs.uk/pals\" is not a web address; write the full address starting https://"},
	{kind: "email", file: toml, setup: pals("email", `"pals at example.nhs.uk"`), code: 1,
		first: "mytrust/esosite.toml:32: email \"pals at example.nhs.uk\" is not an email address; write it like \"pals@example.nhs.uk\""},
	{kind: "phone", file: toml, setup: pals("phone", `"call the ward"`), code: 1,
		first: "mytrust/esosite.toml:31: phone \"call the ward\" has characters a phone number does not; use digits, spaces and + only"},
	{kind: "unknown language", file: toml, setup: edits(toml, langs, `languages = ["en", "fr"]`), code: 1,
		first: "mytrust/esosite.toml:12: language \"fr\" does not exist; choose from ar, bn, cy, en, es, pa, pl, pt, ro, ur"},
	{kind: "duplicate language", file: toml, setup: edits(toml, langs, `languages = ["en", "cy", "cy"]`), code: 1,
		first: "mytrust/esosite.toml:12: language \"cy\" is listed twice; list each language once"},
	{kind: "languages without en", file: toml, setup: edits(toml, langs, `languages = ["cy"]`), code: 1,
		first: "mytrust/esosite.toml:12: languages must include \"en\": every translation links to the English page"},
	{kind: "logo missing", file: toml, setup: edits(toml, logoLine, `logo = "logo.png"`), code: 1,
		first: "mytrust/esosite.toml:21: logo \"logo.png\" cannot be read; put the file in your site folder and give its path relative to esosite.toml"},
	{kind: "logo too big", file: toml, setup: all(edits(toml, logoLine, `logo = "logo.png"`), writes("mytrust/logo.png", pngHeader+strings.Repeat("\x00", 5<<20))), code: 1,
		first: "mytrust/esosite.toml:21: logo \"logo.png\" is 5121 KB; every page must load in 14 KB with everything on it, so export the logo smaller (a plain SVG, or a PNG of at most 7 KB)"},
	{kind: "logo not an image", file: toml, setup: all(edits(toml, logoLine, `logo = "logo.png"`), writes("mytrust/logo.png", "our logo\n")), code: 1,
		first: "mytrust/esosite.toml:21: logo \"logo.png\" is not an image; use a PNG, JPEG, GIF, WebP or SVG file"},
	{kind: "SVG logo with script", file: toml, setup: all(edits(toml, logoLine, `logo = "logo.svg"`), writes("mytrust/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)), code: 1,
		first: "mytrust/esosite.toml:21: logo \"logo.svg\" is an SVG that runs script or loads other files; export a plain SVG or a PNG"},

	// front matter
	{kind: "missing title", file: en, setup: writes(en, fm("title: \"Parking\"\n", "")), code: 1,
		first: "mytrust/content/en/parking.md:7: missing \"title\"; add a line `title: \"...\"` to the front matter"},
	{kind: "missing sources", file: en, setup: writes(en, fm("sources: []\n", "")), code: 1,
		first: "mytrust/content/en/parking.md:7: missing \"sources\"; add `sources:` with one `  - \"https://...\"` line per source the page's facts come from (or `sources: []`)"},
	{kind: "date not a date", file: en, setup: writes(en, fm("2026-01-01", "1st January 2026")), code: 1,
		first: "mytrust/content/en/parking.md:4: \"lastReviewed\" is \"1st January 2026\", not a date; write it as YYYY-MM-DD, e.g. 2026-01-31"},
	{kind: "review gap over 3 years", file: en, setup: writes(en, fm("2027-01-01", "2030-01-01")), code: 1,
		first: "mytrust/content/en/parking.md:5: nextReview (2030-01-01) is more than 3 years after lastReviewed; pages are reviewed at least every 3 years, so set it to 2029-01-01 or earlier"},
	{kind: "next review before last", file: en, setup: writes(en, fm("2027-01-01", "2025-01-01")), code: 1,
		first: "mytrust/content/en/parking.md:5: nextReview (2025-01-01) must come after lastReviewed (2026-01-01); set it to a later date, at most 3 years on"},
	{kind: "YAML error", file: en, setup: writes(en, fm(`title: "Parking"`, `title: [Parking`)), code: 1, only: true,
		first: "mytrust/content/en/parking.md:2: front matter is not valid YAML: did not find expected ',' or ']'"},
	{kind: "no front matter", file: en, setup: writes(en, "# Parking\n\nSome words.\n"), code: 1, only: true,
		first: "mytrust/content/en/parking.md:1: no front matter; start the file with a line \"---\", the fields title, description, lastReviewed, nextReview and sources, then \"---\""},
	{kind: "invalid UTF-8", file: en, setup: writes(en, fm(`"Parking"`, "\"Parking \xff\"")), code: 1, only: true,
		first: "mytrust/content/en/parking.md:2: is not UTF-8 text; save the file as UTF-8 in your editor (and check the characters on this line)"},
	{kind: "byte order mark and a missing title", file: en, setup: writes(en, "\ufeff"+fm("title: \"Parking\"\n", "")), code: 1, only: true,
		first: "mytrust/content/en/parking.md:7: missing \"title\"; add a line `title: \"...\"` to the front matter"},
	{kind: "empty file", file: en, setup: writes(en, ""), code: 1, only: true,
		first: "mytrust/content/en/parking.md:1: no front matter; start the file with a line \"---\", the fields title, description, lastReviewed, nextReview and sources, then \"---\""},
	{kind: "5 MB page", file: en, setup: writes(en, fm("", "")+strings.Repeat("Park in the multi-storey car park. ", 150000)), code: 1,
		first: "mytrust/content/en/parking.md:1: is 5128 KB of Markdown; a page must weigh at most 14 KB with brotli, so keep it under 64 KB and split the rest into pages of their own"},
	{kind: "unknown layout", file: en, setup: writes(en, fm("translate: false\n", "translate: false\nlayout: fancy\n")), code: 1,
		first: "mytrust/content/en/parking.md:8: layout \"fancy\" does not exist; remove the line, or add layouts/fancy.html"},
	{kind: "translation without translation block", file: "mytrust/content/cy/about.md", setup: builtIn("content/cy/about.md", "\ntranslation:", "\noldTranslation:"), code: 1,
		first: "mytrust/content/cy/about.md:1: a translation needs `translation: {status: draft, sourceHash: ...}` in its front matter; only a qualified translator's review may change draft to reviewed"},

	// Markdown
	{kind: "raw HTML", file: en, setup: writes(en, page+"<div>Park here.</div>\n"), code: 1,
		first: "mytrust/content/en/parking.md:9: raw HTML <div> is not shown: the site leaves HTML out of pages; write it in Markdown, or ask for a shortcode"},
	{kind: "javascript: link", file: en, setup: writes(en, page+"[Park](javascript:alert(1)).\n"), code: 1,
		first: "mytrust/content/en/parking.md:9: link to a javascript: address; pages may link only to https://, mailto: or tel: addresses and to site paths such as /asking-for-a-second-opinion/, so remove it"},
	{kind: "link to a missing page", file: en, setup: writes(en, page+"[Park](/no-such-page/).\n"), code: 1,
		first: "mytrust/content/en/parking.md:9: <a> points to \"/no-such-page/\", which the site does not have; fix the link (content links are written without the language, e.g. /asking-for-a-second-opinion/) or add the page"},
	{kind: "link to a missing anchor", file: en, setup: writes(en, page+"[Ask](/asking-for-a-second-opinion/#no-such-part).\n"), code: 1,
		first: "mytrust/content/en/parking.md:9: link \"/second-opinions/en/asking-for-a-second-opinion/#no-such-part\": page en/asking-for-a-second-opinion/index.html has no heading or element with id \"no-such-part\"; use one of its {#id} heading ids"},
	{kind: "heading without id", file: en, setup: writes(en, page+"## Where to park\n\nSome words.\n"), code: 1,
		first: "mytrust/content/en/parking.md:9: heading \"Where to park\" has no id; end it with {#some-words}, the same in every language, so links to it stay stable"},
	{kind: "duplicate heading id", file: en, setup: writes(en, page+"## Cars {#park}\n\nWords.\n\n## Bikes {#park}\n\nWords.\n"), code: 1,
		first: "mytrust/content/en/parking.md:13: heading id \"park\" is already used on line 9; give each heading its own id"},
	{kind: "unknown shortcode", file: en, setup: writes(en, page+"{{< map >}}\n"), code: 1,
		first: "mytrust/content/en/parking.md:9: failed to extract shortcode: template for shortcode \"map\" not found; the shortcodes are checklist, contact, english-version, next, point, quote, summary, trust-name, urgent (or add layouts/_shortcodes/map.html to your folder)"},

	// walkthrough
	{kind: "walkthrough graph replaced", file: "mytrust/" + graph, setup: builtIn(graph, "to: ", "to: nowhere\n        x: "), code: 1, only: true,
		first: "mytrust/data/walkthrough/graph.yaml:1: a Trust folder may not replace the walkthrough's structure (its steps, answers and where they lead); remove this file, and to change the words put them in mytrust/data/walkthrough/text/<lang>.yaml"},
	{kind: "walkthrough text names an unknown step", file: "mytrust/" + textEN, setup: builtIn(textEN, "  talk-to-the-consultant:", "  talk-to-nobody:"), code: 1,
		first: "mytrust/data/walkthrough/text/en.yaml:40: missing step \"talk-to-the-consultant\": every language needs the words of every step in graph.yaml"},
	{kind: "walkthrough answer label missing", file: "mytrust/" + textEN, setup: builtIn(textEN, "      thinking: \"We are thinking about asking for a second opinion\"\n", ""), code: 1,
		first: "mytrust/data/walkthrough/text/en.yaml:45: where-are-you: missing the label of answer \"thinking\""},
	{kind: "walkthrough text YAML error", file: "mytrust/" + textEN, setup: builtIn(textEN, "  where-are-you:", "  where-are-you: ["), code: 1,
		first: "mytrust/data/walkthrough/text/en.yaml:40: not valid YAML: did not find expected ',' or ']'"},
	{kind: "walkthrough translation without translation block", file: "mytrust/" + textCY, setup: builtIn(textCY, "\ntranslation:", "\noldTranslation:"), code: 1,
		first: "mytrust/data/walkthrough/text/cy.yaml:1: a translation needs a block `translation: {status: draft, sourceHash: \"...\"}` (sourceHash: the first 16 hex digits of the SHA-256 of text/en.yaml), so the walkthrough shows its draft notice; only a qualified translator's review may change draft to reviewed"},

	// UI strings
	{kind: "UI strings TOML syntax", file: "mytrust/i18n/en.toml", setup: writes("mytrust/i18n/en.toml", "[skipToContent\nother = \"Skip\"\n"), code: 1,
		first: "mytrust/i18n/en.toml:1: the UI strings are not valid TOML (expected ']' to close table name); write each as [key] with other = \"...\" below it, as in the built-in i18n/en.toml"},
	{kind: "UI strings wrong plural forms", file: "mytrust/i18n/cy.toml", setup: builtIn("i18n/cy.toml", "two = \"{{ .Count }} dudalen\"\n", ""), code: 1,
		first: "mytrust/i18n/cy.toml:68: \"pageCount\" has the plural forms zero, one, few, many, other; cy needs exactly zero, one, two, few, many, other (CLDR)"},

	// importer inputs
	{kind: "import: empty file", file: "input.html", args: cmd("import input.html --out mytrust/content/en"), setup: writes("input.html", ""), code: 1,
		first: "input.html: no guidance text found; is this a page saved from a browser (HTML) or copied as plain text?"},
	{kind: "import: binary file", file: "input.html", args: cmd("import input.html --out mytrust/content/en"), setup: writes("input.html", "%PDF-1.7\n\x00\x01\x02\x03binary"), code: 1,
		first: "input.html: is not text (it looks like a PDF, an image or a document file); save the page from a browser as HTML, or copy its text into a .txt file"},
	{kind: "import: 50 MB file", file: "input.txt", args: cmd("import input.txt --out mytrust/content/en"), setup: writes("input.txt", strings.Repeat("Words of guidance. ", 50<<20/19)), code: 1,
		first: "input.txt: is 49 MB; a guidance page saved from a browser is far smaller than 10 MB, so save the page alone (\"Web page, HTML only\") or copy its text"},
	{kind: "import: 100,000-deep HTML", file: "input.html", args: cmd("import input.html --out mytrust/content/en"), setup: writes("input.html", "<html><body>"+strings.Repeat("<div>", 100000)+"Text"), code: 1,
		first: "input.html: the HTML could not be read (html: open stack of elements exceeds 512 nodes); save the page again from the browser (\"Web page, HTML only\")"},
	{kind: "import: invalid UTF-8", file: "input.txt", args: cmd("import input.txt --out mytrust/content/en"), setup: writes("input.txt", "Title\n\n\xff\xfe\xfd words\n"), code: 0,
		first: "input.txt → mytrust/content/en/title.md: 0 headings, 0 lists, 0 quotes, 0 footnotes, 0 terms, 0 repairs, 0 chrome dropped, 3 warnings"},

	// the command line
	{kind: "unknown flag", file: "(command line)", args: cmd(buildCmd + " --destiantion x"), code: 2,
		first: "esosite build: flag provided but not defined: -destiantion; run `esosite build -h` for the flags there are"},
	{kind: "destination /", file: "(command line)", args: cmd("build --site mytrust --destination /"), code: 2,
		first: "esosite: --destination \"/\" is the root of the file system; the build replaces the whole destination folder, so name a folder of its own, e.g. --destination public"},
	{kind: "destination is the site folder", file: "(command line)", args: cmd("build --site mytrust --destination mytrust"), code: 2,
		first: "esosite: --destination \"mytrust\" is the site folder or holds it; the build replaces the destination, so choose a folder outside it, e.g. --destination public"},
	{kind: "destination is a file", file: "(command line)", args: cmd("build --site mytrust --destination notes.txt"), setup: writes("notes.txt", "notes\n"), code: 2,
		first: "esosite: --destination \"notes.txt\" is a file, not a folder; name a folder for the site (the build replaces it)"},
	{kind: "destination holds other files", file: "(command line)", args: cmd("build --site mytrust --destination docs"), setup: writes("docs/report.pdf", "%PDF"), code: 2,
		first: "esosite: --destination \"docs\" holds files that are not a site esosite built; the build replaces the whole folder, so choose a new or empty folder"},
	{kind: "garbage baseURL", file: "(command line)", args: cmd(buildCmd + " --baseURL ht!tp://x"), code: 2,
		first: "esosite: --baseURL \"ht!tp://x\" is not a web address; write it like https://trust.example/eso/ or /eso/"},
	{kind: "--site at nothing", file: "(command line)", args: cmd("build --site nothing --destination public"), code: 2,
		first: "esosite: --site \"nothing\" cannot be read: no such file or directory; check the path, or make the folder with esosite init nothing"},
	{kind: "unknown command", file: "(command line)", args: cmd("biuld --site mytrust"), code: 2,
		first: "esosite: unknown command \"biuld\"; the commands are listed below (esosite help)"},
}
