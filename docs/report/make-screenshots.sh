#!/usr/bin/env bash
# Screenshots of each section of the case-study report, for docs/report/. Needs the built jar, Chromium
# (apt-get install chromium) and a JDK. Usage: bash docs/report/make-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
java -jar insight-examples/target/insight.jar demo --quiet --out "$work/demo" >/dev/null
for id in $(grep -o '<section id="[a-z-]*"' "$work/demo/report.html" | sed 's/.*id="\([a-z-]*\)"/\1/'); do
  # the page with every other section, the cover and the contents hidden
  sed "s#</style>#section:not(\#$id), nav, header.cover { display: none; }</style>#" "$work/demo/report.html" \
    > "$work/$id.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=1280,6000 --screenshot="$work/$id.png" "file://$work/$id.html" >/dev/null 2>&1
  java docs/report/Trim.java "$work/$id.png" "docs/report/$id.png"
  echo "docs/report/$id.png"
done
# the cover and contents
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1280,900 --screenshot="docs/report/cover.png" "file://$work/demo/report.html" >/dev/null 2>&1
echo docs/report/cover.png
rm -rf "$work"
