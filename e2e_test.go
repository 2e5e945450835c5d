//go:build !wasm

package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"chronik/app"
	chronik "chronik/embed"
	"chronik/embed/data"
)

// The end-to-end tests build the real static site (app.wasm included), serve
// it on loopback and drive it in headless Chromium.

var site struct {
	once   sync.Once
	bundle *chronik.Bundle
	dir    string
	err    error
}

// staticSite builds the static site once per test binary and returns it.
func staticSite(t *testing.T) (*chronik.Bundle, string) {
	t.Helper()
	site.once.Do(func() {
		site.bundle, site.err = data.Load()
		if site.err != nil {
			return
		}
		app.Register(site.bundle)
		tmp, err := os.MkdirTemp("", "chronik-e2e")
		if err != nil {
			site.err = err
			return
		}
		site.dir = filepath.Join(tmp, "site")
		site.err = writeStatic(site.bundle, site.dir, "", "")
	})
	require.NoError(t, site.err)
	return site.bundle, site.dir
}

// serveDir serves dir on a fresh loopback port and returns its origin.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	origin, _ := serveStoppable(t, dir)
	return origin
}

// serveStoppable serves dir like serveDir and also returns a function that
// takes the server down, so that nothing but the browser's caches is left.
func serveStoppable(t *testing.T, dir string) (string, func()) {
	t.Helper()
	return serveWithHeaders(t, dir, nil)
}

// serveWithHeaders serves dir with extra response headers, such as a CSP.
func serveWithHeaders(t *testing.T, dir string, headers map[string]string) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		w.Header().Set("Cache-Control", "no-cache")
		for k, v := range headers {
			w.Header().Set(k, v)
		}
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), func() { srv.Close() }
}

// chromium returns the path of a Chromium binary. Without one the browser
// tests skip, except under CI, where a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found, and CI is set: install Debian's chromium (see .ci/run)")
	}
	t.Skip("no Chromium found: install chromium to run the browser tests")
	return ""
}

// browser starts a fresh headless Chromium with an empty profile.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	// Not t.TempDir: Chromium may still be writing to its profile as it
	// exits, and a failed RemoveAll would fail the test.
	profile, err := os.MkdirTemp("", "chronik-chromium")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(profile) })
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1000, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel3)
	require.NoError(t, chromedp.Run(ctx)) // start the browser
	return ctx
}

// requests records the URL of every request the page makes.
type requests struct {
	mu   sync.Mutex
	urls []string
}

func (r *requests) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			r.mu.Lock()
			r.urls = append(r.urls, e.Request.URL)
			r.mu.Unlock()
		}
	})
}

// foreign returns the recorded requests that left origin.
func (r *requests) foreign(origin string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, u := range r.urls {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue
		}
		if !strings.HasPrefix(u, origin+"/") && u != origin {
			out = append(out, u)
		}
	}
	return out
}

// waitReady waits until the WASM has started: go-app removes its loader then.
func waitReady(ctx context.Context) error {
	return chromedp.Run(ctx, chromedp.Poll(`document.getElementById("app-wasm-loader") === null && document.querySelector(".chronik-card") !== null`, nil, chromedp.WithPollingTimeout(90*time.Second)))
}

// shown returns the ids of the visible cards, in page order.
func shown(ctx context.Context) ([]string, error) {
	var ids []string
	err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".chronik-card")].map(e => e.id.replace(/^artikel-/, ""))`, &ids))
	return ids, err
}

func textOf(ctx context.Context, sel string) (string, error) {
	var s string
	err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, sel), &s))
	return s, err
}

// typeQuery replaces the search field's content by typing q key by key.
func typeQuery(ctx context.Context, q string) error {
	return chromedp.Run(ctx,
		chromedp.Focus("#chronik-q", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("chronik-q").select()`, nil),
		chromedp.KeyEvent("\b"),
		chromedp.SendKeys("#chronik-q", q, chromedp.ByQuery),
	)
}

// waitCount waits until the live region says want.
func waitCount(ctx context.Context, want string) error {
	return chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`document.getElementById("chronik-count").textContent === %q`, want), nil, chromedp.WithPollingTimeout(10*time.Second)))
}

