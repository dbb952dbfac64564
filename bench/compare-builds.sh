#!/usr/bin/env bash
# Compares two builds of trailsift on the cached generated bench corpus (bench/macro/run.sh makes it), in one run:
#   1. outputs byte for byte (stdout, stderr, exit code) of query, count, denied, denied --policy, policy and actions;
#   2. wall time of query (the macro filter), count --by eventName, denied and policy --per-principal (the commands that
#      scan, map every call, and generate), runs interleaved BEFORE, AFTER, BEFORE, …
#      so load changes hit both alike; the median of BENCH_REPEAT runs each, and the AFTER/BEFORE ratio.
#
#   bench/compare-builds.sh BEFORE_DLL AFTER_DLL
#
# Environment: BENCH_OUT (/work/cache/bench-out, only read), BENCH_CORPUS (corpus-1G-100M-d7-s42 under it),
# BENCH_REPEAT (3), BENCH_THREADS (2), RESULTS (.work/compare-builds). Outputs stay under RESULTS (not in git).
# Exit 1 when an output differs.
set -uo pipefail
cd "$(dirname "$0")/.."

[ $# -eq 2 ] || { sed -n '2,10p' "$0"; exit 2; }
before="$1"; after="$2"
out="${BENCH_OUT:-/work/cache/bench-out}"
corpus="$out/${BENCH_CORPUS:-corpus-1G-100M-d7-s42}/AWSLogs"
reps="${BENCH_REPEAT:-3}"
threads="${BENCH_THREADS:-2}"
results="${RESULTS:-.work/compare-builds}"
filter='.Records[] | select (.eventName == "RunInstances" ) | select(.userAgent == "elasticmapreduce.aws.internal") | select(.errorCode == "AccessDenied")'
[ -d "$corpus" ] || { echo "compare-builds: no corpus at $corpus (run bench/macro/run.sh first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare-builds: /usr/bin/time is missing" >&2; exit 2; }
rm -rf "$results"; mkdir -p "$results/before" "$results/after"

# Each case: NAME then the arguments, separated by tabs (the corpus is appended); @DIR@ is a scratch folder, the same
# path for both builds (it appears in messages).
S=$'\t'
cases=(
  "query${S}query${S}$filter${S}--format${S}ndjson"
  "count${S}count${S}--by${S}eventName"
  "denied${S}denied${S}--format${S}ndjson"
  "denied-text${S}denied${S}--format${S}text"
  "denied-policy${S}denied${S}--policy"
  "policy${S}policy${S}--per-principal${S}@DIR@"
  "actions${S}actions${S}--summary"
)

run_case() { # run_case SIDE DLL SPEC
  local side="$1" dll="$2" IFS="$S"
  read -r -a args <<<"$3"
  local name="${args[0]}" dir="$results/scratch.d"
  args=("${args[@]:1}")
  args=("${args[@]//@DIR@/$dir}")
  NO_COLOR=1 dotnet "$dll" "${args[@]}" --threads "$threads" "$corpus" >"$results/$side/$name.out" 2>"$results/$side/$name.err"
  echo $? >"$results/$side/$name.rc"
  if [ -d "$dir" ]; then
    (cd "$dir" && find . -type f | sort | xargs cat) >"$results/$side/$name.files"
    rm -rf "$dir"
  fi
}

echo "== outputs" >&2
differ=0
for spec in "${cases[@]}"; do
  run_case before "$before" "$spec"
  run_case after "$after" "$spec"
  name="${spec%%"$S"*}"
  for f in "$results/before/$name".*; do
    if cmp -s "$f" "$results/after/$(basename "$f")"; then
      echo "identical: $(basename "$f") ($(stat -c %s "$f") bytes)"
    else
      echo "DIFFERS: $(basename "$f")"; differ=1
    fi
  done
done

echo "== times (median of $reps, interleaved, --threads $threads); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
xargs -0 -a <(find "$corpus" -name '*.json.gz' -print0) cat >/dev/null   # warm the page cache
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '| command | before (s) | after (s) | after/before |\n| --- | ---: | ---: | ---: |\n'
for spec in "${cases[0]}" "${cases[1]}" "${cases[2]}" "${cases[5]}"; do
  name="${spec%%"$S"*}"
  : >"$results/$name.before.t"; : >"$results/$name.after.t"
  for ((i = 0; i < reps; i++)); do
    for side in before after; do
      dll="$before"; [ $side = after ] && dll="$after"
      IFS="$S" read -r -a args <<<"$spec"
      args=("${args[@]//@DIR@/$results/scratch.d}")
      /usr/bin/time -f '%e' -o "$results/t" dotnet "$dll" "${args[@]:1}" --threads "$threads" "$corpus" >/dev/null 2>&1
      rm -rf "$results/scratch.d"
      tail -n 1 "$results/t" >>"$results/$name.$side.t"   # (time adds a line before it on a non-zero exit)
    done
  done
  b=$(median <"$results/$name.before.t"); a=$(median <"$results/$name.after.t")
  printf '| %s | %s | %s | %s |\n' "$name" "$b" "$a" "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $differ
