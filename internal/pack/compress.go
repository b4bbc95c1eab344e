package pack

import (
	"bytes"
	"compress/gzip"
	"runtime"
	"sync"

	"github.com/andybalholm/brotli"
)

// precompress adds a .br (brotli, best quality) and a .gz (gzip -9) copy
// beside every text file, each only when it is smaller than the original, so
// a server can send the compressed copy to a browser that accepts it without
// compressing anything on the fly. Files are compressed in parallel; the
// output does not depend on the order.
func precompress(files map[string][]byte) {
	var names []string
	for p := range files {
		if compressible(p) {
			names = append(names, p)
		}
	}
	type result struct {
		name   string
		br, gz []byte
	}
	results := make([]result, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			// One compressor of each kind per worker, reset for each file:
			// a new brotli writer at best quality allocates tens of
			// megabytes of match tables, which cost about a third of
			// the time; a reset writer gives the very same bytes.
			var c compressor
			for i := range next {
				data := files[names[i]]
				results[i] = result{names[i], c.brotli(data), c.gzip(data)}
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		size := len(files[r.name])
		if len(r.br) < size {
			files[r.name+".br"] = r.br
		}
		if len(r.gz) < size {
			files[r.name+".gz"] = r.gz
		}
	}
}

// compressor keeps its writers from one file to the next; it is for one
// goroutine.
type compressor struct {
	br *brotli.Writer
	gz *gzip.Writer
}

// brotli compresses at brotli's best quality.
func (c *compressor) brotli(data []byte) []byte {
	var b bytes.Buffer
	if c.br == nil {
		c.br = brotli.NewWriterLevel(&b, brotli.BestCompression)
	} else {
		c.br.Reset(&b)
	}
	c.br.Write(data)
	c.br.Close()
	return b.Bytes()
}

// gzip compresses with gzip -9. The header carries no name and no time, so
// the same input always gives the same bytes.
func (c *compressor) gzip(data []byte) []byte {
	var b bytes.Buffer
	if c.gz == nil {
		c.gz, _ = gzip.NewWriterLevel(&b, gzip.BestCompression)
	} else {
		c.gz.Reset(&b)
	}
	c.gz.Write(data)
	c.gz.Close()
	return b.Bytes()
}
