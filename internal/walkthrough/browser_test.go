package walkthrough_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/esosite/esosite/internal/browsertest"
	"github.com/esosite/esosite/internal/walkthrough"
)

// The walkthrough with JavaScript on, keyboard only, in headless Chromium
// behind the strict CSP header: Tab to an answer, Enter, to an outcome; focus
// lands on each new step's and route page's heading; Back and Forward work;
// "print my route" lists the answers given; a shared link carries the route
// in its query string; a deep link opens a middle step.
func TestKeyboardWalkthrough(t *testing.T) {
	dir, _ := builtSite(t)
	browser := browsertest.NewBrowser(t)
	origin := serve(t, dir)
	titles := englishTitles(t)

	// newTab opens a tab; its first Run has no time limit, as the tab lives
	// as long as the context of that first call.
	newTab := func() (context.Context, context.CancelFunc) {
		ctx, cancel := chromedp.NewContext(browser)
		if err := chromedp.Do(ctx); err != nil {
			t.Fatal(err)
		}
		return ctx, cancel
	}
	ctx, cancel := newTab()
	defer cancel()

	// Every action has its own time limit, so a page that never answers fails
	// the test with its cause instead of hanging it.
	limit := func(ctx context.Context) (context.Context, context.CancelFunc) {
		return context.WithTimeout(ctx, 30*time.Second)
	}
	do := func(ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if what != "Tab" && what != "Enter" {
			t.Log(what)
		}
		c, done := limit(ctx)
		defer done()
		if err := chromedp.Do(c, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	str := func(ctx context.Context, js string) string {
		t.Helper()
		c, done := limit(ctx)
		defer done()
		v, err := chromedp.Run(c, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	// wait evaluates js until it is true; a page that navigates away in the
	// meantime only means trying again on the next one.
	wait := func(ctx context.Context, js string) error {
		var err error
		for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			var ok bool
			c, done := context.WithTimeout(ctx, 2*time.Second)
			ok, err = chromedp.Run(c, chromedp.Evaluate[bool](js))
			done()
			if err == nil && ok {
				return nil
			}
		}
		if err == nil {
			err = fmt.Errorf("still false after 30s: %s", js)
		}
		return err
	}
	h1 := func(ctx context.Context) string { return str(ctx, `document.querySelector("h1").textContent.trim()`) }
	soFar := func(ctx context.Context) string {
		return str(ctx, `(function(){var s=document.getElementById("wt-so-far");return s.hidden?"":s.textContent})()`)
	}
	// arrive waits for a page (a step's, or a route page), with focus on its
	// heading, and checks the heading.
	arriveAt := func(path, title string) {
		t.Helper()
		t.Log("arrive at", path)
		js := fmt.Sprintf(`location.pathname === %q && !!document.activeElement && document.activeElement.id === "wt-title"`, path)
		if err := wait(ctx, js); err != nil {
			t.Fatalf("moving to %s: focus did not land on its heading (at %s, focus on %s): %v", path,
				str(ctx, `location.pathname`), str(ctx, `document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : ""`), err)
		}
		if got := h1(ctx); got != title {
			t.Fatalf("%s: h1 %q, want %q", path, got, title)
		}
	}
	arrive := func(id string) { t.Helper(); arriveAt(nodeURL(id), titles[id]) }
	g := builtIn(t)
	code := func(pairs ...string) string { return walkthrough.EncodeRoute(choices(t, g, pairs...)) }
	// press tabs to the element matching sel, then presses Enter.
	press := func(sel string) {
		t.Helper()
		for range 60 {
			do(ctx, "Tab", chromedp.KeyEvent(kb.Tab))
			if str(ctx, fmt.Sprintf(`String(!!document.activeElement && document.activeElement.matches(%q))`, sel)) == "true" {
				do(ctx, "Enter", chromedp.KeyEvent(kb.Enter))
				return
			}
		}
		t.Fatalf("Tab never reached %s", sel)
	}

	do(ctx, "open the start page", chromedp.Navigate(origin+nodeURL("")))
	press(".wt-start")
	// From the first question, answers go to route pages (the route in the
	// path); a detour (mediation) goes to its step page with the route in
	// the query string, and the script takes the route on from there.
	arrive("where-are-you")
	press(`a.wt-answer[data-a="thinking"]`)
	arriveAt(routeURL(code("where-are-you", "thinking")), titles["what-did-the-team-say"])
	press(`a.wt-answer[data-a="said-no"]`)
	arriveAt(routeURL(code("where-are-you", "thinking", "what-did-the-team-say", "said-no")), titles["still-disagree"])
	press(`a.wt-answer[data-a="mediation"]`)
	arrive("mediation")
	press("a.wt-next")
	arrive("still-disagree")
	press(`a.wt-answer[data-a="other-options"]`)
	toCourt := []string{"where-are-you", "thinking", "what-did-the-team-say", "said-no", "still-disagree", "other-options"}
	arriveAt(routeURL(code(toCourt...)), titles["other-options"])
	press(`a.wt-answer[data-a="court"]`)
	toCourt = append(toCourt, "other-options", "court")
	arriveAt(routeURL(code(toCourt...)), "Check your answers")
	press("a.wt-next")
	arrive("the-courts")

	// Your answers so far, on the outcome.
	// Coming back to a question replaces its answer (mediation, then other options).
	wantAnswers := []string{"We are thinking about asking for a second opinion", "They said no", "Other options, such as another opinion or a complaint", "The hospital has asked a court to decide"}
	got := soFar(ctx)
	for _, a := range wantAnswers {
		if !strings.Contains(got, a) {
			t.Errorf("your answers so far lacks %q:\n%s", a, got)
		}
	}

	// Print my route, from the keyboard. Printing itself is replaced, as a
	// headless browser has no printer; the route must be ready when it is called.
	str(ctx, `window.print = function () { window.printedRoute = document.getElementById("wt-route").textContent; }; ""`)
	press("button.wt-print")
	if err := wait(ctx, `typeof window.printedRoute === "string"`); err != nil {
		t.Fatalf("print my route did not print: %v", err)
	}
	routeText := str(ctx, `window.printedRoute`)
	for _, a := range wantAnswers {
		if !strings.Contains(routeText, a) {
			t.Errorf("print my route lacks the answer %q:\n%s", a, routeText)
		}
	}
	for _, id := range []string{"talk-to-the-consultant", "other-options", "the-courts"} {
		if !strings.Contains(routeText, titles[id]) {
			t.Errorf("print my route lacks the step %q", titles[id])
		}
	}

	// Browser Back and Forward (the history the browser's own buttons use).
	history := func(step string) {
		t.Helper()
		c, done := limit(ctx)
		defer done()
		chromedp.Run(c, chromedp.Evaluate[chromedp.Void]("history."+step+"()")) // the page goes away: no answer expected
	}
	history("back")
	arriveAt(routeURL(code(toCourt...)), "Check your answers")
	history("back")
	arriveAt(routeURL(code(toCourt[:len(toCourt)-2]...)), titles["other-options"])
	history("forward")
	arriveAt(routeURL(code(toCourt...)), "Check your answers")
	history("forward")
	arrive("the-courts")

	// Reloading keeps the step and the answers.
	do(ctx, "reload", chromedp.Reload())
	if err := wait(ctx, `document.readyState === "complete"`); err != nil {
		t.Fatal(err)
	}
	if got, answers := h1(ctx), soFar(ctx); got != titles["the-courts"] || !strings.Contains(answers, "They said no") {
		t.Errorf("after reload: h1 %q, answers so far %q", got, answers)
	}

	// The page's own Back link goes back through the history, with JavaScript.
	press("a.wt-back")
	arriveAt(routeURL(code(toCourt...)), "Check your answers")

	// A shared link to a middle step, in a new tab (no stored answers): the
	// answers travel in the address.
	tab, cancelTab := newTab()
	defer cancelTab()
	do(tab, "shared link", chromedp.Navigate(origin+nodeURL("other-options")+"?r="+code(toCourt[:6]...)))
	if got, answers := h1(tab), soFar(tab); got != titles["other-options"] || !strings.Contains(answers, "They said no") {
		t.Errorf("shared link: h1 %q, answers so far %q", got, answers)
	}
	// A deep link with nothing stored opens the step, without moving focus.
	fresh, cancelFresh := newTab()
	defer cancelFresh()
	do(fresh, "deep link", chromedp.Navigate(origin+nodeURL("mediation")))
	if got, answers := h1(fresh), soFar(fresh); got != titles["mediation"] || answers != "" {
		t.Errorf("deep link: h1 %q, answers so far %q (want none)", got, answers)
	}
}
