package formats

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/esosite/esosite/internal/browsertest"
)

// speechStub stands in for the browser's speech synthesis before the page's
// scripts run: it offers the voices in window.__voices, records what it is
// asked to say in window.__spoken and counts cancel() in window.__cancels.
const speechStub = `(() => {
  const listeners = [];
  window.__voices = window.__voices || [];
  window.__spoken = [];
  window.__cancels = 0;
  window.__addVoice = (lang) => {
    window.__voices.push({ lang, name: "Stub " + lang });
    listeners.forEach(f => f(new Event("voiceschanged")));
  };
  const synth = {
    getVoices: () => window.__voices.slice(),
    speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
    cancel: () => { window.__cancels++; },
    addEventListener: (type, f) => { if (type === "voiceschanged") listeners.push(f); },
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();`

const readAloudPage = "en/what-is-a-second-opinion/"

// TestReadAloudHidden: without a voice for the page's language the buttons
// never show: with a stub offering no voice or only French, and in Chromium
// as it is (headless Chromium usually has no voice at all).
func TestReadAloudHidden(t *testing.T) {
	s := theSite(t)
	browser := browsertest.NewBrowser(t)
	cases := []struct {
		name, setup string
	}{
		{"Chromium as it is", ""},
		{"only a French voice", `window.__voices = [{lang: "fr-FR", name: "Stub fr"}];` + speechStub},
		{"no voices", speechStub},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := openTab(t, browser)
			if c.setup != "" {
				if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: c.setup}); err != nil {
					t.Fatal(err)
				}
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(s.url(readAloudPage))); err != nil {
				t.Fatal(err)
			}
			// Chromium as it is may have voices on some machines: then the
			// buttons must show if one speaks English, and stay hidden if not.
			want := false
			if c.setup == "" {
				want = eval[bool](t, ctx, `typeof speechSynthesis !== "undefined" && speechSynthesis.getVoices().some(v => v.lang.toLowerCase().startsWith("en"))`)
			}
			if !eval[bool](t, ctx, `!!document.querySelector("[data-read-aloud]")`) {
				t.Fatalf("%s has no read aloud box", readAloudPage)
			}
			if got := eval[bool](t, ctx, `document.querySelector("[data-read-aloud]").offsetParent !== null`); got != want {
				t.Errorf("the read aloud buttons show: %v; want %v (an English voice: %v)", got, want, want)
			}
		})
	}
}

// TestReadAloudShown: with an English voice the Play button shows, reads the
// page's main text in English, and Stop cancels the speech; a voice that
// arrives late (voiceschanged) shows the button too.
func TestReadAloudShown(t *testing.T) {
	s := theSite(t)
	browser := browsertest.NewBrowser(t)
	ctx := openTab(t, browser)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.__voices = [{lang: "en-GB", name: "Stub en"}];` + speechStub}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url(readAloudPage)), chromedp.WaitVisible("[data-read-aloud-play]")); err != nil {
		t.Fatalf("the Play button does not show with an English voice: %v", err)
	}
	if eval[bool](t, ctx, `document.querySelector("[data-read-aloud-stop]").offsetParent !== null`) {
		t.Errorf("Stop shows before anything is read")
	}
	if err := chromedp.Do(ctx, chromedp.Click("[data-read-aloud-play]"), chromedp.WaitVisible("[data-read-aloud-stop]")); err != nil {
		t.Fatal(err)
	}
	type spoken struct{ Text, Lang string }
	said := eval[[]spoken](t, ctx, `window.__spoken`)
	h1 := eval[string](t, ctx, `document.querySelector("main h1").textContent.trim()`)
	para := eval[string](t, ctx, `document.querySelector("main .prose > p").textContent.replace(/\s+/g, " ").trim()`)
	var texts []string
	for _, u := range said {
		texts = append(texts, u.Text)
		if u.Lang != "en-GB" {
			t.Errorf("%q is read with lang %q; want the voice's en-GB", u.Text, u.Lang)
		}
	}
	all := strings.Join(texts, "\n")
	if len(said) < 10 || said[0].Text != h1 || !strings.Contains(all, para) {
		t.Errorf("read aloud said %d parts, starting %q; want the heading %q first and the first paragraph %q", len(said), first(texts), h1, para)
	}
	for _, skip := range []string{"Contents", "Where this information comes from"} {
		for _, x := range texts {
			if x == skip {
				t.Errorf("read aloud reads %q, which is navigation or the sources list", skip)
			}
		}
	}
	if !eval[bool](t, ctx, `document.activeElement === document.querySelector("[data-read-aloud-stop]")`) {
		t.Errorf("focus is not on Stop after Play")
	}
	before := eval[int](t, ctx, `window.__cancels`)
	if err := chromedp.Do(ctx, chromedp.Click("[data-read-aloud-stop]"), chromedp.WaitVisible("[data-read-aloud-play]")); err != nil {
		t.Fatal(err)
	}
	if eval[int](t, ctx, `window.__cancels`) <= before {
		t.Errorf("Stop does not cancel the speech")
	}

	// A voice that arrives after the page loaded.
	late := openTab(t, browser)
	if _, err := chromedp.Call(late, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: speechStub}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(late, chromedp.Navigate(s.url(readAloudPage))); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, late, `document.querySelector("[data-read-aloud]").offsetParent !== null`) {
		t.Fatalf("the buttons show before any voice exists")
	}
	eval[chromedp.Void](t, late, `window.__addVoice("en-US"); void 0`)
	if err := chromedp.Do(late, chromedp.WaitVisible("[data-read-aloud-play]")); err != nil {
		t.Errorf("the Play button does not show when an English voice arrives: %v", err)
	}
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
