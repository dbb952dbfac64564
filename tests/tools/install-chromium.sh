#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report's browser test (tests/tools/html-report.js), when it is missing and
# this user may install packages. Never fails the caller: without a browser that test skips with its reason.
set -u
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then exit 0; fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: no apt-get; the browser test of the HTML report will skip" >&2; exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "note: not root, chromium not installed; the browser test of the HTML report will skip" >&2; exit 0
fi
echo "installing chromium (browser test of the HTML report)..."
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; then
  apt-get update -q >/dev/null 2>&1
  apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
    || echo "warning: apt-get install chromium failed; the browser test of the HTML report will skip" >&2
fi
exit 0
