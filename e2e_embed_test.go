//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"
)

// The embed tests play a publisher: the static site is served on one
// loopback port (origin A, the widget) and the publisher's article pages on
// a second one (origin B), with embed.js loaded from A by its absolute URL,
// exactly as a publisher pastes it. 127.0.0.1 on two ports is cross-origin
// (same-site), so the iframe cannot be reached from the host page's script;
// the tests look into it through CDP, in an isolated world of the frame.

// publisher serves the host pages on a fresh loopback origin (B): "/" is
// the site's demo.html with its embed.js pointed at widget (A), and pages
// maps further paths to whole HTML documents; those under /csp/ come with
// a strict Content-Security-Policy.
func publisher(t *testing.T, dir, widget string, pages map[string]string) string {
	t.Helper()
	demo, err := os.ReadFile(filepath.Join(dir, "demo.html"))
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(demo), `src="embed.js"`), "demo.html has the one-line snippet once")
	all := map[string]string{"/": strings.Replace(string(demo), `src="embed.js"`, `src="`+widget+`/embed.js"`, 1)}
	all["/demo.html"] = all["/"]
	for p, html := range pages {
		all[p] = html
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		html, ok := all[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		if strings.HasPrefix(r.URL.Path, "/csp/") {
			// A strict publisher: scripts and frames from the widget only,
			// no inline styles.
			w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src "+widget+"; frame-src "+widget+"; style-src 'self'")
		}
		fmt.Fprint(w, html)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// hostPage is a minimal publisher page around body.
func hostPage(body string) string {
	return `<!doctype html><html lang="de"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><title>Verlagsseite</title></head>` +
		`<body><main><p id="vor-der-chronik">Vorher.</p>` + body + `<p id="nach-der-chronik">Nachher.</p></main></body></html>`
}

// exceptions records the uncaught JavaScript exceptions of the page and its
// same-process frames.
type exceptions struct {
	mu   sync.Mutex
	list []string
}

func (e *exceptions) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if x, ok := ev.(*runtime.EventExceptionThrown); ok {
			e.mu.Lock()
			e.list = append(e.list, x.ExceptionDetails.Error())
			e.mu.Unlock()
		}
	})
}

func (e *exceptions) all() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.list...)
}

// widgetFrame is the widget inside the iframe whose id is embed, reached
// through an isolated world: it shares the frame's DOM, not its globals.
type widgetFrame struct {
	ctx   context.Context
	embed string
	frame cdp.FrameID
	world runtime.ExecutionContextID
}

// childFrame finds the frame whose URL carries embed=id.
func childFrame(tree *page.FrameTree, id string) cdp.FrameID {
	for _, c := range tree.ChildFrames {
		if u, err := url.Parse(c.Frame.URL); err == nil && u.Query().Get("embed") == id {
			return c.Frame.ID
		}
		if f := childFrame(c, id); f != "" {
			return f
		}
	}
	return ""
}

// connect (re)creates the isolated world in the frame's current document.
func (f *widgetFrame) connect() error {
	return chromedp.Run(f.ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		tree, err := page.GetFrameTree().Do(ctx)
		if err != nil {
			return err
		}
		id := childFrame(tree, f.embed)
		if id == "" {
			return fmt.Errorf("no frame with embed=%s yet", f.embed)
		}
		world, err := page.CreateIsolatedWorld(id).WithWorldName("chronik-e2e").Do(ctx)
		if err != nil {
			return err
		}
		f.frame, f.world = id, world
		return nil
	}))
}

var errScript = errors.New("script error")

// eval evaluates expr in the frame and stores the result in out.
func (f *widgetFrame) eval(expr string, out any) error {
	run := func() error {
		return chromedp.Run(f.ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			res, exc, err := runtime.Evaluate(expr).WithContextID(f.world).
				WithReturnByValue(true).WithAwaitPromise(true).Do(ctx)
			if err != nil {
				return err
			}
			if exc != nil {
				return fmt.Errorf("%w in frame: %s", errScript, exc.Error())
			}
			if out == nil {
				return nil
			}
			return json.Unmarshal(res.Value, out)
		}))
	}
	err := run()
	if err != nil && !errors.Is(err, errScript) {
		// The frame has navigated since (its first document is about:blank).
		if cerr := f.connect(); cerr == nil {
			err = run()
		}
	}
	return err
}

