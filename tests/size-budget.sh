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
BUDGET=${SIZE_BUDGET_GZIP:-166000}       # the ratchet, enforced (raised 1.7 KB for server rendering, 1.7 KB for image sizes, 0.7 KB for JSON-LD values left out rather than refused, 0.5 KB for targets rendered into again, 1.2 KB for what a stress run of publishers' and hostile JSON-LD found: a url naming its own node, copies through @id held to a budget, long captions shortened, breadcrumbs, blank values, email links against the brief's page; 0.6 KB for a contract audit's: ports as the URL standard writes them, direction by script and for more languages, options.locale checked; 0.6 KB for the rest of schema.org's kinds of Article, JSON-LD paths and middle clicks; 0.2 KB for a card's own destroy() putting back what it kept in Rust, not reading it from the page; 0.2 KB for the element's lang and locale attributes; 0.2 KB for text without the code points HTML forbids and the element's updates in place; 0.1 KB for email images keeping their own width; 0.1 KB for the byte look before decoding text; 0.1 KB for naming each card's related-links landmark by its title; 0.1 KB for describing a quote's "Copy link" by its author; 0.4 KB for what a second stress run of JSON-LD found: one node written twice under its @id, references counted from articles and lists only, every kind of WebPage, blank list items, long lists cut to the card's 100 rather than refused, the commas of other scripts; 0.3 KB for email that Outlook, Yahoo and Gmail keep: divs for the sectioning elements, words that break at a phone's width, narrow images that shrink; 0.5 KB for JSON-LD without inLanguage taking the page's language, and names that are no language tag left out; 0.7 KB for JSON-LD articles described only by their articleBody, images given only as thumbnailUrl, and people named only by givenName and familyName; 2.4 KB for the reader's place (what they expanded, their focus) carried into a card built anew by an update, a re-render or a server-rendered card's upgrade; 0.6 KB for what a third stress run of JSON-LD found: a script too large beside the article left out, an article's address from the WebPage whose mainEntity it is, keywords split at semicolons, mainEntityOfPage true; 0.2 KB for cited works linked by sameAs or contentUrl and bylines written with their own "By"; 0.6 KB for the page's meta description as the summary of an article its JSON-LD describes nowhere; 0.5 KB for a fourth outside round of publishers' JSON-LD: over-long addresses left out, whole-article descriptions shortened, a Person naming several people, one-string keyword arrays, WordPress author pages of the publisher; 0.2 KB for a review's fixes: URLs held to the limit once resolved, one language-tag rule, built-in words in any case, a destroy during an update; 1.3 KB for the URL policy on std and percent-encoding instead of its hand-written byte loops; 1.5 KB for the fifth JSON-LD round's, an outside contract check's and a review's fixes: a part's parts walked for cycles however deep, the `;` of a character reference kept in keywords, cited addresses however spaced, a feed's ids checked, list items past the limit counted not read; 0.5 KB for an accessibility audit's: English words marked as English in a card of another language, the focus kept after a fallback copy and when an update removes its element, a feed's anchors kept apart; 0.7 KB for "Link copied" shown on the button for a moment (a timer's closure) and English words marked inside "By …" and "Updated …"; 0.5 KB for a newsletter check's: Outlook's table around the email column, an email image's height scaled with its width, light-DOM cards' own "Show more" ids; 1.0 KB for JSON-LD's stories found through maps of their pages and headlines instead of by comparing each article with each story, which froze a tab for 16 s at 9,990 articles; 0.4 KB for JSON-LD text read with its HTML character references decoded and paywalled parts left out; 0.3 KB for page scripts read inside an HTML comment or CDATA wrapper; 0.5 KB for a review's fixes: windows-1252 numbers among the references, a script unwrapped only when it opens as one and is within its limit, a light-DOM card's number kept by its updates, the copy's tick with its own timer; 1.0 KB for an international check's and a lifecycle check's: a text's directional controls kept inside it, "blank" meaning nothing to show, an expanded block's button relabelled by an update in place, the element keeping its card through a move, the page's language read across shadow roots, cards rendered for printing)
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

