#!/usr/bin/env bash
# Installs the Debian packages the tests need, once: PostgreSQL 15 for the server half of the
# suite, and Chromium with the Noto fonts for the browser tests (test/web). Always Debian's
# packages: a browser is never downloaded by npm or playwright.
set -euo pipefail

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
# fonts-noto-core shapes Arabic, Devanagari and Bengali; without it screens and PDFs show boxes.
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
# poppler-utils (pdftotext, pdffonts, pdftoppm) reads the contract PDFs back in the tests.
[ -x /usr/bin/pdftoppm ] || need+=(poppler-utils)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "corridor: the tests need Debian packages: ${need[*]} (run: sudo apt-get install -y --no-install-recommends ${need[*]})" >&2
    # PostgreSQL is required; without Chromium (or poppler-utils) only the browser and PDF tests are skipped (they say so).
    [[ " ${need[*]} " == *" postgresql "* ]] && exit 1
    exit 0
  fi
  echo "corridor: installing ${need[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
