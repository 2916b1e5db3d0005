#!/usr/bin/env bash
# Measures the built-in server under load on loopback with wrk (Debian package "wrk"):
# requests per second for full 200 answers and for 304 answers to conditional GETs.
# Usage: bench/serve-load.sh [seconds]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=18090
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/FeedPublisher -c Release -nologo -v quiet >/dev/null
bin=src/FeedPublisher/bin/Release/net10.0/feedpublisher.dll
dotnet "$bin" publish --feeds "$work/feeds" --store "$work/store.db" --base-url "http://127.0.0.1:$port/" >/dev/null 2>&1
dotnet "$bin" serve --feeds "$work/feeds" --store "$work/store.db" --Serve:Urls="http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done

url="http://127.0.0.1:$port/rss.xml"
etag=$(curl -sI "$url" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}')
bytes=$(stat -c %s "$work/feeds/rss.xml")
run() { wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$url" | awk '/Requests\/sec/ {rps=$2} /50%/ {p50=$2} /99%/ {p99=$2} /Non-2xx/ {non2xx=$5} /Socket errors/ {errors=$0} END {printf "%s | %s | %s | %s", rps, p50, p99, (errors == "" ? "none" : errors)}'; }
# Warm up the JIT and the ETag cache.
wrk -t1 -c8 -d2s "$url" >/dev/null
echo "| answer | requests/s | p50 | p99 | socket errors |"
echo "|---|---|---|---|---|"
echo "| 200, $bytes bytes of rss.xml | $(run) |"
echo "| 200, gzip (Accept-Encoding: gzip) | $(run -H 'Accept-Encoding: gzip') |"
echo "| 304 (If-None-Match) | $(run -H "If-None-Match: $etag") |"
