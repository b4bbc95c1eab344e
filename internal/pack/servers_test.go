package pack

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
)

// TestServerFilesCarryEveryHeader checks that nginx.conf, .htaccess and
// web.config set every header of the one table, with its exact value.
func TestServerFilesCarryEveryHeader(t *testing.T) {
	e := writeFake(t, "https://trust.example/trust/eso/")
	nginx, ht := string(e["nginx.conf"]), string(e["site/.htaccess"])
	iis := parseWebConfig(t, e["site/web.config"])
	for _, h := range Headers {
		if strings.ContainsAny(h.Value, "\"\\\n") {
			t.Errorf("%s: its value cannot be quoted in every server's syntax", h.Name)
		}
		if want := `add_header ` + h.Name + ` "` + h.Value + `" always;`; strings.Count(nginx, want) != 1+len(textExts()) {
			t.Errorf("nginx.conf: want %q once at the top and once per .br location", want)
		}
		if want := `Header always set ` + h.Name + ` "` + h.Value + `"`; !strings.Contains(ht, want) {
			t.Errorf(".htaccess lacks %q", want)
		}
		if iis.headers[h.Name] != h.Value {
			t.Errorf("web.config: %s is %q, want %q", h.Name, iis.headers[h.Name], h.Value)
		}
	}
	// Caching.
	if !strings.Contains(nginx, `set $eso_cache "`+CacheRevalidate+`";`) || !strings.Contains(nginx, `set $eso_cache "`+CacheImmutable+`";`) {
		t.Error("nginx.conf lacks the Cache-Control values")
	}
	if !strings.Contains(ht, `Header set Cache-Control "`+CacheRevalidate+`"`) || !strings.Contains(ht, `Header set Cache-Control "`+CacheImmutable+`"`) {
		t.Error(".htaccess lacks the Cache-Control values")
	}
	if iis.headers["Cache-Control"] != CacheRevalidate {
		t.Errorf("web.config: Cache-Control is %q", iis.headers["Cache-Control"])
	}
	hashed := "css/site.min.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.css"
	if iis.locationCache[hashed] != CacheImmutable {
		t.Errorf("web.config: %s is cached %q, want %q", hashed, iis.locationCache[hashed], CacheImmutable)
	}
	// MIME types.
	for _, m := range MIMETypes {
		if !strings.Contains(nginx, "    "+mediaType(m.Type)+" "+m.Ext+";") {
			t.Errorf("nginx.conf lacks the type of .%s", m.Ext)
		}
		if !strings.Contains(ht, "AddType "+mediaType(m.Type)+" ."+m.Ext+"\n") {
			t.Errorf(".htaccess lacks the type of .%s", m.Ext)
		}
		if iis.mime["."+m.Ext] != m.Type {
			t.Errorf("web.config: .%s is %q, want %q", m.Ext, iis.mime["."+m.Ext], m.Type)
		}
	}
	// 404 pages per language.
	if iis.notFound[""] != "/trust/eso/en/404.html" || iis.notFound["cy"] != "/trust/eso/cy/404.html" || iis.notFound["en"] != "/trust/eso/en/404.html" {
		t.Errorf("web.config: 404 pages %v", iis.notFound)
	}
}

// TestHtaccessBalanced parses .htaccess as Apache would read its sections:
// every <Section> closes in order, directives are known, quotes pair up.
func TestHtaccessBalanced(t *testing.T) {
	ht := string(writeFake(t, "https://trust.example/trust/eso/")["site/.htaccess"])
	known := map[string]bool{
		"DirectoryIndex": true, "AddType": true, "AddCharset": true, "RemoveType": true, "RemoveLanguage": true,
		"AddEncoding": true, "RewriteEngine": true, "RewriteBase": true, "RewriteRule": true, "RewriteCond": true,
		"SetEnv": true, "Header": true, "ErrorDocument": true,
	}
	open := regexp.MustCompile(`^<(IfModule|FilesMatch|If)\s+("[^"]*"|\S+)>$`)
	closeRE := regexp.MustCompile(`^</(IfModule|FilesMatch|If)>$`)
	var stack []string
	for i, line := range strings.Split(ht, "\n") {
		l := strings.TrimSpace(line)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.Count(l, `"`)%2 != 0 {
			t.Errorf(".htaccess:%d: unpaired quote: %s", i+1, l)
		}
		switch {
		case open.MatchString(l):
			stack = append(stack, open.FindStringSubmatch(l)[1])
		case closeRE.MatchString(l):
			name := closeRE.FindStringSubmatch(l)[1]
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Fatalf(".htaccess:%d: </%s> closes nothing open (open: %v)", i+1, name, stack)
			}
			stack = stack[:len(stack)-1]
		case strings.HasPrefix(l, "<"):
			t.Errorf(".htaccess:%d: unexpected section %s", i+1, l)
		default:
			if d, _, _ := strings.Cut(l, " "); !known[d] {
				t.Errorf(".htaccess:%d: unknown directive %s", i+1, d)
			}
		}
	}
	if len(stack) > 0 {
		t.Errorf(".htaccess: sections left open: %v", stack)
	}
}

