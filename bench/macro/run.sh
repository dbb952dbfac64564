#!/usr/bin/env bash
# Macro benchmark: times trailsift against `zcat | jq` and against a gunzip-only floor over one
# generated corpus, in one run, and writes bench/macro/runs/<date>-<machine>/results.md.
#
#   bench/macro/run.sh                 # 1 GiB of JSON over 7 days, one 100 MiB file (the recorded run)
#   BENCH_SIZE=50M BENCH_BIG=5M bench/macro/run.sh    # a quick check of the script itself
#
# Environment (all optional):
#   BENCH_SIZE (1G)  BENCH_BIG (100M)  BENCH_DAYS (7)  BENCH_SEED (42)   corpus shape, cached in bench/out
#   BENCH_REPEAT (5) runs of each trailsift and floor command, median kept (jq runs once: ~20 s each)
#   BENCH_OUT (bench/out)  BENCH_SKIP_JQ (0)  BENCH_RESULTS (bench/macro/runs/<date>-<host>)
#   TRAILSIFT ("dotnet bench/out/trailsift/trailsift.dll")   the binary under test
# Method and targets: docs/benchmarks.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
size="${BENCH_SIZE:-1G}"
big="${BENCH_BIG:-100M}"
days="${BENCH_DAYS:-7}"
seed="${BENCH_SEED:-42}"
out="${BENCH_OUT:-$repo/bench/out}"
corpus="$out/corpus-$size-$big-d$days-s$seed"
skip_jq="${BENCH_SKIP_JQ:-0}"
reps="${BENCH_REPEAT:-5}"
start_day="2025-06-01"
filter='.Records[] | select (.eventName == "RunInstances" ) | select(.userAgent == "elasticmapreduce.aws.internal") | select(.errorCode == "AccessDenied")'
jq_count='reduce (inputs.Records[].eventName) as $n ({}; .[$n] += 1)'

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit 1; }

# ---- prerequisites --------------------------------------------------------------------------
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (peak RSS needs GNU time): apt-get install -y time"
for tool in dotnet jq zcat xargs; do command -v "$tool" >/dev/null || die "$tool is missing"; done
mkdir -p "$out"

# ---- build ----------------------------------------------------------------------------------
say "== build (Release)"
dotnet build "$repo/tools/TrailGen/TrailGen.csproj" -c Release -nologo -v quiet -o "$out/trailgen" >&2
dotnet build "$here/DecompressFloor/DecompressFloor.csproj" -c Release -nologo -v quiet -o "$out/floor" >&2
have_ts=0
if [ -n "${TRAILSIFT:-}" ]; then
  have_ts=1
elif [ -f "$repo/src/TrailSift.Cli/Program.cs" ]; then
  dotnet publish "$repo/src/TrailSift.Cli/TrailSift.Cli.csproj" -c Release -nologo -v quiet -o "$out/trailsift" >&2
  TRAILSIFT="dotnet $out/trailsift/trailsift.dll"
  have_ts=1
fi
if [ "$have_ts" = 1 ] && ! $TRAILSIFT --help 2>&1 | grep -q 'query'; then
  say "trailsift has no 'query' command yet: its rows are skipped"
  have_ts=0
fi
[ "$have_ts" = 1 ] || say "trailsift CLI not found: timing only jq and the floor"

# ---- corpus (generated once, cached) ----------------------------------------------------------
gen_line="(cached)"
if [ ! -f "$corpus.done" ]; then
  say "== generate $size of JSON ($big big file) over $days days into $corpus"
  rm -rf "$corpus"
  gen_line="$(dotnet "$out/trailgen/trailgen.dll" --out "$corpus" --seed "$seed" --days "$days" --start "$start_day" \
    --target-bytes "$size" --big-file "$big" --regions us-east-1,eu-west-1 2>/dev/null)"
  echo "$gen_line" > "$corpus.done"
else
  gen_line="$(cat "$corpus.done") (cached)"
fi
say "trailgen: $gen_line"
files="$out/files.txt"
find "$corpus/AWSLogs" -path '*/CloudTrail/*' -name '*.json.gz' | sort > "$files"
nfiles=$(wc -l < "$files")
gz_mib=$(xargs -a "$files" stat -c %s | awk '{s+=$1} END {printf "%.0f", s/1048576}')

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# Warm the page cache so every tool reads from memory.
xargs -a "$files" cat > /dev/null

