#!/usr/bin/env bash
# Text-PDF pages per second, end to end (poppler extraction + detection +
# store), and peak memory.
#
#   bench/document_pages.sh [PAGES] [THREADS] [BINARY] [text|scan]
#
# Writes (once, cached beside the binary as bench-pdf-PAGES) PAGES pages of synthetic
# lab reports as 40 PDFs (tools/make_document_fixtures.py --bench; needs
# python3-reportlab), scans them into a fresh case with THREADS workers
# (default: all cores) and prints pages/s, MB/s and peak RSS. `scan` writes
# the pages as images without a text layer instead, which measures OCR.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-2000}"
threads="${2:-$(nproc)}"
binary="${3:-build/breachscope}"
kind="${4:-text}"
work="$(dirname "${binary}")"
share="${work}/bench-pdf-${kind}-${pages}"
case_dir="${work}/bench-pdf-case"

if [ ! -f "${share}.done" ]; then
  rm -rf "${share}"
  echo "writing ${pages} PDF pages in ${share} ..."
  flag="--bench"
  [ "${kind}" = scan ] && flag="--bench-scans"
  /usr/bin/python3 tools/make_document_fixtures.py "${flag}" "${pages}" "${share}"
  touch "${share}.done"
fi

bytes=$(du -sb "${share}" | cut -f1)
rm -rf "${case_dir}" "${case_dir}.key"
/usr/bin/time -f '%e %M' -o ${work}/bench-pdf-time.txt \
  "${binary}" scan "${share}" --case "${case_dir}" --threads "${threads}" --quiet
read -r seconds max_rss_kb < ${work}/bench-pdf-time.txt
findings=$("${binary}" summary --case "${case_dir}" --json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["findings"])')
python3 - "$pages" "$bytes" "$seconds" "$max_rss_kb" "$threads" "$findings" "$kind" <<'PY'
import sys
pages, size, secs, rss_kb, threads, findings = (int(sys.argv[1]), float(sys.argv[2]),
    float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
print(f"{sys.argv[7]} PDFs: {pages} pages, {size / 1e6:.1f} MB, {threads} threads")
print(f"time: {secs:.2f} s   {pages / secs:.2f} pages/s "
      f"({pages / secs / threads:.2f} pages/s per thread), {size / 1e6 / secs:.2f} MB/s")
print(f"findings: {findings}   peak RSS: {rss_kb / 1024:.1f} MiB")
PY
