package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Condition is one way a family uses a page: a screen width, JavaScript on
// or off, a colour scheme, and which checks run in it.
type Condition struct {
	Name          string // short, for test names and messages: js-320
	Width, Height int64
	JS            bool     // JavaScript on
	Dark          bool     // prefers-color-scheme: dark
	Axe           bool     // run axe-core's WCAG rules
	AxeRules      []string // with Axe: only these rules, not every WCAG rule
	Print         bool     // after the other checks, emulate print media and check the print rules
	Keyboard      bool     // Tab through the page: skip link, focus visible, every link reachable
	// NoScript: this JavaScript-on visit also stands for the JavaScript-off
	// one, because the page's HTML has no script; the visit proves it runs none.
	NoScript bool
	// Next is checked on the same loaded page after this condition's checks:
	// the width and colours change, the document does not, so it needs no
	// second load. It must keep JS as it is.
	Next *Condition
}

// The conditions every page is checked in, and the keyboard condition a
// sample of pages is checked in.
var (
	JS320       = Condition{Name: "js-320", Width: 320, Height: 640, JS: true, Axe: true, Print: true}
	NoJS320     = Condition{Name: "nojs-320", Width: 320, Height: 640, Axe: true}
	Keyboard320 = Condition{Name: "keyboard-320", Width: 320, Height: 640, JS: true, Keyboard: true}
	// The dark pass checks what the dark colours and the wide layout change:
	// the rules that depend on how the page is drawn. Every other rule reads
	// the same document, already checked at 320 px.
	Dark1280 = Condition{Name: "dark-1280", Width: 1280, Height: 800, JS: true, Dark: true, Axe: true, AxeRules: RenderedRules}

	EveryPage = []Condition{JS320.Then(Dark1280), NoJS320}
)

// Then is c followed by next on the same loaded page (see Condition.Next).
func (c Condition) Then(next Condition) Condition {
	c.Name += "+" + next.Name
	c.Next = &next
	return c
}

// RenderedRules are the axe-core rules whose result depends on colours and
// layout rather than on the document alone.
var RenderedRules = []string{"color-contrast", "link-in-text-block", "target-size"}

// WithoutScript is c standing for both its own visit and the JavaScript-off
// one, for a page whose HTML has no script.
func WithoutScript(c Condition) Condition {
	c.Name += "+nojs"
	c.NoScript = true
	return c
}

// The first screen of a 320 x 640 phone (issue 12): the page's heading
// starts within MaxH1Top pixels of the top and the header is at most
// MaxHeader pixels high, so a family sees the title and the start of the
// answer without scrolling.
const (
	PhoneWidth = 320
	MaxH1Top   = 200
	MaxHeader  = 80
)

// PageTimeout bounds one page in one condition.
var PageTimeout = 90 * time.Second

