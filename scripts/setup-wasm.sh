#!/usr/bin/env bash
# Installs what `make wasm` needs when it is missing: the wasm32 target, the wasm-bindgen CLI at
# exactly the version of the `wasm-bindgen` crate in Cargo.lock, and wasm-opt from npm `binaryen`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup-wasm: installing wasm-bindgen-cli $want (takes a few minutes)"
  # Not --locked: the locked set wants a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  echo "setup-wasm: installing binaryen (wasm-opt) from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi
