#!/usr/bin/env bash
# Fails when the download of the release build (the wasm, wasm-bindgen's
# glue, its JS snippets and www/brief-card.js) exceeds the budget,
# compressed with gzip -9. Sizes are deterministic, unlike times, so this is
# a test; times live in the benchmark. Brotli (what most servers send today)
# is reported too.
#
# Two gzip counts: GNU gzip -9, and Node's zlib at level 9 (what a benchmark
# written in Node, like bench/run.mjs, counts; it comes out a little
# larger). The ceiling holds for the larger of the two.
#
# The target (issue "Back on the named stack") is 64 KiB; the build on the
# named stack with JSON-LD input is not there yet (see bench/README.md,
# "Where the bytes are"). Until it is, CEILING is a ratchet at today's size,
# so the download can only shrink: lower it whenever a change does.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=65536                             # 64 KiB, reported
BUDGET=${SIZE_BUDGET_GZIP:-182422}       # the ratchet, enforced: bench/HISTORY.md ("The size ratchet") lists what raised it
[ -f pkg/brief_card_bg.wasm ] || { echo "pkg/ is missing: run bash scripts/build.sh first" >&2; exit 2; }
files=(pkg/brief_card_bg.wasm pkg/brief_card.js)
while IFS= read -r f; do files+=("$f"); done < <(find pkg/snippets -name '*.js' 2>/dev/null | sort)
[ -f www/brief-card.js ] && files+=(www/brief-card.js)
brotli_size() { if command -v brotli >/dev/null; then brotli -q 11 -c "$1" | wc -c; else node -e 'process.stdout.write(String(require("zlib").brotliCompressSync(require("fs").readFileSync(process.argv[1])).length))' "$1"; fi; }
total=0 total_node=0 total_br=0
printf '%-60s %10s %12s %12s %12s\n' "" "raw" "gzip -9" "Node zlib 9" "brotli 11"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli_size "$f")
  node_gz=$(node -e 'process.stdout.write(String(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length))' "$f")
  printf '%-60s %8d B %10d B %10d B %10d B\n' "$f" "$raw" "$gz" "$node_gz" "$br"
  total=$((total + gz)) total_node=$((total_node + node_gz)) total_br=$((total_br + br))
done
printf '%-60s %10s %10d B %10d B %10d B   (ceiling %d B gzip; target %d B)\n' "total" "" "$total" "$total_node" "$total_br" "$BUDGET" "$TARGET"
if [ "$total" -gt "$BUDGET" ] || [ "$total_node" -gt "$BUDGET" ]; then
  echo "size ceiling exceeded" >&2
  exit 1
fi
[ "$total_node" -le "$TARGET" ] || echo "note: $((total_node - TARGET)) B over the 64 KiB target"

