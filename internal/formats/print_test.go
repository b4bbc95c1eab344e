package formats

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/esosite/esosite/internal/browsertest"
)

// printPDF prints the loaded page on A4, as a family's browser would.
func printPDF(ctx context.Context) ([]byte, error) {
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &yes})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// sections lists the ids of the guide's sections, in order.
const sections = `Array.from(document.querySelectorAll(".guide__section")).map(s => s.id)`

func openTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTime)
	return ctx
}

// TestPrintSections prints the whole guide and checks, from the PDF's own
// link destinations (the contents list points to each section), that each
// section starts at the top of a page after the one before. Printed again
// with the breaks removed, sections start part way down a page, so the check
// can fail.
func TestPrintSections(t *testing.T) {
	s := theSite(t)
	browser := browsertest.NewBrowser(t)
	for _, lang := range []string{"en", "ar"} {
		t.Run(lang, func(t *testing.T) {
			ctx := openTab(t, browser)
			if err := chromedp.Do(ctx, chromedp.Navigate(s.url(lang+"/print/"))); err != nil {
				t.Fatal(err)
			}
			ids := eval[[]string](t, ctx, sections)
			if len(ids) < 10 {
				t.Fatalf("%s/print/ has %d sections; want every families' page", lang, len(ids))
			}
			links := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".guide__contents a")).map(a => a.hash.slice(1))`)
			if strings.Join(links, " ") != strings.Join(ids, " ") {
				t.Errorf("the contents list links to %v; want every section in order: %v", links, ids)
			}
			address := eval[string](t, ctx, `document.querySelector(".guide__address").textContent`)
			if want := s.url(lang + "/print/"); !strings.Contains(address, want) {
				t.Errorf("the cover shows %q; want the page's address %s", address, want)
			}
			if !eval[bool](t, ctx, `!!document.querySelector(".guide__cover img.guide__qr") && document.querySelector(".guide__qr").naturalWidth > 0`) {
				t.Errorf("the cover has no QR code that loads")
			}
			// Page numbers: Chromium keeps a margin box it understands in the
			// @page rule it parsed, and drops one it does not.
			if !eval[bool](t, ctx, `Array.from(document.styleSheets).some(ss => Array.from(ss.cssRules).some(r => r instanceof CSSPageRule && /@bottom-center[^}]*counter\(page\)/.test(r.cssText)))`) {
				t.Errorf("no @page rule with a @bottom-center page number survives in Chromium's parsed print stylesheet")
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if shown := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("header.site-header, nav:not(.guide__contents), .skip-link, .read-aloud, .offline")).filter(n => n.offsetParent !== null).map(n => n.outerHTML.slice(0, 80))`); len(shown) > 0 {
				t.Errorf("in print, navigation is shown; print.css should hide it:\n%s", strings.Join(shown, "\n"))
			}
			pdf, err := printPDF(ctx)
			if err != nil {
				t.Fatal(err)
			}
			dests := Dests(pdf)
			t.Logf("%s/print/: %d pages", lang, PageCount(pdf))
			// The top of a page's content area: where the first section, after
			// the cover's forced break, begins.
			top := dests[ids[0]].Y
			if bad := notOnNewPages(ids, dests, top); len(bad) > 0 {
				t.Errorf("%s/print/: these sections do not start a new page (check .guide__section { break-before: page } in print.css):\n%s", lang, strings.Join(bad, "\n"))
			}
			if d := dests[ids[0]]; d.Page < 2 {
				t.Errorf("the first section starts on page %d; want it after the cover", d.Page)
			}
			eval[chromedp.Void](t, ctx, `document.querySelectorAll(".guide__cover, .guide__section").forEach(b => { b.style.breakBefore = "auto"; b.style.breakAfter = "auto"; }); void 0`)
			runOn, err := printPDF(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if bad := notOnNewPages(ids, Dests(runOn), top); len(bad) == 0 {
				t.Errorf("with the page breaks removed every section still starts a page; the test cannot tell a missing break")
			}
		})
	}
}

// notOnNewPages names each section whose destination is missing, is not on
// a later page than the section before, or is lower on its page than top,
// the top of a page's content area.
func notOnNewPages(ids []string, dests map[string]Dest, top float64) []string {
	var bad []string
	prev := 0
	for _, id := range ids {
		d, ok := dests[id]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("  %s: no link destination in the PDF", id))
		case d.Page <= prev:
			bad = append(bad, fmt.Sprintf("  %s: on page %d, the same page as the section before", id, d.Page))
		case d.Y < top-1:
			bad = append(bad, fmt.Sprintf("  %s: starts %.0fpt down page %d", id, top-d.Y, d.Page))
		}
		prev = max(prev, d.Page)
	}
	return bad
}

// TestLargePrint checks the large print page: every piece of text of the
// guide is at least 16pt in print, and the guide takes more pages.
func TestLargePrint(t *testing.T) {
	s := theSite(t)
	browser := browsertest.NewBrowser(t)
	pages := map[string]int{}
	for _, p := range []string{"en/print/", "en/print/large/"} {
		ctx := openTab(t, browser)
		if err := chromedp.Do(ctx, chromedp.Navigate(s.url(p))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		// The smallest computed size of any visible text in main, and where.
		type smallest struct {
			Px    float64
			Where string
		}
		small := eval[smallest](t, ctx, `(() => { let m = null, f = 1e9; document.querySelectorAll("main p, main li, main dd, main dt, main td, main h2, main h3, main h4").forEach(e => { const s = parseFloat(getComputedStyle(e).fontSize); if (e.offsetParent !== null && e.textContent.trim() && s < f) { f = s; m = e; } }); return {Px: f, Where: m ? m.outerHTML.slice(0, 120) : ""}; })()`)
		pdf, err := printPDF(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = PageCount(pdf)
		pt := small.Px * 72 / 96
		t.Logf("%s: %d pages, smallest text %.1fpt (%s)", p, pages[p], pt, small.Where)
		if p == "en/print/large/" && pt < 15.95 { // 16pt is 21.33px: allow rounding
			t.Errorf("large print has text at %.1fpt, below 16pt: %s", pt, small.Where)
		}
	}
	if pages["en/print/large/"] <= pages["en/print/"] {
		t.Errorf("large print takes %d pages, the standard print %d; large print should need more paper", pages["en/print/large/"], pages["en/print/"])
	}
}

func contains(s, sub string) bool {
	return sub != "" && strings.Contains(s, sub)
}

// eval runs a script in the tab and returns its result, failing the test on error.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%v\nin: %s", err, js)
	}
	return v
}
