//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/app"
)

// Accessibility in headless Chromium: axe-core's rules on the real static
// build, no horizontal scrolling on a 360px phone, and a keyboard-only walk
// through the page.

// axePath is where make tools installs axe-core; CHRONIK_AXE overrides it.
var axePath = filepath.Join(".cache", "npm", "node_modules", "axe-core", "axe.min.js")

// axeSource returns the text of axe.min.js. Without it the test skips,
// except under CI, where a missing axe-core is a failure.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CHRONIK_AXE")
	if path == "" {
		path = axePath
	}
	src, err := os.ReadFile(path)
	if err == nil {
		return string(src)
	}
	msg := fmt.Sprintf("axe-core not found at %s (%v): run make tools (needs npm) or set CHRONIK_AXE to an axe.min.js", path, err)
	if os.Getenv("CI") != "" {
		t.Fatal(msg + ", and CI is set: .ci/run installs npm, make test-e2e installs axe-core")
	}
	t.Skip(msg)
	return ""
}

// awaitPromise makes chromedp.Evaluate wait for the promise the expression
// returns.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// colorScheme emulates the reader's prefers-color-scheme: "light" or "dark".
func colorScheme(scheme string) chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme},
	})
}

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         []any  `json:"target"`
		HTML           string `json:"html"`
		FailureSummary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axeResult is what runAxe reads back from axe.run.
type axeResult struct {
	Version    string         `json:"version"`
	Violations []axeViolation `json:"violations"`
	Incomplete []axeViolation `json:"incomplete"`
	Passes     int            `json:"passes"`
}

// axeRun runs axe-core on the whole document. It keeps only what a report
// needs, so that the result crosses the protocol as plain JSON.
const axeRun = `axe.run(document, {resultTypes: ["violations", "incomplete"]}).then(r => {
	const slim = list => list.map(v => ({
		id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary})),
	}));
	return {version: axe.version, violations: slim(r.violations), incomplete: slim(r.incomplete), passes: r.passes.length};
})`

// runAxe injects axe-core into the page, unless it is there already, and
// runs it.
func runAxe(ctx context.Context, src string) (axeResult, error) {
	var r axeResult
	var loaded string
	err := chromedp.Run(ctx,
		chromedp.Evaluate(`typeof axe`, &loaded),
	)
	if err != nil {
		return r, err
	}
	if loaded == "undefined" {
		if err := chromedp.Run(ctx, chromedp.Evaluate(src+"\n;typeof axe", &loaded)); err != nil {
			return r, fmt.Errorf("injecting axe-core: %w", err)
		}
		if loaded != "object" {
			return r, fmt.Errorf("axe-core did not define axe (typeof axe is %q)", loaded)
		}
	}
	err = chromedp.Run(ctx, chromedp.Evaluate(axeRun, &r, awaitPromise))
	return r, err
}

// report formats axe findings so that each can be fixed: rule, impact,
// help, and for every element its selector, its HTML and what fails.
func (v axeViolation) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "- %s (%s): %s\n  %s\n", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		target, _ := json.Marshal(n.Target)
		fmt.Fprintf(&b, "    at %s\n      %s\n", target, n.HTML)
		for _, line := range strings.Split(n.FailureSummary, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fmt.Fprintf(&b, "      %s\n", line)
			}
		}
	}
	return b.String()
}

func reportAll(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(v.report())
	}
	return b.String()
}

// waitEmpty waits until the empty state names query.
func waitEmpty(ctx context.Context, query string) error {
	return chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`(document.querySelector(".chronik-empty strong")||{}).textContent === %q`, query), nil, chromedp.WithPollingTimeout(10*time.Second)))
}

// expandFirst opens the first card's full text and waits for it.
func expandFirst(ctx context.Context) error {
	return chromedp.Run(ctx,
		chromedp.Click(".chronik-card .chronik-more", chromedp.ByQuery),
		chromedp.Poll(`(() => {
			const b = document.querySelector(".chronik-card .chronik-more");
			const text = document.getElementById(b.getAttribute("aria-controls"));
			return b.getAttribute("aria-expanded") === "true" && text !== null && text.offsetHeight > 0;
		})()`, nil, chromedp.WithPollingTimeout(10*time.Second)),
	)
}

// pageState is a state of the page that a test brings about and checks.
type pageState struct {
	name   string
	query  string // typed into the search field; "" for none
	empty  bool   // the query matches nothing
	expand bool   // open the first card's full text
	scheme string // prefers-color-scheme: "light" or "dark"
}

