#!/usr/bin/env bash
# Debian packages the test suite needs: PostgreSQL 15 (the external-database pass), Chromium and
# fonts (browser tests and Hebrew pages), poppler-utils (pdftoppm: the invoice PDFs rendered to
# pictures the browser tests look at). Installs only what is missing; needs root or sudo.
set -euo pipefail
PACKAGES=(postgresql chromium fonts-noto-core fonts-dejavu-core culmus ca-certificates poppler-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${PACKAGES[*]}"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
