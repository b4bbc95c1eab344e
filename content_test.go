package esosite_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/esosite/esosite"
	"github.com/esosite/esosite/internal/readability"
	"go.yaml.in/yaml/v3"
)

// guidePages are the English pages of the families' guide (CONTENT.md), by
// their language-neutral path, with the file each one lives in. The
// walkthrough (/what-happens-next/) is built from data and tested elsewhere.
var guidePages = []struct {
	path, file string
	// professional pages are reported by the readability test, not failed.
	professional bool
}{
	{"/", "content/en/_index.md", false},
	{"/what-is-a-second-opinion/", "content/en/what-is-a-second-opinion.md", false},
	{"/asking-for-a-second-opinion/", "content/en/asking-for-a-second-opinion.md", false},
	{"/who-gives-the-opinion/", "content/en/who-gives-the-opinion.md", false},
	{"/what-happens-during-a-second-opinion/", "content/en/what-happens-during-a-second-opinion.md", false},
	{"/when-the-opinion-comes-back/", "content/en/when-the-opinion-comes-back.md", false},
	{"/if-you-still-disagree/", "content/en/if-you-still-disagree.md", false},
	{"/other-options/", "content/en/other-options.md", false},
	{"/being-part-of-decisions/", "content/en/being-part-of-decisions.md", false},
	{"/new-or-experimental-treatments/", "content/en/new-or-experimental-treatments.md", false},
	{"/getting-support/", "content/en/getting-support.md", false},
	{"/words-you-might-hear/", "content/en/words-you-might-hear.md", false},
	{"/for-professionals/", "content/en/for-professionals/_index.md", true},
	{"/accessibility/", "content/en/accessibility.md", false},
	{"/about/", "content/en/about.md", false},
}

// easyReadPages are the English easy read pages (issue 17). They are held to
// their own readability rule by esosite check, so they stay out of the
// guide's readability figures.
var easyReadPages = []struct{ path, file string }{
	{"/easy-read/", "content/en/easy-read/_index.md"},
	{"/easy-read/what-is-a-second-opinion/", "content/en/easy-read/what-is-a-second-opinion.md"},
	{"/easy-read/asking-for-a-second-opinion/", "content/en/easy-read/asking-for-a-second-opinion.md"},
	{"/easy-read/what-happens-during-a-second-opinion/", "content/en/easy-read/what-happens-during-a-second-opinion.md"},
	{"/easy-read/when-the-opinion-comes-back/", "content/en/easy-read/when-the-opinion-comes-back.md"},
	{"/easy-read/if-you-still-disagree/", "content/en/easy-read/if-you-still-disagree.md"},
}

const glossaryFile = "content/en/words-you-might-hear.md"

// templateIDs are element ids the layouts add to every page; content must not reuse them.
var templateIDs = []string{"main-points", "next-step-title", "contents-title", "sources-title", "main"}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(esosite.Files, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b
}

// frontMatter is the part of a page's YAML front matter these tests need.
type frontMatter struct {
	Title        string    `yaml:"title"`
	Description  string    `yaml:"description"`
	LastReviewed string    `yaml:"lastReviewed"`
	NextReview   string    `yaml:"nextReview"`
	Sources      *[]string `yaml:"sources"` // nil when the key is missing
}

// parseFrontMatter reads the YAML front matter between the first two --- lines.
func parseFrontMatter(b []byte) (frontMatter, error) {
	var fm frontMatter
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	if !strings.HasPrefix(s, "---\n") {
		return fm, fmt.Errorf("no YAML front matter: the file must start with a --- line")
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return fm, fmt.Errorf("the front matter has no closing --- line")
	}
	err := yaml.Unmarshal([]byte(s[4:4+end]), &fm)
	return fm, err
}