// reach navigates to the start page, waits for the WASM and brings about s.
func (s pageState) reach(ctx context.Context, origin string, total int) error {
	scheme := s.scheme
	if scheme == "" {
		scheme = "light"
	}
	if err := chromedp.Run(ctx, colorScheme(scheme), chromedp.Navigate(origin+"/")); err != nil {
		return err
	}
	if err := waitReady(ctx); err != nil {
		return err
	}
	if s.query != "" {
		if err := typeQuery(ctx, s.query); err != nil {
			return err
		}
		if s.empty {
			if err := waitEmpty(ctx, s.query); err != nil {
				return err
			}
			if err := waitCount(ctx, fmt.Sprintf("0 von %d Artikeln", total)); err != nil {
				return err
			}
		} else {
			// The search has run once the count says "N von total".
			err := chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`(() => {
				const c = document.getElementById("chronik-count").textContent;
				return / von %d Artikeln$/.test(c) && !c.startsWith("0 ") && document.querySelector(".chronik-card") !== null;
			})()`, total), nil, chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				return err
			}
		}
	}
	if s.expand {
		if err := expandFirst(ctx); err != nil {
			return err
		}
	}
	// Blur the field, so that no state depends on where the focus is.
	return chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement && document.activeElement.blur()`, nil))
}

// The page passes every axe-core rule (WCAG 2 A/AA and best practices) in
// each state a reader meets: on arrival, with results, with none, with a
// card opened, and in dark mode for colour contrast.
func TestE2EAccessibilityAxeFindsNoViolations(t *testing.T) {
	src := axeSource(t)
	b, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	total := len(b.Chronicle.Articles)

	for _, s := range []pageState{
		{name: "initial page after the WASM is ready"},
		{name: "search with results", query: "Oracle"},
		{name: "search without results", query: "Zzzxq", empty: true},
		{name: "search with a card expanded", query: "Oracle", expand: true},
		{name: "initial page in dark mode", scheme: "dark"},
		{name: "search with a card expanded in dark mode", query: "Oracle", expand: true, scheme: "dark"},
		{name: "search without results in dark mode", query: "Zzzxq", empty: true, scheme: "dark"},
	} {
		t.Run(s.name, func(t *testing.T) {
			require.NoError(t, s.reach(ctx, origin, total))
			r, err := runAxe(ctx, src)
			require.NoError(t, err)
			t.Logf("axe-core %s: %d rules passed, %d violated, %d need review", r.Version, r.Passes, len(r.Violations), len(r.Incomplete))
			if len(r.Incomplete) > 0 {
				// Not failures: axe could not decide, typically contrast
				// over a background it cannot compute.
				t.Logf("for review:\n%s", reportAll(r.Incomplete))
			}
			assert.Positive(t, r.Passes, "axe ran no rule")
			var rules []string
			for _, v := range r.Violations {
				rules = append(rules, v.ID)
			}
			assert.Empty(t, rules, "axe-core violations (%s):\n%s", s.name, reportAll(r.Violations))
		})
	}
}

// overflowProbe measures, for a screen %d CSS pixels wide, how far the page
// reaches past the screen's right edge (or left of its left edge), and names
// the element that reaches furthest. Elements clipped by their own box or an
// ancestor's overflow (the visually hidden hint, a scrolled field's text) do
// not count. A phone lays a page that is too wide out in a wider viewport
// and zooms out, so the probe also returns innerWidth.
const overflowProbe = `((vw) => {
	const selector = el => {
		const parts = [];
		for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
			let part = e.tagName.toLowerCase();
			if (e.id) { parts.unshift(part + "#" + e.id); break; }
			if (e.classList.length) part += "." + [...e.classList].join(".");
			parts.unshift(part);
		}
		return parts.join(" > ");
	};
	const clipped = el => {
		for (let e = el; e && e !== document.body; e = e.parentElement) {
			const cs = getComputedStyle(e);
			if (cs.clip !== "auto" || cs.clipPath !== "none") return true;
			if (e !== el && cs.overflowX !== "visible") {
				const r = e.getBoundingClientRect();
				if (r.right <= vw + 0.5 && r.left >= -0.5) return true;
			}
		}
		return false;
	};
	let worst = null;
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const over = Math.max(r.right - vw, -r.left);
		if (over <= 0.5 || clipped(el)) continue;
		if (!worst || over > worst.over) {
			worst = {selector: selector(el), over, left: r.left, right: r.right, html: el.outerHTML.slice(0, 300)};
		}
	}
	return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, worst};
})(%d)`

type overflow struct {
	ScrollWidth float64 `json:"scrollWidth"`
	InnerWidth  float64 `json:"innerWidth"`
	Worst       *struct {
		Selector string  `json:"selector"`
		Over     float64 `json:"over"`
		Left     float64 `json:"left"`
		Right    float64 `json:"right"`
		HTML     string  `json:"html"`
	} `json:"worst"`
}

// On a 360px phone nothing scrolls sideways: not the page, and no element
// reaches past the screen's edge, with or without a query, with a card
// open, and with a long word that matches nothing.
func TestE2ENoHorizontalScrollAt360px(t *testing.T) {
	b, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	total := len(b.Chronicle.Articles)
	const phone = 360
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(phone, 800, chromedp.EmulateMobile, chromedp.EmulateScale(1))))

	for _, s := range []pageState{
		{name: "initial page"},
		{name: "search with results", query: "Uebernahme"},
		{name: "search with a card expanded", query: "Oracle", expand: true},
		{name: "initial page with a card expanded", expand: true},
		{name: "a long word that matches nothing", query: "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen", empty: true},
	} {
		t.Run(s.name, func(t *testing.T) {
			require.NoError(t, s.reach(ctx, origin, total))
			var o overflow
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(overflowProbe, phone), &o)))
			msg := "nothing reaches past the edge"
			if w := o.Worst; w != nil {
				msg = fmt.Sprintf("worst offender %s reaches %.0fpx past the edge (left %.0f, right %.0f):\n%s", w.Selector, w.Over, w.Left, w.Right, w.HTML)
			}
			assert.LessOrEqual(t, o.ScrollWidth, float64(phone), "the page scrolls sideways; %s", msg)
			assert.LessOrEqual(t, o.InnerWidth, float64(phone), "the phone zooms out to fit a page wider than its screen; %s", msg)
			assert.True(t, o.Worst == nil, msg)
		})
	}
}

// focusProbe describes the focused element: where it is on the page, and
// how its focus is drawn.
const focusProbe = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body) return {tag: el ? "body" : ""};
	const r = el.getBoundingClientRect();
	const cs = getComputedStyle(el);
	let label = el.tagName.toLowerCase();
	if (el.id) label += "#" + el.id;
	if (el.classList.length) label += "." + [...el.classList].join(".");
	const card = el.closest(".chronik-card");
	if (card) label = "#" + card.id + " " + label;
	return {
		tag: el.tagName.toLowerCase(), label, text: (el.textContent || el.value || "").trim().slice(0, 40),
		top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
		inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
		outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0,
		outlineColor: cs.outlineColor, boxShadow: cs.boxShadow,
		firstToggle: el === document.querySelector(".chronik-card .chronik-more"),
		inner: el.matches(":focus-within") && !el.matches(":focus"),
	};
})()`

