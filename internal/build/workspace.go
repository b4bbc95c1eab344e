package build

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/esosite/esosite"
	"github.com/esosite/esosite/internal/check"
	"github.com/esosite/esosite/internal/translation"
	"github.com/esosite/esosite/internal/trust"
	"github.com/esosite/esosite/internal/walkthrough"
)

// A workspace is one Hugo project in a temporary folder: the built-in site
// extracted as the theme "esosite", and the Trust's folder (if any) as the
// project, so the Trust's files win wherever both have the same path.
type workspace struct {
	dir      string // the temporary folder; removed by Close
	themeDir string // dir/themes/esosite: the built-in site
	source   string // Hugo's project folder: the Trust's folder, or an empty one
	config   string // the generated Hugo config
	baseURL  string // the address the site is built for
	basePath string // the path part of baseURL
	budget   int    // page weight budget in bytes
	pages    []check.Page
	layouts  map[string]bool // layout names pages may ask for
	trust    *trust.Config   // the Trust's esosite.toml, if it has one
	langs    []string        // every language of the site but English
	publish  map[string]bool // the languages this build publishes
	// overlaid lists the Trust's walkthrough text files laid over the
	// built-in words, node by node (see overlayWalkthrough).
	overlaid []string
	// display maps folders Hugo sees to the folders a person knows, for messages.
	display map[string]string
}

func newWorkspace(opts Options) (*workspace, error) {
	dir, err := os.MkdirTemp("", "esosite-")
	if err != nil {
		return nil, err
	}
	ws := &workspace{dir: dir, themeDir: filepath.Join(dir, "themes", "esosite"), display: map[string]string{}}
	if err := os.MkdirAll(filepath.Join(dir, "themes", "trust"), 0o755); err != nil {
		return nil, err
	}
	if err := ws.setUp(opts); err != nil {
		ws.Close()
		return nil, err
	}
	return ws, nil
}

func (ws *workspace) Close() { os.RemoveAll(ws.dir) }

func (ws *workspace) setUp(opts Options) error {
	ws.source = filepath.Join(ws.dir, "project")
	if opts.Site != "" {
		abs, err := filepath.Abs(opts.Site)
		if err != nil {
			return err
		}
		st, err := os.Stat(abs)
		if err != nil {
			return usagef("esosite: --site %q cannot be read: %v; check the path, or make the folder with esosite init %s", opts.Site, unwrapPathError(err), opts.Site)
		}
		if !st.IsDir() {
			return usagef("esosite: --site %q is a file; name your Trust's folder (the one with esosite.toml)", opts.Site)
		}
		if _, err := os.ReadDir(abs); err != nil {
			return fmt.Errorf("%s: cannot read the site folder: %v", opts.Site, unwrapPathError(err))
		}
		ws.source = abs
		ws.display[abs] = filepath.Clean(opts.Site)
	} else if err := os.MkdirAll(ws.source, 0o755); err != nil {
		return err
	}
	cfg, err := builtinConfig()
	if err != nil {
		return err
	}
	if opts.Site != "" {
		ws.trust, err = trust.Load(ws.source, ws.display[ws.source], languageNames(cfg))
		if err != nil {
			return err
		}
	}
	// The built-in site is written out only once the folder and its
	// settings are known to be good, so a mistake there is reported at once.
	if err := extract(esosite.Files, ws.themeDir); err != nil {
		return err
	}
	ws.display[ws.themeDir] = "" // built-in files are named as in the repository
	ws.layouts = layoutNames(ws.themeDir, ws.source)
	if err := ws.gatherPages(opts); err != nil {
		return err
	}
	if ws.trust != nil {
		if err := ws.trust.WriteAssets(ws.source, filepath.Join(ws.dir, "themes", "trust")); err != nil {
			return err
		}
	}
	if opts.Site != "" {
		if err := ws.overlayWalkthrough(ws.display[ws.source]); err != nil {
			return err
		}
	}
	// Route pages (Back, Change and check-your-answers without JavaScript)
	// come from the graph, written as data for the content adapter.
	if err := walkthrough.WriteRoutes(ws.themeDir); err != nil {
		return fmt.Errorf("%s: %v", walkthrough.RoutesFile, err)
	}
	if err := walkthrough.WriteMap(ws.themeDir); err != nil {
		return fmt.Errorf("%s: %v", walkthrough.MapSVGFile, err)
	}
	return ws.writeConfig(opts, cfg)
}

// builtinConfig reads the built-in hugo.toml.
func builtinConfig() (map[string]any, error) {
	raw, err := fs.ReadFile(esosite.Files, "hugo.toml")
	if err != nil {
		return nil, err
	}
	cfg := map[string]any{}
	if err := toml.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("hugo.toml: %v", err)
	}
	return cfg, nil
}

// languageNames lists the languages the config defines, sorted.
func languageNames(cfg map[string]any) []string {
	langs, _ := cfg["languages"].(map[string]any)
	names := make([]string, 0, len(langs))
	for n := range langs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// extract writes the embedded site to dir.
func extract(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// gatherPages reads every content page, the Trust's copy winning, for the
// pre-build checks.
func (ws *workspace) gatherPages(opts Options) error {
	byRel := map[string]check.Page{}
	var order []string
	add := func(root, label string) error {
		contentDir := filepath.Join(root, "content")
		if _, err := os.Stat(contentDir); err != nil {
			return nil
		}
		return filepath.WalkDir(contentDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %v", ws.displayPath(p), unwrapPathError(err))
			}
			if d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("%s: %v", ws.displayPath(p), unwrapPathError(err))
			}
			rel, _ := filepath.Rel(root, p)
			if _, seen := byRel[rel]; !seen {
				order = append(order, rel)
			}
			byRel[rel] = check.Page{Path: ws.displayPath(p), Rel: filepath.ToSlash(rel), Data: data}
			return nil
		})
	}
	if err := add(ws.themeDir, ""); err != nil {
		return err
	}
	if opts.Site != "" {
		if err := add(ws.source, opts.Site); err != nil {
			return err
		}
	}
	for _, rel := range order {
		ws.pages = append(ws.pages, byRel[rel])
	}
	return nil
}

