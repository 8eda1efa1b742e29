#!/usr/bin/env bash
# Bytes a browser moves for a page (headers + bodies, as sent on the wire over HTTP/1.1), first visit and repeat view:
#   tools/bench/transfer.sh BASE_URL "COOKIE_HEADER" PAGE_URL...
# First visit: the page and every stylesheet, script and icon it links, asking for Brotli or gzip as browsers do.
# Repeat view: the page again; a linked file whose Cache-Control says immutable or max-age > 0 comes from the
# browser's cache (0 bytes), any other is revalidated with If-None-Match (a 304 costs its headers).
set -euo pipefail
export LC_ALL=C
base=$1 cookie=$2
shift 2

bytes() { curl -s -o /dev/null -w '%{size_header} %{size_download}' "$@" | awk '{ print $1 + $2 }'; }

printf '%-55s %12s %12s %8s\n' "page" "first KB" "repeat KB" "files"
for page in "$@"; do
  html=$(curl -s --compressed -H "Cookie: $cookie" "$page")
  first=$(bytes -H "Cookie: $cookie" -H "Accept-Encoding: br, gzip" "$page")
  repeat=$first
  files=0
  for asset in $(grep -oE '(href|src)="/[^"]+\.(css|js|ico)(\?[^"]*)?"' <<<"$html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
    files=$((files + 1))
    first=$((first + $(bytes -H "Accept-Encoding: br, gzip" "$base$asset")))
    headers=$(curl -s -D - -o /dev/null -H "Accept-Encoding: br, gzip" "$base$asset" | tr -d '\r')
    if grep -qiE '^cache-control:.*(immutable|max-age=[1-9])' <<<"$headers"; then
      continue
    fi
    etag=$(grep -i '^etag:' <<<"$headers" | cut -d' ' -f2-)
    repeat=$((repeat + $(bytes -H "Accept-Encoding: br, gzip" -H "If-None-Match: $etag" "$base$asset")))
  done
  printf '%-55s %12.1f %12.1f %8d\n' "${page#"$base"}" "$(awk -v b="$first" 'BEGIN { print b / 1024 }')" \
    "$(awk -v b="$repeat" 'BEGIN { print b / 1024 }')" "$files"
done
