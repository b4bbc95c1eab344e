package importer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/esosite/esosite/internal/check"
)

// goldenCases are the fixtures; each has golden Markdown, glossary (when it
// has terms) and summary files beside it.
var goldenCases = []struct {
	file   string
	source string
}{
	{"guidance-clean.txt", "https://guidance.example.org/second-opinions/asking"},
	{"guidance-clean.html", ""},
	{"guidance-cp1252.txt", "https://guidance.example.org/second-opinions/asking"},
	{"guidance-gbk.txt", "https://guidance.example.org/second-opinions/asking"},
	{"guidance-lostbyte.txt", "https://guidance.example.org/second-opinions/asking"},
	{"guidance-empty-refs.txt", ""},
	{"quotes-clean.txt", "https://guidance.example.org/second-opinions/questions"},
	{"quotes-gbk-dropped.txt", "https://guidance.example.org/second-opinions/questions"},
	{"quotes-gbk-allclosing.txt", "https://guidance.example.org/second-opinions/questions"},
	{"quotes-mirror.txt", "https://guidance.example.org/second-opinions/questions"},
}

func convertFixture(t *testing.T, file, source string) *Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Convert(file, data, Options{Lang: "en", Source: source})
	if err != nil {
		t.Fatal(err)
	}
	res.Report.Output = filepath.Join("out", res.Name)
	return res
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.file, func(t *testing.T) {
			res := convertFixture(t, tc.file, tc.source)
			var summary bytes.Buffer
			res.Report.Write(&summary)
			base := strings.TrimSuffix(tc.file, filepath.Ext(tc.file))
			if filepath.Ext(tc.file) == ".html" {
				base += "-html"
			}
			golden(t, base+".golden.md", res.Markdown)
			golden(t, base+".golden.summary", summary.String())
			if res.Glossary != "" {
				golden(t, base+".golden.glossary.yaml", res.Glossary)
			}
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, firstDiff(got, string(want)))
	}
}

// body is the page without its front matter.
func body(md string) string {
	if i := strings.Index(md[4:], "\n---\n"); i >= 0 {
		return md[4+i+5:]
	}
	return md
}

// The repaired fixtures must give the same page as the clean one: that is
// what "repaired" means. The lost-byte one differs only where a lost byte
// left no way to tell the character, and each such place is warned about.
func TestRepairedFixturesMatchClean(t *testing.T) {
	clean := convertFixture(t, "guidance-clean.txt", "x")
	for _, file := range []string{"guidance-cp1252.txt", "guidance-gbk.txt", "guidance-lostbyte.txt"} {
		res := convertFixture(t, file, "x")
		got, want := strings.Split(body(res.Markdown), "\n"), strings.Split(body(clean.Markdown), "\n")
		if len(got) != len(want) {
			t.Errorf("%s: %d lines, clean gives %d", file, len(got), len(want))
			continue
		}
		differ := 0
		for i := range got {
			if got[i] != want[i] {
				differ++
				dash := strings.ReplaceAll(want[i], "—", "–") == got[i] // warned: "may have been —"
				if !dash && !regexp.MustCompile(`[\x{FFFD}?]|â€|\p{Han}`).MatchString(got[i]) {
					t.Errorf("%s: line differs without a kept broken character:\n got  %q\n want %q", file, got[i], want[i])
				}
			}
		}
		lost := 0
		for _, w := range res.Report.Warnings {
			if strings.Contains(w.Msg, "cannot tell which character") || strings.Contains(w.Msg, "may have been —") {
				lost++
			}
		}
		if differ > lost {
			t.Errorf("%s: %d lines differ but only %d lost characters were warned about", file, differ, lost)
		}
		if len(res.Report.Fixes) == 0 {
			t.Errorf("%s: no repairs reported", file)
		}
		if res.Name != clean.Name || res.Report.Terms != clean.Report.Terms || res.Report.Footnotes != clean.Report.Footnotes {
			t.Errorf("%s: %s with %d terms, %d footnotes; clean gives %s, %d, %d", file, res.Name, res.Report.Terms, res.Report.Footnotes, clean.Name, clean.Report.Terms, clean.Report.Footnotes)
		}
	}
}

