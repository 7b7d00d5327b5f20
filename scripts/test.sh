#!/usr/bin/env bash
# Installs what only the tests need (Debian's chromium, the test extras) when missing,
# then runs the whole suite. Safe to run again: installed parts are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages: chromium (page tests), tesseract with its Simplified Chinese model (import
# reads scanned PDFs through OCR, tested for real).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata 2>/dev/null)" ] || missing+=(tesseract-ocr-chi-sim)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -m pip install -q -e '.[test]'
exec python3 -m pytest -q "$@"