// ids returns the article ids of a native search, in chronological order.
func ids(b *chronik.Bundle, query string) []string {
	var out []string
	for _, h := range b.Index.Search(query, b.Docs).Hits {
		out = append(out, b.Chronicle.Articles[h.Doc].ID)
	}
	sort.Slice(out, func(i, j int) bool { return index(b, out[i]) < index(b, out[j]) })
	return out
}

func index(b *chronik.Bundle, id string) int {
	return slices.IndexFunc(b.Chronicle.Articles, func(a chronik.Article) bool { return a.ID == id })
}

func TestE2ETimelineSearchInChromium(t *testing.T) {
	b, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	var reqs requests
	reqs.listen(ctx)
	var dialogs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs = append(dialogs, e.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	var exceptions []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			exceptions = append(exceptions, e.ExceptionDetails.Error())
		}
	})

	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/")))
	require.NoError(t, waitReady(ctx))
	all := make([]string, len(b.Chronicle.Articles))
	for i, a := range b.Chronicle.Articles {
		all[i] = a.ID
	}

	t.Run("cards render in chronological order with German dates", func(t *testing.T) {
		got, err := shown(ctx)
		require.NoError(t, err)
		require.Equal(t, all, got)
		count, err := textOf(ctx, "#chronik-count")
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("%d Artikel", len(all)), count)
		date, err := textOf(ctx, "#artikel-"+all[0]+" time")
		require.NoError(t, err)
		require.Equal(t, app.GermanDate(b.Chronicle.Articles[0].Date), date)
		var lang string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.documentElement.lang`, &lang)))
		require.Equal(t, "de", lang)
	})

	t.Run("typing Oracle leaves the two Oracle articles with marks in their snippets", func(t *testing.T) {
		require.NoError(t, typeQuery(ctx, "Oracle"))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", len(all))))
		got, err := shown(ctx)
		require.NoError(t, err)
		require.Len(t, got, 2)
		require.Equal(t, ids(b, "Oracle"), got)
		var marks []string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".chronik-card")].map(c => [...c.querySelectorAll(".chronik-snippet mark")].map(m => m.textContent).join("|"))`, &marks)))
		for i, m := range marks {
			require.Contains(t, m, "Oracle", "card %s has no <mark>Oracle</mark> in its snippet", got[i])
		}
	})

	t.Run("the query is in the URL and survives a reload", func(t *testing.T) {
		// Once typing has rested for app.URLDelay.
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`location.search === "?q=Oracle"`, nil, chromedp.WithPollingTimeout(5*time.Second))))
		require.NoError(t, chromedp.Run(ctx, chromedp.Reload()))
		require.NoError(t, waitReady(ctx))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", len(all))))
		var value string
		require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-q", &value, chromedp.ByQuery)))
		require.Equal(t, "Oracle", value)
	})

	t.Run("Uebernahme finds the Übernahme articles", func(t *testing.T) {
		want := ids(b, "Übernahme")
		require.GreaterOrEqual(t, len(want), 3, "the seeds have at least three Übernahme articles")
		require.NoError(t, typeQuery(ctx, "Uebernahme"))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), len(all))))
		got, err := shown(ctx)
		require.NoError(t, err)
		require.Equal(t, want, got)
		var marked string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("mark")].map(m => m.textContent).join(" ")`, &marked)))
		require.Contains(t, marked, "Übernahme")
	})

	t.Run("Weiterlesen expands the full text with highlights", func(t *testing.T) {
		first := ids(b, "Uebernahme")[0]
		btn := "#artikel-" + first + " .chronik-more"
		require.NoError(t, chromedp.Run(ctx, chromedp.Click(btn, chromedp.ByQuery)))
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#text-"+first, chromedp.ByQuery)))
		var expanded string
		require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue(btn, "aria-expanded", &expanded, nil, chromedp.ByQuery)))
		require.Equal(t, "true", expanded)
		text, err := textOf(ctx, "#text-"+first)
		require.NoError(t, err)
		a := b.Chronicle.Articles[index(b, first)]
		require.Contains(t, text, a.Paragraphs()[len(a.Paragraphs())-1][:40], "the full text includes the last paragraph")
		var marks int
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll("#text-%s mark").length`, first), &marks)))
		require.Positive(t, marks)
	})

	t.Run("a query that matches nothing names the query in the empty state", func(t *testing.T) {
		require.NoError(t, typeQuery(ctx, "Zebrastreifen"))
		// "Zebr" already finds nothing: wait for the whole word.
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`(document.querySelector(".chronik-empty strong")||{}).textContent === "Zebrastreifen"`, nil, chromedp.WithPollingTimeout(10*time.Second))))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("0 von %d Artikeln", len(all))))
		empty, err := textOf(ctx, ".chronik-empty")
		require.NoError(t, err)
		require.Contains(t, empty, "„Zebrastreifen“")
	})

	t.Run("a hostile query is shown as text and runs no script", func(t *testing.T) {
		evil := `"><img src=x onerror=alert(1)><script>alert(2)</script>`
		require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/?q="+url.QueryEscape(evil))))
		require.NoError(t, waitReady(ctx))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("0 von %d Artikeln", len(all))))
		empty, err := textOf(ctx, ".chronik-empty strong")
		require.NoError(t, err)
		require.Equal(t, evil, empty)
		var injected int
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("img[src=x], .chronik script").length`, &injected)))
		require.Zero(t, injected)
		require.Empty(t, dialogs)
	})

	t.Run("a typo finds Microsoft and offers the correction", func(t *testing.T) {
		want := ids(b, "Microsoft")
		require.NotEmpty(t, want)
		require.NoError(t, typeQuery(ctx, "Mircosoft"))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), len(all))))
		got, err := shown(ctx)
		require.NoError(t, err)
		require.Equal(t, want, got)
		var marks string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".chronik-card mark")].map(m => m.textContent).join(" ")`, &marks)))
		require.Contains(t, marks, "Microsoft", "the typo match is highlighted")
		suggestion, err := textOf(ctx, ".chronik-suggest")
		require.NoError(t, err)
		require.True(t, strings.HasPrefix(suggestion, "Meinten Sie Microsoft"), suggestion)
		first, err := textOf(ctx, ".chronik-suggestion")
		require.NoError(t, err)
		require.Equal(t, "Microsoft", first)
		require.NoError(t, chromedp.Run(ctx, chromedp.Click(".chronik-suggestion", chromedp.ByQuery)))
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`location.search === "?q=Microsoft"`, nil, chromedp.WithPollingTimeout(5*time.Second))))
		var value string
		require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-q", &value, chromedp.ByQuery)))
		require.Equal(t, "Microsoft", value)
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`document.activeElement.id === "chronik-q"`, nil, chromedp.WithPollingTimeout(5*time.Second))),
			"the focus returns to the field, though the suggestion is gone")
		var hasSuggest bool
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector(".chronik-suggest") !== null`, &hasSuggest)))
		require.False(t, hasSuggest, "an exact query needs no suggestion")
	})

	t.Run("a phrase in quotes finds only the consecutive words", func(t *testing.T) {
		phrase := `"trusted tech partner"`
		want := ids(b, phrase)
		require.Equal(t, []string{"2020-09-14-oracle-trusted-tech-partner"}, want)
		require.NoError(t, typeQuery(ctx, phrase))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("1 von %d Artikeln", len(all))))
		got, err := shown(ctx)
		require.NoError(t, err)
		require.Equal(t, want, got)
		var value string
		require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-q", &value, chromedp.ByQuery)))
		require.Equal(t, phrase, value, "the field keeps the quotes while typing")
		var marks string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".chronik-snippet mark")].map(m => m.textContent).join(" ")`, &marks)))
		require.Contains(t, marks, "trusted")
		require.Contains(t, marks, "partner")
	})

	t.Run("a minus excludes the articles that mention a word", func(t *testing.T) {
		want := ids(b, "Microsoft -Oracle")
		withOracle := ids(b, "Microsoft Oracle")
		require.NotEmpty(t, want)
		require.NotEmpty(t, withOracle)
		require.NoError(t, typeQuery(ctx, "Microsoft -Oracle"))
		require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), len(all))))
		got, err := shown(ctx)
		require.NoError(t, err)
		require.Equal(t, want, got)
		for _, id := range withOracle {
			require.NotContains(t, got, id)
		}
	})

	t.Run("the page makes no request to another origin", func(t *testing.T) {
		require.Empty(t, reqs.foreign(origin))
		require.Empty(t, exceptions)
	})
}

