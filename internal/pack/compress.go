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
			for i := range next {
				data := files[names[i]]
				results[i] = result{names[i], brotliBytes(data), gzipBytes(data)}
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

// brotliBytes compresses data at brotli's best quality, as check.BrotliSize
// measures the page weight budget.
func brotliBytes(data []byte) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// gzipBytes compresses data with gzip -9. The header carries no name and no
// time, so the same input always gives the same bytes.
func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}
