package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"

	"github.com/esosite/esosite/internal/testsite"
)

// AxeTags are the axe-core rule tags the site must pass: WCAG 2.0, 2.1 and
// 2.2, levels A and AA (wcag22aa turns on target-size).
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// AxeViolation is one axe-core rule that failed, with the elements that fail it.
type AxeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []AxeNode `json:"nodes"`
}

// AxeNode is one element that fails a rule.
type AxeNode struct {
	Target         []any  `json:"target"` // CSS selectors; nested lists for shadow DOM and frames
	HTML           string `json:"html"`
	FailureSummary string `json:"failureSummary"`
}

// Selector is the node's target as one CSS selector path.
func (n AxeNode) Selector() string {
	var parts []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			parts = append(parts, v)
		case []any:
			for _, w := range v {
				walk(w)
			}
		}
	}
	walk(n.Target)
	return strings.Join(parts, " >>> ")
}

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// AxePath is node_modules/axe-core/axe.min.js at the repository root.
func AxePath() (string, error) {
	root, err := testsite.RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "node_modules", "axe-core", "axe.min.js"), nil
}

// LoadAxe reads axe-core's source once, from the version package-lock.json pins.
func LoadAxe() (string, error) {
	axeOnce.Do(func() {
		p, err := AxePath()
		if err != nil {
			axeErr = err
			return
		}
		b, err := os.ReadFile(p)
		if err != nil {
			axeErr = fmt.Errorf("axe-core is not installed (%v); run npm ci at the repository root", err)
			return
		}
		axeSrc = string(b)
	})
	return axeSrc, axeErr
}

// RunAxe injects axe-core into the tab's page through DevTools (which the
// page's CSP does not govern, so nothing is loaded from anywhere) and runs
// the WCAG rules on the whole document, or only the given rules.
func RunAxe(ctx context.Context, rules []string) ([]AxeViolation, error) {
	src, err := LoadAxe()
	if err != nil {
		return nil, err
	}
	// A page checked in a second condition has axe-core already.
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		return nil, fmt.Errorf("injecting axe-core: %v", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src+"\n;void 0")); err != nil {
			return nil, fmt.Errorf("injecting axe-core: %v", err)
		}
	}
	only := `{type: "tag", values: `
	values, _ := json.Marshal(AxeTags)
	// axe-core fetches and parses the stylesheets first, for the one rule
	// that reads them (css-orientation-lock); a run of chosen rules skips it.
	preload := "true"
	if len(rules) > 0 {
		only = `{type: "rule", values: `
		values, _ = json.Marshal(rules)
		preload = "false"
	}
	script := `axe.run(document, {runOnly: ` + only + string(values) + `}, resultTypes: ["violations"], preload: ` + preload + `})
	.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary}))}))))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](script, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %v", err)
	}
	var vs []AxeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		return nil, fmt.Errorf("reading axe-core's results: %v", err)
	}
	return vs, nil
}
