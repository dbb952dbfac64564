#!/usr/bin/env bash
# Runs every TrailSift test from a clean clone: builds the solution, runs all test projects, and
# prints one closing line "N passed, N failed, N skipped". Exit code: 0 only when all passed.
# Tests that need ../shared/corpus skip cleanly when it is absent.
set -uo pipefail
cd "$(dirname "$0")"
results=".work/test-results"
rm -rf "$results"
mkdir -p "$results"

# Test-only Node tools (tests/package.json: jq-wasm as the jq 1.7 reference, s3rver as an S3 server), installed
# from the lock file when missing or stale. Without Node the tests that need them skip with a reason.
if command -v npm >/dev/null 2>&1; then
  if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    echo "installing test tools (tests/package.json)..."
    if ! (cd tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
      echo "warning: npm ci in tests/ failed; tests that need jq-wasm or s3rver will skip" >&2
    fi
  fi
fi

# --- unused (#15): the HTML report's browser test drives Debian's chromium through playwright-core (above);
# installed when missing and running as root, otherwise that test skips with its reason. ---
bash tests/tools/install-chromium.sh

if ! dotnet build TrailSift.slnx -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The smoke tests run the Native AOT binary, as ./trailsift and a release do (linux-x64, linux-arm64); elsewhere, or
# when the AOT build fails, they run the JIT build and say so. TRAILSIFT_SKIP_AOT=1 skips the publish.
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) rid=linux-x64 ;;
  Linux/aarch64) rid=linux-arm64 ;;
  *) rid="" ;;
esac
if [ -n "$rid" ] && [ "${TRAILSIFT_SKIP_AOT:-0}" != "1" ]; then
  aot_start=$(date +%s)
  if dotnet publish src/TrailSift.Cli/TrailSift.Cli.csproj -c Release -r "$rid" -p:PublishAot=true -nologo -v quiet \
       -o .work/aot-test >"$results/aot-publish.log" 2>&1; then
    export TRAILSIFT_AOT_BINARY="$PWD/.work/aot-test/trailsift"
    echo "Native AOT build for the smoke tests: $(( $(date +%s) - aot_start )) s"
  else
    echo "warning: Native AOT publish failed (see $results/aot-publish.log); smoke tests run the JIT build" >&2
  fi
fi

dotnet test TrailSift.slnx -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

if [ "$files" -eq 0 ]; then
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without a failing test (for example a crashed test host): count it.
  failed=1
fi
# Opt-in slow tier: TRAILSIFT_FUZZ_SECONDS=N runs each AFL++ harness for N seconds (docs/robustness.md).
if [ -n "${TRAILSIFT_FUZZ_SECONDS:-}" ]; then
  if tools/TrailSift.Fuzz/fuzz.sh "$TRAILSIFT_FUZZ_SECONDS"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
