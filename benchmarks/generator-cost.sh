#!/usr/bin/env bash
# The generator's own cost per build, as the compiler reports it (-p:ReportAnalyzer=true): a consumer with 4 model
# docs (the 2 seed pages in schemas/ and 2 corpus docs) is built `runs` times in a row, a C# file edited before each
# build so that the compiler runs every time, with the compiler server off (a fresh csc process per build: JIT and
# first-use costs every time) and on (-p:UseSharedCompilation=true: one warm VBCSCompiler). Prints median and min of
# the LtxCodegenGenerator time per variant and mode, and the machine load (uptime) at the start and end.
# Target (issue 13 §3): <= 0.15 s per build, server off. The table also shows the SDK's ComInterfaceGenerator from
# the same builds as a yardstick of load and of the driver's first-use cost that the first generators absorb.
#
# Usage: benchmarks/generator-cost.sh [runs=7] [label=analyzer-dir ...]
#   Without variants, builds this checkout's generator (Release) and measures it as "current". A variant is a folder
#   holding LtxCodegen.Generator.dll, LtxCodegen.Schema.dll and Markdig.dll (e.g. another commit's build); variants
#   are measured interleaved (run 1 of each, run 2 of each, ...) so that the load of the machine hits them alike.
#   R2R=1 (without variants) adds "current-r2r": the same three DLLs ReadyToRun-compiled by crossgen2 for this OS and
#   architecture (the size change is printed). MODES="off on" (default) picks the compiler-server modes. KEEP=1 keeps the temporary folder (build logs).
#   CPU_RUNS=n (default 5; 0 skips it): then replays each variant's compiler command line (taken from its last
#   server-off build) n times with /usr/bin/time, next to the same command line without the LtxCodegen analyzers
#   ("none"), and prints the compiler's CPU time (user + sys): on a loaded machine wall-clock times (and so the
#   compiler's own report) grow with the load, CPU time much less. Other.cs is swapped for a file that does not use
#   the generated code, so that every command line compiles without errors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${1:-7}"
shift || true
modes="${MODES:-off on}"
root="$(mktemp -d)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

# The compiler server this script starts (server-on mode) is stopped at the end, by its process id; one that was
# already running is left alone.
servers_before="$(pgrep -f VBCSCompiler.dll || true)"
cleanup() {
  for pid in $(pgrep -f VBCSCompiler.dll || true); do
    if ! grep -qx "$pid" <<<"$servers_before"; then kill "$pid" 2>/dev/null || true; fi
  done
  [ -n "${KEEP:-}" ] && echo "generator-cost: kept $root" || rm -rf "$root"
}
trap cleanup EXIT

echo "generator-cost: building the runtime (and the generator unless variants are given)"
dotnet build "$repo/runtime/LtxCodegen.Runtime/LtxCodegen.Runtime.csproj" -c Release -f net8.0 -nodeReuse:false -v:q -nologo >"$root/runtime.log" 2>&1 \
  || { cat "$root/runtime.log"; exit 1; }
# A copy: a later build of the repository (a test run packing the runtime) must not pull it away mid-measurement.
mkdir -p "$root/runtime"
cp "$repo/runtime/LtxCodegen.Runtime/bin/Release/net8.0/LtxCodegen.Runtime.dll" "$root/runtime/"
runtime="$root/runtime/LtxCodegen.Runtime.dll"
logging="$(grep -o 'Microsoft.Extensions.Logging.Abstractions" Version="[^"]*' "$repo/Directory.Packages.props" | sed 's/.*Version="//')"

variants=("$@")
if [ "${#variants[@]}" -eq 0 ]; then
  gen="$repo/generator/LtxCodegen.Generator"
  dotnet build "$gen/LtxCodegen.Generator.csproj" -c Release -nodeReuse:false -v:q -nologo >"$root/generator.log" 2>&1 \
    || { cat "$root/generator.log"; exit 1; }
  markdig="$(dotnet msbuild "$gen/LtxCodegen.Generator.csproj" -getProperty:PkgMarkdig -p:Configuration=Release)"
  mkdir -p "$root/analyzers/current"
  cp "$gen/bin/Release/netstandard2.0/LtxCodegen.Generator.dll" "$gen/bin/Release/netstandard2.0/LtxCodegen.Schema.dll" \
     "$markdig/lib/netstandard2.0/Markdig.dll" "$root/analyzers/current/"
  variants=("current=$root/analyzers/current")
  if [ -n "${R2R:-}" ]; then
    # The same three DLLs ReadyToRun-compiled for this OS/architecture by crossgen2 (the SDK's own pack, restored the
    # way a PublishReadyToRun project restores it), against this SDK's runtime and compiler.
    rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
    fx="$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" { v = $2; d = $3 } END { gsub(/[\[\]]/, "", d); print v " " d "/" v }')"
    fxver="${fx%% *}"; fxdir="${fx#* }"
    mkdir -p "$root/crossgen"
    cat >"$root/crossgen/Crossgen.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
    <PublishReadyToRun>true</PublishReadyToRun>
    <RuntimeFrameworkVersion>$fxver</RuntimeFrameworkVersion>
  </PropertyGroup>