type focusStop struct {
	Tag          string  `json:"tag"`
	Label        string  `json:"label"`
	Text         string  `json:"text"`
	Top          float64 `json:"top"`
	Bottom       float64 `json:"bottom"`
	Left         float64 `json:"left"`
	Right        float64 `json:"right"`
	InView       bool    `json:"inView"`
	OutlineStyle string  `json:"outlineStyle"`
	OutlineWidth float64 `json:"outlineWidth"`
	OutlineColor string  `json:"outlineColor"`
	BoxShadow    string  `json:"boxShadow"`
	FirstToggle  bool    `json:"firstToggle"`
	Inner        bool    `json:"inner"` // the focus is in the element's built-in parts
}

func (s focusStop) String() string {
	if s.Inner {
		return fmt.Sprintf("%s %q (a built-in part of it)", s.Label, s.Text)
	}
	return fmt.Sprintf("%s %q", s.Label, s.Text)
}

// focusVisible reports whether the stop draws a focus indicator: an outline
// of some width that is not transparent, or a box shadow.
func (s focusStop) focusVisible() bool {
	outline := s.OutlineStyle != "none" && s.OutlineWidth > 0 && s.OutlineColor != "transparent" && s.OutlineColor != "rgba(0, 0, 0, 0)"
	return outline || (s.BoxShadow != "" && s.BoxShadow != "none")
}

// tab presses Tab once and describes the element that has the focus then.
func tab(ctx context.Context) (focusStop, error) {
	var s focusStop
	err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(focusProbe, &s))
	return s, err
}

// The keyboard test follows at least minTabStops Tab presses from the top,
// and on until the first card's toggle, but no more than maxTabStops.
const (
	minTabStops = 15
	maxTabStops = 60
)

