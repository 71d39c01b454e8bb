#!/usr/bin/env bash
# Fails when the download (wasm + JS glue + www/brief-card.js) of the
# release build exceeds the budget, gzip-compressed. Sizes are deterministic,
# unlike times, so this is a test; times live in the benchmark.
#
# Two gzip counts: GNU gzip -9, and Node's zlib at level 9 (what a benchmark
# written in Node, like bench/run.mjs, counts; Node's zlib is Chromium's
# fork, whose matcher finds fewer short matches: on the wasm it comes out
# about 2 % larger). The budget holds for the larger of the two.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$PATH"
# The goal of the issue "Performance and size" is 30 KB; held here as
# 30,000 B, the stricter reading of it (30 KiB would be 30,720 B).
BUDGET=${SIZE_BUDGET_GZIP:-30000}
files=(pkg/brief_card_bg.wasm pkg/brief_card.js)
shopt -s nullglob
files+=(pkg/snippets/*/src/*.js)   # none: scripts/package.mjs inlines src/host.js and src/dom_builder.js into the glue
[ -f www/brief-card.js ] && files+=(www/brief-card.js)
total=0 total_node=0
printf '%-28s %10s %14s %14s\n' "" "raw" "gzip -9" "Node zlib 9"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  node_gz=$(node -e 'process.stdout.write(String(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length))' "$f")
  printf '%-28s %8d B %12d B %12d B\n' "$f" "$raw" "$gz" "$node_gz"
  total=$((total + gz)) total_node=$((total_node + node_gz))
done
printf '%-28s %10s %12d B %12d B   (budget %d B)\n' "total" "" "$total" "$total_node" "$BUDGET"
if [ "$total" -gt "$BUDGET" ] || [ "$total_node" -gt "$BUDGET" ]; then
  echo "size budget exceeded" >&2
  exit 1
fi
