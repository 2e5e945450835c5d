//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"maps"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/app"
	chronik "chronik/embed"
)

// assets are the widget's own static files. wasm_exec.js comes from the Go
// toolchain that builds app.wasm; the two must match.
//
//go:embed wasm_exec.js web/chronik.css web/frame.js web/embed.js web/demo.html web/icon.svg web/icon-192.png web/icon-512.png
var assets embed.FS

const (
	// hashLen is the number of hex digits of the content hash in the name
	// of a published file, as in web/app.3f2a9c1d7e.wasm.
	hashLen = 10

	// brotliQuality is the brotli quality of the precompressed files.
	brotliQuality = 11
	// largeBrotliQuality is the brotli quality of files over largeFile
	// bytes, that is app.wasm. On a 2-core machine, for the 8 MB app.wasm,
	// quality 9 takes 1.4–2 s, 10 took 12–15 s and 11 took 37 s, for 10%
	// and 12% smaller files.
	largeBrotliQuality = 9
	largeFile          = 1 << 20

	// immutable is the Cache-Control of the files under web/: their names
	// change with their content.
	immutable = "public, max-age=31536000, immutable"
)

// buildWASM compiles the browser side of this program to out. A non-empty
// overlay is passed to go build -overlay, to replace source files.
func buildWASM(out, overlay string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-o", out}
	if overlay != "" {
		args = append(args, "-overlay", overlay)
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build %s (run from the chronik source folder, or pass -wasm): %w", out, err)
	}
	return nil
}

// readWASM returns app.wasm from path, building it there first when path
// is empty (into a temporary file) or missing.
func readWASM(path string) ([]byte, error) {
	if path == "" {
		dir, err := os.MkdirTemp("", "chronik-wasm")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "app.wasm")
		if err := buildWASM(path, ""); err != nil {
			return nil, err
		}
	} else if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := buildWASM(path, ""); err != nil {
			return nil, err
		}
	}
	return os.ReadFile(path)
}

// siteBuild is one build of the widget in memory: every file it publishes, by
// its path in the output folder, and the published name of each file the
// page loads from /web/.
type siteBuild struct {
	// files are the widget's own files: web/ with content-hashed names,
	// and wasm_exec.js, embed.js and demo.html at the root. exportSite adds
	// go-app's pages and scripts.
	files map[string][]byte
	// names maps the logical path of each file under /web/, such as
	// "/web/app.wasm", to its published path, "/web/app.3f2a9c1d7e.wasm".
	names map[string]string
	// version is a content hash of the build, for the service worker.
	version  string
	wasmSize int
}

// newSite lays out the widget's files for the chronicle of b: app.wasm and
// the files of assetFS (laid out like assets) under content-hashed names in
// web/, and the entry points a publisher links to at the root, under their
// stable names.
func newSite(b *chronik.Bundle, wasm []byte, assetFS fs.FS) (*siteBuild, error) {
	s := &siteBuild{files: map[string][]byte{}, names: map[string]string{}, wasmSize: len(wasm)}
	s.addHashed("web/app.wasm", wasm)
	err := fs.WalkDir(assetFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assetFS, p)
		if err != nil {
			return err
		}
		switch {
		case p == "web/embed.js":
			// Publishers load it by a stable URL at the site's root.
			s.files["embed.js"] = embedScript(data, b.Chronicle.Title)
		case p == "web/demo.html":
			s.files["demo.html"] = data
		case strings.HasPrefix(p, "web/"):
			s.addHashed(p, data)
		default:
			s.files[p] = data
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the widget's assets: %w", err)
	}
	s.version, err = version(s.files, b)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// addHashed adds the file p of the web folder under its content-hashed name.
func (s *siteBuild) addHashed(p string, data []byte) {
	name := hashedName(p, data)
	s.files[name] = data
	s.names["/"+p] = "/" + name
}

// hashedName puts the start of data's SHA-256 before the extension of p:
// web/app.wasm becomes web/app.3f2a9c1d7e.wasm.
func hashedName(p string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:])[:hashLen] + ext
}

