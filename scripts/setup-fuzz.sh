#!/usr/bin/env bash
# Installs what `make fuzz` / `make test-fuzz` need when it is missing: a nightly toolchain
# (libFuzzer's sanitizer flags need it) and `cargo-fuzz` from crates.io.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "setup-fuzz: installing the nightly toolchain"
  rustup toolchain install nightly --profile minimal
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "setup-fuzz: installing cargo-fuzz (takes a few minutes)"
  # --locked first (reproducible); without it when the locked set wants a crate version the
  # registry here lacks.
  nice -n 10 cargo install cargo-fuzz --locked || nice -n 10 cargo install cargo-fuzz
fi
