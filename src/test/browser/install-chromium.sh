#!/usr/bin/env bash
# Installs Debian's headless Chromium and its ChromeDriver for the browser tests, when they are missing.
# Never fails the build: where nothing can be installed it says so, and the browser tests then skip
# with that message (or fail, under CI=true, where they must run).
set -uo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "mpgov browser tests: no apt-get here; install Chromium and ChromeDriver yourself (packages chromium, chromium-driver)."
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "mpgov browser tests: not root and no password-less sudo; run: sudo apt-get install -y chromium chromium-driver"
    exit 0
  fi
fi
echo "mpgov browser tests: installing chromium and chromium-driver from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >/tmp/mpgov-chromium-install.log 2>&1; then
  $SUDO apt-get update -q >>/tmp/mpgov-chromium-install.log 2>&1
  $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >>/tmp/mpgov-chromium-install.log 2>&1 \
    || echo "mpgov browser tests: installing Chromium failed; see /tmp/mpgov-chromium-install.log"
fi
exit 0
