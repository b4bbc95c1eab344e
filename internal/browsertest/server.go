package browsertest

import (
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing"
)

// CSP is the Content-Security-Policy header the test server sends with every
// response: the strictest policy the site promises to work under.
const CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Server serves a built site folder on 127.0.0.1 under a base path, with the
// strict CSP header. The listener opens before the site is built, so the site
// can be built with the server's own origin as its baseURL, as a Trust's site
// is built with its real address.
type Server struct {
	Origin   string // http://127.0.0.1:port, no trailing slash
	BasePath string // "/" or "/trust/eso/"

	mu  sync.RWMutex
	dir string
}

// URL is where the site starts: Origin + BasePath.
func (s *Server) URL() string { return s.Origin + s.BasePath }

// Listen opens a server on a free port of 127.0.0.1 that serves nothing yet;
// call [Server.Serve] with the built folder. It closes when the test ends.
func Listen(t testing.TB, basePath string) *Server {
	t.Helper()
	if !strings.HasPrefix(basePath, "/") {
		basePath = "/" + basePath
	}
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("browsertest: cannot listen on 127.0.0.1: %v", err)
	}
	s := &Server{Origin: "http://" + l.Addr().String(), BasePath: basePath}
	hs := &http.Server{Handler: s}
	go hs.Serve(l)
	t.Cleanup(func() { hs.Close() })
	return s
}

// Serve starts serving dir (a built site) under the server's base path.
func (s *Server) Serve(dir string) {
	s.mu.Lock()
	s.dir = dir
	s.mu.Unlock()
}

// Serve serves dir at basePath on a new server and returns the server's
// origin (http://127.0.0.1:port). Use [Listen] instead when the site must be
// built with the server's address.
func Serve(t testing.TB, dir, basePath string) (origin string) {
	t.Helper()
	s := Listen(t, basePath)
	s.Serve(dir)
	return s.Origin
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	// Pages are fetched afresh every time; the styles, scripts and images
	// they share may be kept for a while, as a family's browser keeps them,
	// so a page's visit does not download and parse them again. (Every
	// address a page names is still fetched once by the link check.)
	switch path.Ext(r.URL.Path) {
	case ".css", ".js", ".png", ".svg", ".ico":
		h.Set("Cache-Control", "max-age=600")
	default:
		h.Set("Cache-Control", "no-store")
	}
	s.mu.RLock()
	dir := s.dir
	s.mu.RUnlock()
	if dir == "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		http.NotFound(w, r)
		return
	}
	if !strings.HasPrefix(r.URL.Path, s.BasePath) {
		// Only the base path exists, as on a Trust's server that hosts the
		// site under a sub-path: a link that escapes it must fail.
		http.NotFound(w, r)
		return
	}
	http.StripPrefix(strings.TrimSuffix(s.BasePath, "/"), http.FileServer(http.Dir(dir))).ServeHTTP(w, r)
}