# ---- timing helper: measure NAME COMMAND -> results in $tmp/NAME.{time,out,err} ---------------
tmp="$out/run"; rm -rf "$tmp"; mkdir -p "$tmp"
measure() {
  # measure NAME REPS COMMAND: runs COMMAND REPS times; keeps the median wall time and the largest peak RSS.
  local name="$1" reps="$2"; shift 2
  say "-- $name"
  local rc runs=() kbmax=0 secs kb
  for ((r = 0; r < reps; r++)); do
    rc=0
    /usr/bin/time -f '%e %M' -o "$tmp/$name.time" bash -c "$*" > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
    # Exit 1 is trailsift's "no results" (the first playbook filter matches nothing: EC2 never says AccessDenied).
    if [ "$rc" -gt 1 ]; then
      say "   failed (exit $rc): $(tail -n 3 "$tmp/$name.err")"; echo "NaN 0" > "$tmp/$name.time"; return
    fi
    # GNU time puts "Command exited with non-zero status N" before the format line: keep the last line.
    read -r secs kb < <(tail -n 1 "$tmp/$name.time")
    runs+=("$secs"); [ "$kb" -gt "$kbmax" ] && kbmax=$kb
  done
  secs=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$secs $kbmax" > "$tmp/$name.time"
  say "   ${runs[*]} s -> median ${secs}s, peak RSS $((kbmax / 1024)) MiB"
}
secs() { awk '{print $1}' "$tmp/$1.time"; }
rss_mib() { awk '{printf "%.0f", $2/1024}' "$tmp/$1.time"; }
ratio() { awk -v a="$(secs "$1")" -v b="$(secs "$2")" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# ---- runs -------------------------------------------------------------------------------------
q_filter=$(printf '%q' "$filter")
measure floor_t1 "$reps" "dotnet $out/floor/decompress-floor.dll --threads 1 $corpus/AWSLogs"
measure floor_t2 "$reps" "dotnet $out/floor/decompress-floor.dll --threads 2 $corpus/AWSLogs"
if [ "$skip_jq" != 1 ]; then
  measure jq_filter 1 "xargs -a $files zcat | jq -c $q_filter"
  measure jq_count 1 "xargs -a $files zcat | jq -n $(printf '%q' "$jq_count")"
fi
if [ "$have_ts" = 1 ]; then
  measure ts_filter_t2 "$reps" "$TRAILSIFT query $q_filter --format ndjson --threads 2 $corpus/AWSLogs"
  measure ts_filter_t1 "$reps" "$TRAILSIFT query $q_filter --format ndjson --threads 1 $corpus/AWSLogs"
  measure ts_count "$reps" "$TRAILSIFT count --by eventName --threads 2 $corpus/AWSLogs"
  day="$(date -u -d "$start_day + $((days / 2)) days" +%F)"
  next="$(date -u -d "$day + 1 day" +%F)"
  measure ts_window "$reps" "$TRAILSIFT count --by eventName --since ${day}T00:00:00Z --until ${next}T00:00:00Z --stats $corpus/AWSLogs"
fi

# ---- checks and table ---------------------------------------------------------------------------
floor_json=$(grep -o 'json_bytes [0-9]*' "$tmp/floor_t2.out" | awk '{printf "%.0f", $2/1048576}')
rows=""
row() { rows+="| $1 | $2 | $3 | $4 |"$'\n'; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v == "n/a" || v == "") print "n/a"; else if ((op == ">=" && v+0 >= t+0) || (op == "<=" && v+0 <= t+0)) print "met"; else print "MISSED" }'; }
row "decompress-only floor, 1 / 2 threads" "$(secs floor_t1) s / $(secs floor_t2) s" "" ""
if [ "$skip_jq" != 1 ]; then
  row "zcat \| jq, first playbook filter" "$(secs jq_filter) s, $(rss_mib jq_filter) MiB" "" ""
  row "zcat \| jq, count by eventName (reduce)" "$(secs jq_count) s, $(rss_mib jq_count) MiB" "" ""
