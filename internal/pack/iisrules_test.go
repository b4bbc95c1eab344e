package pack

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// There is no IIS here, so web.config's rewrite rules are tested by running
// them: iisSim reads the rules, conditions and all, from the packaged
// web.config and applies them to requests the way IIS documents it, against
// the package's own files. It then answers each request as IIS's static
// file handler, custom errors and outbound rules would, so the table of
// serverCases that nginx and Apache pass can be put to it as well.
//
// What it models, and so what the test rests on:
//   - distributed rules run in order, once per request, on the path below
//     web.config's folder; each rule sees the address the one before it
//     left; stopProcessing ends the run; patterns ignore case unless
//     ignoreCase="false";
//   - {R:n} are the match's groups, {C:n} those of the last condition that
//     matched (IsFile and IsDirectory have none);
//   - REQUEST_FILENAME is the folder plus the path with backslashes, a
//     final slash kept as a final backslash;
//   - after the rules: a folder address without its slash is redirected
//     (301) to it, a folder address is served by index.html (else 403.14),
//     a file by its mimeMap type (else 404.3), anything else is 404;
//   - a 404 is replaced by the error page of the <location> of the address
//     asked for (ExecuteURL: a request of its own, rules included);
//   - outbound rules whose preCondition holds for the file served rewrite
//     the response header they name (RESPONSE_Content_Type →
//     Content-Type).

