package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Options are the command's flags.
type Options struct {
	OutDir string // where pages are written (created if missing)
	Lang   string // the language of the pages, "en" by default
	Force  bool   // overwrite existing pages
	Source string // the page's URL, overriding one found in the page
}

// An Error is an input problem, printed as "path:line: message" (or
// "path: message" for the whole file). It always says how to fix it.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string { return Notice{Line: e.Line, Msg: e.Msg}.format(e.Path) }

// Result is one converted page, not yet written.
type Result struct {
	Name     string // file name of the page: "<slug of title>.md"
	Markdown string
	Glossary string // the glossary data file's content, "" without terms
	Report   *Report
}

// Convert turns one saved page into Markdown. name is the input's path as
// the user gave it, used in notices and front matter; it never reads or
// writes files, so tests and fuzzing can call it directly.
func Convert(name string, data []byte, opts Options) (*Result, error) {
	rep := &Report{Input: name}
	if looksBinary(data) {
		return nil, &Error{Path: name, Msg: "is not text (it looks like a PDF, an image or a document file); save the page from a browser as HTML, or copy its text into a .txt file"}
	}
	var warns notes
	isHTML := looksHTML(name, data)
	text, how := decode(data, isHTML)
	if how != "" {
		warns.add(0, "%s", how)
	}
	// One line ending everywhere, so every step counts lines alike (a lone
	// CR, from old Mac files, is a line break to an editor too).
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text, fixes, fixWarns := Repair(text)
	rep.Fixes = fixes
	warns = append(warns, fixWarns...)

	var doc *Document
	var pw, dropped []Notice
	if isHTML {
		doc, pw, dropped = ParseHTML(text)
	} else {
		doc, pw, dropped = ParseText(text)
	}
	warns = append(warns, pw...)
	rep.Dropped = dropped
	if doc.Title == "" && len(doc.Blocks) == 0 {
		for _, w := range pw {
			if strings.HasPrefix(w.Msg, "the HTML could not be read") {
				return nil, &Error{Path: name, Line: w.Line, Msg: w.Msg}
			}
		}
		return nil, &Error{Path: name, Msg: "no guidance text found; is this a page saved from a browser (HTML) or copied as plain text?"}
	}
	linkFootnotes(doc, &warns)
	if doc.Description == "" {
		warns.add(0, "no intro paragraph to take a description from; write one plain sentence as the description")
	}
	if doc.LastReviewed.IsZero() {
		warns.add(0, "no \"Last modified\" date found; add lastReviewed and nextReview (YYYY-MM-DD) to the front matter")
	}
	var sources []string
	switch {
	case opts.Source != "":
		sources = []string{opts.Source}
		if doc.Source != "" && doc.Source != opts.Source {
			warns.add(0, "the page gives its address as %s but --source says %s; --source is used", doc.Source, opts.Source)
		}
	case doc.Source != "":
		sources = []string{doc.Source}
	default:
		warns.add(0, "no source URL: pass --source URL")
	}
	checkText(doc, &warns)
	sortNotices(warns)

	base := filepath.Base(name)
	slug := shortSlug(slugify(doc.Title), 80)
	if slug == "" {
		slug = shortSlug(slugify(strings.TrimSuffix(base, filepath.Ext(base))), 80)
	}
	if slug == "" {
		slug = "imported-page"
	}
	rep.Warnings = warns
	rep.count(doc)
	res := &Result{Name: slug + ".md", Report: rep}
	res.Markdown = writeMarkdown(doc, pageMeta{From: base, Sources: sources, Warnings: len(warns), Lang: opts.Lang})
	if len(doc.Terms) > 0 {
		res.Glossary = writeGlossary(doc.Terms, base)
	}
	return res, nil
}

