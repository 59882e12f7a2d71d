#!/usr/bin/env bash
# Crash safety: SIGKILL `breachscope scan` (and `resolve`, when the build has
# it) at random moments, KILLS times each, resuming every time, then check
# the findings (and individuals) equal those of an uninterrupted run.
#
#   tests/kill_resume.sh BINARY [KILLS] [SIZE_MB]
# KILLS defaults to 20 and SIZE_MB to 8 (about a minute on two cores).
# The seed of the kill moments is printed, and taken from KILL_SEED if set,
# so a failure can be replayed.
set -euo pipefail

bin=$(realpath "$1")
kills=${2:-20}
size_mb=${3:-8}
seed=${KILL_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
RANDOM=$seed
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kill_resume.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "kill_resume: $kills kills per command, seed $seed"

python3 "$here/tools/generate_share.py" --out "$work/share" --seed 7 --size-mb "$size_mb" \
  --facility-records >/dev/null
has_resolve=0
"$bin" resolve --help >/dev/null 2>&1 && has_resolve=1

now_ms() { date +%s%3N; }

# Clean reference run, timed so kill moments spread over a whole run.
t0=$(now_ms)
"$bin" scan "$work/share" --case "$work/clean" --quiet --threads 2
scan_ms=$(( $(now_ms) - t0 ))
"$bin" export findings --case "$work/clean" > "$work/clean.findings" 2>/dev/null
if [ $has_resolve = 1 ]; then
  t0=$(now_ms)
  if "$bin" resolve --case "$work/clean" >/dev/null 2>"$work/resolve.err"; then
    resolve_ms=$(( $(now_ms) - t0 ))
    "$bin" export individuals --case "$work/clean" > "$work/clean.individuals" 2>/dev/null
  else
    echo "kill_resume: FAIL: resolve fails on a clean case: $(head -c 300 "$work/resolve.err")" >&2
    exit 1
  fi
fi

# Runs "$@" and SIGKILLs it at a random moment within `window_ms`; returns
# 0 if it was killed, 1 if it ended first (with its exit code checked).
kill_randomly() {
  local window_ms=$1; shift
  local delay_ms=$(( (RANDOM % 1000) * (window_ms + 20) / 1000 ))
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  wait "$pid" || { echo "kill_resume: '$*' failed on its own" >&2; exit 1; }
  return 1
}

# Kills a command `kills` times; each run resumes from where the last one
# stopped. Kill moments fall within twice a clean run's share per kill, so
# the kills spread over the whole job (start-up, walking, mid-source,
# mid-batch, finishing) and most runs die before they finish. Prints how
# many runs were really killed.
kill_loop() {
  local total_ms=$1; shift
  local window_ms=$(( 2 * total_ms / kills ))
  local killed=0
  for _ in $(seq "$kills"); do
    if kill_randomly "$window_ms" "$@"; then killed=$((killed + 1)); fi
  done
  echo "$killed"
}

# Resolve starts over on every run (its result is saved in one
# transaction), so each run is killed at a moment anywhere in a whole clean
# run (reading findings, linking, writing, committing) and a few finish.
# After every run the case holds either no individuals yet or exactly
# those of a clean run: never a half-written resolution.
kill_resolve_loop() {
  local total_ms=$1 case_dir=$2
  local killed=0 n=0
  for _ in $(seq "$kills"); do
    if kill_randomly $(( total_ms * 11 / 10 )) "$bin" resolve --case "$case_dir"; then
      killed=$((killed + 1))
    fi
    n=$((n + 1))
    "$bin" export individuals --case "$case_dir" > "$work/now.individuals" 2>/dev/null || true
    if [ -s "$work/now.individuals" ] && ! cmp -s "$work/clean.individuals" "$work/now.individuals"; then
      echo "kill_resume: FAIL: after resolve run $n the case holds other individuals than a clean run" >&2
      exit 1
    fi
  done
  echo "$killed"
}

killed=$(kill_loop "$scan_ms" "$bin" scan "$work/share" --case "$work/resumed" --quiet --threads 2)
"$bin" scan "$work/share" --case "$work/resumed" --quiet --threads 2
"$bin" export findings --case "$work/resumed" > "$work/resumed.findings" 2>/dev/null
echo "kill_resume: scan killed $killed of $kills times (clean run ${scan_ms} ms)"
cmp -s "$work/clean.findings" "$work/resumed.findings" || {
  echo "kill_resume: FAIL: findings after resumed scans differ from a clean run" >&2
  diff "$work/clean.findings" "$work/resumed.findings" | head -5 | cut -c1-80 >&2
  exit 1
}
[ "$killed" -ge $(( kills / 2 )) ] || { echo "kill_resume: FAIL: only $killed scans were killed" >&2; exit 1; }

if [ $has_resolve = 1 ]; then
  killed=$(kill_resolve_loop "$resolve_ms" "$work/resumed")
  "$bin" resolve --case "$work/resumed" >/dev/null
  "$bin" export individuals --case "$work/resumed" > "$work/resumed.individuals" 2>/dev/null
  echo "kill_resume: resolve killed $killed of $kills times (clean run ${resolve_ms} ms)"
  cmp -s "$work/clean.individuals" "$work/resumed.individuals" || {
    echo "kill_resume: FAIL: individuals after resumed resolves differ" >&2
    exit 1
  }
  [ "$killed" -ge $(( kills / 2 )) ] || { echo "kill_resume: FAIL: only $killed resolves were killed" >&2; exit 1; }
fi
# The audit log survived every kill intact.
"$bin" audit verify --case "$work/resumed" >/dev/null
echo "kill_resume: OK"
