#!/usr/bin/env bash
# Headless browser for the web tests: Debian's chromium and chromium-driver (never a downloaded
# browser). Installs them with apt-get when /usr/bin/chromium or /usr/bin/chromedriver is missing.
# Usage: scripts/browser-deps.sh          (idempotent; prints what it found)
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "browser-deps: chromium and chromedriver present" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser-deps: apt-get not available; install chromium and chromium-driver by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "browser-deps: not root and no sudo; cannot install chromium" >&2; exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo "browser-deps: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)" >&2
