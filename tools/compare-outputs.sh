#!/usr/bin/env bash
# Runs every command on samples/ and on corpus subsets and saves stdout, stderr and the exit code of each
# case to a folder, so two builds can be compared byte for byte (refactorings must not change output).
#
#   tools/compare-outputs.sh capture DIR [CLI_DLL]   # run all cases, write DIR/<case>.{out,err,rc}
#   tools/compare-outputs.sh diff BEFORE AFTER       # list the cases that differ (exit 1 when any)
#
# CLI_DLL defaults to a fresh Release build of src/TrailSift.Cli in .work/compare-cli. The corpus is read
# by path (../shared/corpus or $TRAILSIFT_CORPUS); its cases are skipped when it is absent. Outputs may
# contain corpus data: keep DIR under .work/ (ignored by git).
set -uo pipefail
cd "$(dirname "$0")/.."
here="$(pwd)"

mode="${1:-}"
if [ "$mode" = "diff" ]; then
  before="$2"; after="$3"; bad=0
  for f in "$before"/*; do
    name="$(basename "$f")"
    if ! cmp -s "$f" "$after/$name"; then
      echo "differs: $name"; bad=1
    fi
  done
  for f in "$after"/*; do
    [ -e "$before/$(basename "$f")" ] || { echo "new: $(basename "$f")"; bad=1; }
  done
  [ $bad = 0 ] && echo "identical: $(ls "$before" | wc -l) files"
  exit $bad
fi

if [ "$mode" != "capture" ] || [ $# -lt 2 ]; then
  sed -n '2,9p' "$0"; exit 2
fi

out="$2"
dll="${3:-}"
if [ -z "$dll" ]; then
  dll="$here/.work/compare-cli/trailsift.dll"
  dotnet build src/TrailSift.Cli/TrailSift.Cli.csproj -c Release -nologo -v quiet -o "$here/.work/compare-cli" >/dev/null || exit 2
fi
rm -rf "$out"; mkdir -p "$out"
corpus="${TRAILSIFT_CORPUS:-$here/../../shared/corpus}"
[ -d "$corpus" ] || corpus="/work/shared/corpus"
S=samples/emr-launch
P=EMR_DefaultRole_Restricted
POL=samples/emr-launch-policies
tmp="$here/.work/compare-tmp"   # fixed: paths appear in messages
rm -rf "$tmp"; mkdir -p "$tmp"

# run NAME [ARGS...]: stdin from /dev/null unless $STDIN names a file.
run() {
  local name="$1"; shift
  local input="${STDIN:-/dev/null}"
  NO_COLOR=1 dotnet "$dll" "$@" <"$input" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  sed -i -E 's/^time: [0-9.]+ s, [0-9.]+ MB\/s$/time: (varies)/' "$out/$name.err"   # --stats timing
}

# Samples: every command and format.
run query-ndjson query $S
run query-json query --format json $S
run query-table query --format table $S
run query-csv query --format csv --fields .eventTime,.eventName,.userIdentity.arn $S
run query-filter query '.eventName == "RunInstances"' $S
run query-denied query --denied --principal $P $S
run query-sort query --sort time --format ndjson $S
run query-sort-json query --sort time --format json --event CreateSecurityGroup $S
run query-grep query --grep RunInstances --source ec2 $S
run query-region query --region eu-west-1 --stats --no-progress $S
run query-since query --since 2025-06-04 --until 2025-06-05 --stats $S
run query-account query --account 111111111111 --stats $S
run query-j1 query -j 1 $S
run query-badformat query --format yaml $S
run query-nopath query '.eventName == "X"' does-not-exist
run count-total count $S
run count-by count --by eventName $S
run count-by2 count --by .eventSource,.errorCode --format csv $S
run count-json count --by eventName --format json --top 3 $S
run count-ndjson count --by .userIdentity.arn --format ndjson $S
run count-table count --by eventName --format table $S
run count-badformat count --format xml $S
run denied-text denied --format text $S
run denied-ndjson denied --format ndjson $S
run denied-json denied --format json --related $S
run denied-policy denied --policy $S
run denied-principal denied --principal $P --policy $S
run denied-filter denied '.eventSource == "ec2.amazonaws.com"' --format ndjson $S
run denied-auth denied --include-auth-failures --format text $S
run actions actions $S
run actions-principal actions --principal $P $S
run actions-summary actions --summary $S
run actions-coverage actions --coverage $S
run policy policy --principal $P $S
run policy-explain policy --principal $P --explain $S
run policy-tf policy --principal $P --format terraform $S
run policy-cfn policy --principal $P --format cloudformation --generalize none $S
run policy-exclude policy --principal $P --exclude-denied --compress-actions $S
run policy-none policy --principal nobody $S
rm -rf "$tmp/pp"
run policy-per-principal policy --per-principal "$tmp/pp" $S
(cd "$tmp/pp" 2>/dev/null && find . -type f | sort | xargs cat) >"$out/policy-per-principal.files" 2>/dev/null
run check check --policy $POL/security-group-scoped.json --principal $P $S
run check-verbose check --policy $POL/tag-conditioned.json --principal $P --verbose $S
run check-ndjson check --policy $POL/tag-conditioned.json --format ndjson $S
run check-nopolicy check $S
run lint lint $POL/security-group-scoped.json $POL/tag-conditioned.json
run lint-missing lint nope.json
run simulate-missing simulate --request nope.json

# Standard input.
# (concatenated CloudTrail files are not one JSON text: feed NDJSON, plus one gzip file as is)
dotnet "$dll" query --format ndjson $S >"$tmp/all.json" 2>/dev/null
STDIN="$(find $S/AWSLogs/*/CloudTrail -name '*.json.gz' | sort | head -n 1)" run stdin-gz query --format ndjson
STDIN="$tmp/all.json" run stdin-query query --event RunInstances
STDIN="$tmp/all.json" run stdin-query-dash query --event RunInstances -
STDIN="$tmp/all.json" run stdin-count count --by eventName -
STDIN="$tmp/all.json" run stdin-denied denied --format ndjson
STDIN="$tmp/all.json" run stdin-denied-policy denied --policy --principal $P
STDIN="$tmp/all.json" run stdin-policy policy --principal $P
STDIN="$tmp/all.json" run stdin-check check --policy $POL/tag-conditioned.json --principal $P
STDIN="$POL/tag-conditioned.json" run stdin-lint lint -
cat >"$tmp/req.json" <<'EOF'
{"request":{"principal":"arn:aws:iam::123456789012:role/R","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},
 "identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}]}
EOF
run simulate simulate --request "$tmp/req.json"
run simulate-json simulate --format json --request "$tmp/req.json"
STDIN="$tmp/req.json" run simulate-stdin simulate

# Corpus subsets (by path).
if [ -d "$corpus" ]; then
  C="$corpus"
  run c-query-stratus query --format ndjson "$C/stratus-red-team"
  run c-query-table query --format table "$C/trailscraper" "$C/grycap-cloudtrail-tracker"
  run c-query-processing query "$C/aws-cloudtrail-processing-library"
  run c-count-all count --by .eventSource,.eventName --stats "$C"
  run c-count-json count --by .userIdentity.type --format json "$C"
  run c-denied-all denied --format ndjson "$C"
  run c-denied-text denied --format text "$C/stratus-red-team" "$C/otrf-security-datasets"
  run c-denied-policy denied --policy "$C/panther-analysis"
  run c-actions-summary actions --summary "$C/stratus-red-team"
  run c-actions-coverage actions --coverage "$C"
  run c-actions "actions" "$C/trailscraper"
  run c-policy-per policy --per-principal "$tmp/cpp" --explain "$C/stratus-red-team"
  (cd "$tmp/cpp" 2>/dev/null && find . -type f | sort | xargs cat) >"$out/c-policy-per.files" 2>/dev/null
  run c-check check --policy $POL/security-group-scoped.json "$C/stratus-red-team"
  run c-query-awsdocs query --event CreateBucket "$C/awsdocs-cloudtrail-user-guide"
fi
echo "captured $(ls "$out" | wc -l) files in $out"
