package check

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"sync"

	"github.com/andybalholm/brotli"
)

// A Weight is what one page costs a phone to load: the page and every file it
// loads, each compressed with brotli as a Trust's server would send it.
type Weight struct {
	Page  string
	HTML  int // brotli bytes of the page itself
	Total int // brotli bytes of the page and everything it loads
}

// Weights measures every page. Each file is compressed once, on every core,
// because compressing hundreds of pages is most of what checking costs.
func Weights(o *Output) ([]Weight, error) {
	// Every file a page or its loads need, once.
	need := map[string]bool{}
	for _, p := range o.Pages {
		need[p.Path] = true
		for _, r := range p.Refs {
			if file, _, internal := o.Resolve(p, r.URL); r.Loads && internal && o.Files[file] {
				need[file] = true
			}
		}
	}
	sizes, err := brotliSizes(o, need)
	if err != nil {
		return nil, err
	}
	var ws []Weight
	for _, p := range o.SortedPages() {
		w := Weight{Page: p.Path, HTML: sizes[p.Path], Total: sizes[p.Path]}
		seen := map[string]bool{}
		for _, r := range p.Refs {
			file, _, internal := o.Resolve(p, r.URL)
			if !r.Loads || !internal || seen[file] || !o.Files[file] {
				continue
			}
			seen[file] = true
			w.Total += sizes[file]
		}
		ws = append(ws, w)
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Total > ws[j].Total })
	return ws, nil
}

// brotliSizes compresses each file once, on every core; a page's bytes are
// the ones ReadOutput already read.
func brotliSizes(o *Output, need map[string]bool) (map[string]int, error) {
	files := make([]string, 0, len(need))
	for f := range need {
		files = append(files, f)
	}
	sizes := make([]int, len(files))
	compressors := sync.Pool{New: func() any { return newCompressor() }}
	err := parallel(len(files), func(i int) error {
		data, err := o.bytes(files[i])
		if err != nil {
			return err
		}
		c := compressors.Get().(*compressor)
		sizes[i] = c.size(data)
		compressors.Put(c)
		return nil
	})
	bySize := make(map[string]int, len(files))
	for i, f := range files {
		bySize[f] = sizes[i]
	}
	return bySize, err
}

// PrintBudget is the weight budget of the whole guide on one page
// (<lang>/print/ and <lang>/print/large/). That page carries every families'
// page of a language, about 8,000 words in English and more bytes in other
// scripts, so it cannot meet the budget of one page; families open it to print
// or save a PDF, not to read on a phone in a ward, and it loads no script.
const PrintBudget = 48 * 1024

// printPage matches the whole-guide pages, by their path in the output.
var printPage = regexp.MustCompile(`^[a-z]{2,3}/print/(large/)?index\.html$`)

// IsPrintPage reports whether the built page at slash path p is the whole
// guide on one page, which is held to PrintBudget instead.
func IsPrintPage(p string) bool { return printPage.MatchString(p) }

// Budget fails every page heavier than budget bytes; the whole-guide pages
// are held to PrintBudget instead.
func Budget(ws []Weight, budget int) Problems {
	var ps Problems
	for _, w := range ws {
		limit, what := budget, "the budget"
		if IsPrintPage(w.Page) {
			limit, what = PrintBudget, "the whole guide's budget"
		}
		if w.Total > limit {
			ps = append(ps, Problem{w.Page, 0, fmt.Sprintf("weighs %d bytes with everything it loads (brotli), over %s of %d; make the page shorter or split it, or trim the CSS and script it loads", w.Total, what, limit)})
		}
	}
	return ps
}

// BrotliSize is the size of data compressed with brotli at quality 5. The
// .br files `esosite package` writes use quality 11 and come out a few per
// cent smaller, so the budget is checked on the safe side, at a fraction of
// the time (quality 11 made checking 400 pages take 30 s; 5 is the fastest
// quality before the sizes grow).
func BrotliSize(data []byte) int { return newCompressor().size(data) }

// A compressor measures compressed sizes, reusing one brotli writer.
type compressor struct {
	buf bytes.Buffer
	w   *brotli.Writer
}

func newCompressor() *compressor {
	c := &compressor{}
	c.w = brotli.NewWriterLevel(&c.buf, 5)
	return c
}

func (c *compressor) size(data []byte) int {
	c.buf.Reset()
	c.w.Reset(&c.buf)
	c.w.Write(data)
	c.w.Close()
	return c.buf.Len()
}
