#!/usr/bin/env bash
# Times `trailsift policy` against `trailsift count --by eventName` on the cached 1 GiB bench trail, for two builds
# (issue #15's mapping cost: `policy` maps every event, `count` does not), runs interleaved so load changes hit all
# alike: count and policy of BEFORE, then of AFTER, BENCH_REPEAT times; median wall time, user CPU and peak RSS.
# `policy --per-principal` writes every principal's policy (to a scratch folder), as bench/compare-builds.sh runs it.
#
#   bench/mapping/policy-vs-count.sh BEFORE_BINARY AFTER_BINARY     (AOT binaries, or "dotnet path/trailsift.dll")
#
# Environment: BENCH_OUT (/work/cache/bench-out, only read), BENCH_CORPUS (corpus-1G-100M-d7-s42), BENCH_REPEAT (3),
# BENCH_THREADS (2). Prints a Markdown table and the load average before and after.
set -uo pipefail
[ $# -eq 2 ] || { sed -n '2,9p' "$0"; exit 2; }
corpus="${BENCH_OUT:-/work/cache/bench-out}/${BENCH_CORPUS:-corpus-1G-100M-d7-s42}/AWSLogs"
reps="${BENCH_REPEAT:-3}"
threads="${BENCH_THREADS:-2}"
[ -d "$corpus" ] || { echo "policy-vs-count: no corpus at $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "policy-vs-count: /usr/bin/time is missing" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
xargs -0 -a <(find "$corpus" -name '*.json.gz' -print0) cat >/dev/null   # warm the page cache
for ((i = 0; i < reps; i++)); do
  for side in before after; do
    bin="$1"; [ $side = after ] && bin="$2"
    for cmd in count policy; do
      args=(count --by eventName); [ $cmd = policy ] && args=(policy --per-principal "$work/policies")
      # shellcheck disable=SC2086 # $bin may be "dotnet file.dll"
      NO_COLOR=1 /usr/bin/time -f '%e %U %M' -o "$work/t" $bin "${args[@]}" --threads "$threads" "$corpus" >/dev/null 2>&1
      tail -n 1 "$work/t" >>"$work/$side.$cmd"
      rm -rf "$work/policies"
    done
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$2" '{print $c}' "$1" | median; }
printf '| build | count (s) | policy (s) | policy/count | count user CPU (s) | policy user CPU (s) | policy peak RSS (MiB) |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for side in before after; do
  c=$(col "$work/$side.count" 1); p=$(col "$work/$side.policy" 1)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$side" "$c" "$p" "$(awk -v a="$p" -v b="$c" 'BEGIN {printf "%.2f", a / b}')" \
    "$(col "$work/$side.count" 2)" "$(col "$work/$side.policy" 2)" "$(( $(col "$work/$side.policy" 3) / 1024 ))"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
