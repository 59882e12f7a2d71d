#!/usr/bin/env bash
# Hostile input at full size: one line of LINE_GB gigabytes (default 2) with
# an e-mail address at its very end. Prints seconds, MB/s and peak memory of
# the scan and checks the address was found and memory stayed bounded.
#   bench/long_line.sh BINARY [LINE_GB]
set -euo pipefail
bin=$(realpath "$1")
gb=${2:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/long_line.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/share"
python3 - "$work/share/line.txt" "$gb" <<'PY'
import sys
path, gb = sys.argv[1], float(sys.argv[2])
chunk = (b'x' * 79 + b' ') * (1 << 14)   # 1.25 MiB of words, no newline
with open(path, 'wb') as f:
    for _ in range(int(gb * (1 << 30) / len(chunk))):
        f.write(chunk)
    f.write(b' end.of.line@example.com')
PY
bytes=$(stat -c %s "$work/share/line.txt")
/usr/bin/time -f '%e %M' -o "$work/time" "$bin" scan "$work/share" --case "$work/case" --quiet 2>/dev/null
read -r secs rss_kb < "$work/time"
found=$("$bin" export findings --case "$work/case" 2>/dev/null | grep -c 'end.of.line@example.com' || true)
awk -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v f="$found" 'BEGIN {
  printf "long line: %.2f GB in %.1f s, %.1f MB/s, peak RSS %.0f MiB, address found: %s\n",
         b / 1e9, s, b / 1e6 / s, r / 1024, (f > 0 ? "yes" : "NO") }'
[ "$found" -gt 0 ] && [ "$rss_kb" -lt $((512 * 1024)) ]
