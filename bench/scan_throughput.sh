#!/usr/bin/env bash
# Scan throughput and peak memory on a generated share.
#
#   bench/scan_throughput.sh [SIZE_MB] [THREADS]
#
# Generates (once, cached under build/bench-share-SIZE) a synthetic clinic
# share of about SIZE_MB megabytes (default 500), scans it into a fresh case
# with THREADS workers (default: all cores) and prints MB/s and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-500}"
threads="${2:-$(nproc)}"
share="build/bench-share-${size_mb}"
case_dir="build/bench-case"

if [ ! -f "${share}.done" ]; then
  rm -rf "${share}"
  echo "generating a ${size_mb} MB share in ${share} ..."
  python3 tools/generate_share.py --out "${share}" --seed 1 \
    --size-mb "${size_mb}" --truth "${share}.truth.jsonl" > /dev/null
  touch "${share}.done"
fi

bytes=$(du -sb "${share}" | cut -f1)
rm -rf "${case_dir}"
sync
/usr/bin/time -f '%e %M' -o build/bench-time.txt \
  build/breachscope scan "${share}" --case "${case_dir}" --threads "${threads}" --quiet
read -r seconds max_rss_kb < build/bench-time.txt
findings=$(build/breachscope summary --case "${case_dir}" --json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["findings"])')
python3 - "$bytes" "$seconds" "$max_rss_kb" "$threads" "$findings" <<'PY'
import sys
size, secs, rss_kb, threads, findings = (float(sys.argv[1]), float(sys.argv[2]),
                                          int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
mb = size / 1e6
print(f"share: {mb:.1f} MB on disk, {threads} threads")
print(f"time: {secs:.2f} s   throughput: {mb / secs:.1f} MB/s "
      f"({mb / secs / threads:.1f} MB/s per thread)")
print(f"findings: {findings} ({findings / secs:.0f}/s)   peak RSS: {rss_kb / 1024:.1f} MiB")
PY
