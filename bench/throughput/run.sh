#!/usr/bin/env bash
# Throughput of breachscope against ripgrep on a corpus from make_corpus.py.
#
#   bench/throughput/run.sh CORPUS [--binary PATH] [--threads "1 2"]
#                                  [--no-formats] [--no-rg] [--pin]
#
# For each top-level folder of CORPUS (one format each) and for the whole
# corpus, scans into a fresh case with every detector on and findings
# stored, and prints: MB/s per core (bytes / CPU seconds, and bytes / wall /
# threads), items/s, findings/s, peak RSS (/usr/bin/time %M) and the time of
# each stage (scan --stats). In the same run, ripgrep searches the same files
# with pii_patterns.txt printing every match (-o -n, output piped and
# counted, since a search that prints nothing does less work), with the same
# thread count, and the ratio breachscope wall / ripgrep wall is printed:
# the machines are noisy, a ratio measured side by side is what counts.
# ripgrep searches the bytes as they are (archives stay compressed to it,
# binaries are searched as text with -a). Word boundaries in the patterns
# are ASCII ((?-u:\b)): Unicode ones make ripgrep leave its fast DFA on
# non-ASCII bytes, which would slow it on binaries for no gain.
# --pin runs each scan (and ripgrep) with N threads on cores 0..N-1 only
# (taskset): "-j1" alone has a worker and the store writer, which would
# otherwise take a second core, so only pinned runs measure scaling from
# one core to two. The speed-up, wall of the first thread count over each
# other, is printed under the table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus=""
binary="${here}/../../build/breachscope"
thread_list="1 2"
per_format=1
with_rg=1
pin=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --threads) thread_list="$2"; shift 2 ;;
    --no-formats) per_format=0; shift ;;
    --no-rg) with_rg=0; shift ;;
    --pin) pin=1; shift ;;
    -h|--help) sed -n 2,23p "$0"; exit 0 ;;
    *) corpus="$1"; shift ;;
  esac
done
[ -n "${corpus}" ] && [ -d "${corpus}" ] || { echo "usage: $0 CORPUS" >&2; exit 2; }
[ -x "${binary}" ] || { echo "no binary at ${binary}; build first" >&2; exit 2; }
if [ "${with_rg}" = 1 ] && ! command -v rg > /dev/null; then
  echo "ripgrep not found: install ripgrep (apt-get install ripgrep) or pass --no-rg" >&2
  exit 2
fi
if [ "${pin}" = 1 ]; then
  for threads in ${thread_list}; do
    if [ "${threads}" -gt "$(nproc)" ]; then
      echo "--pin: ${threads} threads need ${threads} cores, this machine has $(nproc)" >&2
      exit 2
    fi
  done
fi
# Older binaries have no --stats: then only the totals are measured.
stats_flag="--stats"
"${binary}" scan --help 2>&1 | grep -q -- --stats || stats_flag=""
work="$(mktemp -d "${TMPDIR:-/tmp}/bs-throughput.XXXXXX")"
trap 'rm -rf "${work}"' EXIT

# scan_one LABEL PATH THREADS: one scan, a "row" line for the table and the
# stage lines kept in ${work}/LABEL.stats.
scan_one() {
  local label="$1" path="$2" threads="$3"
  local pinned=()
  [ "${pin}" = 1 ] && pinned=(taskset -c "0-$((threads - 1))")
  rm -rf "${work}/case" "${work}/case.key"
  /usr/bin/time -f '%e %U %S %M' -o "${work}/time" \
    "${pinned[@]}" "${binary}" scan "${path}" --case "${work}/case" --threads "${threads}" \
    --quiet ${stats_flag} > "${work}/${label}.stats" 2> "${work}/stderr" ||
    { cat "${work}/stderr" >&2; exit 1; }
  [ -n "${stats_flag}" ] || echo "stats bytes $(du -sb "${path}" | cut -f1)" \
    >> "${work}/${label}.stats"
  local rg_wall="0"
  if [ "${with_rg}" = 1 ]; then
    # Every match printed; the output is counted so it cannot be skipped.
    /usr/bin/time -f '%e' -o "${work}/rgtime" \
      "${pinned[@]}" rg --no-config --no-ignore --hidden -a -o -n -j "${threads}" \
      -f "${here}/pii_patterns.txt" "${path}" | wc -c > "${work}/rgbytes" || true
    rg_wall="$(tail -1 "${work}/rgtime")"  # rg exits 1 when nothing matched
  fi
  python3 - "${label}" "${threads}" "${work}/time" "${work}/${label}.stats" \
    "${rg_wall}" <<'PY'
import sys
label, threads, time_file, stats_file, rg_wall = sys.argv[1:6]
threads = int(threads)
wall, user, system, rss_kb = open(time_file).read().split()[-4:]
wall, cpu = float(wall), float(user) + float(system)
stats = {}
items = findings = 0
for line in open(stats_file):
    f = line.split()
    if len(f) == 3 and f[0] == "stats":
        stats[f[1]] = float(f[2])
    elif len(f) >= 9 and f[:2] == ["stats", "format"]:
        items += int(f[4]); findings += int(f[8])
mb = stats.get("bytes", 0) / 1e6
rg_wall = float(rg_wall)
ratio = f"{wall / rg_wall:6.2f}" if rg_wall > 0 else "     -"
print(f"{label:<12} {threads:>2} {mb:>9.1f} {wall:>8.2f} {cpu:>8.2f} "
      f"{mb / cpu if cpu else 0:>9.1f} {mb / wall / threads if wall else 0:>9.1f} "
      f"{items / wall if wall else 0:>9.0f} {findings / wall if wall else 0:>10.0f} "
      f"{int(rss_kb) / 1024:>8.0f} {rg_wall:>8.2f} {ratio}")
PY
}

header() {
  printf '%-12s %2s %9s %8s %8s %9s %9s %9s %10s %8s %8s %6s\n' \
    set j MB wall_s cpu_s MB/s/cpu MB/s/thr items/s findings/s rss_MiB \
    rg_s bs/rg
}

stages() {
  local label="$1"
  echo "stages of ${label} (worker thread CPU and wall seconds, summed over"
  echo "threads; store is the writer thread):"
  grep -E '^stats stage' "${work}/${label}.stats" | sed 's/^stats stage /  /'
}

echo "breachscope $(${binary} --version 2>/dev/null | head -1) on ${corpus}"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${per_format}" = 1 ]; then
  echo
  echo "per format (one thread):"
  header
  for dir in "${corpus}"/*/; do
    name="$(basename "${dir}")"
    scan_one "${name}" "${dir}" 1
  done
fi
echo
echo "whole corpus:"
header
for threads in ${thread_list}; do
  scan_one "all-j${threads}" "${corpus}" "${threads}" | tee "${work}/row-j${threads}"
done
first="${thread_list%% *}"
for threads in ${thread_list}; do
  [ "${threads}" = "${first}" ] && continue
  note=" (not pinned: -j1 also uses a core for the writer)"
  [ "${pin}" = 1 ] && note=" (pinned: one core per thread)"
  awk -v a="${first}" -v b="${threads}" -v note="${note}" \
    'NR == FNR { wa = $4; next } { printf "speed-up -j%s over -j%s: %.2fx%s\n", b, a, wa / $4, note }' \
    "${work}/row-j${first}" "${work}/row-j${threads}"
done
for threads in ${thread_list}; do
  echo
  stages "all-j${threads}"
done
echo
echo "formats found in the whole corpus (items, bytes, findings):"
grep -E '^stats format' "${work}/all-j${thread_list%% *}.stats" | sed 's/^stats format /  /'