// TestNginxConfBalanced checks the snippet's braces and quotes without
// nginx; TestNginx runs it for real.
func TestNginxConfBalanced(t *testing.T) {
	conf := string(writeFake(t, "/trust/eso/")["nginx.conf"])
	depth := 0
	for i, line := range strings.Split(conf, "\n") {
		l := strings.TrimSpace(line)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.Count(l, `"`)%2 != 0 {
			t.Errorf("nginx.conf:%d: unpaired quote: %s", i+1, l)
		}
		unquoted := regexp.MustCompile(`"[^"]*"`).ReplaceAllString(l, `""`)
		depth += strings.Count(unquoted, "{") - strings.Count(unquoted, "}")
		if depth < 0 {
			t.Fatalf("nginx.conf:%d: } closes nothing", i+1)
		}
		if !strings.HasSuffix(l, ";") && !strings.HasSuffix(l, "{") && !strings.HasSuffix(l, "}") {
			t.Errorf("nginx.conf:%d: a directive must end with ;: %s", i+1, l)
		}
	}
	if depth != 0 {
		t.Errorf("nginx.conf: %d blocks left open", depth)
	}
}

type parsedWebConfig struct {
	headers       map[string]string
	mime          map[string]string
	notFound      map[string]string // location path ("" for the site) → 404 page
	locationCache map[string]string // location path → Cache-Control
}

// parseWebConfig reads web.config with encoding/xml, failing on XML that is
// not well formed, and applies each <remove>/<add> as IIS would.
func parseWebConfig(t testing.TB, data []byte) parsedWebConfig {
	t.Helper()
	type customHeaders struct {
		Items []struct {
			XMLName xml.Name
			Name    string `xml:"name,attr"`
			Value   string `xml:"value,attr"`
		} `xml:",any"`
	}
	type httpErrors struct {
		Errors []struct {
			Status string `xml:"statusCode,attr"`
			Path   string `xml:"path,attr"`
		} `xml:"error"`
	}
	type webServer struct {
		Headers customHeaders `xml:"httpProtocol>customHeaders"`
		Mime    []struct {
			Ext  string `xml:"fileExtension,attr"`
			Type string `xml:"mimeType,attr"`
		} `xml:"staticContent>mimeMap"`
		Errors httpErrors `xml:"httpErrors"`
	}
	var cfg struct {
		XMLName   xml.Name  `xml:"configuration"`
		WebServer webServer `xml:"system.webServer"`
		Locations []struct {
			Path      string    `xml:"path,attr"`
			WebServer webServer `xml:"system.webServer"`
		} `xml:"location"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	if err := d.Decode(&cfg); err != nil {
		t.Fatalf("web.config is not well-formed XML: %v", err)
	}
	apply := func(h customHeaders) map[string]string {
		m := map[string]string{}
		for _, it := range h.Items {
			switch it.XMLName.Local {
			case "remove":
				delete(m, it.Name)
			case "add":
				if _, dup := m[it.Name]; dup {
					t.Errorf("web.config: header %s added twice (IIS refuses that)", it.Name)
				}
				m[it.Name] = it.Value
			}
		}
		return m
	}
	w := parsedWebConfig{headers: apply(cfg.WebServer.Headers), mime: map[string]string{}, notFound: map[string]string{}, locationCache: map[string]string{}}
	for _, m := range cfg.WebServer.Mime {
		w.mime[m.Ext] = m.Type
	}
	for _, e := range cfg.WebServer.Errors.Errors {
		if e.Status == "404" {
			w.notFound[""] = e.Path
		}
	}
	for _, l := range cfg.Locations {
		if cc, ok := apply(l.WebServer.Headers)["Cache-Control"]; ok {
			w.locationCache[l.Path] = cc
		}
		for _, e := range l.WebServer.Errors.Errors {
			if e.Status == "404" {
				w.notFound[l.Path] = e.Path
			}
		}
	}
	return w
}