// poll waits until expr is true in the frame.
func (f *widgetFrame) poll(expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for {
		var ok bool
		last = f.eval(expr, &ok)
		if last == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("frame %s: %s not true within %s (last error: %v)", f.embed, expr, timeout, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// openFrame waits until the iframe with id embed has loaded the widget and
// its WASM runs.
func openFrame(t *testing.T, ctx context.Context, embed string) *widgetFrame {
	t.Helper()
	f := &widgetFrame{ctx: ctx, embed: embed}
	deadline := time.Now().Add(90 * time.Second)
	for {
		err := f.connect()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			require.NoError(t, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.NoError(t, f.poll(`document.getElementById("app-wasm-loader") === null && document.querySelector(".chronik-card") !== null`, 90*time.Second))
	return f
}

// cards is the number of cards the widget shows.
func (f *widgetFrame) cards(t *testing.T) int {
	t.Helper()
	var n int
	require.NoError(t, f.eval(`document.querySelectorAll(".chronik-card").length`, &n))
	return n
}

// click clicks the middle of the element sel inside the frame, as a mouse
// does, after scrolling the host page so that it is visible.
func (f *widgetFrame) click(t *testing.T, sel string) {
	t.Helper()
	require.NoError(t, chromedp.Run(f.ctx, chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).scrollIntoView({block: "start"})`, f.embed), nil)))
	var host, inner struct{ X, Y float64 }
	require.NoError(t, chromedp.Run(f.ctx, chromedp.Evaluate(fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return {X: r.left, Y: r.top}; })()`, f.embed), &host)))
	require.NoError(t, f.eval(fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, sel), &inner))
	require.NoError(t, chromedp.Run(f.ctx, chromedp.MouseClickXY(host.X+inner.X, host.Y+inner.Y)))
}

// typeQuery replaces the text of the widget's search field, key by key.
func (f *widgetFrame) typeQuery(t *testing.T, q string) {
	t.Helper()
	f.click(t, "#chronik-q")
	var focused bool
	require.NoError(t, f.eval(`document.hasFocus() && document.activeElement && document.activeElement.id === "chronik-q"`, &focused))
	require.True(t, focused, "the click focuses the search field inside the iframe")
	require.NoError(t, f.eval(`document.getElementById("chronik-q").select()`, nil))
	require.NoError(t, chromedp.Run(f.ctx, chromedp.KeyEvent("\b")))
	if q != "" {
		require.NoError(t, chromedp.Run(f.ctx, chromedp.KeyEvent(q)))
	}
}

// content measures the widget inside its frame.
type content struct {
	ScrollHeight, ClientHeight float64 // of <html>: the frame's scroll area
	ScrollWidth, ClientWidth   float64
	Bottom                     float64 // of the .chronik root, in document coordinates
}

func (f *widgetFrame) content(t *testing.T) content {
	t.Helper()
	var c content
	require.NoError(t, f.eval(`(() => {
		const de = document.documentElement, r = document.querySelector(".chronik").getBoundingClientRect();
		return {ScrollHeight: de.scrollHeight, ClientHeight: de.clientHeight, ScrollWidth: de.scrollWidth, ClientWidth: de.clientWidth, Bottom: r.bottom + scrollY};
	})()`, &c))
	return c
}

// layout is where the host page has put the iframe and its neighbours, in
// document coordinates.
type layout struct {
	Above, Below float64 // tops of the elements before and after the iframe
	Top, Height  float64 // of the iframe
	Width        float64 // of the iframe
	Column       float64 // the content width of the iframe's parent
}

func hostLayout(t *testing.T, ctx context.Context, id string) layout {
	t.Helper()
	var l layout
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
		const top = e => e.getBoundingClientRect().top + scrollY;
		const f = document.getElementById(%q), p = f.parentElement, cs = getComputedStyle(p), r = f.getBoundingClientRect();
		return {
			Above: top(document.getElementById("vor-der-chronik")),
			Below: top(document.getElementById("nach-der-chronik")),
			Top: top(f), Height: r.height, Width: r.width,
			Column: p.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
		};
	})()`, id), &l)))
	return l
}

// settle waits until the iframe's height has not changed for half a second
// and returns it.
func settle(t *testing.T, ctx context.Context, id string) float64 {
	t.Helper()
	var last float64 = -1
	stable := time.Now()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var h float64
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().height`, id), &h)))
		if h != last {
			last, stable = h, time.Now()
		} else if time.Since(stable) >= 500*time.Millisecond {
			return h
		}
		require.False(t, time.Now().After(deadline), "the iframe's height keeps changing")
		time.Sleep(50 * time.Millisecond)
	}
}

