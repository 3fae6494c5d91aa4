#!/usr/bin/env bash
# NativeAOT check of the generated client: publish benchmarks/AotSmoke with PublishAot, fail on any trim/AOT
# warning (IL2xxx / IL3xxx), then run the native binary against the standalone emulator on 127.0.0.1: it validates
# and serializes a generated request, then uploads a clip, runs an extend-video job with progress and downloads it.
# Usage: benchmarks/aot-check.sh   (from anywhere; needs the NativeAOT prerequisites: clang or gcc, zlib)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)"
log="$out/publish.log"
emu_pid=""
cleanup() {
  if [ -n "$emu_pid" ]; then
    kill -TERM "$emu_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$emu_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$emu_pid" 2>/dev/null || true
  fi
  rm -rf "$out"
}
trap cleanup EXIT
rid="${AOT_RID:-linux-x64}"
if ! dotnet publish "$here/AotSmoke/AotSmoke.csproj" -c Release -r "$rid" -o "$out/bin" -p:TreatWarningsAsErrors=false >"$log" 2>&1; then
  cat "$log"; echo "aot-check: publish failed" >&2; exit 1
fi
warnings="$(grep -Eo 'warning IL[23][0-9]{3}[^[]*' "$log" | sort -u || true)"
count="$(printf '%s' "$warnings" | grep -c . || true)"
echo "aot-check: $count trim/AOT warning(s)"
if [ "$count" -ne 0 ]; then printf '%s\n' "$warnings" >&2; exit 1; fi

# The emulator on a free loopback port; its first line names the base address.
dotnet build "$here/../emulator/LtxCodegen.Emulator/LtxCodegen.Emulator.csproj" -c Release -v quiet -nologo >"$out/emu-build.log" 2>&1 \
  || { cat "$out/emu-build.log"; echo "aot-check: emulator build failed" >&2; exit 1; }
dotnet "$here/../emulator/LtxCodegen.Emulator/bin/Release/net10.0/LtxCodegen.Emulator.dll" --port 0 --api-key aot --api-secret aot-secret \
  --queued-ms 100 --running-ms 300 >"$out/emu.log" 2>&1 &
emu_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -Eo 'http://127\.0\.0\.1:[0-9]+/v1/' "$out/emu.log" | head -n 1 || true)"
  if [ -n "$url" ] || ! kill -0 "$emu_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then cat "$out/emu.log"; echo "aot-check: the emulator did not start" >&2; exit 1; fi

SCENARIO_API_URL="$url" SCENARIO_API_KEY=aot SCENARIO_API_SECRET=aot-secret timeout 60 "$out/bin/AotSmoke"
echo "aot-check: OK ($(du -h "$out/bin/AotSmoke" | cut -f1) native binary)"