// contentFiles lists every Markdown file under content/, in every language.
func contentFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := fs.WalkDir(esosite.Files, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGuidePagesExist(t *testing.T) {
	for _, p := range guidePages {
		if _, err := fs.Stat(esosite.Files, p.file); err != nil {
			t.Errorf("page %s: %s is missing", p.path, p.file)
		}
	}
	for _, p := range easyReadPages {
		if _, err := fs.Stat(esosite.Files, p.file); err != nil {
			t.Errorf("easy read page %s: %s is missing", p.path, p.file)
		}
	}
}

var endOfSentence = regexp.MustCompile(`[.!?]["')\]]?\s+\S`)

func TestFrontMatter(t *testing.T) {
	files := []string{"content/en/chooser.md"}
	for _, p := range guidePages {
		files = append(files, p.file)
	}
	for _, name := range files {
		fm, err := parseFrontMatter(readFile(t, name))
		if err != nil {
			t.Errorf("%s: front matter: %v", name, err)
			continue
		}
		for k, v := range map[string]string{"title": fm.Title, "description": fm.Description, "lastReviewed": fm.LastReviewed, "nextReview": fm.NextReview} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: front matter has no %s", name, k)
			}
		}
		if d := fm.Description; d != "" && (!strings.HasSuffix(d, ".") || endOfSentence.MatchString(d)) {
			t.Errorf("%s: description must be one sentence ending in a full stop: %q", name, d)
		}
		last, err1 := time.Parse(time.DateOnly, fm.LastReviewed)
		next, err2 := time.Parse(time.DateOnly, fm.NextReview)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: lastReviewed %q and nextReview %q must be YYYY-MM-DD dates", name, fm.LastReviewed, fm.NextReview)
		} else if !next.After(last) || next.After(last.AddDate(3, 0, 0)) {
			t.Errorf("%s: nextReview %s must come after lastReviewed %s and at most 3 years later", name, next.Format(time.DateOnly), last.Format(time.DateOnly))
		}
		if fm.Sources == nil {
			t.Errorf("%s: front matter has no sources list", name)
			continue
		}
		if len(*fm.Sources) == 0 && name != "content/en/chooser.md" {
			t.Errorf("%s: sources is empty; list the pages its facts come from", name)
		}
		for _, s := range *fm.Sources {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Errorf("%s: source %q is not an http(s) URL", name, s)
			}
		}
	}
}

func TestReadability(t *testing.T) {
	var grades []float64
	for _, p := range guidePages {
		s := readability.Measure(readFile(t, p.file))
		t.Logf("%-40s %4d words  grade %4.1f  sentences %3d (longest %2d words, %d over %d)  paragraphs %3d (longest %d sentences)",
			p.path, s.Words, s.Grade, s.Sentences, s.LongestSentence, s.LongSentences, readability.LongSentenceWords, s.Paragraphs, s.LongestParagraph)
		if p.professional {
			continue
		}
		grades = append(grades, s.Grade)
		if s.Grade > 10 {
			t.Errorf("%s (%s): Flesch-Kincaid grade %.1f is above 10; use shorter words and sentences", p.path, p.file, s.Grade)
		}
	}
	slices.Sort(grades)
	median := 0.0
	if n := len(grades); n > 0 {
		median = (grades[(n-1)/2] + grades[n/2]) / 2
	}
	t.Logf("families' pages: median Flesch-Kincaid grade %.1f (aim: 8 or lower)", median)
}

var (
	headingLine = regexp.MustCompile(`^#{1,6}[ \t]`)
	headingID   = regexp.MustCompile(`\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}[ \t]*$`)
	anyID       = regexp.MustCompile(`\{#([^}\s]+)\}`)
	// shortcodeID is an id given to a shortcode that renders its own heading,
	// such as {{< checklist id="questions-to-ask" ... >}}.
	shortcodeID = regexp.MustCompile(`\{\{<[^>]*\bid="([^"]+)"[^>]*>\}\}`)
	fenceLine   = regexp.MustCompile("^[ \t]*(?:```|~~~)")
)

// headingIDs returns a page's explicit heading ids; it reports headings
// without one, malformed or repeated ids and ids the templates use.
func headingIDs(t *testing.T, name string, b []byte) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	line, inFence, inFrontMatter := 0, false, false
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 && text == "---" {
			inFrontMatter = true
			continue
		}
		if inFrontMatter {
			inFrontMatter = text != "---"
			continue
		}
		if fenceLine.MatchString(text) {
			inFence = !inFence
		}
		if inFence || !headingLine.MatchString(text) {
			continue
		}
		m := headingID.FindStringSubmatch(text)
		if m == nil {
			t.Errorf("%s:%d: heading needs an explicit lowercase id such as {#who-can-ask}: %s", name, line, text)
			continue
		}
		if ids[m[1]] {
			t.Errorf("%s:%d: heading id %q is used twice on this page", name, line, m[1])
		}
		if slices.Contains(templateIDs, m[1]) {
			t.Errorf("%s:%d: heading id %q clashes with an id the templates add", name, line, m[1])
		}
		ids[m[1]] = true
	}
	return ids
}

func TestHeadingIDs(t *testing.T) {
	for _, name := range contentFiles(t) {
		headingIDs(t, name, readFile(t, name))
	}
}

func TestGlossaryAnchors(t *testing.T) {
	ids := glossaryIDs(t)
	if len(ids) == 0 {
		t.Fatal("data/glossary.yaml lists no terms")
	}
	anchors := headingIDs(t, glossaryFile, readFile(t, glossaryFile))
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("data/glossary.yaml: %q is listed twice", id)
		}
		seen[id] = true
		if !anchors[id] {
			t.Errorf("%s: glossary term %q has no heading with {#%s}", glossaryFile, id, id)
		}
	}
}