// requireFitsContent checks that the iframe is exactly as tall as the
// widget: no scrollbar inside (not too short) and no blank band below the
// content (not too tall).
func requireFitsContent(t *testing.T, ctx context.Context, f *widgetFrame) {
	t.Helper()
	l := hostLayout(t, ctx, f.embed)
	c := f.content(t)
	require.LessOrEqual(t, c.ScrollHeight, c.ClientHeight+1, "no scrollbar inside the iframe")
	require.InDelta(t, l.Height, c.ClientHeight, 0.5, "the frame's viewport is the iframe")
	require.GreaterOrEqual(t, l.Height, c.Bottom-1, "the iframe shows all of the widget")
	require.LessOrEqual(t, l.Height-c.Bottom, 1.0, "no blank band below the widget")
}

// marks returns the iframe ids that the placeholders got, in page order.
func marks(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var ids []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("[data-chronik]")].map(e => e.getAttribute("data-chronik-frame") || "")`, &ids)))
	return ids
}

// waitMarked waits until the page has loaded and every placeholder has
// its iframe.
func waitMarked(ctx context.Context) error {
	return chromedp.Run(ctx, chromedp.Poll(`document.readyState === "complete" && [...document.querySelectorAll("[data-chronik]")].every(e => e.hasAttribute("data-chronik-frame"))`, nil, chromedp.WithPollingTimeout(20*time.Second)))
}

// The publisher includes embed.js twice (the one-liner and a second plain
// copy, plus a third added by script later): every placeholder still gets
// exactly one iframe, with an accessible title, lazy loading, the full
// width of its column and, once the widget runs, exactly the height of the
// widget's content.
func TestE2EEmbedInsertsOneIframePerPlaceholderSizedToItsContent(t *testing.T) {
	_, dir := staticSite(t)
	widget := serveDir(t, dir)
	demo, err := os.ReadFile(filepath.Join(dir, "demo.html"))
	require.NoError(t, err)
	twice := strings.Replace(string(demo), `src="embed.js"`, `src="`+widget+`/embed.js"`, 1)
	twice = strings.Replace(twice, "</body>", `<script src="`+widget+`/embed.js" async></script></body>`, 1)
	host := publisher(t, dir, widget, map[string]string{"/twice.html": twice})
	ctx := browser(t)
	var exc exceptions
	exc.listen(ctx)

	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(host+"/twice.html")))
	require.NoError(t, waitMarked(ctx))
	var scripts int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll('script[src$="/embed.js"]').length`, &scripts)))
	require.Equal(t, 2, scripts)

	// Once more, after everything has loaded.
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`new Promise((ok, fail) => {
		const s = document.createElement("script");
		s.src = %q; s.onload = ok; s.onerror = fail;
		document.body.appendChild(s);
	})`, widget+"/embed.js"), nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })))

	ids := marks(t, ctx)
	require.Equal(t, []string{"chronik-embed-1", "chronik-embed-2"}, ids, "the one-liner and the dossier placeholder, each marked once")
	var placement struct {
		Frames    int
		BeforeTag string // the id of the iframe right before the one-line script
		InDiv     []string
		FrameSrcs []string
		Loading   []string
		Titles    []string
	}
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const frames = [...document.querySelectorAll("iframe")];
		const tag = document.querySelector("script[data-chronik]"), div = document.querySelector("div[data-chronik]");
		return {
			Frames: frames.length,
			BeforeTag: tag.previousElementSibling && tag.previousElementSibling.tagName === "IFRAME" ? tag.previousElementSibling.id : "",
			InDiv: [...div.querySelectorAll("iframe")].map(f => f.id),
			FrameSrcs: frames.map(f => f.src),
			Loading: frames.map(f => f.getAttribute("loading")),
			Titles: frames.map(f => f.title),
		};
	})()`, &placement)))
	require.Equal(t, 2, placement.Frames, "one iframe per placeholder, not per copy of embed.js")
	require.Equal(t, "chronik-embed-1", placement.BeforeTag, "the one-liner's iframe is where the script tag is")
	require.Equal(t, []string{"chronik-embed-2"}, placement.InDiv)
	require.Equal(t, []string{"lazy", "lazy"}, placement.Loading)
	for i, src := range placement.FrameSrcs {
		u, err := url.Parse(src)
		require.NoError(t, err)
		require.Equal(t, widget+"/", u.Scheme+"://"+u.Host+u.Path, "the widget is the directory of embed.js")
		require.Equal(t, ids[i], u.Query().Get("embed"))
		require.Equal(t, host, u.Query().Get("origin"))
	}
	require.Equal(t, "Chronik: die Berichte über Oracle", placement.Titles[1], "data-title names the dossier's iframe")

	f := openFrame(t, ctx, "chronik-embed-1")
	settle(t, ctx, f.embed)
	requireFitsContent(t, ctx, f)
	l := hostLayout(t, ctx, f.embed)
	require.InDelta(t, l.Column, l.Width, 0.5, "the iframe fills its column")
	require.Greater(t, l.Width, 300.0)
	var title, widgetTitle string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").title`, &title)))
	require.NoError(t, f.eval(`document.title`, &widgetTitle))
	require.NotEmpty(t, widgetTitle)
	require.Equal(t, widgetTitle, title, "the iframe is named by the widget's title")

	require.Equal(t, ids, marks(t, ctx), "nothing was added since")
	require.Empty(t, exc.all())
}