</Project>
XML
    (cd "$root/crossgen" && dotnet restore -v:q -nologo >restore.log 2>&1) || { cat "$root/crossgen/restore.log"; exit 1; }
    packs="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
    crossgen="$packs/microsoft.netcore.app.crossgen2.$rid/$fxver/tools/crossgen2"
    [ -x "$crossgen" ] || crossgen="$(ls -d "$packs"/microsoft.netcore.app.crossgen2."$rid"/*/tools/crossgen2 2>/dev/null | sort -V | tail -n 1)"
    [ -x "$crossgen" ] || { echo "generator-cost: no crossgen2 for $rid in $packs" >&2; exit 1; }
    roslyn="$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$(cd "$repo" && dotnet --version)/Roslyn/bincore"
    mkdir -p "$root/analyzers/current-r2r"
    cur="$root/analyzers/current"
    for f in LtxCodegen.Generator.dll LtxCodegen.Schema.dll Markdig.dll; do
      "$crossgen" "$cur/$f" -o "$root/analyzers/current-r2r/$f" -r "$fxdir/*.dll" -r "$roslyn/Microsoft.CodeAnalysis*.dll" \
        $(for o in LtxCodegen.Generator.dll LtxCodegen.Schema.dll Markdig.dll; do [ "$o" = "$f" ] || printf -- '-r %s ' "$cur/$o"; done) \
        --targetos:"${rid%%-*}" --targetarch:"${rid##*-}" -O >"$root/crossgen/$f.log" 2>&1 || { cat "$root/crossgen/$f.log"; exit 1; }
    done
    echo "generator-cost: ReadyToRun ($rid, crossgen2 $(basename "$(dirname "$(dirname "$crossgen")")")): $(du -cb "$cur"/*.dll | tail -n 1 | cut -f1) bytes of IL -> $(du -cb "$root/analyzers/current-r2r"/*.dll | tail -n 1 | cut -f1) bytes"
    variants+=("current-r2r=$root/analyzers/current-r2r")
  fi
fi

docs=("$repo/schemas/ltx-2-19b-extend-video.md" "$repo/schemas/ltx-2-19b-video-to-video.md"
      "$repo/tests/LtxCodegen.Generator.Tests/TestData/corpus/json/model_cartwheel-text-to-motion.json"
      "$repo/tests/LtxCodegen.Generator.Tests/TestData/corpus/provider-pages/docs-provider-clarity-ai-upscale.md")