// writeConfig writes the Hugo config: the built-in hugo.toml plus the keys
// only the project may set (baseURL, theme, where Hugo keeps its caches).
func (ws *workspace) writeConfig(opts Options, cfg map[string]any) error {
	base := opts.BaseURL
	if base == "" && ws.trust != nil {
		base = ws.trust.BaseURL
	}
	if base == "" {
		base = "/"
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == "") {
		if opts.BaseURL == "" {
			return fmt.Errorf("baseURL %q is not a web address; write it like https://trust.example/eso/ or /eso/", base)
		}
		return usagef("esosite: --baseURL %q is not a web address; write it like https://trust.example/eso/ or /eso/", base)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	ws.basePath = path.Clean(u.Path)
	if ws.basePath != "/" {
		ws.basePath += "/"
	}
	ws.baseURL = u.String()
	cfg["baseURL"] = ws.baseURL
	// The "trust" theme holds files made from esosite.toml (logo, brand
	// colour); it sits above the built-in site and below the Trust's folder.
	cfg["theme"] = []string{"trust", "esosite"}
	cfg["themesDir"] = filepath.Join(ws.dir, "themes")
	cfg["resourceDir"] = filepath.Join(ws.dir, "resources")
	cfg["cacheDir"] = filepath.Join(ws.dir, "cache")
	cfg["noBuildLock"] = true
	params, _ := cfg["params"].(map[string]any)
	if b, ok := params["pageBudgetBytes"].(int64); ok {
		ws.budget = int(b)
	}
	if ws.trust != nil {
		params["trust"] = ws.trust.Params()
		if len(ws.trust.Languages) > 0 {
			var off []string
			for _, l := range languageNames(cfg) {
				if !slices.Contains(ws.trust.Languages, l) {
					off = append(off, l)
				}
			}
			cfg["disableLanguages"] = toAny(off)
		}
	}
	if len(ws.overlaid) > 0 {
		excludeTrustText(cfg, ws.overlaid)
	}
	ws.publish = map[string]bool{}
	off, _ := cfg["disableLanguages"].([]any)
	for _, l := range languageNames(cfg) {
		if l != "en" {
			ws.langs = append(ws.langs, l)
		}
		if !slices.ContainsFunc(off, func(o any) bool { return o == l }) {
			ws.publish[l] = true
		}
	}
	data, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	ws.config = filepath.Join(ws.dir, "hugo.json")
	return os.WriteFile(ws.config, data, 0o644)
}

// displayPath turns a path Hugo or the workspace uses into the one the person
// running esosite knows: their own folder, or the repository path of a built-in file.
func (ws *workspace) displayPath(p string) string {
	for from, to := range ws.display {
		if rel, err := filepath.Rel(from, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join(to, rel)
		}
	}
	return p
}

// rewritePaths replaces every workspace path in a message with its display path.
func (ws *workspace) rewritePaths(msg string) string {
	for from, to := range ws.display {
		repl := to
		if repl != "" {
			repl += string(filepath.Separator)
		}
		msg = strings.ReplaceAll(msg, from+string(filepath.Separator), repl)
	}
	return strings.ReplaceAll(msg, ws.dir+string(filepath.Separator), "")
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// layoutNames lists the page layouts (layouts/NAME.html) in the given folders.
func layoutNames(roots ...string) map[string]bool {
	names := map[string]bool{}
	for _, root := range roots {
		entries, _ := os.ReadDir(filepath.Join(root, "layouts"))
		for _, e := range entries {
			if n, ok := strings.CutSuffix(e.Name(), ".html"); ok && !e.IsDir() {
				names[n] = true
			}
		}
	}
	return names
}

// stringsFiles reads the built-in UI strings, one file per language.
func stringsFiles() (map[string]translation.StringsFile, error) {
	files := map[string]translation.StringsFile{}
	entries, err := fs.ReadDir(esosite.Files, "i18n")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		lang, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok {
			continue
		}
		data, err := fs.ReadFile(esosite.Files, "i18n/"+e.Name())
		if err != nil {
			return nil, err
		}
		files[lang] = translation.StringsFile{Path: "i18n/" + e.Name(), Data: data}
	}
	return files, nil
}

// trustStrings reads the Trust's own UI strings, i18n/<lang>.toml, if any.
func (ws *workspace) trustStrings() (map[string]translation.StringsFile, error) {
	files := map[string]translation.StringsFile{}
	names, _ := filepath.Glob(filepath.Join(ws.source, "i18n", "*.toml"))
	for _, p := range names {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read it: %v", ws.displayPath(p), unwrapPathError(err))
		}
		lang := strings.TrimSuffix(filepath.Base(p), ".toml")
		files[lang] = translation.StringsFile{Path: ws.displayPath(p), Data: data}
	}
	return files, nil
}

func toAny(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// published lists the languages this build publishes, sorted.
func (ws *workspace) published() []string {
	var out []string
	for l := range ws.publish {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