// On the demo article, a search inside the iframe shrinks it, clearing the
// search grows it back, and the article flows with it: the paragraph below
// moves by exactly the iframe's change, the one above not at all. At 360px
// the page and the widget still fit. Nothing is requested from a third
// origin.
func TestE2EEmbedDemoPageFollowsTheWidgetsHeight(t *testing.T) {
	b, dir := staticSite(t)
	widget := serveDir(t, dir)
	host := publisher(t, dir, widget, nil)
	ctx := browser(t)
	var reqs requests
	reqs.listen(ctx)
	var exc exceptions
	exc.listen(ctx)

	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(host+"/")))
	require.NoError(t, waitMarked(ctx))
	var id string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("nach-der-chronik").previousElementSibling.previousElementSibling.id`, &id)))
	require.Equal(t, "chronik-embed-1", id, "the one-liner's iframe sits between the two paragraphs")
	f := openFrame(t, ctx, id)
	all := len(b.Chronicle.Articles)
	require.Equal(t, all, f.cards(t))
	settle(t, ctx, id)
	requireFitsContent(t, ctx, f)
	start := hostLayout(t, ctx, id)
	require.InDelta(t, start.Column, start.Width, 0.5, "the iframe fills the article column")

	// Clocks for the latency: both sides use performance.timeOrigin + now().
	const hostClock = `(() => {
		window.__sizes = [];
		const f = document.getElementById(%q);
		new ResizeObserver(() => window.__sizes.push({T: performance.timeOrigin + performance.now(), H: f.getBoundingClientRect().height})).observe(f);
	})()`
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(hostClock, id), nil)))
	const frameClock = `(() => {
		window.__changes = [];
		new MutationObserver(() => window.__changes.push(performance.timeOrigin + performance.now()))
			.observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true});
	})()`
	require.NoError(t, f.eval(frameClock, nil))
	type size struct{ T, H float64 }
	// latency returns the time from the first and from the last DOM change
	// of the widget to the final resize of the iframe on the host page.
	latency := func() (first, last float64, resizes int) {
		var sizes []size
		var changes []float64
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__sizes.splice(0)`, &sizes)))
		require.NoError(t, f.eval(`window.__changes.splice(0)`, &changes))
		require.NotEmpty(t, sizes)
		require.NotEmpty(t, changes)
		// From the last DOM change before the final size to that size.
		final := sizes[len(sizes)-1]
		var before float64
		for _, c := range changes {
			if c <= final.T {
				before = c
			}
		}
		require.Positive(t, before, "the iframe resized before the widget changed")
		return final.T - changes[0], final.T - before, len(sizes)
	}

	var shrunk layout
	t.Run("searching Oracle inside the iframe shrinks it and moves only what is below", func(t *testing.T) {
		f.typeQuery(t, "Oracle")
		require.NoError(t, f.poll(`document.querySelectorAll(".chronik-card").length === 2`, 10*time.Second))
		settle(t, ctx, id)
		shrunk = hostLayout(t, ctx, id)
		require.Less(t, shrunk.Height, start.Height-200, "the iframe shrinks with the results")
		_, last, n := latency()
		t.Logf("iframe %.0f px -> %.0f px; last DOM change to resize: %.1f ms (%d resizes while typing)", start.Height, shrunk.Height, last, n)
		requireFitsContent(t, ctx, f)
		require.Equal(t, start.Above, shrunk.Above, "the paragraph above does not move")
		require.Equal(t, start.Top, shrunk.Top, "the iframe itself does not move")
		require.InDelta(t, shrunk.Height-start.Height, shrunk.Below-start.Below, 1, "the paragraph below moves by the iframe's change")
		// The query goes to the URL once typing rests (app.URLDelay).
		require.NoError(t, f.poll(fmt.Sprintf(`new URLSearchParams(location.search).get("q") + "|" + new URLSearchParams(location.search).get("embed") === %q`, "Oracle|"+id), 5*time.Second),
			"the widget keeps the embed parameters in its URL")
	})

	t.Run("Esc clears the search and the iframe grows back", func(t *testing.T) {
		require.NotZero(t, shrunk.Height)
		require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent(kb.Escape)))
		require.NoError(t, f.poll(fmt.Sprintf(`document.querySelectorAll(".chronik-card").length === %d`, all), 10*time.Second))
		settle(t, ctx, id)
		grown := hostLayout(t, ctx, id)
		first, last, _ := latency()
		t.Logf("iframe %.0f px -> %.0f px; first DOM change to resize: %.1f ms, last: %.1f ms", shrunk.Height, grown.Height, first, last)
		require.InDelta(t, start.Height, grown.Height, 1, "back to the full timeline's height")
		requireFitsContent(t, ctx, f)
		require.Equal(t, start.Above, grown.Above)
		require.InDelta(t, grown.Height-shrunk.Height, grown.Below-shrunk.Below, 1)
	})

	t.Run("at 360px the article and the widget fit the screen", func(t *testing.T) {
		require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(360, 740)))
		defer chromedp.Run(ctx, emulation.ClearDeviceMetricsOverride())
		settle(t, ctx, id)
		var overflow struct{ Page, Width float64 }
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`({Page: document.documentElement.scrollWidth, Width: innerWidth})`, &overflow)))
		require.LessOrEqual(t, overflow.Page, overflow.Width, "no sideways scrolling on the host page")
		l := hostLayout(t, ctx, id)
		require.InDelta(t, l.Column, l.Width, 0.5)
		require.Less(t, l.Width, 360.0)
		c := f.content(t)
		require.LessOrEqual(t, c.ScrollWidth, c.ClientWidth, "no sideways scrolling inside the iframe")
		requireFitsContent(t, ctx, f)
		require.Greater(t, l.Height, start.Height, "narrower, so taller")
	})

	t.Run("the demo page requests nothing from a third origin", func(t *testing.T) {
		reqs.mu.Lock()
		defer reqs.mu.Unlock()
		require.NotEmpty(t, reqs.urls)
		var fromWidget, fromHost int
		for _, u := range reqs.urls {
			switch {
			case strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:"):
			case strings.HasPrefix(u, widget+"/"):
				fromWidget++
			case strings.HasPrefix(u, host+"/"):
				fromHost++
			default:
				t.Errorf("request to a third origin: %s", u)
			}
		}
		require.Positive(t, fromWidget)
		require.Positive(t, fromHost)
		require.Empty(t, exc.all())
	})
}