fi
if [ "$have_ts" = 1 ]; then
  jq_matches=$( [ "$skip_jq" != 1 ] && wc -l < "$tmp/jq_filter.out" || echo "n/a")
  ts_matches=$(wc -l < "$tmp/ts_filter_t2.out")
  r_filter=$( [ "$skip_jq" != 1 ] && ratio jq_filter ts_filter_t2 || echo "n/a")
  r_count=$( [ "$skip_jq" != 1 ] && ratio jq_count ts_count || echo "n/a")
  r_floor=$(ratio ts_filter_t2 floor_t2)
  r_threads=$(ratio ts_filter_t1 ts_filter_t2)
  rss=$(rss_mib ts_filter_t2)
  opened=$(grep -o 'opened [0-9]*' "$tmp/ts_window.err" | awk '{print $2}' | head -n 1)
  in_day=$(grep -c "/$(echo "$day" | tr - /)/" "$files" || true)
  # Files the default margins allow around the day: 15 min of clock skew before, 15 min of delivery delay after.
  margin=$(awk -v d="$(echo "$day" | tr -d -)" -v n="$(echo "$next" | tr -d -)" -v p="$(date -u -d "$day - 1 day" +%Y%m%d)" -F_ '
    { ts = $(NF-1) } (substr(ts,1,8) == p && substr(ts,10,4) >= "2345") || (substr(ts,1,8) == n && substr(ts,10,4) < "0015") { c++ } END { print c+0 }' "$files")
  row "trailsift query, 2 threads" "$(secs ts_filter_t2) s, $(rss_mib ts_filter_t2) MiB" "" ""
  row "trailsift query, 1 thread" "$(secs ts_filter_t1) s" "" ""
  row "trailsift count --by eventName" "$(secs ts_count) s, $(rss_mib ts_count) MiB" "" ""
  row "**filter: jq / trailsift**" "${r_filter}×" "≥ 15×" "$(verdict "$r_filter" '>=' 15)"
  row "**filter: trailsift / floor (2 threads)**" "${r_floor}×" "≤ 2.2×" "$(verdict "$r_floor" '<=' 2.2)"
  row "**count: jq / trailsift**" "${r_count}×" "≥ 15×" "$(verdict "$r_count" '>=' 15)"
  row "**peak RSS, trailsift query**" "$rss MiB" "≤ 100 MiB" "$(verdict "$rss" '<=' 100)"
  row "**threads: 1 / 2**" "${r_threads}×" "≥ 1.8×" "$(verdict "$r_threads" '>=' 1.8)"
  row "**one-day window ($day): files opened**" "${opened:-?} of $nfiles" "≤ $in_day in the day + $margin in the margins" \
      "$(verdict "${opened:-n/a}" '<=' $((in_day + margin)))"
  row "matches of the filter (jq / trailsift)" "$jq_matches / $ts_matches" "equal" "$([ "$jq_matches" = "$ts_matches" ] && echo met || echo MISSED)"
  # The playbook filter matches nothing by design (EC2 says Client.UnauthorizedOperation), so also
  # check a filter that matches, on the sample tree, where jq is cheap.
  sample="$repo/samples/emr-launch/AWSLogs"
  check='.Records[] | select(.eventName == "RunInstances") | select(.userAgent == "elasticmapreduce.aws.internal") | select(.errorCode == "Client.UnauthorizedOperation")'
  s_jq=$(find "$sample" -path '*/CloudTrail/*' -name '*.json.gz' | sort | xargs zcat | jq -c "$check" | wc -l)
  s_ts=$( ($TRAILSIFT query "$check" --format ndjson "$sample" 2>/dev/null || true) | wc -l)
  row "samples/emr-launch, denied EMR RunInstances (jq / trailsift)" "$s_jq / $s_ts" "4 / 4" "$([ "$s_jq" = 4 ] && [ "$s_ts" = 4 ] && echo met || echo MISSED)"
fi

host="$(hostname -s 2>/dev/null || hostname)"
dest="${BENCH_RESULTS:-$here/runs/$(date -u +%F)-$host}"
mkdir -p "$dest"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo "# Macro benchmark, $(date -u +%F) on $host"
  echo
  echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr); shared with other jobs"
  echo "- Tools: .NET $(dotnet --version), $(jq --version), $(zcat --version | head -n 1)"
  echo "- Commit: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet || echo ' (dirty)')"
  echo "- Corpus: TrailGen seed $seed, $days days from $start_day, us-east-1 + eu-west-1: $nfiles files, $floor_json MiB of JSON, $gz_mib MiB gzip, one $big file"
  echo "- Generation: $gen_line"
  echo "- Warm page cache; wall time (median of $reps runs for trailsift and the floor, one run for jq) and peak RSS from /usr/bin/time"
  echo "- Load average before the runs: $load_before"
  echo
  echo "| what | measured | target | |"
  echo "| --- | --- | --- | --- |"
  printf '%s' "$rows"
  echo
  echo "Filter: \`$filter\`"
  echo
  echo "jq count: \`jq -n '$jq_count'\` (one jq process, streaming, same answer as count --by eventName)"
} > "$dest/results.md"
cat "$dest/results.md"
say "wrote $dest/results.md"
