package formats

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/esosite/esosite/internal/browsertest"
	"github.com/esosite/esosite/internal/build"
	"github.com/esosite/esosite/internal/testsite"
)

// basePath is where the test server serves the site: a Trust's sub-path, so
// the service worker's scope and every link are tested away from the root.
const basePath = "/trust/eso/" // testsite.SubPathURL's

// site is the one build every test in this package shares.
type site struct {
	origin  string              // http://esosite.localhost
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

// theSite serves the shared build of the site for its full address under a
// sub-path (so QR codes and full addresses appear).
func theSite(t *testing.T) *site {
	t.Helper()
	once.Do(func() {
		dir, _ := testsite.Build(t, build.Options{BaseURL: testsite.SubPathURL})
		u, _ := url.Parse(testsite.SubPathURL)
		s := &site{origin: u.Scheme + "://" + u.Host, dir: dir}
		s.files = &browsertest.Server{Origin: s.origin, BasePath: basePath}
		remove, err := browsertest.HandleAt(s.origin, s)
		if err != nil {
			sharedErr = err
			return
		}
		cleanup = append(cleanup, remove)
		s.files.Serve(s.dir)
		shared = s
	})
	if sharedErr != nil {
		t.Fatalf("the site does not serve:\n%v", sharedErr)
	}
	if shared == nil {
		t.Fatal("the site did not build: see the first test that failed")
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