// ImportAll converts each file and writes its page (and glossary) into
// opts.OutDir, printing each summary to w. It carries on past a bad file
// and returns every error.
func ImportAll(paths []string, opts Options, w io.Writer) []error {
	var errs []error
	written := map[string]string{} // output file → input it came from
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return []error{&Error{Path: opts.OutDir, Msg: fmt.Sprintf("cannot create the output folder (%v); choose another --out", unwrapPath(err))}}
	}
	for _, path := range paths {
		if st, err := os.Stat(path); err == nil && st.Size() > MaxInput {
			errs = append(errs, &Error{Path: path, Msg: fmt.Sprintf("is %d MB; a guidance page saved from a browser is far smaller than %d MB, so save the page alone (\"Web page, HTML only\") or copy its text", st.Size()>>20, MaxInput>>20)})
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, &Error{Path: path, Msg: fmt.Sprintf("cannot read the file (%v); check the name and that you may read it", unwrapPath(err))})
			continue
		}
		res, err := Convert(path, data, opts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out := filepath.Join(opts.OutDir, res.Name)
		if prev, ok := written[out]; ok {
			errs = append(errs, &Error{Path: path, Msg: fmt.Sprintf("has the same title as %s, so both would be %s; import them into different --out folders", prev, out)})
			continue
		}
		glossary := strings.TrimSuffix(out, ".md") + ".glossary.yaml"
		if err := writeOutputs(out, res.Markdown, glossary, res.Glossary, opts.Force); err != nil {
			errs = append(errs, err)
			continue
		}
		written[out] = path
		res.Report.Output = out
		if res.Glossary != "" {
			res.Report.Glossary = glossary
		}
		res.Report.Write(w)
	}
	return errs
}

// writeOutputs writes the page and glossary, each through a temporary file
// renamed into place, so a failed import never leaves half a page. Without
// force, nothing is written if either file exists.
func writeOutputs(page, md, glossary, gl string, force bool) error {
	if !force {
		for _, p := range []string{page, glossary} {
			if p == glossary && gl == "" {
				continue
			}
			if _, err := os.Lstat(p); err == nil {
				return &Error{Path: p, Msg: "already exists; pass --force to overwrite it, or choose another --out"}
			}
		}
	}
	if err := writeFile(page, md); err != nil {
		return err
	}
	if gl != "" {
		return writeFile(glossary, gl)
	}
	return nil
}

func writeFile(path, content string) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".import-*")
	if err == nil {
		_, err = f.WriteString(content)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(f.Name(), 0o644)
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
		if err != nil {
			os.Remove(f.Name())
		}
	}
	if err != nil {
		return &Error{Path: path, Msg: fmt.Sprintf("cannot write the page (%v); check the --out folder", unwrapPath(err))}
	}
	return nil
}

// unwrapPath drops the path from an *fs.PathError, which the message
// already starts with.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// MaxInput is the largest file import reads: saved guidance pages are a few
// hundred KB at most.
const MaxInput = 10 << 20

// looksBinary spots a file that is not text: a NUL byte near the start,
// unless a byte order mark says it is UTF-16 (where NULs are normal).
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return false
	}
	return bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0
}

func looksHTML(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	case ".txt", ".text":
		return false
	}
	head := strings.ToLower(string(bytes.TrimLeft(data[:min(len(data), 512)], "\ufeff \t\r\n")))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<head")
}

// decode turns the file's bytes into text. UTF-8 (with or without a byte
// order mark) is used as it is; UTF-16 with a mark is decoded; saved HTML
// in another encoding is decoded as its meta charset says; text that is not
// UTF-8 is read as Windows-1252, the usual alternative, with a warning.
func decode(data []byte, isHTML bool) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(out), ""
		}
	}
	if utf8.Valid(data) {
		return string(data), ""
	}
	if isHTML {
		enc, name, _ := charset.DetermineEncoding(data, "text/html")
		if out, err := enc.NewDecoder().Bytes(data); err == nil && name != "utf-8" {
			return string(out), ""
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "the file is not valid UTF-8; bad bytes were replaced with \uFFFD: compare with the original page"
	}
	return string(out), "the file is not UTF-8; it was read as Windows-1252: check accented letters and quotation marks"
}

func sortNotices(ns notes) {
	// Stable, by line: the file-wide notices (line 0) first, then in the
	// order a proofreader meets them.
	for i := 1; i < len(ns); i++ {
		for j := i; j > 0 && ns[j].Line < ns[j-1].Line; j-- {
			ns[j], ns[j-1] = ns[j-1], ns[j]
		}
	}
}
