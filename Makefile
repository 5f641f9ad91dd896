# The project's commands. `make demo` runs the main job on a bundled example; `make test` runs
# every test the project has. Each target installs what it needs (scripts/) when it is missing.

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: demo test test-native build

## Lint the bundled example and show the diagnostics (exit code 1 there is expected: it has problems).
demo: build
	./target/release/doris-lint check examples/cluster.sql || test $$? -eq 1

build:
	$(CARGO) build --release --locked

## Every test: native (unit, fixtures, snapshots, property tests, corpus).
test: test-native

test-native:
	$(CARGO) test --locked