// setupScript runs before any of the page's own scripts (when JavaScript is
// on) and records CSP violations, which the page cannot see otherwise.
const setupScript = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push({
	directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample}));`

// helpersScript defines window.__bt, small DOM helpers the checks share.
const helpersScript = `window.__bt = window.__bt || (() => {
	const path = el => {
		const parts = [];
		for (; el && el.nodeType === 1 && el !== document.documentElement; el = el.parentElement) {
			let s = el.tagName.toLowerCase();
			if (el.id) { parts.unshift(s + "#" + CSS.escape(el.id)); break; }
			if (el.classList.length) s += "." + [...el.classList].map(c => CSS.escape(c)).join(".");
			const p = el.parentElement;
			if (p) {
				const same = [...p.children].filter(c => c.tagName === el.tagName);
				if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(el) + 1) + ")";
			}
			parts.unshift(s);
		}
		return parts.join(" > ") || "html";
	};
	const html = el => {
		const o = el.outerHTML || "";
		const i = o.indexOf(">");
		return el.children.length === 0 && o.length < 300 ? o : o.slice(0, i + 1);
	};
	// What a keyboard user must be able to reach: every control, even one
	// wrongly given tabindex="-1", and anything else put in the Tab order.
	const controls = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [contenteditable=""], [contenteditable=true]';
	const focusable = () => [...document.querySelectorAll(controls + ", [tabindex]")]
		.filter(el => (el.matches(controls) || el.tabIndex >= 0) && !el.disabled && !el.closest("[inert]") &&
			el.checkVisibility({visibilityProperty: true}));
	return {path, html, focusable};
})();`

// factsScript reads what the checks need from the loaded page.
const factsScript = `(() => {
	const bt = window.__bt, d = document.documentElement;
	const refs = [];
	const abs = u => { try { return new URL(u, document.baseURI).href } catch (e) { return u } };
	const push = (el, attr, u) => refs.push({tag: el.tagName.toLowerCase(), attr, url: abs(u), target: bt.path(el), html: bt.html(el)});
	for (const el of document.querySelectorAll("a[href], area[href], link[href]")) push(el, "href", el.getAttribute("href"));
	for (const el of document.querySelectorAll("[src]")) push(el, "src", el.getAttribute("src"));
	for (const el of document.querySelectorAll("[srcset]"))
		for (const part of el.getAttribute("srcset").split(",")) { const u = part.trim().split(/\s+/)[0]; if (u) push(el, "srcset", u); }
	for (const el of document.querySelectorAll("object[data]")) push(el, "data", el.getAttribute("data"));
	for (const el of document.querySelectorAll("form[action]")) push(el, "action", el.getAttribute("action"));
	const cw = d.clientWidth, wide = [];
	if (d.scrollWidth > cw) {
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || (r.right <= cw + 0.5 && r.left >= -0.5)) continue;
			const child = [...el.children].some(c => { const q = c.getBoundingClientRect(); return q.width > 0 && (q.right > cw + 0.5 || q.left < -0.5); });
			if (!child) wide.push({target: bt.path(el), html: bt.html(el), left: r.left, right: r.right});
			if (wide.length >= 5) break;
		}
	}
	const h1 = document.querySelector("h1"), header = document.querySelector("body > header, .site-header");
	// Parts of the header that overlap: text drawn over a control.
	const overlaps = [];
	if (header) {
		const parts = [...header.querySelectorAll("a, summary, img, span")].filter(el => el.checkVisibility() && !el.closest("ul"));
		for (const a of parts) for (const b of parts) {
			if (a === b || a.contains(b) || b.contains(a) || a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING) continue;
			const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
			const x = Math.min(p.right, q.right) - Math.max(p.left, q.left), y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
			if (x > 1 && y > 1) overlaps.push(bt.path(a) + " and " + bt.path(b));
		}
	}
	const layout = {h1Top: h1 ? h1.getBoundingClientRect().top + scrollY : -1,
		header: header ? header.getBoundingClientRect().height : 0, target: h1 ? bt.path(h1) : "", html: h1 ? bt.html(h1) : "", overlaps};
	return JSON.stringify({lang: d.getAttribute("lang"), dir: d.getAttribute("dir"),
		scrollWidth: d.scrollWidth, clientWidth: cw, wide, refs, href: location.href, layout,
		scripts: [...document.scripts].map(s => s.src || "inline")});
})()`

// cspScript takes the violations recorded so far, so a later condition on
// the same page reports only its own.
const cspScript = `JSON.stringify((window.__cspViolations || []).splice(0))`

type ref struct {
	Tag, Attr, URL, Target, HTML string
}

type facts struct {
	Lang, Dir, Href          string
	ScrollWidth, ClientWidth float64
	Wide                     []struct {
		Target, HTML string
		Left, Right  float64
	}
	Refs    []ref
	Layout  Layout
	Scripts []string
}

// Layout is where the first screen's parts are, in CSS pixels from the top
// of the page; H1Top is -1 on a page with no h1.
type Layout struct {
	H1Top, Header float64
	Target, HTML  string
	Overlaps      []string // pairs of header parts drawn over each other
}

// recorder keeps what the tab reports while a page loads and is checked.
type recorder struct {
	mu       sync.Mutex
	requests []string
	console  []string
	csp      []string
	failed   []string
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.failed = append(r.failed, fmt.Sprintf("%s answered HTTP %d", ev.Response.URL, ev.Response.Status))
		}
	case *network.EventLoadingFailed:
		// A request CSP blocked is reported by the console entry that names it.
		if ev.BlockedReason != network.BlockedReasonCsp && !ev.Canceled {
			r.failed = append(r.failed, fmt.Sprintf("a %s request failed: %s", ev.Type, ev.ErrorText))
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		msg := e.Text
		if e.URL != "" {
			msg += " (" + e.URL + ")"
		}
		switch {
		case strings.Contains(e.Text, "Content Security Policy"):
			r.csp = append(r.csp, msg)
		case e.Level == log.EntryLevelError:
			r.console = append(r.console, string(e.Source)+": "+msg)
		}
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			} else {
				parts = append(parts, a.Description)
			}
		}
		msg := strings.Join(parts, " ")
		switch {
		case strings.Contains(msg, "Content Security Policy"):
			r.csp = append(r.csp, msg)
		case ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert:
			r.console = append(r.console, "console."+string(ev.Type)+": "+msg)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		r.console = append(r.console, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	}
}

// CheckPage loads pageURL in a new tab of the browser (see [NewBrowser]) in
// the given condition and returns every failure: axe-core violations, CSP
// violations, horizontal scroll, console errors, requests to another origin,
// links and assets that do not answer 200, <html lang> and dir, and, as the
// condition asks, the keyboard and print rules. To check many pages, open a
// [Tab] once and call [Tab.Check] for each.
func CheckPage(browser context.Context, pageURL string, cond Condition) []Failure {
	tab := NewTab(browser)
	defer tab.Close()
	return tab.Check(pageURL, cond)
}

// Tab is one browser tab that checks pages one after another, which saves
// opening a tab for each. It is not safe for concurrent use; open one per
// goroutine.
type Tab struct {
	browser context.Context
	ctx     context.Context
	cancel  context.CancelFunc
	rec     atomic.Pointer[recorder]
	ready   bool   // the tab has its once-per-tab setup
	Layout  Layout // the first screen of the page last checked
}

// NewTab opens a tab in the browser. Close it when done.
func NewTab(browser context.Context) *Tab {
	t := &Tab{browser: browser}
	t.open()
	return t
}

func (t *Tab) open() {
	t.ctx, t.cancel = chromedp.NewContext(t.browser, chromedp.WithListener(func(ev any) {
		if r := t.rec.Load(); r != nil {
			r.listen(ev)
		}
	}))
	t.ready = false
	// Open the tab now: a tab lives as long as the context of its first Run,
	// which must not be the short one of a single check. An error here comes
	// back from the check's first action.
	_ = chromedp.Do(t.ctx)
}

// Close closes the tab.
func (t *Tab) Close() { t.cancel() }

// Check loads pageURL in the tab in the given condition and returns every
// failure, as [CheckPage] does.
func (t *Tab) Check(pageURL string, cond Condition) []Failure {
	c := &pageCheck{url: pageURL, cond: cond, rec: &recorder{}}
	u, err := url.Parse(pageURL)
	if err != nil {
		return []Failure{c.fail("load", "", "", "", fmt.Sprintf("not a URL: %v", err))}
	}
	c.origin = u.Scheme + "://" + u.Host
	t.rec.Store(c.rec)
	ctx, cancel := context.WithTimeout(t.ctx, PageTimeout)
	defer cancel()
	err = c.run(ctx, !t.ready)
	t.rec.Store(nil)
	t.Layout = c.layout
	if err != nil {
		c.failures = append(c.failures, c.fail("load", "", "", "", err.Error()))
		// The tab may be stuck: the next check gets a new one.
		t.Close()
		t.open()
	} else {
		t.ready = true
	}
	c.recorded()
	return c.failures
}

type pageCheck struct {
	url, origin string
	cond        Condition
	rec         *recorder
	failures    []Failure
	layout      Layout
}

func (c *pageCheck) fail(check, rule, target, html, msg string) Failure {
	return Failure{Page: c.url, Condition: c.cond.Name, Check: check, Rule: rule, Target: target, HTML: html, Message: msg}
}

func (c *pageCheck) add(check, rule, target, html, format string, args ...any) {
	c.failures = append(c.failures, c.fail(check, rule, target, html, fmt.Sprintf(format, args...)))
}

func (c *pageCheck) run(ctx context.Context, newTab bool) error {
	if err := c.setup(ctx, newTab); err != nil {
		return err
	}
	if err := c.load(ctx); err != nil {
		return err
	}
	if err := c.checks(ctx); err != nil {
		return err
	}
	if next := c.cond.Next; next != nil {
		layout := c.layout // the first screen is the one at the first width
		// What the tab reported so far belongs to the first condition.
		c.recorded()
		c.rec.reset()
		c.cond = *next
		if err := c.emulate(ctx); err != nil {
			return err
		}
		if err := c.checks(ctx); err != nil {
			return err
		}
		c.layout = layout
	}
	return nil
}

// checks runs the condition's checks on the loaded page.
func (c *pageCheck) checks(ctx context.Context) error {
	f, err := c.facts(ctx)
	if err != nil {
		return err
	}
	c.checkFacts(f)
	if c.cond.Axe {
		if !c.cond.JS {
			// axe-core needs script execution for its promises and timers. The
			// page's own scripts were skipped when it loaded and stay skipped.
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
				return err
			}
		}
		vs, err := RunAxe(ctx, c.cond.AxeRules)
		if err != nil {
			return err
		}
		for _, v := range vs {
			for _, n := range v.Nodes {
				c.add("axe", v.ID, n.Selector(), n.HTML, "(%s) %s — %s\n    %s",
					v.Impact, v.Help, v.HelpURL, strings.ReplaceAll(n.FailureSummary, "\n", "\n    "))
			}
		}
	}
	if err := c.cspViolations(ctx); err != nil {
		return err
	}
	if c.cond.Keyboard {
		if err := c.keyboard(ctx); err != nil {
			return err
		}
		if err := c.switcher(ctx); err != nil {
			return err
		}
	}
	if c.cond.Print {
		if err := c.print(ctx); err != nil {
			return err
		}
	}
	return nil
}

// emulate applies the condition's screen width and colour scheme (and
// screen media, after a print check) to the tab.
func (c *pageCheck) emulate(ctx context.Context) error {
	scheme := "light"
	if c.cond.Dark {
		scheme = "dark"
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.cond.Width, c.cond.Height)); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

// setup applies the condition to the tab before the page loads.
func (c *pageCheck) setup(ctx context.Context, newTab bool) error {
	if err := c.emulate(ctx); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !c.cond.JS}); err != nil {
		return err
	}
	if !newTab {
		return nil
	}
	// Tabs run side by side; each must behave as the focused window.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: setupScript})
	return err
}

// load navigates to the page and checks it answered 200.
func (c *pageCheck) load(ctx context.Context) error {
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(c.url))
	if err != nil {
		return fmt.Errorf("loading the page: %v", err)
	}
	if resp != nil && resp.Status != http.StatusOK {
		c.add("load", "status", "", "", "the page answered HTTP %d", resp.Status)
	}
	return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersScript))
}

func (c *pageCheck) facts(ctx context.Context) (*facts, error) {
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](factsScript))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %v", err)
	}
	var f facts
	if err := json.Unmarshal([]byte(raw), &f); err != nil {
		return nil, fmt.Errorf("reading the page: %v", err)
	}
	return &f, nil
}

// rtlLanguages are the language codes written right to left.
var rtlLanguages = []string{"ar", "ur", "fa", "he"}

// WantDir is the dir a page in language lang must have.
func WantDir(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	for _, l := range rtlLanguages {
		if base == l {
			return "rtl"
		}
	}
	return "ltr"
}

func (c *pageCheck) checkFacts(f *facts) {
	if f.Lang == "" {
		c.add("lang", "html-lang", "html", "", "<html> has no lang attribute")
	} else if want := WantDir(f.Lang); f.Dir != want && !(want == "ltr" && f.Dir == "") {
		c.add("lang", "html-dir", "html", "", "<html lang=%q> must have dir=%q, has dir=%q", f.Lang, want, f.Dir)
	}
	if f.ScrollWidth > f.ClientWidth {
		msg := fmt.Sprintf("the page scrolls sideways at %d px: scrollWidth %v > clientWidth %v (WCAG 1.4.10 Reflow)", c.cond.Width, f.ScrollWidth, f.ClientWidth)
		if len(f.Wide) == 0 {
			c.add("reflow", "no-horizontal-scroll", "", "", "%s", msg)
		}
		for _, w := range f.Wide {
			c.add("reflow", "no-horizontal-scroll", w.Target, w.HTML, "%s; this element spans %.0f–%.0f px", msg, w.Left, w.Right)
		}
	}
	for _, r := range f.Refs {
		c.checkRef(r)
	}
	if c.cond.NoScript && len(f.Scripts) > 0 {
		c.add("script", "no-script-claimed", "script", "", "the page runs %d script(s) (%s) although its HTML was read as having none, so it also needs a visit with JavaScript off", len(f.Scripts), strings.Join(f.Scripts, ", "))
	}
	c.layout = f.Layout
	if c.cond.Width == PhoneWidth {
		l := f.Layout
		if l.H1Top > MaxH1Top {
			c.add("first-screen", "h1-top", l.Target, l.HTML, "the h1 starts %.0f px from the top at %d px wide; it must start within %d px, so the title and the answer are on a phone's first screen", l.H1Top, c.cond.Width, MaxH1Top)
		}
		for _, o := range l.Overlaps {
			c.add("first-screen", "header-overlap", o, "", "%s overlap at %d px wide; the header must shrink or cut short its text, never draw it over another part", o, c.cond.Width)
		}
		if l.Header > MaxHeader {
			c.add("first-screen", "header-height", "header", "", "the header is %.0f px high at %d px wide; keep it to one row, at most %d px", l.Header, c.cond.Width, MaxHeader)
		}
	}
}

// checkRef checks one link or asset: same-origin ones must answer 200;
// links to other sites must be https and are not fetched; assets must come
// from the site itself.
func (c *pageCheck) checkRef(r ref) {
	u, err := url.Parse(r.URL)
	if err != nil {
		c.add("link", "bad-url", r.Target, r.HTML, "%s=%q is not a valid URL", r.Attr, r.URL)
		return
	}
	isLink := r.Tag == "a" || r.Tag == "area"
	// A canonical or alternate <link> names a page, like <a>; any other <link> loads something.
	if r.Tag == "link" && (strings.Contains(r.HTML, `rel="canonical"`) || strings.Contains(r.HTML, `rel="alternate"`)) {
		isLink = true
	}
	switch {
	case u.Scheme == "data":
		return
	case isLink && (u.Scheme == "mailto" || u.Scheme == "tel"):
		return
	case u.Scheme+"://"+u.Host == c.origin:
		u.Fragment, u.RawFragment = "", ""
		if status, err := statusOf(u.String()); err != nil {
			c.add("link", "answers-200", r.Target, r.HTML, "%s %s: %v", r.Attr, r.URL, err)
		} else if status != http.StatusOK {
			c.add("link", "answers-200", r.Target, r.HTML, "%s %s answers HTTP %d", r.Attr, r.URL, status)
		}
	case isLink && u.Scheme == "https" && u.Host != "":
		return // a source on another site: not fetched, the tests stay offline
	case isLink:
		c.add("link", "https-only", r.Target, r.HTML, "a link to another site must be an absolute https URL, not %q", r.URL)
	default:
		c.add("link", "same-origin-assets", r.Target, r.HTML, "%s %s loads from another origin; every asset must come from the site itself", r.Attr, r.URL)
	}
}

var statuses sync.Map // URL -> *statusEntry

type statusEntry struct {
	once   sync.Once
	status int
	err    error
}

// statusOf GETs a same-origin URL once per test process and remembers its status.
func statusOf(u string) (int, error) {
	v, _ := statuses.LoadOrStore(u, &statusEntry{})
	e := v.(*statusEntry)
	e.once.Do(func() {
		resp, err := Client.Get(u)
		if err != nil {
			e.err = err
			return
		}
		resp.Body.Close()
		e.status = resp.StatusCode
	})
	return e.status, e.err
}

func (c *pageCheck) cspViolations(ctx context.Context) error {
	if !c.cond.JS {
		return nil // the listener cannot run; console entries are watched instead
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](cspScript))
	if err != nil {
		return fmt.Errorf("reading CSP violations: %v", err)
	}
	var vs []struct {
		Directive, Blocked, Source, Sample string
		Line                               int
	}
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		return err
	}
	for _, v := range vs {
		c.add("csp", v.Directive, "", v.Sample, "blocked %q (%s line %d) under %s", v.Blocked, v.Source, v.Line, CSP)
	}
	return nil
}

// reset forgets what was reported.
func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests, r.console, r.csp, r.failed = nil, nil, nil, nil
}

// recorded turns what the tab reported into failures.
func (c *pageCheck) recorded() {
	r := c.rec
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range r.csp {
		c.add("csp", "no-violation", "", "", "%s", m)
	}
	for _, m := range r.console {
		c.add("console", "no-error", "", "", "%s", m)
	}
	for _, m := range r.failed {
		c.add("network", "answers-200", "", "", "%s", m)
	}
	seen := map[string]bool{}
	for _, u := range r.requests {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, c.origin+"/") || seen[u] {
			continue
		}
		seen[u] = true
		c.add("network", "same-origin-only", "", "", "the page requested %s; nothing may load from another origin", u)
	}
}

// keyScript records the focused element after a Tab press.
const keyScript = `(() => {
	const bt = window.__bt, el = document.activeElement;
	window.__tabStops = window.__tabStops || [];
	if (!el || el === document.body || el === document.documentElement) return JSON.stringify({done: true});
	if (window.__tabStops.includes(el)) return JSON.stringify({done: true});
	window.__tabStops.push(el);
	const cs = getComputedStyle(el);
	const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
	const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
	const main = document.querySelector("main");
	return JSON.stringify({target: bt.path(el), html: bt.html(el), visible: outline || shadow,
		skip: !!main && el.tagName === "A" && main.id !== "" && el.getAttribute("href") === "#" + main.id,
		outline: cs.outlineStyle + " " + cs.outlineWidth, shadow: cs.boxShadow});
})()`

// keyReportScript lists what Tab never reached, and whether anything focusable comes before <main>.
const keyReportScript = `(() => {
	const bt = window.__bt, stops = window.__tabStops || [], main = document.querySelector("main");
	const all = bt.focusable();
	const missed = all.filter(el => !stops.includes(el)).map(el => ({target: bt.path(el), html: bt.html(el)}));
	const beforeMain = !!main && all.some(el => !main.contains(el) && (el.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING));
	return JSON.stringify({missed, beforeMain});
})()`

type tabStop struct {
	Done            bool
	Target, HTML    string
	Visible, Skip   bool
	Outline, Shadow string
}

// MaxTabStops bounds the Tab walk through one page.
const MaxTabStops = 400

func (c *pageCheck) keyboard(ctx context.Context) error {
	var stops []tabStop
	for range MaxTabStops {
		s, err := c.pressTab(ctx)
		if err != nil {
			return err
		}
		if s.Done {
			break
		}
		stops = append(stops, s)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](keyReportScript))
	if err != nil {
		return err
	}
	var rep struct {
		Missed     []struct{ Target, HTML string }
		BeforeMain bool
	}
	if err := json.Unmarshal([]byte(raw), &rep); err != nil {
		return err
	}
	for _, s := range stops {
		if !s.Visible {
			c.add("keyboard", "focus-visible", s.Target, s.HTML,
				"focus is not visible: outline %q, box-shadow %q (WCAG 2.4.7); give it an outline or box-shadow on :focus-visible", s.Outline, s.Shadow)
		}
	}
	for _, m := range rep.Missed {
		c.add("keyboard", "reachable-by-tab", m.Target, m.HTML, "Tab never reaches this element (WCAG 2.1.1)")
	}
	// The skip link: first Tab stop, and Enter moves focus to main. A page
	// with nothing focusable before <main> (the language chooser) needs none.
	if !rep.BeforeMain {
		return nil
	}
	if len(stops) == 0 || !stops[0].Skip {
		first := tabStop{Target: "(nothing)"}
		if len(stops) > 0 {
			first = stops[0]
		}
		c.add("keyboard", "skip-link-first", first.Target, first.HTML, "the first Tab stop must be a skip link to <main> (WCAG 2.4.1)")
		return nil
	}
	if err := c.load(ctx); err != nil {
		return err
	}
	if _, err := c.pressTab(ctx); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		return err
	}
	var where string
	for range 20 {
		where, err = chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			const el = document.activeElement, main = document.querySelector("main");
			return main && main.contains(el) ? "" : window.__bt.path(el);
		})()`))
		if err != nil || where == "" {
			break
		}
		time.Sleep(25 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	if where != "" {
		c.add("keyboard", "skip-link-moves-focus", where, "", "after Enter on the skip link focus is on %s, not in <main> (give main tabindex=\"-1\" and id=\"main\")", where)
	}
	return nil
}

