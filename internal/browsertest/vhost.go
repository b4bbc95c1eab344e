package browsertest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// A site built for a fixed address can be kept in testsite's cache between
// runs; one built for http://127.0.0.1:<random port>/ cannot. So sites are
// also served at names under .localhost (which browsers treat as a secure
// context, like 127.0.0.1): one listener per test process answers for every
// name, Chromium from NewBrowser is told to reach every *.localhost there,
// and Client does the same for the tests' own requests.
var vhosts struct {
	once    sync.Once
	addr    string // 127.0.0.1:port
	err     error
	mu      sync.RWMutex
	servers map[string]http.Handler // by host name
}

// vhostAddr starts the listener, once per process, and returns its address.
func vhostAddr() (string, error) {
	vhosts.once.Do(func() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			vhosts.err = fmt.Errorf("browsertest: cannot listen on 127.0.0.1: %v", err)
			return
		}
		vhosts.addr = l.Addr().String()
		vhosts.servers = map[string]http.Handler{}
		go http.Serve(l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host, _, err := net.SplitHostPort(r.Host)
			if err != nil {
				host = r.Host
			}
			vhosts.mu.RLock()
			s := vhosts.servers[host]
			vhosts.mu.RUnlock()
			if s == nil {
				http.Error(w, "no site is served at "+r.Host, http.StatusNotFound)
				return
			}
			s.ServeHTTP(w, r)
		}))
	})
	return vhosts.addr, vhosts.err
}

// ListenAt opens a server for siteURL, an http address under .localhost
// (http://esosite.localhost/trust/eso/), that serves nothing yet; call
// [Server.Serve] with the built folder. Browsers from [NewBrowser] and
// [Client] reach it by that name. It closes when the test ends.
func ListenAt(t testing.TB, siteURL string) *Server {
	t.Helper()
	u, err := url.Parse(siteURL)
	if err != nil || !strings.HasSuffix(u.Path, "/") {
		t.Fatalf("browsertest: ListenAt(%q): want http://NAME.localhost/PATH/", siteURL)
	}
	s := &Server{Origin: "http://" + u.Host, BasePath: u.Path}
	remove, err := HandleAt(s.Origin, s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(remove)
	return s
}

// HandleAt has h answer every request to origin, an http address under
// .localhost with no port or path (http://esosite.localhost), until remove
// is called.
func HandleAt(origin string, h http.Handler) (remove func(), err error) {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || !strings.HasSuffix(u.Hostname(), ".localhost") || u.Port() != "" || strings.Trim(u.Path, "/") != "" {
		return nil, fmt.Errorf("browsertest: HandleAt(%q): want http://NAME.localhost, with no port or path", origin)
	}
	if _, err := vhostAddr(); err != nil {
		return nil, err
	}
	vhosts.mu.Lock()
	defer vhosts.mu.Unlock()
	if vhosts.servers[u.Host] != nil {
		return nil, fmt.Errorf("browsertest: %s is already served by another test", u.Host)
	}
	vhosts.servers[u.Host] = h
	return func() {
		vhosts.mu.Lock()
		delete(vhosts.servers, u.Host)
		vhosts.mu.Unlock()
	}, nil
}

// Client fetches from the test servers, including those at .localhost names.
var Client = &http.Client{Transport: &http.Transport{
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, err := net.SplitHostPort(addr); err == nil && strings.HasSuffix(host, ".localhost") {
			if addr, err = vhostAddr(); err != nil {
				return nil, err
			}
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	},
}}