// data-query, data-theme, data-sort, data-title and data-max-height reach
// the widget or the iframe; unknown values are dropped. The host page has a
// strict CSP without 'unsafe-inline', and nothing is blocked.
func TestE2EEmbedHonoursQueryThemeSortTitleAndMaxHeight(t *testing.T) {
	_, dir := staticSite(t)
	widget := serveDir(t, dir)
	host := publisher(t, dir, widget, map[string]string{"/csp/optionen.html": hostPage(
		`<div data-chronik data-query="Oracle" data-theme="dark" data-sort="newest" data-title="Oracle-Chronik"></div>` +
			`<div data-chronik data-theme="lila" data-sort="zufall" data-max-height="300"></div>` +
			`<script src="` + widget + `/embed.js" async></script>`)})
	ctx := browser(t)
	var exc exceptions
	exc.listen(ctx)
	require.NoError(t, chromedp.Run(ctx, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}})))
	require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__csp = [];
			document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
		return err
	})))
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(host+"/csp/optionen.html")))
	require.NoError(t, waitMarked(ctx))
	require.Equal(t, []string{"chronik-embed-1", "chronik-embed-2"}, marks(t, ctx))

	dark := openFrame(t, ctx, "chronik-embed-1")
	plain := openFrame(t, ctx, "chronik-embed-2")

	t.Run("data-query opens the widget on that search", func(t *testing.T) {
		require.NoError(t, dark.poll(`document.querySelectorAll(".chronik-card").length === 2`, 10*time.Second))
		var value string
		require.NoError(t, dark.eval(`document.getElementById("chronik-q").value`, &value))
		require.Equal(t, "Oracle", value)
	})

	t.Run("data-sort is passed on, an unknown one is not", func(t *testing.T) {
		var s1, s2 string
		require.NoError(t, dark.eval(`String(new URLSearchParams(location.search).get("sort"))`, &s1))
		require.NoError(t, plain.eval(`String(new URLSearchParams(location.search).get("sort"))`, &s2))
		require.Equal(t, "newest", s1)
		require.Equal(t, "null", s2)
	})

	t.Run("data-theme=dark darkens the widget, an unknown theme follows the system", func(t *testing.T) {
		type look struct {
			Theme string
			BG    []float64
		}
		const probe = `(() => ({Theme: String(document.documentElement.getAttribute("data-theme")),
			BG: getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g).slice(0, 3).map(Number)}))()`
		lum := func(c []float64) float64 { return (0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]) / 255 }
		var d, p look
		require.NoError(t, dark.eval(probe, &d))
		require.NoError(t, plain.eval(probe, &p))
		require.Equal(t, "dark", d.Theme)
		require.Less(t, lum(d.BG), 0.2, "dark background: %v", d.BG)
		require.Equal(t, "null", p.Theme)
		require.Greater(t, lum(p.BG), 0.8, "light background under a light system: %v", p.BG)
	})

	t.Run("data-title names the iframe and is kept", func(t *testing.T) {
		settle(t, ctx, dark.embed)
		var title string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").title`, &title)))
		require.Equal(t, "Oracle-Chronik", title)
	})

	t.Run("data-max-height caps the iframe and the widget scrolls inside", func(t *testing.T) {
		h := settle(t, ctx, plain.embed)
		require.Equal(t, 300.0, h)
		c := plain.content(t)
		require.Greater(t, c.ScrollHeight, c.ClientHeight+100, "the widget is taller and scrolls inside")
		// The uncapped one fits its content exactly.
		requireFitsContent(t, ctx, dark)
		require.Empty(t, exc.all())
	})

	t.Run("the host page's strict CSP blocks nothing", func(t *testing.T) {
		var csp string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(performance.getEntriesByType("navigation")[0] || {}).name`, &csp)))
		require.Contains(t, csp, "/csp/")
		var blocked []string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__csp`, &blocked)))
		require.Empty(t, blocked, "CSP violations on the host page")
	})
}

