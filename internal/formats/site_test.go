package formats

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/esosite/esosite/internal/browsertest"
	"github.com/esosite/esosite/internal/build"
)

// basePath is where the test server serves the site: a Trust's sub-path, so
// the service worker's scope and every link are tested away from the root.
const basePath = "/trust/eso/"

// site is the one build every test in this package shares.
type site struct {
	origin  string              // http://127.0.0.1:port
	offline atomic.Bool         // when set, every request's connection is dropped
	stale   atomic.Bool         // when set, offline.json reports a newer version
	files   *browsertest.Server // serves the built folder with the strict CSP
	dir     string
}

var (
	shared    *site
	sharedErr error
	once      sync.Once
	cleanup   []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range cleanup {
		f()
	}
	os.Exit(code)
}

// theSite builds the site once, with the server's own address as its
// baseURL (so QR codes and full addresses appear), and serves it.
func theSite(t *testing.T) *site {
	t.Helper()
	once.Do(func() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			sharedErr = err
			return
		}
		tmp, err := os.MkdirTemp("", "formats-")
		if err != nil {
			sharedErr = err
			return
		}
		s := &site{origin: "http://" + l.Addr().String(), dir: filepath.Join(tmp, "public")}
		s.files = &browsertest.Server{Origin: s.origin, BasePath: basePath}
		hs := &http.Server{Handler: s}
		go hs.Serve(l)
		cleanup = append(cleanup, func() { hs.Close(); os.RemoveAll(tmp) })
		if _, err := build.Build(build.Options{Destination: s.dir, BaseURL: s.origin + basePath}); err != nil {
			sharedErr = err
			return
		}
		s.files.Serve(s.dir)
		shared = s
	})
	if sharedErr != nil {
		t.Fatalf("the site does not build or serve:\n%v", sharedErr)
	}
	return shared
}

// url is the address of a page of the site, from its path under basePath.
func (s *site) url(p string) string { return s.origin + basePath + p }

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.offline.Load() {
		// No answer at all, as on a ward with no signal: the browser sees a
		// network error, not an HTTP status.
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	if s.stale.Load() && filepath.Base(r.URL.Path) == "offline.json" {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(`{"version":"newer-than-the-saved-copy","pages":[]}`))
		return
	}
	s.files.ServeHTTP(w, r)
}
