#!/usr/bin/env bash
# Fuzzes the record reader, the gzip layer, the jq filter parser, the policy parser (lint) and the simulate-request
# parser with AFL++ through SharpFuzz (docs/robustness.md).
# Usage: tools/TrailSift.Fuzz/fuzz.sh [SECONDS_PER_TARGET [TARGET...]]   (default 60 s, every target).
# Needs afl-fuzz (Debian: apt-get install afl++).
# Prints one summary line per target; exits 1 when a target saved a crash or a hang (findings under .work/fuzz/).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
targets="${*:-reader gzip jq policy simulate}"
work=".work/fuzz"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
mkdir -p "$work"
[ -x "$work/tool/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tool" >/dev/null
dotnet build tools/TrailSift.Fuzz -c Release -nologo -v quiet -o "$work/bin" >/dev/null
"$work/tool/sharpfuzz" "$work/bin/TrailSift.Core.dll" >/dev/null
rm -rf "$work/seeds-gzip" && mkdir -p "$work/seeds-gzip"
cat tools/TrailSift.Fuzz/seeds/records.json | gzip -c > "$work/seeds-gzip/one.gz"
{ gzip -c < tools/TrailSift.Fuzz/seeds/records.json; gzip -c < tools/TrailSift.Fuzz/seeds/ndjson.json; } > "$work/seeds-gzip/two-members.gz"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
status=0
for target in $targets; do
  case "$target" in
    gzip) seeds="$work/seeds-gzip" ;;
    jq|policy|simulate) seeds="tools/TrailSift.Fuzz/seeds-$target" ;;
    *) seeds=tools/TrailSift.Fuzz/seeds ;;
  esac
  rm -rf "$work/out-$target"
  timeout "$seconds" afl-fuzz -i "$seeds" -o "$work/out-$target" -t 5000 -m none -- dotnet "$work/bin/trailsift-fuzz.dll" "$target" >"$work/$target.log" 2>&1 || true
  stats="$work/out-$target/default/fuzzer_stats"
  get() { sed -n "s/^$1 *: *//p" "$stats"; }
  echo "$target: $(get execs_done) executions, $(get edges_found) edges, $(get corpus_count) corpus, $(get saved_crashes) crashes, $(get saved_hangs) hangs"
  if [ "$(get saved_crashes)" != 0 ] || [ "$(get saved_hangs)" != 0 ]; then status=1; fi
done
exit $status