// Forged size messages, from the host page or from inside the frame, in any
// shape, change nothing and throw nothing; the widget keeps working.
func TestE2EEmbedIgnoresForgedSizeMessages(t *testing.T) {
	_, dir := staticSite(t)
	widget := serveDir(t, dir)
	host := publisher(t, dir, widget, map[string]string{
		"/feindlich.html": hostPage(`<script src="` + widget + `/embed.js" data-chronik async></script>`),
		// Posts a well-formed report to its parent, from origin B.
		"/fremd.html": `<!doctype html><html><body><script>
			parent.postMessage({type: "chronik:size", id: "chronik-embed-1", height: 50, title: "fremd"}, "*");
			document.body.dataset.sent = "yes";
		</script></body></html>`,
		"/gedeckelt.html": hostPage(`<div data-chronik data-max-height="400"></div><script src="` + widget + `/embed.js" async></script>`),
	})
	ctx := browser(t)
	var exc exceptions
	exc.listen(ctx)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(host+"/feindlich.html")))
	require.NoError(t, waitMarked(ctx))
	const id = "chronik-embed-1"
	f := openFrame(t, ctx, id)
	h0 := settle(t, ctx, id)
	var title0 string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").title`, &title0)))
	require.NotEmpty(t, title0)
	unchanged := func(t *testing.T) {
		t.Helper()
		time.Sleep(400 * time.Millisecond)
		var now struct {
			H      float64
			Title  string
			Frames int
		}
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => { const f = document.getElementById("chronik-embed-1"); return {H: f.getBoundingClientRect().height, Title: f.title, Frames: document.querySelectorAll("iframe").length}; })()`, &now)))
		require.Equal(t, h0, now.H, "the iframe's height is unchanged")
		require.Equal(t, title0, now.Title)
		require.Equal(t, 1, now.Frames)
		require.Empty(t, exc.all(), "no exceptions")
	}

	t.Run("from the host page", func(t *testing.T) {
		var sent int
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
			const f = document.getElementById("chronik-embed-1"), id = f.id, w = f.contentWindow;
			const A = new URL(f.src).origin;
			// Correct in shape, but posted by the host page (origin B, source window).
			const bad = [
				{type: "chronik:size", id, height: 50, title: "gefälscht"},
				{type: "chronik:size", id, height: 99999999},
				{type: "chronik:size", id, height: -5},
				{type: "chronik:size", id, height: NaN},
				{type: "chronik:size", id, height: Infinity},
				{type: "chronik:size", id, height: "50"},
				{type: "chronik:size", id: "anders", height: 50},
				"chronik:size", null, undefined, 42, true,
				["chronik:size", id, 50],
				[{type: "chronik:size", id, height: 50}],
				JSON.parse('{"__proto__": {"type": "chronik:size", "id": "' + id + '", "height": 50}}'),
				JSON.parse('{"type": "chronik:size", "id": "' + id + '", "height": 50, "__proto__": {"polluted": 1}}'),
				new Map([["type", "chronik:size"], ["id", id], ["height", 50]]),
			];
			for (const m of bad) {
				window.postMessage(m, "*");
				w.postMessage(m, "*");
			}
			// Synthetic events that claim the widget's origin and the iframe
			// as their source, with data no real message can carry. (The host
			// page could forge a well-formed one too, but it owns the iframe
			// anyway; what matters is that none of these throws.)
			const evil = [
				{get type() { throw new Error("getter"); }, id, height: 50},
				new Proxy({}, {get() { throw new Error("proxy get"); }, getPrototypeOf() { throw new Error("proxy proto"); }}),
				{type: "chronik:size", id, height: {valueOf() { return 50; }}},
				{type: "chronik:size", id, height: 1e9},
				Object.create({type: "chronik:size", id, height: 50}),
				{type: "chronik:size", id, height: -1, get title() { throw new Error("title"); }},
				{type: "chronik:size", id: {toString() { return id; }}, height: 50},
			];
			for (const d of evil) {
				window.dispatchEvent(new MessageEvent("message", {data: d, origin: A, source: w}));
			}
			return bad.length * 2 + evil.length;
		})()`, &sent)))
		require.Greater(t, sent, 30)
		unchanged(t)
		var polluted bool
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`({}).polluted !== undefined || Object.prototype.hasOwnProperty("height")`, &polluted)))
		require.False(t, polluted)
	})

	t.Run("from inside the frame, in the wrong shape", func(t *testing.T) {
		require.NoError(t, f.eval(`(() => {
			const id = new URLSearchParams(location.search).get("embed");
			for (const m of [
				{type: "chronik:resize", id, height: 50},
				{type: "chronik:size", id: "chronik-embed-2", height: 50},
				{type: "chronik:size", id, height: "abc"},
				{type: "chronik:size", id, height: 1e9},
				{type: "chronik:size", id, height: 100001},
				{type: "chronik:size", id, height: -5},
				{type: "chronik:size", id, height: 0},
				{type: "chronik:size", id, height: null},
				{type: "chronik:size", id},
				[id, 50], null, "chronik:size",
			]) parent.postMessage(m, "*");
		})()`, nil))
		unchanged(t)
	})

	t.Run("a well-formed report from the frame is applied, its title trimmed and cut", func(t *testing.T) {
		// The control: the same channel does work for a correct message.
		long := "  " + strings.Repeat("Ä", 300) + "  "
		require.NoError(t, f.eval(fmt.Sprintf(`parent.postMessage({type: "chronik:size", id: %q, height: %v, title: %q}, "*")`, id, h0+123, long), nil))
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().height === %v`, id, h0+123), nil, chromedp.WithPollingTimeout(5*time.Second))))
		var title string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").title`, &title)))
		require.Equal(t, strings.Repeat("Ä", 200), title)
		// Restore what the widget reported.
		require.NoError(t, f.eval(fmt.Sprintf(`parent.postMessage({type: "chronik:size", id: %q, height: %v, title: document.title}, "*")`, id, h0), nil))
		unchanged(t)
	})

	t.Run("the widget still searches and resizes", func(t *testing.T) {
		f.typeQuery(t, "Oracle")
		require.NoError(t, f.poll(`document.querySelectorAll(".chronik-card").length === 2`, 10*time.Second))
		h := settle(t, ctx, id)
		require.Less(t, h, h0)
		requireFitsContent(t, ctx, f)
		require.Empty(t, exc.all())
	})

	t.Run("a page of another origin loaded into the iframe cannot resize it", func(t *testing.T) {
		// The iframe is the right source, but its document is now the host's
		// (origin B), not the widget's: only the origin check stops it.
		var before float64
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").getBoundingClientRect().height`, &before)))
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).src = location.origin + "/fremd.html"`, id), nil)))
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`(() => { try { return document.getElementById("chronik-embed-1").contentDocument.body.dataset.sent === "yes"; } catch (e) { return false; } })()`, nil, chromedp.WithPollingTimeout(10*time.Second))))
		time.Sleep(400 * time.Millisecond)
		var after float64
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").getBoundingClientRect().height`, &after)))
		require.Equal(t, before, after)
		require.Empty(t, exc.all())
	})

	t.Run("the largest report is capped by data-max-height", func(t *testing.T) {
		require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(host+"/gedeckelt.html")))
		require.NoError(t, waitMarked(ctx))
		g := openFrame(t, ctx, id)
		require.Equal(t, 400.0, settle(t, ctx, id))
		for _, h := range []string{"1e9", "100000", "99999.5"} {
			require.NoError(t, g.eval(fmt.Sprintf(`parent.postMessage({type: "chronik:size", id: %q, height: %s}, "*")`, id, h), nil))
		}
		time.Sleep(400 * time.Millisecond)
		var got float64
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("chronik-embed-1").getBoundingClientRect().height`, &got)))
		require.Equal(t, 400.0, got)
		require.Empty(t, exc.all())
	})
}

// embed.js stays small: publishers load it on every article.
func TestE2EEmbedScriptIsSmallAndCarriesTheTitle(t *testing.T) {
	b, dir := staticSite(t)
	js, err := os.ReadFile(filepath.Join(dir, "embed.js"))
	require.NoError(t, err)
	title, _ := json.Marshal(b.Chronicle.Title)
	require.Contains(t, string(js), "var TITLE = "+string(title)+";")
	for _, banned := range []string{"innerHTML", "eval(", "setAttribute(\"style\"", "new Function", "document.write"} {
		require.NotContains(t, string(js), banned)
	}
	t.Logf("embed.js: %d bytes", len(js))
	require.Less(t, len(js), 12<<10)
}
