#!/usr/bin/env bash
# packaging/publish.sh: the release artefacts, built on one linux-x64 machine (docs: README "Install", GUIDE.md).
#   - Native AOT binaries for linux-x64 and linux-arm64 (arm64 cross-compiled with clang/lld and Debian's arm64
#     cross libc), each checked with `file`; the arm64 one also runs under qemu-user: --version, then `denied` and
#     `count` on the sample, compared byte for byte with the x64 binary's output.
#   - the .NET tool package (dotnet tool install -g trailsift --add-source DIR), which runs wherever .NET 10 does.
#   - tar.gz per binary with README, LICENSE notices and the man page; SHA256SUMS.
# Installs what it needs from Debian (apt-get) when run as root; otherwise says what is missing.
# Usage: packaging/publish.sh [OUT_DIR]        (default .work/release; RIDS="linux-x64" limits the targets)
# Not part of test.sh: two AOT builds take several minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/.work/release}" && cd "${1:-$root/.work/release}" && pwd)"
project="$root/src/TrailSift.Cli/TrailSift.Cli.csproj"
rids="${RIDS:-linux-x64 linux-arm64}"
sample="$root/samples/emr-launch"

[ "$(uname -s)/$(uname -m)" = "Linux/x86_64" ] || { echo "publish.sh: runs on linux-x64 (it cross-builds arm64 from there)" >&2; exit 2; }

# clang + lld link both targets; gcc-aarch64-linux-gnu and libc6-dev-arm64-cross give clang the arm64 crt files,
# libgcc and libc (clang --target=aarch64-linux-gnu finds them in /usr/aarch64-linux-gnu and /usr/lib/gcc-cross);
# binutils-aarch64-linux-gnu strips; qemu-user runs the arm64 binary; zlib1g-dev is the runtime's zlib.
need=(clang lld file zlib1g-dev)
case " $rids " in *" linux-arm64 "*) need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu qemu-user) ;; esac
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]} (apt-get)…" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "publish.sh: missing Debian packages: ${missing[*]} (apt-get install them)" >&2
    exit 2
  fi
fi

version="$(dotnet msbuild "$project" -nologo -getProperty:Version)"
echo "TrailSift $version -> $out" >&2

smoke() { # $1 = how to run the binary (a command prefix): the outputs the arm64 binary must reproduce
  $1 --version
  $1 denied --format text "$sample"
  $1 count --by .eventName "$sample"
  $1 query --denied --format ndjson "$sample"
}

for rid in $rids; do
  dir="$out/$rid"
  rm -rf "$dir"
  start=$(date +%s)
  echo "publishing $rid (Native AOT)…" >&2
  args=(-c Release -r "$rid" -p:PublishAot=true -nologo -v quiet -o "$dir")
  if [ "$rid" = linux-arm64 ]; then
    # The ILCompiler runs on x64 and emits arm64 code; clang links for the target triple with lld, and the
    # arm64 binutils strip the symbols into trailsift.dbg.
    args+=(-p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
  fi
  dotnet publish "$project" "${args[@]}" > "$out/publish-$rid.log" 2>&1 || { cat "$out/publish-$rid.log" >&2; exit 1; }
  if grep -Eq "warning (IL|AOT)[0-9]+" "$out/publish-$rid.log"; then
    grep -E "warning (IL|AOT)[0-9]+" "$out/publish-$rid.log" >&2
    echo "publish.sh: trim/AOT warnings in the $rid build" >&2
    exit 1
  fi
  kind="$(file -b "$dir/trailsift")"
  echo "$rid: $kind ($(( $(date +%s) - start )) s, $(du -h "$dir/trailsift" | cut -f1))" >&2
  case "$rid" in
    linux-x64) [[ "$kind" == *"x86-64"* ]] || { echo "publish.sh: $rid binary is not x86-64" >&2; exit 1; } ;;
    linux-arm64) [[ "$kind" == *"ARM aarch64"* ]] || { echo "publish.sh: $rid binary is not aarch64" >&2; exit 1; } ;;
  esac
done

# The arm64 binary, run under qemu-user, prints what the x64 binary prints.
if [ -x "$out/linux-arm64/trailsift" ] && [ -x "$out/linux-x64/trailsift" ]; then
  if command -v qemu-aarch64 >/dev/null; then
    smoke "$out/linux-x64/trailsift" > "$out/smoke-linux-x64.txt" 2>/dev/null
    smoke "qemu-aarch64 -L /usr/aarch64-linux-gnu $out/linux-arm64/trailsift" > "$out/smoke-linux-arm64.txt" 2>/dev/null
    if cmp -s "$out/smoke-linux-x64.txt" "$out/smoke-linux-arm64.txt"; then
      echo "linux-arm64 under qemu-user: same output as linux-x64 ($(wc -l < "$out/smoke-linux-x64.txt") lines: --version, denied, count, query)" >&2
    else
      diff "$out/smoke-linux-x64.txt" "$out/smoke-linux-arm64.txt" | head -n 20 >&2
      echo "publish.sh: the arm64 binary's output differs from the x64 binary's" >&2
      exit 1
    fi
  else
    echo "qemu-aarch64 not installed: the arm64 binary was checked with file only" >&2
  fi
fi

# Archives, the tool package, checksums.
for rid in $rids; do
  stage="$out/trailsift-$version-$rid"
  rm -rf "$stage" && mkdir -p "$stage"
  cp "$out/$rid/trailsift" "$stage/"
  cp "$root/README.md" "$root/THIRD-PARTY-NOTICES" "$root/docs/trailsift.1" "$stage/"
  tar -C "$out" -czf "$stage.tar.gz" "trailsift-$version-$rid"
  rm -rf "$stage"
done
dotnet pack "$project" -c Release -nologo -v quiet -o "$out" > "$out/pack.log" 2>&1 || { cat "$out/pack.log" >&2; exit 1; }
(cd "$out" && sha256sum ./*.tar.gz ./*.nupkg > SHA256SUMS)
echo "done:" >&2
(cd "$out" && ls -1 ./*.tar.gz ./*.nupkg SHA256SUMS) >&2
