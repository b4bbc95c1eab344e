package browsertest

import (
	"context"
	"encoding/json"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// switcherScript reports the header's language switcher: whether it is
// open, whether a language in it shows, and whether focus is in its list.
const switcherScript = `(() => {
	const d = document.querySelector(".language-switcher details");
	if (!d) return JSON.stringify({missing: true});
	const first = d.querySelector("ul a, ul [aria-current]");
	const a = document.activeElement;
	return JSON.stringify({open: d.open, shown: !!first && first.checkVisibility(),
		inList: !!a && a.tagName === "A" && !!a.closest(".language-switcher ul"),
		onToggle: !!a && a === d.querySelector("summary")});
})()`

type switcherState struct {
	Missing, Open, Shown, InList, OnToggle bool
}

// switcher checks that the header's language list opens and closes from
// the keyboard, with JavaScript on and then off: Enter on the toggle opens
// it and shows the languages, Tab moves into the list, Shift+Tab comes back
// and Space closes it. A page without the switcher (the root chooser, which
// is the full list itself) has nothing to check.
func (c *pageCheck) switcher(ctx context.Context) error {
	for _, js := range []bool{true, false} {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
			return err
		}
		if err := c.load(ctx); err != nil {
			return err
		}
		name := "language-switcher-js"
		if !js {
			name = "language-switcher-nojs"
		}
		st, err := c.switcherState(ctx)
		if err != nil || st.Missing {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.Focus(".language-switcher summary")); err != nil {
			return err
		}
		steps := []struct {
			key   string
			mod   chromedp.Modifier
			ok    func(switcherState) bool
			after string
		}{
			{kb.Enter, 0, func(s switcherState) bool { return s.Open && s.Shown }, "Enter on the toggle does not open the list of languages"},
			{kb.Tab, 0, func(s switcherState) bool { return s.InList }, "Tab after opening does not move into the list of languages"},
			{kb.Tab, chromedp.ModifierShift, func(s switcherState) bool { return s.OnToggle }, "Shift+Tab from the first language does not return to the toggle"},
			{" ", 0, func(s switcherState) bool { return !s.Open && !s.Shown }, "Space on the toggle does not close the list of languages"},
		}
		for _, s := range steps {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(s.key, chromedp.KeyModifiers(s.mod))); err != nil {
				return err
			}
			st, err := c.switcherState(ctx)
			if err != nil {
				return err
			}
			if !s.ok(st) {
				c.add("keyboard", name, ".language-switcher", "", "%s (WCAG 2.1.1)", s.after)
				break
			}
		}
	}
	// Leave the tab as the condition set it.
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !c.cond.JS})
	return err
}

func (c *pageCheck) switcherState(ctx context.Context) (switcherState, error) {
	var st switcherState
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](switcherScript))
	if err != nil {
		return st, err
	}
	return st, json.Unmarshal([]byte(raw), &st)
}