// version is a content hash of everything the page loads (app.wasm holds
// the code and the articles; the prerendered page also shows the chronicle),
// so that a new build gets a new service worker and cache, and an unchanged
// one does not.
func version(files map[string][]byte, b *chronik.Bundle) (string, error) {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	chronicle, err := json.Marshal(b.Chronicle)
	if err != nil {
		return "", fmt.Errorf("hash the chronicle: %w", err)
	}
	h.Write(chronicle)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// handler returns the go-app handler of the site under base.
func (s *siteBuild) handler(b *chronik.Bundle, base string) *goapp.Handler {
	return app.Handler(b.Chronicle, app.Options{
		Base:     base,
		Version:  s.version,
		WasmSize: s.wasmSize,
		Assets:   s.names,
	})
}

// writeStatic exports the complete site to dir: prerendered HTML, go-app's
// scripts, the widget's assets and app.wasm, each text file also
// precompressed, ready for any static host. See exportSite.
func writeStatic(b *chronik.Bundle, dir, base, wasmPath string) error {
	wasm, err := readWASM(wasmPath)
	if err != nil {
		return err
	}
	return exportSite(dir, b, base, wasm, assets)
}

// writeStaticArticles exports the site like writeStatic, built from the
// articles in the folder articles instead of the embedded ones. It builds
// app.wasm with go build -overlay, which replaces the generated
// embed/data files by ones made from those articles; the committed
// embed/data stays as it is. Malformed articles fail with file:line.
func writeStaticArticles(articles, dir, base string) error {
	if _, err := os.Stat(articles); err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	c, err := chronik.LoadDir(os.DirFS(articles), ".")
	if err != nil {
		return fmt.Errorf("articles in %s:\n%w", articles, inFolder(articles, err))
	}
	chronicle, index, err := chronik.Encode(c)
	if err != nil {
		return err
	}
	// The page is prerendered from the bundle exactly as the WASM decodes it.
	b, err := chronik.Decode(string(chronicle), index)
	if err != nil {
		return err
	}
	wasm, err := buildWASMWithData(chronicle, index)
	if err != nil {
		return err
	}
	return exportSite(dir, b, base, wasm, assets)
}

// inFolder makes the file names in LoadDir's errors paths from the working
// directory, so that editors and terminals can jump to file:line.
func inFolder(dir string, err error) error {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var fe *chronik.Error
		if errors.As(e, &fe) {
			fe.File = filepath.Join(dir, fe.File)
		}
	}
	return err
}

// buildWASMWithData builds app.wasm with chronicle and index in place of
// embed/data's chronicle.bin and index.bin (go:embed honours -overlay).
func buildWASMWithData(chronicle, index []byte) ([]byte, error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", "chronik/embed/data").Output()
	if err != nil {
		return nil, fmt.Errorf("find chronik/embed/data (run from the chronik source folder): %w", err)
	}
	dataDir := strings.TrimSpace(string(out))
	tmp, err := os.MkdirTemp("", "chronik-articles")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	replace := map[string]string{}
	for name, data := range map[string][]byte{"chronicle.bin": chronicle, "index.bin": index} {
		target := filepath.Join(tmp, name)
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", target, err)
		}
		replace[filepath.Join(dataDir, name)] = target
	}
	overlay, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return nil, err
	}
	overlayPath := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlayPath, overlay, 0o644); err != nil {
		return nil, fmt.Errorf("write %s: %w", overlayPath, err)
	}
	wasmPath := filepath.Join(tmp, "app.wasm")
	if err := buildWASM(wasmPath, overlayPath); err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, err
	}
	// go:embed stores the file as it is: a WASM without it still carries
	// the committed articles.
	if !bytes.Contains(wasm, chronicle) {
		return nil, fmt.Errorf("build %s: app.wasm does not embed the new articles (go build -overlay was ignored)", wasmPath)
	}
	return wasm, nil
}

// exportSite writes the site of b under base to dir: go-app's prerendered
// pages and scripts, the widget's files (see newSite), and next to each text
// file and app.wasm its .gz and .br. It writes web/ first and the entry
// points last, and leaves other files in dir alone, such as the previous
// build's web/ files.
func exportSite(dir string, b *chronik.Bundle, base string, wasm []byte, assetFS fs.FS) error {
	base = cleanBase(base)
	s, err := newSite(b, wasm, assetFS)
	if err != nil {
		return err
	}
	// go-app's routes are global: prerender with this chronicle.
	app.Register(b)
	pages, err := generatePages(s.handler(b, base))
	if err != nil {
		return err
	}
	files := pages
	for name, data := range s.files {
		files[name] = data // the toolchain's wasm_exec.js replaces go-app's copy
	}
	compressed, err := precompress(files)
	if err != nil {
		return err
	}
	for name, data := range compressed {
		files[name] = data
	}
	names := slices.SortedFunc(maps.Keys(files), func(a, b string) int {
		// web/ first: a host that serves dir while it is being written
		// never has an entry point that refers to a missing file.
		if wa, wb := strings.HasPrefix(a, "web/"), strings.HasPrefix(b, "web/"); wa != wb {
			if wa {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
	}
	wasmName := strings.TrimPrefix(s.names["/web/app.wasm"], "/")
	var raw, gz, br int
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, ".gz"), strings.HasSuffix(name, ".br"):
		case compressible(name):
			raw, gz, br = raw+len(data), gz+len(files[name+".gz"]), br+len(files[name+".br"])
		default:
			raw, gz, br = raw+len(data), gz+len(data), br+len(data)
		}
	}
	fmt.Fprintf(os.Stderr, "chronik: wrote %s (base %q, version %s)\n"+
		"  %s: %s raw, %s gzip, %s brotli\n  all %d files: %s raw, %s gzip, %s brotli\n",
		dir, base, s.version,
		wasmName, mb(len(wasm)), mb(len(files[wasmName+".gz"])), mb(len(files[wasmName+".br"])),
		len(files)-len(compressed), mb(raw), mb(gz), mb(br))
	return nil
}

