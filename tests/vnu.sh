#!/usr/bin/env bash
# Checks every static output of every example brief with the Nu HTML Checker
# (vnu.jar, from npm `vnu-jar` in tools/; needs Java 11+): `render` (each
# theme and layout), `render --email`, `render --declarative-shadow-dom` and `page`, and every page of a site
# made by `site` from all of them (pages, embed pages, the index). Fragments
# are wrapped in a minimal valid document. Any error fails; warnings are not
# errors.
#
#   bash tests/vnu.sh            (from the repository root or anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=tools/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$jar" ]; then
  echo "vnu.sh: $jar is missing; run: (cd tools && npm ci)" >&2
  exit 2
fi
command -v java >/dev/null || { echo "vnu.sh: java is not installed" >&2; exit 2; }

cargo build --quiet --bin brief-card
bin="${CARGO_TARGET_DIR:-target}/debug/brief-card"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

wrap() { # wrap FRAGMENT-FILE: the fragment inside a minimal document
  printf '<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title></head><body>'
  cat "$1"
  printf '</body></html>\n'
}

# Besides the examples: a brief with every field (image, logo, relative
# URLs, long sections) and one whose text is hostile markup.
cat >"$out/every-field.json" <<'JSON'
{
  "id": "every-field", "kind": "Analysis", "title": "Every field", "date": "2023-06-13T09:30:00+02:00",
  "url": "/briefs/every-field", "lang": "en-GB", "dir": "auto",
  "publisher": {"name": "Example Institute", "url": "https://example.org/", "logo": "/logo.png"},
  "image": {"src": "img/lead.jpg", "alt": "A delegation on a runway", "caption": "Caracas, June 12", "width": 1200, "height": 675},
  "summary": {"heading": "Summary", "paragraphs": ["Plain.", ["Run ", {"text": "link", "href": "../x?y=1#z", "em": true, "strong": true}, {"text": "mail", "href": "mailto:desk@example.org"}]]},
  "quotes": [{"text": ["Quoted ", {"text": "words", "em": true}], "author": "A. Expert", "role": "Fellow", "url": "//people.example.org/a"}, {"text": "Second.", "author": "B"}],
  "sections": [{"heading": "One", "paragraphs": ["a", "b", "c", "d", "e", "f", "g"]}, {"heading": "Empty", "paragraphs": []}],
  "related": [{"title": "R1", "url": "related/1", "date": "2023-05-01", "kind": "Memo", "author": "B"}, {"title": "R2", "url": "https://example.org/r2"}, {"title": "R3", "url": "https://example.org/search?filter[tag]=x&ids[]=1#n[2]"}],
  "tags": [{"label": "Tag", "url": "/tags/t?page[number]=2"}, {"label": "Plain tag"}],
  "labels": {"readMore": "Read it all", "tags": "Topics"}
}
JSON
cat >"$out/hostile.json" <<'JSON'
{
  "id": "h", "kind": "</script><script>alert(1)</script>", "title": "</script><script>alert(1)</script><!--",
  "url": "https://example.org/?q=\"><script>alert(1)</script>",
  "summary": {"paragraphs": ["<b>not bold</b> & <i>not italic</i> -->", [{"text": "</a><a href=x>", "href": "https://example.org/a b"}]]},
  "quotes": [{"text": "\" onmouseover=\"alert(1)", "author": "<img src=x onerror=alert(1)>"}],
  "tags": [{"label": "\u2028\u2029\u0000"}]
}
JSON

base=https://example.org/briefs/
n=0
for json in www/briefs/*.json "$out/every-field.json" "$out/hostile.json"; do
  name=$(basename "$json" .json)
  for theme in light dark auto; do
    for layout in full compact; do
      "$bin" render --theme "$theme" --layout "$layout" "$json" >"$out/frag"
      wrap "$out/frag" >"$out/$name.render-$theme-$layout.html"
      n=$((n + 1))
    done
  done
  "$bin" render --link-target _blank --locale de "$json" >"$out/frag"
  wrap "$out/frag" >"$out/$name.render-blank.html"
  "$bin" render --email --base-url "$base" "$json" >"$out/frag"
  wrap "$out/frag" >"$out/$name.email.html"
  "$bin" render --email --theme dark --layout compact --base-url "$base" "$json" >"$out/frag"
  wrap "$out/frag" >"$out/$name.email-dark-compact.html"
  "$bin" render --declarative-shadow-dom --theme dark --heading-level 3 "$json" >"$out/frag"
  wrap "$out/frag" >"$out/$name.declarative.html"
  "$bin" page "$json" >"$out/$name.page.html"
  "$bin" page --theme auto --base-url "$base" --link-target _blank "$json" >"$out/$name.page-auto.html"
  n=$((n + 6))
done

# A site of every brief above. The element and wasm are stand-ins: only the
# HTML is checked here (tests/site.rs checks the files are copied).
mkdir -p "$out/briefs" "$out/assets/pkg"
cp www/briefs/*.json "$out/every-field.json" "$out/hostile.json" "$out/briefs/"
: >"$out/assets/brief-card.js"; : >"$out/assets/pkg/brief_card.js"; : >"$out/assets/pkg/brief_card_bg.wasm"
"$bin" site "$out/briefs" --out "$out/site" --base-url "$base" --assets "$out/assets" --theme auto >/dev/null
mapfile -t site_pages < <(find "$out/site" -name '*.html' | sort)
n=$((n + ${#site_pages[@]}))

echo "vnu.sh: checking $n documents (${#site_pages[@]} of them from brief-card site)"
if java -jar "$jar" --errors-only --format gnu "$out"/*.html "${site_pages[@]}"; then
  echo "vnu.sh: $n passed, 0 failed"
else
  echo "vnu.sh: the Nu HTML Checker found errors (above)" >&2
  exit 1
fi
