//go:build !wasm

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/app"
	chronik "chronik/embed"
)

// assets are the widget's own static files. wasm_exec.js comes from the Go
// toolchain that builds app.wasm; the two must match.
//
//go:embed wasm_exec.js web/chronik.css web/frame.js web/embed.js web/demo.html web/icon.svg web/icon-192.png web/icon-512.png
var assets embed.FS

// buildWASM compiles the browser side of this program to out.
func buildWASM(out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
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
		if err := buildWASM(path); err != nil {
			return nil, err
		}
	} else if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := buildWASM(path); err != nil {
			return nil, err
		}
	}
	return os.ReadFile(path)
}

// version is a content hash of everything the page loads, so that a new
// build gets a new service worker and cache, and an unchanged one does not.
func version(wasm []byte, b *chronik.Bundle) string {
	h := sha256.New()
	h.Write(wasm)
	fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := assets.ReadFile(p)
			fmt.Fprintf(h, "%s %d\n", p, len(data))
			h.Write(data)
		}
		return nil
	})
	for _, a := range b.Chronicle.Articles {
		fmt.Fprintf(h, "%s %s %s %d\n", a.ID, a.Date, a.Title, len(a.Body))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// writeStatic exports the complete site to dir: prerendered HTML, go-app's
// scripts, the widget's assets and app.wasm, ready for any static host.
func writeStatic(b *chronik.Bundle, dir, base, wasmPath string) error {
	base = cleanBase(base)
	wasm, err := readWASM(wasmPath)
	if err != nil {
		return err
	}
	h := app.Handler(b.Chronicle, app.Options{Base: base, Version: version(wasm, b), WasmSize: len(wasm)})
	if err := goapp.GenerateStaticWebsite(dir, h); err != nil {
		return fmt.Errorf("generate static site in %s: %w", dir, err)
	}
	files := map[string][]byte{"web/app.wasm": wasm}
	err = fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := assets.ReadFile(p)
		if err != nil {
			return err
		}
		switch p {
		case "web/embed.js":
			// Publishers load it by a stable URL at the site's root.
			files["embed.js"] = embedScript(data, b.Chronicle.Title)
		case "web/demo.html":
			files["demo.html"] = data
		default:
			files[p] = data
		}
		return nil
	})
	if err != nil {
		return err
	}
	for name, data := range files {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
	}
	fmt.Fprintf(os.Stderr, "chronik: wrote %s (base %q, app.wasm %d bytes)\n", dir, base, len(wasm))
	return nil
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

// serve runs the widget on addr until ctx ends.
func serve(ctx context.Context, b *chronik.Bundle, addr, wasmPath string) error {
	wasm, err := readWASM(wasmPath)
	if err != nil {
		return err
	}
	h := app.Handler(b.Chronicle, app.Options{Version: version(wasm, b), WasmSize: len(wasm)})
	web, _ := fs.Sub(assets, "web")
	mux := http.NewServeMux()
	mux.HandleFunc("/web/app.wasm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "app.wasm", time.Time{}, bytes.NewReader(wasm))
	})
	mux.Handle("/web/", http.StripPrefix("/web/", http.FileServerFS(web)))
	mux.HandleFunc("/wasm_exec.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFileFS(w, r, assets, "wasm_exec.js")
	})
	mux.Handle("/", h)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
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