labels=()
for v in "${variants[@]}"; do
  label="${v%%=*}"; dir="$(cd "${v#*=}" && pwd)"
  for f in LtxCodegen.Generator.dll LtxCodegen.Schema.dll Markdig.dll; do
    [ -f "$dir/$f" ] || { echo "generator-cost: $dir has no $f" >&2; exit 1; }
  done
  labels+=("$label")
  p="$root/$label"
  mkdir -p "$p/schemas"
  cp "${docs[@]}" "$p/schemas/"
  cat >"$p/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/LtxCodegen.Generator/build/LtxCodegen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Consumer</RootNamespace>
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$runtime" />
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="$logging" />
    <Analyzer Include="$dir/LtxCodegen.Generator.dll;$dir/LtxCodegen.Schema.dll;$dir/Markdig.dll" />
  </ItemGroup>
</Project>
XML
  cat >"$p/Other.cs" <<'CS'
namespace Consumer
{
    public static class Other
    {
        public static string Describe() => ScenarioModels.All.Count + " models, edit 0";
    }
}
CS
  (cd "$p" && dotnet restore -v:q -nologo >"$p/restore.log" 2>&1) || { cat "$p/restore.log"; exit 1; }
done

# One build: edit the C# file (the compiler runs), build, set secs to the generator's seconds from the compiler's report.
edit=0
secs=""
build() { # $1 label, $2 off|on
  local p="$root/$1" shared=false log
  [ "$2" = on ] && shared=true
  edit=$((edit + 1))
  sed -i "s/edit [0-9]*\"/edit $edit\"/" "$p/Other.cs"
  log="$p/build-$2.log"
  (cd "$p" && dotnet build --no-restore -nologo -nodeReuse:false -v:d -p:UseSharedCompilation=$shared >"$log" 2>&1) \
    || { grep -E ': (error|warning) ' "$log" | cut -c1-300 | sort -u | head -20; exit 1; }
  grep -q 'warning LTXG\|error LTXG' "$log" && { echo "generator-cost: the generator reported diagnostics for the 4 docs" >&2; grep 'LTXG' "$log" | head >&2; exit 1; }
  secs="$(grep -E '^\s+[0-9.]+\s+[0-9<]+\s+LtxCodegen\.Generator\.LtxCodegenGenerator\s*$' "$log" | awk '{ print $1 }' | head -n 1)"
  [ -n "$secs" ] || { echo "generator-cost: no LtxCodegenGenerator time in $log" >&2; exit 1; }
  # Yardstick: the SDK's own ComInterfaceGenerator (ReadyToRun-compiled, no input to work on in this project) in the
  # same compiler run; its time is first-use cost of the generator driver plus the machine's load.
  yard="$(grep -E '^\s+[0-9.]+\s+[0-9<]+\s+Microsoft\.Interop\.ComInterfaceGenerator,' "$log" | awk '{ print $1 }' | head -n 1)"
  yard="${yard:-0}"
}

echo "generator-cost: load at start: $(uptime | sed 's/.*load/load/')"
declare -A times yards
for run in $(seq 0 "$runs"); do
  for mode in $modes; do
    for label in "${labels[@]}"; do
      build "$label" "$mode"
      if [ "$run" -gt 0 ]; then # run 0 warms the disk cache (and starts the server)
        times[$label-$mode]+="$secs "
        yards[$label-$mode]+="$yard "
      fi
    done
  done
done
echo "generator-cost: load at end: $(uptime | sed 's/.*load/load/')"

stat() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f %.3f", m, a[1] }'; }
echo
echo "| Generator | Compiler server | Median (s) | Min (s) | ≤ 0.15 s (server off) | All runs (s) | ComInterfaceGenerator, same builds: median (s) |"
echo "|---|---|---:|---:|---|---|---:|"
for label in "${labels[@]}"; do
  for mode in $modes; do
    read -r med min <<<"$(echo "${times[$label-$mode]}" | stat)"
    met="-"
    [ "$mode" = off ] && met="$(awk -v m="$med" 'BEGIN { print (m <= 0.15) ? "met" : "not met" }')"
    read -r ymed _ <<<"$(echo "${yards[$label-$mode]}" | stat)"
    echo "| $label | $mode | $med | $min | $met | ${times[$label-$mode]}| $ymed |"
  done
done

cpu_runs="${CPU_RUNS:-5}"
[ "$cpu_runs" -gt 0 ] || exit 0
command -v /usr/bin/time >/dev/null || { echo "generator-cost: /usr/bin/time is missing; no CPU times" >&2; exit 0; }
cpulabels=()
for label in "${labels[@]}"; do
  p="$root/$label"
  line="$(grep -m 1 -E '^\s+\S+/Roslyn/bincore/csc /noconfig ' "$p/build-off.log" | sed -E 's/^\s+//')"
  [ -n "$line" ] || { echo "generator-cost: no compiler command line in $p/build-off.log" >&2; exit 1; }
  csc="${line%% *}"
  printf 'namespace Consumer\n{\n    public static class Other\n    {\n        public static string Describe() => "plain";\n    }\n}\n' >"$p/OtherPlain.cs"
  tr ' ' '\n' <<<"${line#* }" | sed 's#^Other\.cs$#OtherPlain.cs#' >"$p/csc.rsp"
  cpulabels+=("$label")
done
# "none": the first variant's command line without any LtxCodegen analyzer.
first="$root/${labels[0]}"
mkdir -p "$root/none/ref"
grep -v '^/analyzer:.*/\(LtxCodegen\.Generator\|LtxCodegen\.Schema\|Markdig\)\.dll$' "$first/csc.rsp" \
  | sed "s#^/out:.*#/out:$root/none/Consumer.dll#; s#^/refout:.*#/refout:$root/none/ref/Consumer.dll#" >"$root/none/csc.rsp"
grep -q 'LtxCodegen.Generator.dll' "$root/none/csc.rsp" && { echo "generator-cost: none still has the generator" >&2; exit 1; }
cpulabels+=("none")

declare -A cpu
echo "generator-cost: CPU times, $cpu_runs rounds; load at start: $(uptime | sed 's/.*load/load/')"
for run in $(seq 1 "$cpu_runs"); do
  for label in "${cpulabels[@]}"; do
    p="$root/$label"; [ "$label" = none ] && p="$first"
    (cd "$p" && /usr/bin/time -f '%U %S' -o "$root/$label.time" "$csc" @"$root/$label/csc.rsp" >"$root/$label/csc.out" 2>&1) \
      || { tail -n 20 "$root/$label/csc.out"; exit 1; }
    cpu[$label]+="$(awk '{ printf "%.2f", $1 + $2 }' "$root/$label.time") "
  done
done
echo "generator-cost: load at end: $(uptime | sed 's/.*load/load/')"
echo
echo "| Compiler command line | CPU median (s) | CPU min (s) | Median minus none (s) | All runs (s) |"
echo "|---|---:|---:|---:|---|"
read -r nmed _ <<<"$(echo "${cpu[none]}" | stat)"
for label in "${cpulabels[@]}"; do
  read -r med min <<<"$(echo "${cpu[$label]}" | stat)"
  echo "| $label | $med | $min | $(awk -v a="$med" -v b="$nmed" 'BEGIN { printf "%.2f", a - b }') | ${cpu[$label]}|"
done
