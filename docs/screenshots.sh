#!/usr/bin/env bash
# Keeps the screenshots in docs/ current: publishes the sample articles (articles/) with the
# program as built from this checkout, serves them with `feedpublisher serve` on a free port, and
# has headless Chromium photograph the index page (desktop width) and an article page (desktop
# and phone width). Run it after a change to IndexPageWriter or ArticlePageWriter, and commit the
# pictures with the change.
#
# Needs: the .NET SDK, and chromium (Debian: apt-get install chromium).
# Usage: bash docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chromium" ] || { echo "docs/screenshots.sh: chromium is not installed (apt-get install chromium)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build src/FeedPublisher -c Release -o "$work/bin" -v quiet -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/"
common=(--articles articles --feeds "$work/feeds" --store "$work/state/store.db" --Serve:Urls="http://127.0.0.1:$port")
dotnet "$work/bin/feedpublisher.dll" publish "${common[@]}" >/dev/null
dotnet "$work/bin/feedpublisher.dll" serve "${common[@]}" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "${base}healthz" >/dev/null && break; sleep 0.1; done

# The article page of the seed story: the index page's first headline that leads to a page of ours.
page=$(grep -o "href=\"${base}[0-9]\{4\}/[0-9]\{2\}/[^\"]*/\"" "$work/feeds/index.html" | head -1 | sed 's/^href="//; s/"$//')
shoot() { "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="$2" --screenshot="$1" "$3" >/dev/null 2>&1; echo "$1: $3 at $2"; }
shoot docs/index-page.png 1100,1500 "$base"
shoot docs/article-page.png 1100,1500 "$page"
shoot docs/article-page-phone.png 390,1200 "$page"