// The quotes fixtures are GBK round trips of quotes-clean.txt in which
// closing marks lost their last byte with no trace (and, for the mirror,
// the mirror's name heads the page). Each must import to exactly the clean
// page: the same title, no mojibake left, every lone "鈥" counted as a repair.
func TestQuoteFixturesMatchClean(t *testing.T) {
	clean := convertFixture(t, "quotes-clean.txt", "x")
	raw, err := os.ReadFile(filepath.Join("testdata", "quotes-clean.txt"))
	if err != nil {
		t.Fatal(err)
	}
	closing := strings.Count(string(raw), "’") + strings.Count(string(raw), "”")
	mojibake := regexp.MustCompile(`[\x{FFFD}]|â€|\p{Han}`)
	for _, file := range []string{"quotes-gbk-dropped.txt", "quotes-gbk-allclosing.txt", "quotes-mirror.txt"} {
		res := convertFixture(t, file, "x")
		if res.Name != clean.Name || !strings.HasPrefix(res.Markdown, "---\ntitle: \"Asking questions before a second opinion\"\n") {
			t.Errorf("%s: page %s, title line %q; want the clean page's title", file, res.Name, strings.SplitN(res.Markdown, "\n", 3)[1])
		}
		if got, want := body(res.Markdown), body(clean.Markdown); got != want {
			t.Errorf("%s: the page differs from the clean one:\n%s", file, firstDiff(got, want))
		}
		if m := mojibake.FindString(res.Markdown); m != "" {
			t.Errorf("%s: %q left in the page", file, m)
		}
		if len(res.Report.Warnings) > 0 {
			t.Errorf("%s: warnings %v", file, res.Report.Warnings)
		}
		lone := strings.Count(string(mustRead(t, file)), "鈥") - res.Report.fixCount(FixGBK)
		if n := res.Report.fixCount(FixUnmarked); n == 0 || n != lone {
			t.Errorf("%s: %d unmarked repairs counted, want one per lone 鈥 (%d)", file, n, lone)
		}
		if file == "quotes-gbk-allclosing.txt" && res.Report.fixCount(FixUnmarked) != closing {
			t.Errorf("%s: %d unmarked repairs, want every closing mark of the clean page (%d)", file, res.Report.fixCount(FixUnmarked), closing)
		}
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The real guidance page, when the shared reference folder is there. Its
// text is only read, never copied into the repository.
func TestRealGuidancePage(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "reference", "rcpch-eso-context-aims-scope.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		// CI lays shared/ beside the clone, so there the page must be read.
		if ci := strings.ToLower(os.Getenv("CI")); ci != "" && ci != "0" && ci != "false" {
			t.Fatalf("reference page not available with CI=true: %v", err)
		}
		t.Skipf("reference page not available: %v", err)
	}
	res, err := Convert("context-aims-scope.txt", data, Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if !strings.HasPrefix(res.Markdown, "---\ntitle: \"Context, aims and scope\"\n") {
		t.Errorf("title: %q", strings.SplitN(res.Markdown, "\n", 3)[1])
	}
	if !strings.Contains(res.Markdown, "lastReviewed: 2022-05-26\nnextReview: 2025-05-26\n") {
		t.Error("lastReviewed/nextReview missing")
	}
	if r.Headings < 8 || r.Terms < 15 || r.Quotes < 4 || r.Lists < 4 || r.Footnotes != 17 || r.Empty != 8 {
		t.Errorf("counts: %s", r.Summary())
	}
	empty := 0
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "has no text; kept as a marker") {
			empty++
		}
	}
	if empty != 8 {
		t.Errorf("%d empty references reported, want 8", empty)
	}
	for _, want := range []string{"trust[^6][^7] can", "increasing.[^1] Caring", "## Key terms and definitions {#key-terms-and-definitions}", "Child or children\n: Babies"} {
		if !strings.Contains(res.Markdown, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(res.Markdown, "forms part of") {
		t.Error("the banner was not dropped")
	}
}

func TestConvertErrors(t *testing.T) {
	for _, in := range []string{"", "\n\n  \n", "<html><body></body></html>"} {
		_, err := Convert("empty.html", []byte(in), Options{})
		var e *Error
		if !errors.As(err, &e) || e.Path != "empty.html" {
			t.Errorf("Convert(%q) error = %v, want an *Error for empty.html", in, err)
		}
	}
}

func TestNotText(t *testing.T) {
	_, err := Convert("report.html", []byte("%PDF-1.7\n\x00\x01binary"), Options{})
	if err == nil || !strings.Contains(err.Error(), "report.html: is not text") {
		t.Errorf("a binary file: %v", err)
	}
	utf16 := []byte("\xff\xfeT\x00i\x00t\x00l\x00e\x00\n\x00\n\x00W\x00o\x00r\x00d\x00s\x00.\x00\n\x00")
	if _, err := Convert("page.txt", utf16, Options{}); err != nil && strings.Contains(err.Error(), "not text") {
		t.Errorf("UTF-16 with a byte order mark is text: %v", err)
	}
}

func TestTooBig(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("Words. "), MaxInput/7+1), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := ImportAll([]string{big}, Options{OutDir: filepath.Join(dir, "out")}, io.Discard)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "is 10 MB; a guidance page") {
		t.Fatalf("a file over %d bytes: %v", MaxInput, errs)
	}
}

func TestImportAll(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "page.txt")
	if err := os.WriteFile(in, []byte("A page title\n\nSome intro text here.\n\nKey terms and definitions\n\nWord A meaning of the word.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var log bytes.Buffer
	if errs := ImportAll([]string{in}, Options{OutDir: out}, &log); len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, f := range []string{"a-page-title.md", "a-page-title.glossary.yaml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	if !strings.Contains(log.String(), "glossary → ") {
		t.Errorf("summary does not mention the glossary: %s", log.String())
	}
	// Again without --force: refused, nothing changed; with it: done.
	errs := ImportAll([]string{in}, Options{OutDir: out}, &log)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "already exists; pass --force") {
		t.Errorf("second import: %v", errs)
	}
	if errs := ImportAll([]string{in}, Options{OutDir: out, Force: true}, &log); len(errs) > 0 {
		t.Errorf("--force: %v", errs)
	}
	errs = ImportAll([]string{filepath.Join(dir, "missing.txt")}, Options{OutDir: out}, &log)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), filepath.Join(dir, "missing.txt")+": cannot read") {
		t.Errorf("missing file: %v", errs)
	}
}

// Every golden page passes the site's own front matter check; the one
// without a "Last modified" date fails it exactly on the two dates, which
// is how the check tells the person what to add.
func TestGoldenFrontMatterPassesCheck(t *testing.T) {
	for _, tc := range goldenCases {
		res := convertFixture(t, tc.file, tc.source)
		ps := check.FrontMatter([]check.Page{{Path: res.Name, Rel: "content/en/" + res.Name, Data: []byte(res.Markdown)}}, nil)
		want := 0
		if tc.file == "guidance-empty-refs.txt" {
			want = 2
		}
		if len(ps) != want {
			t.Errorf("%s: %d problems, want %d: %v", tc.file, len(ps), want, ps)
		}
	}
}
