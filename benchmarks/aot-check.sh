#!/usr/bin/env bash
# NativeAOT check of the generated client: publish benchmarks/AotSmoke with PublishAot, fail on any trim/AOT
# warning (IL2xxx / IL3xxx), then run the native binary (it validates and serializes a generated request).
# Usage: benchmarks/aot-check.sh   (from anywhere; needs the NativeAOT prerequisites: clang or gcc, zlib)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)"
log="$out/publish.log"
trap 'rm -rf "$out"' EXIT
rid="${AOT_RID:-linux-x64}"
if ! dotnet publish "$here/AotSmoke/AotSmoke.csproj" -c Release -r "$rid" -o "$out/bin" -p:TreatWarningsAsErrors=false >"$log" 2>&1; then
  cat "$log"; echo "aot-check: publish failed" >&2; exit 1
fi
warnings="$(grep -Eo 'warning IL[23][0-9]{3}[^[]*' "$log" | sort -u || true)"
count="$(printf '%s' "$warnings" | grep -c . || true)"
echo "aot-check: $count trim/AOT warning(s)"
if [ "$count" -ne 0 ]; then printf '%s\n' "$warnings" >&2; exit 1; fi
"$out/bin/AotSmoke"
echo "aot-check: OK ($(du -h "$out/bin/AotSmoke" | cut -f1) native binary)"
