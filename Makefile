# The project's commands. `make demo` runs the main job on a bundled example; `make test` runs
# every test the project has. Each target installs what it needs (scripts/) when it is missing.

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: demo test test-native build fuzz test-fuzz

## Lint the bundled example and show the diagnostics (exit code 1 there is expected: it has problems).
demo: build
	./target/release/doris-lint check examples/cluster.sql || test $$? -eq 1

build:
	$(CARGO) build --release --locked

## Every test: native (unit, fixtures, snapshots, property tests, corpus).
test: test-native test-fuzz

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
