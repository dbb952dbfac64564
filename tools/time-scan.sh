#!/usr/bin/env bash
# Median wall time of query, count and denied over a trail (default: .work/trail, made by tools/TrailGen).
#   tools/time-scan.sh CLI_DLL [TRAIL] [RUNS]
# Prints one line per command: name, median seconds, all runs. Short and repeatable, not a benchmark.
set -uo pipefail
dll="$1"; trail="${2:-.work/trail}"; runs="${3:-5}"
measure() {
  local name="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N)
    dotnet "$dll" "$@" "$trail" >/dev/null 2>&1
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median; median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$name median ${median}s runs: $(echo $sorted | tr '\n' ' ')"
}
measure query-event query --event RunInstances --format ndjson
measure query-all query --format ndjson
measure count count --by eventName
measure denied denied --format ndjson
