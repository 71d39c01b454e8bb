#!/usr/bin/env bash
# Fails if the JavaScript that ships with the widget can evaluate strings as
# code or parse strings as HTML: eval(, new Function, innerHTML, outerHTML,
# insertAdjacentHTML, document.write (and the other HTML-parsing sinks:
# createContextualFragment, setHTMLUnsafe, parseHTMLUnsafe, DOMParser, srcdoc).
# Comments are stripped first (brief-card.js says "no innerHTML, no eval" in one).
#   bash tests/hostile/glue-check.sh                 # the glue, its JS snippets (pkg/snippets/) and www/brief-card.js
#   bash tests/hostile/glue-check.sh FILE...         # other files
# A self-test (a planted `el.innerHTML = x`) runs first, so a broken pattern cannot pass silently.
set -euo pipefail
cd "$(dirname "$0")/../.."

# (`Function(` inside a template literal, as wasm-bindgen's debugString writes
# a function's description, is text: a backtick before it is not a call.)
PATTERN='\beval[[:space:]]*\(|new[[:space:]]+Function\b|(^|[^`A-Za-z0-9_$.])Function[[:space:]]*\(|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write(ln)?\b|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|\bDOMParser\b|\bsrcdoc\b'

# Prints the code of FILE without /* */ and // comments (a // that follows a ':' as in URLs is kept).
strip_comments() {
  perl -0777 -pe 's{/\*.*?\*/}{ }gs; s{(^|[\s;{}(),])//[^\n]*}{$1}g' "$1"
}

check() {
  local file=$1 hits
  if [ ! -f "$file" ]; then echo "glue-check: $file is missing (run bash scripts/build.sh)" >&2; return 2; fi
  hits=$(strip_comments "$file" | grep -nE "$PATTERN" || true)
  if [ -n "$hits" ]; then
    echo "glue-check: FAIL $file:" >&2
    echo "$hits" | cut -c1-200 >&2
    return 1
  fi
  echo "glue-check: ok   $file ($(wc -c <"$file") bytes)"
}

# Self-test: each forbidden form must be caught, and a comment mentioning them must not be.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '// no innerHTML, no eval( here' '/* document.write( */' 'const u = "https://example.org/";' >"$tmp/clean.js"
check "$tmp/clean.js" >/dev/null || { echo "glue-check: self-test failed: a comment was flagged" >&2; exit 3; }
for bad in 'el.innerHTML = x;' 'eval(s)' 'new Function("x")' 'document.write(s)' 'el.insertAdjacentHTML("beforeend", s)' 'n.outerHTML = s' 'x; Function("a")()'; do
  printf '%s\n' "const ok = 1; $bad" >"$tmp/bad.js"
  if check "$tmp/bad.js" >/dev/null 2>&1; then echo "glue-check: self-test failed: not caught: $bad" >&2; exit 3; fi
done

status=0
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(pkg/brief_card.js www/brief-card.js)
  while IFS= read -r f; do files+=("$f"); done < <(find pkg/snippets -name '*.js' 2>/dev/null | sort)
  [ ${#files[@]} -gt 2 ] || { echo "glue-check: no JS snippets in pkg/snippets/ (run bash scripts/build.sh)" >&2; exit 2; }
fi
for f in "${files[@]}"; do check "$f" || status=1; done
exit $status
