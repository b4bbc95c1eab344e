package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"

	"github.com/andybalholm/brotli"
)

// A Weight is what one page costs a phone to load: the page and every file it
// loads, each compressed with brotli as a Trust's server would send it.
type Weight struct {
	Page  string
	HTML  int // brotli bytes of the page itself
	Total int // brotli bytes of the page and everything it loads
}

// Weights measures every page. Compressed sizes of shared files are computed once.
func Weights(o *Output) ([]Weight, error) {
	cache := map[string]int{}
	size := func(file string) (int, error) {
		if n, ok := cache[file]; ok {
			return n, nil
		}
		data, err := fs.ReadFile(o.FS, file)
		if err != nil {
			return 0, err
		}
		n := BrotliSize(data)
		cache[file] = n
		return n, nil
	}
	var ws []Weight
	for _, p := range o.SortedPages() {
		h, err := size(p.Path)
		if err != nil {
			return nil, err
		}
		w := Weight{Page: p.Path, HTML: h, Total: h}
		seen := map[string]bool{}
		for _, r := range p.Refs {
			file, _, internal := o.Resolve(p, r.URL)
			if !r.Loads || !internal || seen[file] || !o.Files[file] {
				continue
			}
			seen[file] = true
			n, err := size(file)
			if err != nil {
				return nil, err
			}
			w.Total += n
		}
		ws = append(ws, w)
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Total > ws[j].Total })
	return ws, nil
}

// Budget fails every page heavier than budget bytes.
func Budget(ws []Weight, budget int) Problems {
	var ps Problems
	for _, w := range ws {
		if w.Total > budget {
			ps = append(ps, Problem{w.Page, 0, fmt.Sprintf("weighs %d bytes with everything it loads (brotli), over the budget of %d; make the page shorter or split it, or trim the CSS and script it loads", w.Total, budget)})
		}
	}
	return ps
}

// BrotliSize is the size of data compressed with brotli at quality 6. The
// .br files `esosite package` writes use quality 11 and come out a few per
// cent smaller, so the budget is checked on the safe side, at a fraction of
// the time (quality 11 made checking 400 pages take 30 s).
func BrotliSize(data []byte) int {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, 6)
	w.Write(data)
	w.Close()
	return b.Len()
}
