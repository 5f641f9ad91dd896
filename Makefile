# The project's commands. `make demo` runs the main job on a bundled example; `make test` runs
# every test the project has. Each target installs what it needs (scripts/) when it is missing.

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: bench bench-deps demo test test-native build fuzz test-fuzz test-wasm test-js test-browser wasm playground playground-dist www-deps

## Lint the bundled example and show the diagnostics (exit code 1 there is expected: it has problems).
demo: build
	./target/release/doris-lint check examples/cluster.sql || test $$? -eq 1

## Benchmark: native throughput, scaling, pathological inputs and peak memory, then the wasm rows
## (bench/wasm.mjs in Node on the same generated scripts: throughput, 1 KB lint latency, size,
## and npm sql-formatter side by side). BENCH_FLAGS=--quick for a short run.
bench: wasm bench-deps
	$(CARGO) build --release --locked --example bench
	./target/release/examples/bench $(BENCH_FLAGS)
	@echo
	node bench/wasm.mjs $(BENCH_FLAGS) target/bench

bench-deps:
	@if [ bench/node_modules/.package-lock.json -nt bench/package-lock.json ]; then :; else \
	  cd bench && npm ci --no-audit --no-fund --loglevel=error; fi

build:
	$(CARGO) build --release --locked

## Every test: native (unit, fixtures, snapshots, property tests, corpus, differential parser
## test, hostile input), the wasm API in Node (test-wasm), the npm package through its public
## entries (test-js) and a short fuzzing run. The playground's browser suite (`make test-browser`)
## is not in it yet.
test: test-native test-wasm test-js test-fuzz

test-native:
	$(CARGO) test --locked

## Fuzz every cargo-fuzz target (fuzz/) for FUZZ_SECONDS each (default 180), seeded from the
## corpus and the fixtures; needs nightly and cargo-fuzz (scripts/setup-fuzz.sh installs them).
FUZZ_SECONDS ?= 180
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## A short fuzzing run for `make test`: 15 s per target.
test-fuzz:
	FUZZ_SECONDS=15 scripts/fuzz.sh

## The npm package's WebAssembly into pkg/ (wasm-bindgen + wasm-opt -Oz); prints its size.
wasm:
	scripts/build-wasm.sh

## The wasm API's own tests (tests/wasm_api.rs), run in Node by wasm-bindgen-test-runner.
test-wasm:
	scripts/setup-wasm.sh
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  $(CARGO) test --locked --target wasm32-unknown-unknown --no-default-features --test wasm_api

## The npm package through its public entries (tests/js: node --test, tsc, npm pack, a Vite
## build, wasm-vs-native on the corpus, hostile arguments).
test-js: wasm
	@if [ tests/js/node_modules/.package-lock.json -nt tests/js/package-lock.json ]; then :; else \
	  cd tests/js && npm ci --no-audit --no-fund --loglevel=error; fi
	cd tests/js && npm test

## The playground (www/): a production Vite build served at http://127.0.0.1:${PORT:-8080}
## (www/serve.mjs, with the page's Content-Security-Policy as a header).
playground: playground-dist
	node www/serve.mjs --port $${PORT:-8080} --host 127.0.0.1

## The playground as static files for the docs site, in www/dist (relative URLs: base './').
playground-dist: wasm www-deps
	cd www && npm run build

www-deps:
	@if [ www/node_modules/.package-lock.json -nt www/package-lock.json ]; then :; else \
	  cd www && npm ci --no-audit --no-fund --loglevel=error; fi

## The playground end to end in Debian's Chromium (playwright-core; scripts/setup-browser.sh
## installs Chromium when /usr/bin/chromium is missing). Screenshots of failures: test-results/.
test-browser: playground-dist
	scripts/setup-browser.sh
	cd www && npm test