func (c *pageCheck) pressTab(ctx context.Context) (tabStop, error) {
	var s tabStop
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		return s, err
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](keyScript))
	if err != nil {
		return s, err
	}
	return s, json.Unmarshal([]byte(raw), &s)
}

// printScript checks the page as printed: navigation hidden, the page's URL shown.
const printScript = `(() => {
	const bt = window.__bt, href = location.href.split("#")[0];
	const shown = [...document.querySelectorAll("header, .site-header, .language-switcher, .breadcrumb, .skip-link")]
		.filter(el => el.checkVisibility()).map(el => ({target: bt.path(el), html: bt.html(el)}));
	const url = document.body.innerText.includes(href);
	return JSON.stringify({shown, url, href});
})()`

func (c *pageCheck) print(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return err
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](printScript))
	if err != nil {
		return err
	}
	var p struct {
		Shown []struct{ Target, HTML string }
		URL   bool
		Href  string
	}
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		return err
	}
	for _, s := range p.Shown {
		c.add("print", "navigation-hidden", s.Target, s.HTML, "navigation shows in print; hide it in print.css (display: none)")
	}
	if !p.URL {
		c.add("print", "url-printed", "", "", "the printed page does not show its address %s (footer \"Printed from\")", p.Href)
	}
	return nil
}