// The prerendered timeline must be readable before (and without) the WASM:
// go-app's ?wasm=false keeps the WASM from loading at all.
func TestE2EPrerenderedCardsAreReadableWithoutWASM(t *testing.T) {
	b, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/?wasm=false")))
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible(".chronik-card", chromedp.ByQuery)))
	got, err := shown(ctx)
	require.NoError(t, err)
	require.Len(t, got, len(b.Chronicle.Articles))
	// Nothing covers the first card: go-app's full-screen loader is restyled.
	var covered bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const card = document.querySelector(".chronik-card .chronik-title");
		const r = card.getBoundingClientRect();
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !card.contains(hit) && hit !== card;
	})()`, &covered)))
	require.False(t, covered, "the first card's title is covered by another element")
}

// A publisher hosts the site under a sub-path: every file must come from
// there, and search must work.
func TestE2EStaticSiteWorksUnderSubPath(t *testing.T) {
	b, dir := staticSite(t)
	sub := filepath.Join(t.TempDir(), "chronik")
	require.NoError(t, writeStatic(b, sub, "/chronik/", filepath.Join(dir, filepath.FromSlash(publishedWasm(t, dir)))))
	origin := serveDir(t, filepath.Dir(sub))
	ctx := browser(t)
	var reqs requests
	reqs.listen(ctx)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/chronik/")))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, typeQuery(ctx, "Oracle"))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", len(b.Chronicle.Articles))))
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`location.pathname + location.search === "/chronik/?q=Oracle"`, nil, chromedp.WithPollingTimeout(5*time.Second))),
		"the query goes to the URL under the sub-path once typing rests")
	require.Empty(t, reqs.foreign(origin+"/chronik"), "every request stays under the sub-path")
}

// A reader opens the chronicle once, then loses the network (a train): the
// service worker must serve the page, app.wasm and everything else, and
// search must work, also for a reload of a ?q= address, at the root and
// under a sub-path.
func TestE2EOfflineReloadStillSearches(t *testing.T) {
	b, dir := staticSite(t)
	for _, base := range []string{"", "/chronik"} {
		t.Run("base "+base, func(t *testing.T) {
			root := dir
			if base != "" {
				root = filepath.Join(t.TempDir(), "site")
				require.NoError(t, writeStatic(b, filepath.Join(root, strings.Trim(base, "/")), base, filepath.Join(dir, filepath.FromSlash(publishedWasm(t, dir)))))
			}
			origin, stop := serveStoppable(t, root)
			start := origin + base + "/"
			ctx := browser(t)
			require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(start)))
			require.NoError(t, waitReady(ctx))
			// Wait until the worker controls the page and has cached everything.
			require.NoError(t, waitCached(ctx))

			stop()
			require.NoError(t, chromedp.Run(ctx, network.Enable(), network.EmulateNetworkConditions(true, 0, -1, -1)))
			require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(start+"?q=Oracle")))
			require.NoError(t, waitReady(ctx))
			require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", len(b.Chronicle.Articles))))
			require.NoError(t, typeQuery(ctx, "Uebernahme"))
			want := ids(b, "Übernahme")
			require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), len(b.Chronicle.Articles))))
			got, err := shown(ctx)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// waitCached waits until the service worker controls the page and its
// cache holds app.wasm.
func waitCached(ctx context.Context) error {
	const cached = `(async () => {
		if (!navigator.serviceWorker.controller) return false;
		const keys = await caches.keys();
		for (const k of keys) {
			const c = await caches.open(k);
			if ((await c.keys()).some(r => /\/web\/app\.[0-9a-f]+\.wasm$/.test(r.url))) return true;
		}
		return false;
	})()`
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(ctx, chromedp.Evaluate(cached, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}))
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the service worker did not cache app.wasm within a minute")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// CSP is the Content-Security-Policy the README recommends: nothing but the
// widget's own origin, and WebAssembly, without 'unsafe-inline'.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; frame-ancestors *"

// The widget runs under the strict CSP: nothing is blocked.
func TestE2EStrictCSPBlocksNothing(t *testing.T) {
	b, dir := staticSite(t)
	origin, _ := serveWithHeaders(t, dir, map[string]string{"Content-Security-Policy": CSP})
	ctx := browser(t)
	var mu sync.Mutex
	var violations []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			for _, a := range e.Args {
				if strings.Contains(string(a.Value), "Content Security Policy") || strings.Contains(a.Description, "Content Security Policy") {
					violations = append(violations, string(a.Value)+a.Description)
				}
			}
		case *runtime.EventExceptionThrown:
			violations = append(violations, "exception: "+e.ExceptionDetails.Error())
		}
	})
	require.NoError(t, chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(`window.__csp = [];
				document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
			return err
		}),
		chromedp.Navigate(origin+"/"),
	))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, typeQuery(ctx, "Oracle"))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", len(b.Chronicle.Articles))))
	require.NoError(t, chromedp.Run(ctx, chromedp.Click(".chronik-more", chromedp.ByQuery), chromedp.Sleep(200*time.Millisecond)))
	var blocked []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__csp`, &blocked)))
	require.Empty(t, blocked, "CSP violations")
	mu.Lock()
	defer mu.Unlock()
	require.Empty(t, violations)
}

// Readers can search and read without a mouse: "/" jumps to the search
// field, Esc clears it, Tab reaches a card's toggle and Enter opens it, and
// the focused element is always outlined.
func TestE2EKeyboardSearchAndRead(t *testing.T) {
	b, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	all := len(b.Chronicle.Articles)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/")))
	require.NoError(t, waitReady(ctx))
	active := func() string {
		var id string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement.id || document.activeElement.className`, &id)))
		return id
	}

	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement.blur()`, nil), pressSlash()))
	require.Equal(t, "chronik-q", active(), "/ focuses the search field")
	require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent("Oracle")))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", all)))
	var value string
	require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-q", &value, chromedp.ByQuery)))
	require.Equal(t, "Oracle", value, "the / itself is not typed into the field")

	require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent(kb.Escape)))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d Artikel", all)))
	require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-q", &value, chromedp.ByQuery)))
	require.Empty(t, value)
	var loc string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`location.search`, &loc)))
	require.Empty(t, loc)

	// Tab from the field past the filters to the first card's toggle, each
	// stop with a visible focus, and open it with Enter.
	first := b.Chronicle.Articles[0].ID
	for i := 0; active() != "weiter-"+first; i++ {
		require.Less(t, i, 30, "the first card's toggle is reachable with Tab")
		require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent("\t")))
		var outline string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`getComputedStyle(document.activeElement).outlineStyle`, &outline)))
		require.NotEqual(t, "none", outline, "focus is visible on %s", active())
	}
	require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent("\r")))
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#text-"+first, chromedp.ByQuery)))
}

// pressSlash presses "/" as a keyboard does: one keydown that carries the
// text, so that preventDefault on it keeps the character out of the field.
// (chromedp.KeyEvent sends the character as a separate event.)
func pressSlash() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		down := input.DispatchKeyEvent(input.KeyDown).WithKey("/").WithCode("Slash").
			WithText("/").WithUnmodifiedText("/").WithWindowsVirtualKeyCode(191).WithNativeVirtualKeyCode(191)
		if err := down.Do(ctx); err != nil {
			return err
		}
		return input.DispatchKeyEvent(input.KeyUp).WithKey("/").WithCode("Slash").
			WithWindowsVirtualKeyCode(191).WithNativeVirtualKeyCode(191).Do(ctx)
	})
}
