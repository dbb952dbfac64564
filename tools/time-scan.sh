#!/usr/bin/env bash
# Compares two builds on a trail (default .work/trail, made by tools/TrailGen), runs interleaved A B A B ... so
# machine load drifts hit both alike. Prints per command the median wall time and median CPU (user+sys) of each.
#   tools/time-scan.sh A_DLL B_DLL [TRAIL] [RUNS]
# Short and repeatable, not a benchmark (bench/macro is).
set -uo pipefail
a="$1"; b="$2"; trail="${3:-.work/trail}"; runs="${4:-5}"
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
one() { # dll args... -> "wall cpu"
  local dll="$1"; shift
  local f; f=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$f" dotnet "$dll" "$@" "$trail" >/dev/null 2>&1
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$f"; rm -f "$f"
}
measure() {
  local name="$1"; shift
  local wa=() ca=() wb=() cb=()
  for _ in $(seq "$runs"); do
    read -r w c < <(one "$a" "$@"); wa+=("$w"); ca+=("$c")
    read -r w c < <(one "$b" "$@"); wb+=("$w"); cb+=("$c")
  done
  printf '%-12s A wall %6.3fs cpu %6.2fs | B wall %6.3fs cpu %6.2fs\n' "$name" \
    "$(printf '%s\n' "${wa[@]}" | median)" "$(printf '%s\n' "${ca[@]}" | median)" \
    "$(printf '%s\n' "${wb[@]}" | median)" "$(printf '%s\n' "${cb[@]}" | median)"
}
measure query-event query --event RunInstances --format ndjson
measure query-all query --format ndjson
measure count count --by eventName
measure denied denied --format ndjson
