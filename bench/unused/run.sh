#!/usr/bin/env bash
# The `unused` benchmark of issue #15: `trailsift unused` over the macro benchmark's trail with an authorization-details
# file of 1,000 roles and 2,000 policies (bench/unused/gen_authz.py), against `trailsift count --by eventName` on the
# same trail. Targets: unused within 1.5x of count's time, peak RSS <= 200 MiB. Method and results: docs/benchmarks.md.
#
#   bench/unused/run.sh                              # 1 GiB trail (shared with bench/macro's cache), 3 runs each
#   BENCH_SIZE=50M BENCH_BIG=5M bench/unused/run.sh  # a quick check of the script
#
# Environment: BENCH_SIZE (1G) BENCH_BIG (100M) BENCH_DAYS (7) BENCH_SEED (42) BENCH_REPEAT (3) BENCH_OUT (bench/out: the corpus
#   and the authorization details, reused when there) BENCH_WORK (BENCH_OUT: the build and each run's output, time and
#   stderr; set it when BENCH_OUT is a read-only cache) BENCH_ROLES (1000) BENCH_POLICIES (2000) BENCH_THREADS (2)
#   TRAILSIFT ("dotnet BENCH_WORK/trailsift/trailsift.dll") BENCH_PHASES (0; 1: one more `unused` run split into phases by
#   bench/unused/phases.py: scan, set-up + merge, analysis and printing, and the peak RSS with the bytes written by then)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
size="${BENCH_SIZE:-1G}"; big="${BENCH_BIG:-100M}"; days="${BENCH_DAYS:-7}"; seed="${BENCH_SEED:-42}"
reps="${BENCH_REPEAT:-3}"; threads="${BENCH_THREADS:-2}"
roles="${BENCH_ROLES:-1000}"; policies="${BENCH_POLICIES:-2000}"
out="${BENCH_OUT:-$repo/bench/out}"
work="${BENCH_WORK:-$out}"
corpus="$out/corpus-$size-$big-d$days-s$seed"
authz="$out/authz-$roles-$policies-s$seed.json"
say() { printf '%s\n' "$*" >&2; }
[ -x /usr/bin/time ] || { say "/usr/bin/time is missing (peak RSS needs GNU time): apt-get install -y time"; exit 1; }
mkdir -p "$out" "$work"

say "== build (Release)"
if [ -z "${TRAILSIFT:-}" ]; then
  dotnet publish "$repo/src/TrailSift.Cli/TrailSift.Cli.csproj" -c Release -nologo -v quiet -o "$work/trailsift" >&2
  TRAILSIFT="dotnet $work/trailsift/trailsift.dll"
fi

if [ ! -f "$corpus.done" ]; then
  dotnet build "$repo/tools/TrailGen/TrailGen.csproj" -c Release -nologo -v quiet -o "$out/trailgen" >&2
  say "== generate $size of JSON ($big big file) over $days days into $corpus"
  rm -rf "$corpus"
  dotnet "$out/trailgen/trailgen.dll" --out "$corpus" --seed "$seed" --days "$days" --start 2025-06-01 \
    --target-bytes "$size" --big-file "$big" --regions us-east-1,eu-west-1 2>/dev/null > "$corpus.done"
fi
# Deterministic per seed: an existing file is the same one.
[ -s "$authz" ] || python3 "$here/gen_authz.py" --roles "$roles" --policies "$policies" --seed "$seed" > "$authz"
say "corpus: $(cat "$corpus.done"); authz: $(stat -c %s "$authz") bytes"
find "$corpus" -name '*.json.gz' -print0 | xargs -0 cat > /dev/null   # warm the page cache

measure() {
  # measure NAME COMMAND...: REPS runs; prints "NAME median_seconds max_peak_rss_kib runs..."
  local name="$1"; shift
  local runs=() kbmax=0 secs kb rc
  for ((r = 0; r < reps; r++)); do
    rc=0
    /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || rc=$?
    [ "$rc" -le 1 ] || { say "$name failed (exit $rc): $(tail -n 3 "$work/$name.err")"; exit 1; }
    read -r secs kb < <(tail -n 1 "$work/$name.time")
    runs+=("$secs"); [ "$kb" -gt "$kbmax" ] && kbmax=$kb
  done
  secs=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name $secs $kbmax ${runs[*]}"
}

say "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
count=$(measure count $TRAILSIFT count --by eventName --threads "$threads" "$corpus")
# shellcheck disable=SC2086
unused=$(measure unused $TRAILSIFT unused --iam "$authz" --format json --threads "$threads" "$corpus")
say "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
principals=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['principals']), sum(p['calls'] for p in d['principals']))" "$work/unused.out" 2>/dev/null || echo "? ?")
read -r _ cs ck cruns <<<"$count"
read -r _ us uk uruns <<<"$unused"
echo "count  --by eventName: median ${cs}s (runs: $cruns), peak RSS $((ck / 1024)) MiB"
echo "unused (1 pass):       median ${us}s (runs: $uruns), peak RSS $((uk / 1024)) MiB; principals, calls replayed: $principals"
awk -v u="$us" -v c="$cs" -v k="$uk" 'BEGIN { printf "unused / count = %.2fx (target <= 1.5x); peak RSS %d MiB (target <= 200 MiB)\n", u / c, k / 1024 }'
if [ "${BENCH_PHASES:-0}" = 1 ]; then
  # shellcheck disable=SC2086
  python3 "$here/phases.py" "$work/unused-phases.out" -- $TRAILSIFT unused --iam "$authz" --format json --threads "$threads" "$corpus"
fi
