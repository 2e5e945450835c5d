//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The brotli qualities of Chronik's static build (site.go): 11, and 9 for
// files over 1 MiB, that is app.wasm.
const (
	brotliQuality      = 11
	largeBrotliQuality = 9
	largeFile          = 1 << 20
)

// iconSVG is the floor's favicon: a grey square.
const iconSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#777"/></svg>`

// export writes the static site of the floor app to the folder named on
// the command line and exits.
func export() {
	if err := exportCmd(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func exportCmd(args []string) error {
	fs := flag.NewFlagSet("floor", flag.ContinueOnError)
	wasmPath := fs.String("wasm", "", "path of the floor's app.wasm (GOOS=js GOARCH=wasm go build -trimpath -ldflags=\"-s -w\")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *wasmPath == "" {
		return fmt.Errorf("usage: floor -wasm app.wasm OUT")
	}
	return writeSite(fs.Arg(0), *wasmPath)
}

// writeSite exports the site to dir, as Chronik's static build does:
// go-app's prerendered page and scripts, the toolchain's wasm_exec.js, the
// icons and app.wasm under web/, and a .gz and a .br beside each text file
// and app.wasm.
func writeSite(dir, wasmPath string) error {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return fmt.Errorf("read app.wasm: %w", err)
	}
	h := &app.Handler{
		Name:      "Floor",
		ShortName: "Floor",
		Title:     "Floor",
		Lang:      "de",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		WasmContentLength: strconv.Itoa(len(wasm)),
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return fmt.Errorf("generate the static site: %w", err)
	}
	execJS, err := wasmExec()
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"web/app.wasm":     wasm,
		"web/icon.svg":     []byte(iconSVG),
		"wasm_exec.js":     execJS,
		"web/icon-192.png": nil,
		"web/icon-512.png": nil,
	}
	for _, size := range []int{192, 512} {
		if files[fmt.Sprintf("web/icon-%d.png", size)], err = icon(size); err != nil {
			return err
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return precompress(dir)
}

// wasmExec returns the wasm_exec.js of the Go toolchain that builds
// app.wasm; go-app's own copy may be of another Go version.
func wasmExec() ([]byte, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("read the toolchain's wasm_exec.js: %w", err)
	}
	return data, nil
}

// icon returns a grey size×size PNG.
func icon(size int) ([]byte, error) {
	img := image.NewGray(image.Rect(0, 0, size, size))
	for i := range img.Pix {
		img.Pix[i] = color.Gray{Y: 0x77}.Y
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode the icon: %w", err)
	}
	return buf.Bytes(), nil
}

// precompress writes X.gz and X.br beside every text file and app.wasm in
// dir, at the qualities of Chronik's static build.
func precompress(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".js", ".css", ".webmanifest", ".svg", ".json", ".wasm":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var gz bytes.Buffer
		zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		quality := brotliQuality
		if len(data) > largeFile {
			quality = largeBrotliQuality
		}
		var br bytes.Buffer
		bw := brotli.NewWriterLevel(&br, quality)
		if _, err := bw.Write(data); err != nil {
			return err
		}
		if err := bw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(p+".gz", gz.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write %s.gz: %w", p, err)
		}
		if err := os.WriteFile(p+".br", br.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write %s.br: %w", p, err)
		}
		return nil
	})
}
