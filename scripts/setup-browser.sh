#!/bin/sh
# Installs Debian's Chromium for the playground's end-to-end tests (playwright-core drives it).
# Skipped when /usr/bin/chromium already exists. Never uses `npx playwright install`.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-cjk
