package formats

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/esosite/esosite/internal/browsertest"
)

// waitState waits until the offline box reports state (its data-state).
func waitState(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		got := eval[string](t, ctx, `document.querySelector("[data-offline]").getAttribute("data-state") || ""`)
		if got == state {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the offline box says %q (%q); want %q", got, eval[string](t, ctx, `document.querySelector("[data-offline-status]").textContent`), state)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// goOffline cuts the network two ways: the test server drops every
// connection, and Chromium emulates having no network for the page and its
// service worker.
func goOffline(t *testing.T, ctx context.Context, s *site, off bool) {
	t.Helper()
	s.offline.Store(off)
	yes := true
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &yes,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatal(err)
	}
}

// TestOffline saves the English guide, goes offline, reads three pages from
// the saved copy, sees the copy reported as older than a newer site, then
// removes it and checks that the cache and the service worker are gone.
func TestOffline(t *testing.T) {
	s := theSite(t)
	browser := browsertest.NewBrowser(t)
	ctx := openTab(t, browser)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	home := s.url("en/")
	if err := chromedp.Do(ctx, chromedp.Navigate(home), chromedp.WaitVisible("[data-offline-save]")); err != nil {
		t.Fatalf("the Save button does not show where service workers exist: %v", err)
	}
	if keys := eval[[]string](t, ctx, `caches.keys()`); len(keys) != 0 {
		t.Fatalf("%v is cached before the family asked", keys)
	}
	if err := chromedp.Do(ctx, chromedp.Click("[data-offline-save]")); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "saved")
	scope := eval[string](t, ctx, `(async () => (await navigator.serviceWorker.getRegistration()).scope)()`)
	if scope != home {
		t.Errorf("the service worker's scope is %q; want the language's folder %s", scope, home)
	}
	saved := eval[int](t, ctx, `(async () => (await (await caches.open("esosite-offline:" + location.href)).keys()).length)()`)
	t.Logf("saved %d files", saved)

	goOffline(t, ctx, s, true)
	pages := []string{"en/about/", "en/easy-read/what-is-a-second-opinion/", "en/what-happens-next/"}
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.url(p))); err != nil {
			t.Fatalf("offline, %s does not load from the saved copy: %v", p, err)
		}
		h1 := eval[string](t, ctx, `(document.querySelector("main h1") || {}).textContent || ""`)
		styled := eval[bool](t, ctx, `getComputedStyle(document.querySelector(".site-header")).backgroundColor !== "rgba(0, 0, 0, 0)"`)
		if h1 == "" || !styled {
			t.Errorf("offline, %s shows heading %q, styled: %v; want the saved page with its stylesheet", p, h1, styled)
		}
	}
	// A page of another language was not saved.
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url("cy/about/"))); err == nil {
		if h1 := eval[string](t, ctx, `(document.querySelector("main h1") || {}).textContent || ""`); h1 != "" {
			t.Errorf("offline, cy/about/ shows %q; only English was saved", h1)
		}
	}

	// Online again, with a newer site: the saved copy says it is older.
	goOffline(t, ctx, s, false)
	s.stale.Store(true)
	if err := chromedp.Do(ctx, chromedp.Navigate(home)); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "stale")
	s.stale.Store(false)

	if err := chromedp.Do(ctx, chromedp.WaitVisible("[data-offline-remove]"), chromedp.Click("[data-offline-remove]")); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "removed")
	if keys := eval[[]string](t, ctx, `(async () => await caches.keys())()`); len(keys) != 0 {
		t.Errorf("after Remove these caches are left: %s", strings.Join(keys, ", "))
	}
	if n := eval[int](t, ctx, `(async () => (await navigator.serviceWorker.getRegistrations()).length)()`); n != 0 {
		t.Errorf("after Remove %d service workers are still registered", n)
	}
	goOffline(t, ctx, s, true)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url(pages[0]))); err == nil {
		if h1 := eval[string](t, ctx, `(document.querySelector("main h1") || {}).textContent || ""`); h1 != "" {
			t.Errorf("after Remove, offline, %s still shows %q", pages[0], h1)
		}
	}
	goOffline(t, ctx, s, false)
}
