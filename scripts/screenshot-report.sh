#!/usr/bin/env bash
# Renders a kube-reach HTML report in headless Chromium (Debian package `chromium`) and saves a
# full-page PNG screenshot, so the report can be looked at as a browser shows it.
#
#   scripts/screenshot-report.sh REPORT.html OUT.png [WIDTH HEIGHT]
#
# Network access is disabled for the browser (a self-contained report needs none). Exits 3 when
# chromium is not installed (tests skip on that), 1 when the screenshot was not written.
set -euo pipefail
html=${1:?usage: screenshot-report.sh REPORT.html OUT.png [WIDTH HEIGHT]}
out=${2:?usage: screenshot-report.sh REPORT.html OUT.png [WIDTH HEIGHT]}
width=${3:-1400}
height=${4:-4000}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "chromium not installed (apt-get install chromium)" >&2; exit 3; fi
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --proxy-server to a closed port: any fetch the page tried would fail instead of leaving the machine.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
  --window-size="${width},${height}" --screenshot="$abs_out" "file://$abs_html" >/dev/null 2>&1 || true
if [ ! -s "$abs_out" ]; then echo "no screenshot written to $abs_out" >&2; exit 1; fi
echo "wrote $abs_out"
