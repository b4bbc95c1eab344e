package walkthrough_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/esosite/esosite/internal/browsertest"
	"github.com/esosite/esosite/internal/walkthrough"
)

// Three routes in headless Chromium, with JavaScript off and on: answer to
// "check your answers", go Back and forward again, change an answer there
// and reach a different outcome. With JavaScript on, the outcome page shows
// the answers from the address, and an address with tampered answers shows a
// plain message, no summary and no script error.
func TestRoutesInBrowser(t *testing.T) {
	dir, _ := builtSite(t)
	browser := browsertest.NewBrowser(t)
	origin := serve(t, dir)
	titles := englishTitles(t)

	routes := []struct {
		name    string
		answers []string // data-a of each answer, from the first question
		outcome string
		change  int      // which answer to change on the check page (0-based)
		then    []string // the answers given after changing it
		other   string   // the outcome they reach
	}{
		{"to court", []string{"thinking", "said-no", "other-options", "court"}, "the-courts", 1, []string{"agreed", "getting-worse"}, "getting-worse"},
		{"plan agreed", []string{"opinion-back", "agrees", "happy"}, "plan-agreed", 0, []string{"still-disagree", "other-options", "court"}, "the-courts"},
		{"urgent while waiting", []string{"being-arranged", "getting-worse"}, "getting-worse", 1, []string{"opinion-back", "not-sure", "agreed"}, "plan-agreed"},
	}
	for _, js := range []bool{false, true} {
		for _, r := range routes {
			t.Run(fmt.Sprintf("%s, JavaScript %s", r.name, map[bool]string{false: "off", true: "on"}[js]), func(t *testing.T) {
				var errs []string
				ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(func(ev any) {
					if e, ok := ev.(*runtime.EventExceptionThrown); ok {
						errs = append(errs, e.ExceptionDetails.Text)
					}
				}))
				defer cancel()
				if err := chromedp.Do(ctx); err != nil {
					t.Fatal(err)
				}
				run := func(what string, a ...chromedp.Action[chromedp.Void]) {
					t.Helper()
					c, done := context.WithTimeout(ctx, 30*time.Second)
					defer done()
					if err := chromedp.Do(c, a...); err != nil {
						t.Fatalf("%s: %v", what, err)
					}
				}
				str := func(js string) string {
					t.Helper()
					c, done := context.WithTimeout(ctx, 10*time.Second)
					defer done()
					v, err := chromedp.Run(c, chromedp.Evaluate[string](js))
					if err != nil {
						t.Fatalf("%s: %v", js, err)
					}
					return v
				}
				if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
					t.Fatal(err)
				}
				// follow clicks the element and waits for the next page.
				follow := func(sel string) {
					t.Helper()
					before := str(`location.href`)
					if got := str(fmt.Sprintf(`(function(){var e=document.querySelector(%q);if(!e)return "none";e.click();return "ok"})()`, sel)); got != "ok" {
						t.Fatalf("%s has no %s", before, sel)
					}
					for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
						c, done := context.WithTimeout(ctx, 2*time.Second)
						v, err := chromedp.Run(c, chromedp.Evaluate[string](`location.href + " " + document.readyState`))
						done()
						if err == nil && !strings.HasPrefix(v, before+" ") && strings.HasSuffix(v, " complete") {
							return
						}
					}
					t.Fatalf("clicking %s on %s went nowhere", sel, before)
				}
				asks := func() string { return str(`document.querySelector(".wt").getAttribute("data-wt-id")`) }
				h1 := func() string { return str(`document.querySelector("h1").textContent.trim()`) }
				answer := func(a string) { t.Helper(); follow(fmt.Sprintf(`a.wt-answer[data-a=%q]`, a)) }

				run("open the first question", chromedp.Navigate(origin+nodeURL("where-are-you")))
				var asked []string
				for _, a := range r.answers {
					asked = append(asked, asks())
					answer(a)
				}
				if got := h1(); got != "Check your answers" {
					t.Fatalf("after %d answers: h1 %q, want Check your answers", len(r.answers), got)
				}
				if n := str(`String(document.querySelectorAll(".wt-summary__row").length)`); n != fmt.Sprint(len(r.answers)) {
					t.Errorf("check your answers lists %s answers, want %d", n, len(r.answers))
				}
				// Back goes to the last question asked, and on again.
				follow("a.wt-back")
				if got := asks(); got != asked[len(asked)-1] {
					t.Errorf("Back from check your answers reached %s, want %s", got, asked[len(asked)-1])
				}
				answer(r.answers[len(r.answers)-1])
				// Change one answer, answer on, and reach another outcome.
				follow(fmt.Sprintf(`.wt-summary__row:nth-child(%d) a.wt-change`, r.change+1))
				if got := asks(); got != asked[r.change] {
					t.Fatalf("Change %d reached %s, want the question %s", r.change+1, got, asked[r.change])
				}
				for _, a := range r.then {
					answer(a)
				}
				if got := h1(); got != "Check your answers" {
					t.Fatalf("after changing: h1 %q, want Check your answers", got)
				}
				follow("a.wt-next")
				if got := h1(); got != titles[r.other] {
					t.Fatalf("after changing an answer: h1 %q, want the outcome %q", got, titles[r.other])
				}
				shown := str(`(function(){var s=document.getElementById("wt-so-far");return s&&!s.hidden?String(s.querySelectorAll(".wt-summary__row").length):""})()`)
				if js && shown != fmt.Sprint(r.change+len(r.then)) {
					t.Errorf("JavaScript on: the outcome shows %q answers so far, want %d", shown, r.change+len(r.then))
				}
				if !js && shown != "" {
					t.Errorf("JavaScript off: the outcome shows answers so far")
				}
				if js {
					// The same step with answers that do not fit: a plain message, no summary.
					run("tampered route", chromedp.Navigate(origin+nodeURL(r.other)+"?r=a1a1"))
					bad := str(`(function(){var b=document.getElementById("wt-bad"),s=document.getElementById("wt-so-far");return (b&&!b.hidden)+" "+(s&&!s.hidden)})()`)
					if bad != "true false" {
						t.Errorf("tampered route: message shown, summary shown = %q, want \"true false\"", bad)
					}
				}
				if len(errs) > 0 {
					t.Errorf("script errors: %v", errs)
				}
			})
		}
	}
}