// A keyboard-only reader, pressing nothing but Tab from the top of the page,
// sees where the focus is at every stop, meets the stops from top to bottom,
// reaches the first card's "Weiterlesen", and opens and closes it with Enter.
func TestE2EKeyboardTabWalkShowsFocusTopToBottomAndEnterToggles(t *testing.T) {
	_, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	start := func(t *testing.T) {
		t.Helper()
		require.NoError(t, chromedp.Run(ctx, colorScheme("light"), chromedp.Navigate(origin+"/")))
		require.NoError(t, waitReady(ctx))
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement && document.activeElement.blur(); scrollTo(0, 0)`, nil)))
	}

	start(t)
	var stops []focusStop
	first := -1 // the index of the first card's toggle in stops
	for len(stops) < maxTabStops && (len(stops) < minTabStops || first < 0) {
		s, err := tab(ctx)
		require.NoError(t, err)
		if s.Tag == "body" || s.Tag == "" {
			break // past the last stop
		}
		if s.FirstToggle && first < 0 {
			first = len(stops)
		}
		stops = append(stops, s)
	}
	require.NotEmpty(t, stops, "Tab reaches no element")
	for i, s := range stops {
		t.Logf("tab stop %2d: %s (top %.0f, left %.0f, outline %s %.1fpx %s, box-shadow %s)", i+1, s, s.Top, s.Left, s.OutlineStyle, s.OutlineWidth, s.OutlineColor, s.BoxShadow)
	}

	t.Run("every tab stop shows a visible focus indicator and is on screen", func(t *testing.T) {
		for i, s := range stops {
			hint := ""
			if s.Inner {
				hint = "; the focus is in a built-in part of the element, such as a date field's calendar button, which gets only Chromium's thin default ring: style the element with :focus-within"
			}
			assert.True(t, s.focusVisible(), "tab stop %d, %s, has no visible focus indicator (outline %s %.1fpx %s, box-shadow %s)%s", i+1, s, s.OutlineStyle, s.OutlineWidth, s.OutlineColor, s.BoxShadow, hint)
			assert.True(t, s.InView, "tab stop %d, %s, is focused off screen", i+1, s)
		}
	})

	t.Run("the focus moves from top to bottom, left to right within a row", func(t *testing.T) {
		for i := 1; i < len(stops); i++ {
			prev, cur := stops[i-1], stops[i]
			sameRow := cur.Top < prev.Bottom && prev.Top < cur.Bottom
			if sameRow {
				assert.GreaterOrEqual(t, cur.Left, prev.Left, "tab stop %d, %s, is left of the one before it, %s, on the same row", i+1, cur, prev)
			} else {
				assert.Greater(t, cur.Top, prev.Top, "tab stop %d, %s, is above the one before it, %s", i+1, cur, prev)
			}
		}
	})

	require.GreaterOrEqual(t, first, 0, "Tab does not reach the first card's Weiterlesen within %d stops: %v", len(stops), stops)

	t.Run("Enter on the first card's Weiterlesen opens the text and Enter again closes it", func(t *testing.T) {
		start(t)
		for i := 0; i <= first; i++ {
			_, err := tab(ctx)
			require.NoError(t, err)
		}
		const toggle = ".chronik-card .chronik-more"
		state := func() (expanded string, textShown, focused bool, label string) {
			var r struct {
				Expanded string `json:"expanded"`
				Shown    bool   `json:"shown"`
				Focused  bool   `json:"focused"`
				Label    string `json:"label"`
			}
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
				const b = document.querySelector(%q);
				const text = document.getElementById(b.getAttribute("aria-controls"));
				return {expanded: b.getAttribute("aria-expanded"), shown: text !== null && text.offsetHeight > 0,
					focused: document.activeElement === b, label: b.textContent.trim()};
			})()`, toggle), &r)))
			return r.Expanded, r.Shown, r.Focused, r.Label
		}
		expanded, shown, focused, label := state()
		require.True(t, focused, "Tab reached the first card's toggle")
		require.Equal(t, "false", expanded)
		require.False(t, shown)
		require.Equal(t, app.German().ReadMore, label)

		require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent(kb.Enter), chromedp.Poll(fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-expanded") === "true"`, toggle), nil, chromedp.WithPollingTimeout(5*time.Second))))
		expanded, shown, focused, label = state()
		assert.Equal(t, "true", expanded)
		assert.True(t, shown, "the full text is shown")
		assert.True(t, focused, "the focus stays on the toggle")
		assert.Equal(t, app.German().ReadLess, label, "the open toggle offers to close")

		require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent(kb.Enter), chromedp.Poll(fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-expanded") === "false"`, toggle), nil, chromedp.WithPollingTimeout(5*time.Second))))
		expanded, shown, focused, label = state()
		assert.Equal(t, "false", expanded)
		assert.False(t, shown, "the full text is hidden again")
		assert.True(t, focused, "the focus stays on the toggle")
		assert.Equal(t, app.German().ReadMore, label)
	})
}
