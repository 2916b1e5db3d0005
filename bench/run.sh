#!/usr/bin/env bash
# The performance harness (docs/performance.md): publishes a generated corpus of N Markdown
# articles with the settings a user gets (archive pages and .gz on) and prints a table of wall
# time, CPU time and peak RSS for
#   cold       empty store and feed directory, `publish` as a whole process
#   no change  `publish` again
#   new / edit one new or one edited article, as a `publish` process
#   cold, archives off   a second row, the same with Feeds:ArchivePageSize=0
#   reference  the same file set written plainly by node's `feed` package (bench/reference),
#              in the same run
#   service    one new / one edited article inside `run`: from the file's write to the changed
#              feed being in place (the watcher's debounce included, and reported apart)
# and the program's own stage breakdown of the cold run, its collector's figures, and the floor:
# the same bytes gzipped and written by a plain script (bench/floor.py).
# Usage: bench/run.sh N [work-folder]     (CI runs it with N=1000 to keep it working)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: bench/run.sh N [work-folder]}
work=${2:-$(mktemp -d)}
corpus="$work/corpus-$n"
port=$((18100 + RANDOM % 500))
debounce=200

# Measured as deployed (README, "Installing"): a Release build compiled ahead of time (ReadyToRun),
# so start-up and the first thousand articles do not run on the JIT's unoptimized first tier.
dotnet publish src/FeedPublisher -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/bin" -nologo -v quiet >/dev/null
bin="dotnet $work/bin/feedpublisher.dll"
[ -d "$corpus" ] || /usr/bin/python3 bench/generate_corpus.py "$n" "$corpus"
rm -rf "$work/state" "$work/feeds"
common=(--articles "$corpus" --feeds "$work/feeds" --store "$work/state/store.db" --base-url "http://127.0.0.1:$port/")

row() { # label: prints the table row of the command just timed into $work/time
  read -r wall user sys rss <"$work/time"
  printf '| %s | %s s | %s s | %d MiB |\n' "$1" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" "$((rss / 1024))"
}
measure() { # label, then the command's own arguments
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" $bin publish "${common[@]}" "$@" >"$work/out" 2>"$work/err"
  row "$label"
}
files() { find "$1" -type f ! -path '*/.*' | wc -l; }

# The corpus is read once first: a cold run means an empty store and feed directory, not files
# that the kernel has dropped from its page cache (this machine reclaims idle cache on its own).
read_start=$(date +%s%N)
find -L "$corpus" -type f -print0 | xargs -0 cat >/dev/null
read_ms=$(( ($(date +%s%N) - read_start) / 1000000 ))
echo "N = $n articles ($(du -shL "$corpus" | cut -f1) of Markdown; reading every file once with cat: $read_ms ms)"
echo
echo "| run | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
measure "cold"
cut -d' ' -f1 "$work/time" >"$work/cold-wall"
grep '^Stages' "$work/out" >"$work/stages"
grep '^Memory' "$work/out" >"$work/memory"
ours_files=$(files "$work/feeds")
measure "no change"
new="$corpus/000/zz-new-article.md"
printf -- '---\ntitle: A New Article\nauthor: Ada Okafor\ncategories: [World]\n---\n\nAccording to Reuters, something new happened.\n' >"$new"
measure "one new article"
first=$(find -L "$corpus" -name 'article-000000.md')
printf '\nAn added paragraph.\n' >>"$first"
measure "one edited article"
rm -f "$new"
$bin publish "${common[@]}" >/dev/null 2>&1

# A second row: the same cold publish without archive pages.
rm -rf "$work/state-noarchive" "$work/feeds-noarchive"
/usr/bin/time -f "%e %U %S %M" -o "$work/time" $bin publish --articles "$corpus" --feeds "$work/feeds-noarchive" \
  --store "$work/state-noarchive/store.db" --base-url "http://127.0.0.1:$port/" --Feeds:ArchivePageSize=0 >/dev/null 2>&1
row "cold, archives off"

# The reference: the same file set written plainly (bench/reference/reference.mjs), same corpus, same run.
if command -v node >/dev/null; then
  [ -d bench/reference/node_modules ] || (cd bench/reference && npm ci --no-audit --no-fund --silent)
  rm -rf "$work/reference"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" node bench/reference/reference.mjs "$corpus" "$work/reference"
  row "reference: node \`feed\`, the same file set"
  reference_wall=$(cut -d' ' -f1 "$work/time")
  echo
  echo "Files written (without dotfiles): ours $ours_files, the reference's $(files "$work/reference")."
  awk -v o="$(sed -n 1p "$work/cold-wall" 2>/dev/null)" -v r="$reference_wall" 'BEGIN { if (o > 0) printf "Cold publish / reference: %.2f\n", o / r }'
else
  echo "| reference | skipped: node is not installed | | |"
fi

# Inside the running service: the time from writing a file to the changed feed being in place.
$bin run "${common[@]}" --Serve:Urls="http://127.0.0.1:$port" --Schedule:Publish="0 0 0 1 1 ? 2099" \
  --Schedule:DebounceMilliseconds=$debounce >"$work/run.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" | grep -q '"result":"ok"'; do sleep 0.2; done
in_service() { # label, file to write, text to wait for in categories/world/rss.xml or rss.xml
  local label=$1 file=$2 marker=$3 start end
  start=$(date +%s%N)
  cat >"$file"
  until grep -q "$marker" "$work/feeds/rss.xml" 2>/dev/null; do sleep 0.005; done
  end=$(date +%s%N)
  local total=$(( (end - start) / 1000000 ))
  sleep 0.2 # the log line follows the files
  local publish
  publish=$(grep -o 'Published in [0-9]* ms' "$work/run.log" | tail -1 | grep -o '[0-9]*')
  printf '| %s, inside the service | %d ms from the write (%d ms without the %d ms debounce); the publish itself: %d ms | | |\n' \
    "$label" "$total" "$((total - debounce))" "$debounce" "$publish"
}
# Dated after the corpus (2019-2025) and before today: an article dated ahead is scheduled, not published.
# One change first, unmeasured: the first publish of a process also pays for compiling its code paths.
printf -- '---\ntitle: Service Warm-up\nauthor: Ada Okafor\n---\n\nWarm-up.\n' | in_service "warm-up" "$corpus/000/zz-service-warm.md" "Service Warm-up" >/dev/null
rm -f "$corpus/000/zz-service-warm.md"; sleep 2 # and its removal published
printf -- '---\ntitle: Service Fresh Story\ndate: 2026-01-01T00:00:00Z\nauthor: Ada Okafor\n---\n\nThe BBC reported it.\n' | in_service "one new article" "$corpus/000/zz-service-new.md" "Service Fresh Story"
printf -- '---\ntitle: Service Edited Story\ndate: 2026-01-01T00:00:00Z\nauthor: Ada Okafor\n---\n\nThe BBC reported it again.\n' | in_service "one edited article" "$corpus/000/zz-service-new.md" "Service Edited Story"
kill -TERM $service; wait $service || true
rm -f "$corpus/000/zz-service-new.md"
echo
echo "Cold run, by stage (summed over threads): $(sed 's/^Stages: //' "$work/stages")"
echo "Cold run, the collector: $(sed 's/^Memory: //' "$work/memory")"
# What any publisher of the same files pays at least, on one core (bench/floor.py).
/usr/bin/python3 bench/floor.py "$work/feeds"