// In a language without route pages (Welsh, built in), the route rides in
// ?r= from step to step with JavaScript on: the answers so far appear, and
// Change goes to the question's own page with the answers before it.
func TestQueryRouteInBrowser(t *testing.T) {
	dir, _ := builtSite(t)
	browser := browsertest.NewBrowser(t)
	origin := serve(t, dir)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	str := func(js string) string {
		t.Helper()
		c, done := context.WithTimeout(ctx, 10*time.Second)
		defer done()
		v, err := chromedp.Run(c, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	follow := func(sel string) {
		t.Helper()
		before := str(`location.href`)
		if got := str(fmt.Sprintf(`(function(){var e=document.querySelector(%q);if(!e)return "none";e.click();return "ok"})()`, sel)); got != "ok" {
			t.Fatalf("%s has no %s", before, sel)
		}
		for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			c, done := context.WithTimeout(ctx, 2*time.Second)
			v, err := chromedp.Run(c, chromedp.Evaluate[string](`location.href + " " + document.readyState`))
			done()
			if err == nil && !strings.HasPrefix(v, before+" ") && strings.HasSuffix(v, " complete") {
				return
			}
		}
		t.Fatalf("clicking %s on %s went nowhere", sel, before)
	}
	at := func() string {
		return str(`document.querySelector(".wt").getAttribute("data-wt-id") + location.search`)
	}
	rows := func() string {
		return str(`(function(){var s=document.getElementById("wt-so-far");return s.hidden?"0":String(s.querySelectorAll(".wt-summary__row").length)})()`)
	}
	g := builtIn(t)
	code := func(pairs ...string) string { return walkthrough.EncodeRoute(choices(t, g, pairs...)) }
	first := code("where-are-you", "thinking")
	both := code("where-are-you", "thinking", "what-did-the-team-say", "said-no")

	c, done := context.WithTimeout(ctx, 30*time.Second)
	if err := chromedp.Do(c, chromedp.Navigate(origin+basePath+"cy/what-happens-next/where-are-you/")); err != nil {
		t.Fatal(err)
	}
	done()
	follow(`a.wt-answer[data-a="thinking"]`)
	follow("a.wt-next")
	follow("a.wt-next")
	if got, n := at(), rows(); got != "what-did-the-team-say?r="+first || n != "1" {
		t.Fatalf("after one answer and two steps: at %s with %s answers so far, want what-did-the-team-say?r=%s with 1", got, n, first)
	}
	follow(`a.wt-answer[data-a="said-no"]`)
	follow("a.wt-next")
	if got, n := at(), rows(); got != "still-disagree?r="+both || n != "2" {
		t.Fatalf("after two answers: at %s with %s answers so far, want still-disagree?r=%s with 2", got, n, both)
	}
	follow(`#wt-so-far .wt-summary__row:nth-child(2) a.wt-change`)
	if got, n := at(), rows(); got != "what-did-the-team-say?r="+first || n != "1" {
		t.Errorf("Change the second answer: at %s with %s answers so far, want what-did-the-team-say?r=%s with 1", got, n, first)
	}
}
