package pack

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"time"
)

// entryTime is the modification time an entry gets: not the clock, so two
// packages of the same site are byte-identical, and not one fixed date
// either, because unzip and Expand-Archive keep the times and every server
// builds a file's ETag and Last-Modified from time and size. With one fixed
// date, a page edited without changing its length (a typo fixed) would keep
// its ETag, and browsers revalidating it would be told 304 Not Modified and
// keep the old page. So the time is derived from the content: a second in
// 2001-2009 picked by the file's SHA-256. The same file always gets the
// same time; a changed file gets another, but for a 1 in 2^28 chance.
func entryTime(data []byte) time.Time {
	sum := sha256.Sum256(data)
	offset := int64(binary.BigEndian.Uint32(sum[:4]) % (1 << 28))
	return timeBase.Add(time.Duration(offset) * time.Second)
}

var timeBase = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZip writes entries (slash path → content) to w in sorted order, with
// times from their content and fixed modes. Files that are already compressed are stored as
// they are; the rest are deflated.
func writeZip(w io.Writer, entries map[string][]byte) error {
	zw := zip.NewWriter(w)
	for _, name := range sortedKeys(entries) {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: entryTime(entries[name])}
		if alreadyCompressed(name) {
			h.Method = zip.Store
		}
		h.SetMode(0o644)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(entries[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// alreadyCompressed says whether deflating the file would gain nothing.
func alreadyCompressed(name string) bool {
	switch ext := extOf(name); ext {
	case "br", "gz", "png", "jpg", "jpeg", "gif", "webp", "avif", "woff2", "pdf":
		return true
	}
	return false
}