// iisRoot is where the simulated IIS keeps the site folder.
const iisRoot = `C:\inetpub\wwwroot\trust\eso\`

type iisCondition struct {
	Input     string `xml:"input,attr"`
	Pattern   string `xml:"pattern,attr"`
	MatchType string `xml:"matchType,attr"`
	Negate    string `xml:"negate,attr"`
	Ignore    string `xml:"ignoreCase,attr"`
}

type iisRule struct {
	Name         string `xml:"name,attr"`
	Stop         string `xml:"stopProcessing,attr"`
	PreCondition string `xml:"preCondition,attr"`
	Match        struct {
		URL            string `xml:"url,attr"`
		ServerVariable string `xml:"serverVariable,attr"`
		Pattern        string `xml:"pattern,attr"`
		Negate         string `xml:"negate,attr"`
		Ignore         string `xml:"ignoreCase,attr"`
	} `xml:"match"`
	Conditions struct {
		Grouping   string         `xml:"logicalGrouping,attr"`
		TrackAll   string         `xml:"trackAllCaptures,attr"`
		Conditions []iisCondition `xml:"add"`
	} `xml:"conditions"`
	Action struct {
		Type   string `xml:"type,attr"`
		URL    string `xml:"url,attr"`
		Value  string `xml:"value,attr"`
		Status string `xml:"statusCode,attr"`
	} `xml:"action"`
}

type iisRewrite struct {
	Rules         []iisRule `xml:"system.webServer>rewrite>rules>rule"`
	Outbound      []iisRule `xml:"system.webServer>rewrite>outboundRules>rule"`
	PreConditions []struct {
		Name       string         `xml:"name,attr"`
		Grouping   string         `xml:"logicalGrouping,attr"`
		Conditions []iisCondition `xml:"add"`
	} `xml:"system.webServer>rewrite>outboundRules>preConditions>preCondition"`
	Compression struct {
		Static  string `xml:"doStaticCompression,attr"`
		Dynamic string `xml:"doDynamicCompression,attr"`
	} `xml:"system.webServer>urlCompression"`
	DefaultDocs []struct {
		Value string `xml:"value,attr"`
	} `xml:"system.webServer>defaultDocument>files>add"`
}

type iisSim struct {
	t     *testing.T
	base  string
	files map[string][]byte // the site's files by slash path
	dirs  map[string]bool   // its folders, "" for the site folder
	cfg   iisRewrite
	wc    parsedWebConfig
	res   map[string]*regexp.Regexp
}

func newIISSim(t *testing.T, base string, files map[string][]byte) *iisSim {
	t.Helper()
	data := files["web.config"]
	s := &iisSim{t: t, base: base, files: files, dirs: map[string]bool{"": true}, wc: parseWebConfig(t, data), res: map[string]*regexp.Regexp{}}
	if err := xml.Unmarshal(data, &s.cfg); err != nil {
		t.Fatalf("web.config: %v", err)
	}
	if len(s.cfg.Rules) == 0 || len(s.cfg.Outbound) == 0 {
		t.Fatalf("web.config has %d rewrite rules and %d outbound rules", len(s.cfg.Rules), len(s.cfg.Outbound))
	}
	for p := range files {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			s.dirs[d] = true
		}
	}
	return s
}

// re compiles a rule's pattern. Go's regexp must accept it: web.config keeps
// to the syntax .NET and Go share, so what is tested here is what IIS runs.
func (s *iisSim) re(pattern, ignore string) *regexp.Regexp {
	key := ignore + "\x00" + pattern
	if r, ok := s.res[key]; ok {
		return r
	}
	expr := pattern
	if ignore != "false" {
		expr = "(?i)" + expr
	}
	r, err := regexp.Compile(expr)
	if err != nil {
		s.t.Fatalf("web.config: pattern %q is not in the syntax IIS and Go share: %v", pattern, err)
	}
	s.res[key] = r
	return r
}

var iisRefRE = regexp.MustCompile(`\{([A-Za-z_]+)(?::([0-9]))?\}`)

// expand fills in {R:n}, {C:n} and {SERVER_VARIABLE}.
func (s *iisSim) expand(in string, vars map[string]string, r, c []string) string {
	return iisRefRE.ReplaceAllStringFunc(in, func(ref string) string {
		m := iisRefRE.FindStringSubmatch(ref)
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			var caps []string
			switch m[1] {
			case "R":
				caps = r
			case "C":
				caps = c
			default:
				s.t.Fatalf("web.config: unknown back-reference %s", ref)
			}
			if n < len(caps) {
				return caps[n]
			}
			return ""
		}
		v, ok := vars[m[1]]
		if !ok {
			s.t.Fatalf("web.config: server variable %s is not one the simulation knows; add it or fix the rule", ref)
		}
		return v
	})
}

// stat says whether the physical path p is a file or a folder of the site.
func (s *iisSim) stat(p string) (file, dir bool) {
	if strings.EqualFold(p, strings.TrimSuffix(iisRoot, `\`)) {
		return false, true
	}
	if len(p) < len(iisRoot) || !strings.EqualFold(p[:len(iisRoot)], iisRoot) {
		return false, false
	}
	rel := strings.ReplaceAll(p[len(iisRoot):], `\`, "/")
	for strings.Contains(rel, "//") {
		rel = strings.ReplaceAll(rel, "//", "/") // Windows reads a\\b as a\b
	}
	if _, ok := s.files[rel]; ok {
		return true, false
	}
	return false, s.dirs[strings.TrimSuffix(rel, "/")]
}

// physical is REQUEST_FILENAME for the address u.
func (s *iisSim) physical(u string) string {
	if u+"/" == s.base {
		return strings.TrimSuffix(iisRoot, `\`)
	}
	return iisRoot + strings.ReplaceAll(strings.TrimPrefix(u, s.base), "/", `\`)
}

// conditions evaluates a rule's conditions, returning the captures of the
// last one that matched.
func (s *iisSim) conditions(conds []iisCondition, grouping string, vars map[string]string, r []string) (bool, []string) {
	var c []string
	matched := false
	for _, cond := range conds {
		in := s.expand(cond.Input, vars, r, c)
		var ok bool
		var caps []string
		switch cond.MatchType {
		case "", "Pattern":
			caps = s.re(cond.Pattern, cond.Ignore).FindStringSubmatch(in)
			ok = caps != nil
		case "IsFile":
			ok, _ = s.stat(in)
		case "IsDirectory":
			_, ok = s.stat(in)
		default:
			s.t.Fatalf("web.config: matchType %q is not modelled", cond.MatchType)
		}
		if cond.Negate == "true" {
			ok, caps = !ok, nil
		}
		if ok {
			c, matched = caps, true
		}
		switch {
		case grouping == "MatchAny" && ok:
			return true, c
		case grouping != "MatchAny" && !ok:
			return false, nil
		}
	}
	return grouping != "MatchAny" || matched || len(conds) == 0, c
}

// do answers a request for the address u.
func (s *iisSim) do(u, accept string) response {
	return s.request(u, accept, 0)
}

func (s *iisSim) request(u, accept string, depth int) response {
	if depth > 2 {
		s.t.Fatalf("IIS would loop executing the error page for %s", u)
	}
	vars := map[string]string{"HTTP_ACCEPT_ENCODING": accept, "REQUEST_URI": u}
	cur, status := u, 0
	for _, rule := range s.cfg.Rules {
		rel, ok := strings.CutPrefix(cur, s.base)
		if !ok && cur+"/" != s.base {
			break // the rules of web.config apply in its folder only
		}
		vars["URL"], vars["REQUEST_FILENAME"] = cur, s.physical(cur)
		r := s.re(rule.Match.URL, rule.Match.Ignore).FindStringSubmatch(rel)
		if rule.Match.Negate == "true" {
			if r != nil {
				continue
			}
			r = []string{rel}
		}
		if r == nil {
			continue
		}
		ok, c := s.conditions(rule.Conditions.Conditions, rule.Conditions.Grouping, vars, r)
		if !ok {
			continue
		}
		switch rule.Action.Type {
		case "Rewrite":
			cur = s.expand(rule.Action.URL, vars, r, c)
			if !strings.HasPrefix(cur, "/") {
				s.t.Fatalf("web.config: rule %q rewrites to %q, not an absolute path", rule.Name, cur)
			}
		case "CustomResponse":
			status, _ = strconv.Atoi(rule.Action.Status)
		case "None":
		default:
			s.t.Fatalf("web.config: rule %q: action %q is not modelled", rule.Name, rule.Action.Type)
		}
		if rule.Stop == "true" || status != 0 {
			break
		}
	}

	h := http.Header{}
	var body []byte
	served := ""
	if status == 0 {
		file, dir := s.stat(s.physical(cur))
		switch {
		case dir && !strings.HasSuffix(cur, "/"):
			status = 301
			h.Set("Location", cur+"/")
		case dir:
			status = 403 // 403.14, unless a default document is there
			for _, d := range s.cfg.DefaultDocs {
				if f, _ := s.stat(s.physical(cur + d.Value)); f {
					served, status = strings.TrimPrefix(cur+d.Value, s.base), 200
					break
				}
			}
		case file:
			served, status = strings.TrimPrefix(cur, s.base), 200
		default:
			status = 404
		}
		if served != "" {
			t, ok := s.wc.mime[strings.ToLower(path.Ext(served))]
			if !ok {
				served, status = "", 404 // 404.3: no mimeMap
			} else {
				h.Set("Content-Type", t)
				body = s.files[served]
			}
		}
	}
	if status == 404 {
		// existingResponse="Replace": the error page of the address asked
		// for, requested on its own, with status 404.
		rel := strings.TrimPrefix(u, s.base)
		page := s.wc.notFound[""]
		if lang, _, ok := strings.Cut(rel, "/"); ok {
			if p, ok := s.wc.notFound[lang]; ok {
				page = p
			}
		}
		r := s.request(page, accept, depth+1)
		r.status = 404
		return r
	}
	for name, v := range s.wc.headers {
		h.Set(name, v)
	}
	if cc, ok := s.wc.locationCache[served]; ok && served != "" {
		h.Set("Cache-Control", cc)
	}
	if served != "" {
		vars["REQUEST_FILENAME"] = iisRoot + strings.ReplaceAll(served, "/", `\`)
		vars["URL"] = s.base + served
		s.outbound(h, vars)
	}
	return response{status: status, header: h, body: body}
}

// outbound applies the outbound rules to the response headers.
func (s *iisSim) outbound(h http.Header, vars map[string]string) {
	pre := map[string]bool{}
	for _, p := range s.cfg.PreConditions {
		ok, _ := s.conditions(p.Conditions, p.Grouping, vars, nil)
		pre[p.Name] = ok
	}
	for _, rule := range s.cfg.Outbound {
		if rule.PreCondition != "" {
			ok, known := pre[rule.PreCondition]
			if !known {
				s.t.Fatalf("web.config: outbound rule %q names preCondition %q, which is not defined", rule.Name, rule.PreCondition)
			}
			if !ok {
				continue
			}
		}
		name, ok := strings.CutPrefix(rule.Match.ServerVariable, "RESPONSE_")
		if !ok {
			s.t.Fatalf("web.config: outbound rule %q rewrites %q; only response headers are modelled", rule.Name, rule.Match.ServerVariable)
		}
		name = strings.ReplaceAll(name, "_", "-")
		r := s.re(rule.Match.Pattern, rule.Match.Ignore).FindStringSubmatch(h.Get(name))
		if r == nil || rule.Action.Type != "Rewrite" {
			continue
		}
		ok, c := s.conditions(rule.Conditions.Conditions, rule.Conditions.Grouping, vars, r)
		if ok {
			h.Set(name, s.expand(rule.Action.Value, vars, r, c))
		}
	}
}

// TestIISRules puts web.config's rules, evaluated by iisSim, to the same
// table of serverCases as nginx and Apache.
func TestIISRules(t *testing.T) {
	_, pkg, _ := unpackForServer(t)
	site := filepath.Join(pkg, "site")
	files := map[string][]byte{}
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sim := newIISSim(t, testBase, files)
	if sim.cfg.Compression.Static != "false" || sim.cfg.Compression.Dynamic != "false" {
		t.Errorf("web.config: IIS's own compression is on (%+v); the copies are sent instead", sim.cfg.Compression)
	}
	runCases(t, "web.config (simulated IIS)", sim.do, site, serverCases(t, site))
	t.Logf("%d inbound and %d outbound rules evaluated", len(sim.cfg.Rules), len(sim.cfg.Outbound))
}

// TestIISAcceptPatterns checks the Accept-Encoding tests web.config uses,
// as IIS applies them (ignoring case).
func TestIISAcceptPatterns(t *testing.T) {
	br := regexp.MustCompile("(?i)" + acceptsBrotliIIS)
	gz := regexp.MustCompile("(?i)" + acceptsGzipIIS)
	for _, tt := range []struct {
		header   string
		br, gzip bool
	}{
		{"", false, false},
		{"br", true, false},
		{"gzip, deflate, br, zstd", true, true},
		{"gzip, deflate", false, true},
		{"BR, GZIP", true, true},
		{"br;q=0, gzip", false, true},
		{"br; q=0.0, gzip;q=0.000", false, false},
		{"br;q=0.5, gzip;q=1", true, true},
		{"br;q=1.0", true, false},
		{"gzip;q=0.001", false, true},
		{"x-gzip", false, true},
		{"brotli, gzipped", false, false},
		{"identity", false, false},
		{"deflate,br", true, false},
		{"br;q=0.50", true, false},
	} {
		if got := br.MatchString(tt.header); got != tt.br {
			t.Errorf("Accept-Encoding %q: brotli accepted = %v, want %v", tt.header, got, tt.br)
		}
		if got := gz.MatchString(tt.header); got != tt.gzip {
			t.Errorf("Accept-Encoding %q: gzip accepted = %v, want %v", tt.header, got, tt.gzip)
		}
	}
}

// The simulation must be able to fail: a web.config without its rules
// sends no copies, so the table's brotli and gzip cases fail.
func TestIISSimCatchesMissingRules(t *testing.T) {
	files := map[string][]byte{}
	for p, b := range writeFake(t, "https://trust.example"+testBase) {
		if rel, ok := strings.CutPrefix(p, "site/"); ok {
			files[rel] = b
		}
	}
	sim := newIISSim(t, testBase, files)
	r := sim.do(testBase+"en/", acceptBrowser)
	if r.status != 200 || r.header.Get("Content-Encoding") != "br" || r.header.Get("Content-Type") != "text/html; charset=utf-8" || !bytes.Equal(r.body, files["en/index.html.br"]) {
		t.Fatalf("with the rules: status %d, %v", r.status, r.header)
	}
	sim.cfg.Rules, sim.cfg.Outbound = nil, nil
	if r := sim.do(testBase+"en/", acceptBrowser); r.header.Get("Content-Encoding") != "" || !bytes.Equal(r.body, files["en/index.html"]) {
		t.Errorf("without the rules the simulation still sends brotli: %v", r.header)
	}
	if r := sim.do(testBase+"css/", ""); r.status != 403 {
		t.Errorf("without the rules a folder without index.html gives %d, want IIS's 403.14", r.status)
	}
}
