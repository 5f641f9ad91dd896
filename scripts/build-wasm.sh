#!/usr/bin/env bash
# `make wasm`: builds the npm package's WebAssembly into pkg/ and prints its size.
#   cargo (wasm32, profile `wasm` = release at opt-level z, no CLI) -> wasm-bindgen --target web -> wasm-opt -Oz (npm binaryen)
# The hand-written files of pkg/ (package.json, index.js, node.js, *.d.ts, adapters) are
# committed; what this script writes there is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-wasm.sh

CARGO=${CARGO:-cargo}
# opt-level z inlines almost nothing (LLVM's threshold 5): at 75 the module is ~6 KB larger
# gzipped and lint about 1.35x faster (a 1 KB lint call ~110 -> ~80 us); 25 gains half as much,
# 100 and 150 cost more for no further speed, opt-level s is larger and no faster
# (docs/notes-wasm.md). Only this build, not the wasm tests.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -C llvm-args=-inline-threshold=75" \
  "$CARGO" build --locked --profile wasm --lib --target wasm32-unknown-unknown --no-default-features

out=pkg
rm -f "$out"/doris_lint*.js "$out"/doris_lint*.d.ts "$out"/*.wasm
rm -rf "$out"/snippets
wasm-bindgen target/wasm32-unknown-unknown/wasm/doris_lint.wasm \
  --out-dir "$out" --out-name doris_lint --target web --no-typescript
# -Oz, except that a function with one caller is inlined only when small
# (--one-caller-inline-max-function-size=20): binaryen's default inlines every such function,
# which makes the module smaller raw but about 7 KB larger gzipped (less repetition for gzip to
# find). Functions of up to 6 instructions are inlined everywhere (--always-inline-max-function-size,
# default 2): the size-optimised Rust leaves many tiny accessors and iterator steps as calls, and
# inlining them made the module ~900 bytes smaller gzipped and no slower (2-12: 6 is the smallest).
# No name section, producers, target features or DWARF: only what runs is shipped.
tools/node_modules/.bin/wasm-opt -Oz --one-caller-inline-max-function-size=20 --always-inline-max-function-size=6 --converge \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --strip-debug --strip-producers --strip-target-features \
  "$out"/doris_lint_bg.wasm -o "$out"/doris_lint_bg.wasm

size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
wasm="$out/doris_lint_bg.wasm"
glue="$out/doris_lint.js"
total_raw=$(( $(size "$wasm") + $(size "$glue") ))
total_gz=$(( $(gz "$wasm") + $(gz "$glue") ))
printf '%-28s %9s %9s\n' file raw gzip
printf '%-28s %9d %9d\n' "$wasm" "$(size "$wasm")" "$(gz "$wasm")"
printf '%-28s %9d %9d\n' "$glue" "$(size "$glue")" "$(gz "$glue")"
printf '%-28s %9d %9d  (bar: under 153600 gzipped)\n' total "$total_raw" "$total_gz"
if [ "$total_gz" -ge 153600 ]; then
  echo "build-wasm: the .wasm plus JS glue is $total_gz bytes gzipped, over the 150 KB bar" >&2
  exit 1
fi