// mb formats n bytes in megabytes.
func mb(n int) string {
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}

// generatePages runs go-app's static export of h and returns what it wrote:
// the prerendered pages, app.js, app-worker.js, manifest.webmanifest,
// app.css and wasm_exec.js, by path.
func generatePages(h *goapp.Handler) (map[string][]byte, error) {
	tmp, err := os.MkdirTemp("", "chronik-pages")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := goapp.GenerateStaticWebsite(tmp, h); err != nil {
		return nil, fmt.Errorf("generate the static pages: %w", err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(tmp, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the static pages: %w", err)
	}
	return files, nil
}

// compressible reports whether the file name gets a .gz and a .br: text
// files and app.wasm, not the already compressed PNGs.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".html", ".js", ".css", ".webmanifest", ".svg", ".json", ".wasm":
		return true
	}
	return false
}

// precompress returns the gzip (X.gz) and brotli (X.br) encodings of every
// compressible file of files, at the best quality: gzip at
// BestCompression, brotli at quality 11, or largeBrotliQuality for large
// files. The output is deterministic (gzip carries no name or time).
func precompress(files map[string][]byte) (map[string][]byte, error) {
	type job struct{ name, ext string }
	var jobs []job
	for name := range files {
		if compressible(name) {
			jobs = append(jobs, job{name, ".gz"}, job{name, ".br"})
		}
	}
	out := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if j.ext == ".gz" {
				out[i], errs[i] = gzipBytes(files[j.name])
			} else {
				out[i], errs[i] = brotliBytes(files[j.name])
			}
			if errs[i] != nil {
				errs[i] = fmt.Errorf("compress %s: %w", j.name, errs[i])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	compressed := make(map[string][]byte, len(jobs))
	for i, j := range jobs {
		compressed[j.name+j.ext] = out[i]
	}
	return compressed, nil
}

// gzipBytes compresses data with gzip at BestCompression.
func gzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// brotliBytes compresses data with brotli at brotliQuality, or at
// largeBrotliQuality when data is over largeFile bytes.
func brotliBytes(data []byte) ([]byte, error) {
	quality := brotliQuality
	if len(data) > largeFile {
		quality = largeBrotliQuality
	}
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// contentType returns the Content-Type of the file name.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".wasm":
		return "application/wasm"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// cacheControl returns the Cache-Control header of the file name, a path
// relative to the site's folder, as the README recommends: the files under
// web/ are named by their content and never change; the entry points keep
// their names and must be revalidated.
func cacheControl(name string) string {
	if strings.HasPrefix(name, "web/") {
		return immutable
	}
	return "no-cache"
}

// embedScript fills the chronicle's title into embed.js, as the iframe's
// accessible name until the widget reports its own. json.Marshal escapes
// '<', '>' and '&', so the title cannot end the script.
func embedScript(src []byte, title string) []byte {
	q, _ := json.Marshal(title)
	return bytes.Replace(src, []byte(`"__CHRONIK_TITLE__"`), q, 1)
}

// cleanBase normalises a base path to "" or "/a/b" (no trailing slash).
func cleanBase(base string) string {
	if base == "" {
		return ""
	}
	base = path.Clean("/" + strings.Trim(base, "/"))
	if base == "/" {
		return ""
	}
	return base
}

// siteHandler serves the site of b with app.wasm at the root, as the
// static export lays it out: the widget's files from memory, under the
// same content-hashed names, and the pages and go-app's scripts from
// go-app's handler.
func siteHandler(b *chronik.Bundle, wasm []byte) (http.Handler, error) {
	s, err := newSite(b, wasm, assets)
	if err != nil {
		return nil, err
	}
	app.Register(b)
	serveFile := func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		data, ok := s.files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType(name))
		w.Header().Set("Cache-Control", cacheControl(name))
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/web/", serveFile)
	for name := range s.files {
		if !strings.HasPrefix(name, "web/") {
			mux.HandleFunc("/"+name, serveFile)
		}
	}
	mux.Handle("/", s.handler(b, ""))
	return mux, nil
}

// serve runs the widget on addr until ctx ends.
func serve(ctx context.Context, b *chronik.Bundle, addr, wasmPath string) error {
	wasm, err := readWASM(wasmPath)
	if err != nil {
		return err
	}
	h, err := siteHandler(b, wasm)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Printf("chronik: serving %q on http://%s/", b.Chronicle.Title, ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
