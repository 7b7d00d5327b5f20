#!/usr/bin/env bash
# Installs what only the tests need (Debian's chromium, the test extras, which include both
# engines) when missing, then runs the whole suite once on each engine the office may choose:
# MkDocs 1.6.1 and ProperDocs (REPLYSITE_ENGINE, see README "Supported versions and engines"). The whole suite, not a
# subset, on both: one run takes 3 to 4 minutes on 2 cores (about 800 tests), so both stay far
# below the budget (the whole script must stay under ~15 minutes; CI allows 90).
# Set REPLYSITE_ENGINE to run on that engine only. Safe to run again: installed parts are skipped.
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
status=0
for engine in ${REPLYSITE_ENGINE:-mkdocs properdocs}; do
  echo "== whole suite on $engine (REPLYSITE_ENGINE=$engine, $(python3 --version))"
  REPLYSITE_ENGINE=$engine python3 -m pytest -q "$@" || status=$?
done
exit $status