// glossaryIDs reads data/glossary.yaml: a list of "- id: term-id" entries.
func glossaryIDs(t *testing.T) []string {
	t.Helper()
	var terms []struct {
		ID string `yaml:"id"`
	}
	if err := yaml.Unmarshal(readFile(t, "data/glossary.yaml"), &terms); err != nil {
		t.Fatalf("data/glossary.yaml: %v", err)
	}
	var ids []string
	for i, term := range terms {
		if !glossaryID.MatchString(term.ID) {
			t.Errorf("data/glossary.yaml: entry %d: id %q must be lowercase words joined by hyphens", i+1, term.ID)
		}
		ids = append(ids, term.ID)
	}
	return ids
}

var glossaryID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// phoneNumber matches UK phone numbers written in content: 0808 808 8100,
// 020 7946 0000, 01632 960000, 07700 900123, +44 20 7946 0000.
var phoneNumber = regexp.MustCompile(`(?:\+44[\s-]*(?:\(0\)[\s-]*)?\d{2,4}|\b0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}\b`)

func TestNoPhoneNumbersInContent(t *testing.T) {
	for _, name := range contentFiles(t) {
		for i, line := range strings.Split(string(readFile(t, name)), "\n") {
			if m := phoneNumber.FindString(line); m != "" {
				t.Errorf("%s:%d: phone number %q in content; contacts come from config (shortcode contact) or a link to the organisation's website", name, i+1, m)
			}
		}
	}
}

func TestPhoneNumberPattern(t *testing.T) {
	for _, s := range []string{"0808 808 8100", "call 020 7946 0000.", "01632 960000", "07700 900123", "+44 20 7946 0000", "+44 (0) 20 7946 0000", "0800-917-2127"} {
		if !phoneNumber.MatchString(s) {
			t.Errorf("phone pattern misses %q", s)
		}
	}
	for _, s := range []string{"lastReviewed: 2026-11-27", "in 2022 and 2023", "[2001] 1 Fam 147", "under 18", "NHS 111"} {
		if phoneNumber.MatchString(s) {
			t.Errorf("phone pattern wrongly matches %q", s)
		}
	}
}

var (
	markdownLink  = regexp.MustCompile(`\]\((/[^)\s]*)(?:\s+"[^"]*")?\)`)
	nextShortcode = regexp.MustCompile(`\{\{<\s*next\s+"([^"]+)"\s*>\}\}`)
)

// TestInternalLinks checks that every language-neutral link in content
// (Markdown links and the next shortcode) names a page of the guide, and that
// a #fragment names a heading id on that page.
func TestInternalLinks(t *testing.T) {
	pages := map[string]string{}
	for _, p := range guidePages {
		pages[p.path] = p.file
	}
	for _, p := range easyReadPages {
		pages[p.path] = p.file
	}
	for _, name := range contentFiles(t) {
		b := readFile(t, name)
		lines := strings.Split(string(b), "\n")
		for i, line := range lines {
			var targets []string
			for _, m := range markdownLink.FindAllStringSubmatch(line, -1) {
				targets = append(targets, m[1])
			}
			for _, m := range nextShortcode.FindAllStringSubmatch(line, -1) {
				targets = append(targets, m[1])
			}
			for _, target := range targets {
				checkLink(t, pages, name, i+1, target)
			}
		}
	}
}

func checkLink(t *testing.T, pages map[string]string, name string, line int, target string) {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Errorf("%s:%d: link %q does not parse: %v", name, line, target, err)
		return
	}
	if strings.HasPrefix(u.Path, "/en/") {
		t.Errorf("%s:%d: link %q carries a language; write it language-neutral (%s)", name, line, target, strings.TrimPrefix(u.Path, "/en"))
		return
	}
	if u.Path == "/what-happens-next/" || strings.HasPrefix(u.Path, "/what-happens-next/") {
		return // the walkthrough, built from data/
	}
	file, ok := pages[u.Path]
	if !ok {
		t.Errorf("%s:%d: link %q names no page of the guide (paths end in /, as in /asking-for-a-second-opinion/)", name, line, target)
		return
	}
	if u.Fragment == "" || slices.Contains(templateIDs, u.Fragment) {
		return
	}
	b, err := fs.ReadFile(esosite.Files, file)
	if err != nil {
		return // reported by TestGuidePagesExist
	}
	if !anyIDIn(b, u.Fragment) {
		t.Errorf("%s:%d: link %q: %s has no heading {#%s} (nor a shortcode with id=%q)", name, line, target, file, u.Fragment, u.Fragment)
	}
}

func anyIDIn(b []byte, id string) bool {
	for _, m := range append(anyID.FindAllSubmatch(b, -1), shortcodeID.FindAllSubmatch(b, -1)...) {
		if string(m[1]) == id {
			return true
		}
	}
	return false
}
