package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// HowToRun is what a skipped browser test tells the person who ran it.
const HowToRun = "run scripts/test, which installs Chromium (apt-get install -y chromium) and axe-core (npm ci) and runs every test"

// InCI reports whether the tests run in continuous integration (CI=true),
// where a missing browser fails the run instead of skipping it.
func InCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "0" && v != "false"
}

// Unavailable ends a test that cannot run here: t.Fatal in CI, t.Skip with
// HowToRun elsewhere.
func Unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("browsertest: %s (CI=true, so this fails rather than skips; %s)", msg, HowToRun)
	}
	t.Skipf("browsertest: %s; to run the browser tests, %s", msg, HowToRun)
}

// ChromiumPath finds Debian's Chromium: $CHROMIUM if set, else /usr/bin/chromium,
// else chromium on PATH.
func ChromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHROMIUM=%s: %v", p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("Chromium is not installed (no /usr/bin/chromium)")
}

// NewBrowser starts one headless Chromium for the test, with a fresh profile,
// and returns its context; chromedp.NewContext(ctx) opens a tab in it. The
// browser stops when the test ends. Without Chromium the test is skipped, or
// fails in CI.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	path, err := ChromiumPath()
	if err != nil {
		Unavailable(t, "%v", err)
	}
	profile, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("lang", "en-GB"),
	)
	addr, err := vhostAddr()
	if err != nil {
		t.Fatal(err)
	}
	// Every .localhost name reaches this process's sites (see ListenAt).
	opts = append(opts, chromedp.Flag("host-resolver-rules", "MAP *.localhost:80 "+addr))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		for range 10 { // Chromium may still be writing its profile as it exits
			if os.RemoveAll(profile) == nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	// Start the browser now, so a broken install fails here, with its cause.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browsertest: cannot start %s: %v", path, err)
	}
	return ctx
}
