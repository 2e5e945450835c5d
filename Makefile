# Chronik: build, run and test the widget.
#
#   make run                       serve the widget on http://127.0.0.1:8000
#   make test                      unit, WASM (node) and browser (Chromium) tests
#   make static DIR=public BASE=/chronik
#   make static ARTICLES=~/my-articles   build a widget from your own articles

GO       ?= go
ADDR     ?= 127.0.0.1:8000
DIR      ?= public
BASE     ?=
ARTICLES ?=
WASM     := web/app.wasm
GOROOT   := $(shell $(GO) env GOROOT)
# Go's runner for GOOS=js tests (node).
WASMEXEC := $(GOROOT)/lib/wasm

.PHONY: all generate wasm-exec build run static test test-unit test-wasm test-e2e deps tools bench screenshot relevance fuzz corpus vet clean

all: build

# Parse the articles and build the search index (embed/data). Point
# ARTICLES at another folder to build a widget from your own articles.
generate:
	CHRONIK_ARTICLES="$(if $(ARTICLES),$(abspath $(ARTICLES)))" $(GO) generate ./embed

# wasm_exec.js must come from the toolchain that builds app.wasm; build
# refreshes it, and TestWasmExecMatchesToolchain catches a stale copy.
wasm-exec:
	cmp -s $(GOROOT)/lib/wasm/wasm_exec.js wasm_exec.js || cp $(GOROOT)/lib/wasm/wasm_exec.js wasm_exec.js

build: generate wasm-exec
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(WASM) .
	$(GO) build -o chronik .

run: build
	./chronik -addr $(ADDR) -wasm $(WASM)

# The static site in DIR, for hosting under BASE. With ARTICLES, the widget
# is built from that folder (chronik static -articles builds its own
# app.wasm) and the committed embed/data is left as it is.
static: $(if $(ARTICLES),wasm-exec,build)
	$(if $(ARTICLES),$(GO) run . static -base "$(BASE)" -articles "$(ARTICLES)" $(DIR),./chronik static -base "$(BASE)" -wasm $(WASM) $(DIR))

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/ ./embed/ ./search/...

# The tests run on the committed embed/data, so a stale one fails
# TestGeneratedDataMatchesArticles instead of being quietly regenerated.
test: vet test-unit test-wasm test-e2e

test-unit:
	$(GO) test -count=1 -skip E2E ./...

# The components and the data they load, compiled to WASM and run under node.
test-wasm:
	PATH="$(WASMEXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./app/ ./embed/...

# The npm test tools, pinned, in the git-ignored .cache/npm: axe-core for
# the accessibility tests; minisearch, lunr and lunr-languages for the
# search-engine comparison (perf_engines_test.go, -tags bench); pagefind
# (with its binary, @pagefind/linux-x64 or the like) for make bench. Installed
# only when one is missing or of another version, and then all together:
# npm install --no-save removes from node_modules every package it is not
# told to install, so installing just the missing one would drop the rest.
# Without npm the accessibility tests skip (and fail under CI).
AXE_VERSION        := 4.14.1
MINISEARCH_VERSION := 7.2.0
LUNR_VERSION       := 2.3.9
LUNR_LANG_VERSION  := 1.22.0
PAGEFIND_VERSION   := 1.6.0
NPM_TOOLS   := .cache/npm
NPM_PKGS    := axe-core@$(AXE_VERSION) minisearch@$(MINISEARCH_VERSION) lunr@$(LUNR_VERSION) lunr-languages@$(LUNR_LANG_VERSION) pagefind@$(PAGEFIND_VERSION)

tools:
	@missing=; for p in $(NPM_PKGS); do \
	  grep -qs "\"version\": \"$${p##*@}\"" $(NPM_TOOLS)/node_modules/$${p%@*}/package.json || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  echo "npm install$$missing into $(NPM_TOOLS)"; \
	  npm install --no-save --no-audit --no-fund --prefix $(NPM_TOOLS) $(NPM_PKGS); \
	else \
	  echo "tools: npm not found, so the accessibility tests and the engine comparison will skip (apt-get install npm)"; \
	fi

# The Debian packages of the browser tests and make bench (chromium, node,
# npm), installed when missing; .ci/run uses the same script.
deps:
	bash .ci/deps

# End to end in headless Chromium against the real static build.
test-e2e: tools
	$(GO) test -count=1 -timeout 15m -run 'E2E' -v . 

# Every measurement of docs/performance.md in one run on this machine, which
# it then rewrites: the native benchmarks, benchstat-ready in
# docs/bench/native.txt, then in headless Chromium the bytes, cold loads,
# query latency, MiniSearch and Lunr side by side, and memory, at 5, 1,000
# and 10,000 articles (perf_test.go), with the engines at 1,000 and 10,000
# (CHRONIK_BENCH_ENGINE_SIZES).
# BENCH_SIZES=5 for a quick look. It installs chromium, node and npm when
# missing (make deps), and its npm tools (make tools).
BENCH_SIZES ?= 5,1000,10000
BENCH_COUNT ?= 5
bench: deps tools wasm-exec
	@mkdir -p docs/bench
	bash -o pipefail -c "$(GO) test -run '^$$' -bench . -benchmem -count $(BENCH_COUNT) ./search/... ./embed/... | tee docs/bench/native.txt"
	CHRONIK_BENCH_SIZES=$(BENCH_SIZES) $(GO) test -tags bench -count=1 -timeout 150m -run '^TestPerf$$' -v .

# Relevance of the German search: success@1, recall and MRR per query kind,
# for the full search and for the stemming-only baseline.
relevance:
	$(GO) run ./search/relevance/cmd/relevance

# A synthetic German news corpus of N articles in the git-ignored
# .cache/corpus/N, for scale tests: make corpus N=10000 [SEED=1], then
# make static ARTICLES=.cache/corpus/10000. The same N and SEED always give
# the same files.
N    ?= 1000
SEED ?= 1
corpus:
	$(GO) run ./embed/corpus/cmd/corpus -n $(N) -seed $(SEED) -out .cache/corpus/$(N)

# Each fuzz target in turn, FUZZTIME each (go test allows one target a run).
FUZZTIME ?= 2m
fuzz:
	@set -e; for pkg in ./search/ ./embed/ ./search/german/; do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$target"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# The README's screenshots in docs/screenshots/: 360px and 1280px wide, light
# and dark, taken in headless Chromium.
screenshot:
	$(GO) test -tags bench -count=1 -run 'E2EScreenshot' .

clean:
	rm -rf $(WASM) chronik $(DIR)
