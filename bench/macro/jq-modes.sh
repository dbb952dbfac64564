#!/usr/bin/env bash
# The jq-mode benchmark of issue #10: `query` and `count` against zcat | jq (and gojq when installed) on the corpus
# bench/macro/run.sh generates (cached in bench/out; run that first). One run of each command, ratios from that run.
#   BENCH_SIZE (1G) BENCH_BIG (100M) BENCH_DAYS (7) BENCH_SEED (42) BENCH_OUT (bench/out: the corpus) BENCH_WORK (BENCH_OUT:
#   the build, the file list and each run's output; set it when BENCH_OUT is a read-only cache) TRAILSIFT (built here)
# gojq is optional: `apt-get install -y gojq` (Debian) adds its row.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${BENCH_OUT:-$repo/bench/out}"
work="${BENCH_WORK:-$out}"
mkdir -p "$work"
corpus="$out/corpus-${BENCH_SIZE:-1G}-${BENCH_BIG:-100M}-d${BENCH_DAYS:-7}-s${BENCH_SEED:-42}"
[ -f "$corpus.done" ] || { echo "no corpus at $corpus: run bench/macro/run.sh first" >&2; exit 2; }
command -v /usr/bin/time > /dev/null || { echo "GNU time is missing (apt-get install -y time)" >&2; exit 2; }
if [ -z "${TRAILSIFT:-}" ]; then
  dotnet publish "$repo/src/TrailSift.Cli/TrailSift.Cli.csproj" -c Release -nologo -v quiet -o "$work/trailsift-jq" >&2
  TRAILSIFT="dotnet $work/trailsift-jq/trailsift.dll"
fi
files="$work/jq-modes-files.txt"
find "$corpus/AWSLogs" -path '*/CloudTrail/*' -name '*.json.gz' | sort > "$files"
xargs -a "$files" cat > /dev/null
tmp="$work/jq-modes"; rm -rf "$tmp"; mkdir -p "$tmp"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # measure NAME COMMAND
  local name="$1"; shift
  local rc=0
  /usr/bin/time -f '%e %M' -o "$tmp/$name.time" bash -c "$*" > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
  [ "$rc" -le 1 ] || { echo "$name failed (exit $rc): $(tail -n 3 "$tmp/$name.err")" >&2; echo "NaN 0" > "$tmp/$name.time"; }
  echo "$name: $(tail -n 1 "$tmp/$name.time") ($(wc -l < "$tmp/$name.out") lines)" >&2
}
secs() { tail -n 1 "$tmp/$1.time" | awk '{print $1}'; }
ratio() { awk -v a="$(secs "$1")" -v b="$(secs "$2")" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }

filter='.Records[] | select (.eventName == "RunInstances" ) | select(.userAgent == "elasticmapreduce.aws.internal") | select(.errorCode == "AccessDenied")'
projection='.Records[] | {eventTime, eventName, arn: .userIdentity.arn}'
hourly='reduce (inputs.Records[].eventTime[0:13]) as $h ({}; .[$h] += 1)'
q() { printf '%q' "$1"; }

measure jq_filter "xargs -a $files zcat | jq -c $(q "$filter")"
measure ts_filter "$TRAILSIFT query $(q "$filter") -c --threads 2 $corpus/AWSLogs"
measure jq_projection "xargs -a $files zcat | jq -c $(q "$projection")"
measure ts_projection "$TRAILSIFT query -c $(q "$projection") --threads 2 $corpus/AWSLogs"
have_gojq=0
if command -v gojq > /dev/null; then
  have_gojq=1
  measure gojq_projection "xargs -a $files zcat | gojq -c $(q "$projection")"
fi
measure jq_hourly "xargs -a $files zcat | jq -n $(q "$hourly")"
measure ts_hourly "$TRAILSIFT count --by $(q '.eventTime[0:13]') --threads 2 $corpus/AWSLogs"

# The outputs must agree: the projection byte for byte, the hourly counts as sets of (hour, count).
cmp -s "$tmp/jq_projection.out" "$tmp/ts_projection.out" && same_projection=yes || same_projection=NO
jq -r 'to_entries[] | "\(.value)\t\(.key)"' "$tmp/jq_hourly.out" | sort > "$tmp/jq_hourly.tsv"
sort "$tmp/ts_hourly.out" > "$tmp/ts_hourly.tsv"
cmp -s "$tmp/jq_hourly.tsv" "$tmp/ts_hourly.tsv" && same_hourly=yes || same_hourly=NO

echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(wc -l < "$files") files"
echo "| what | jq | trailsift | ratio | target |"
echo "| --- | ---: | ---: | ---: | --- |"
echo "| first playbook filter (\`.Records[] \\| select(…)\`) | $(secs jq_filter) s | $(secs ts_filter) s | $(ratio jq_filter ts_filter)× | ≥ 15× |"
echo "| projection \`-c\` (same bytes: $same_projection) | $(secs jq_projection) s | $(secs ts_projection) s | $(ratio jq_projection ts_projection)× | ≥ 10× |"
[ "$have_gojq" = 1 ] && echo "| projection \`-c\`, gojq | $(secs gojq_projection) s | $(secs ts_projection) s | $(ratio gojq_projection ts_projection)× | ≥ 5× |"
echo "| \`count --by '.eventTime[0:13]'\` vs jq \`reduce\` (same counts: $same_hourly) | $(secs jq_hourly) s | $(secs ts_hourly) s | $(ratio jq_hourly ts_hourly)× | ≥ 10× |"
