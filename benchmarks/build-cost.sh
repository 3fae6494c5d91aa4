#!/usr/bin/env bash
# Build cost of LtxCodegen as a user sees it (issue 13): `dotnet build` of consumers of the PACKED package against the
# floor, the same app without LtxCodegen. Consumers (net10.0 console apps, Debug, the same three C# files each):
#   floor      no LtxCodegen
#   seeds      the 2 seed pages and their JSON docs (the repository's schemas/)
#   docs100    100 real docs (seed pages and corpus docs cycled, each copy with its own model ids)
#   catalogue  the catalogue's provider pages in the app's own schemas/
#   catlib     the catalogue in its own class library that the app references (README "Many models": the app has the
#              package too, for the analyzer, and no docs); the app is edited
#   floorlib   the floor of that layout: the same app referencing a library with one small class, no LtxCodegen in either
#              (run whenever catlib is; catlib's ratios are against it)
# For each, with the compiler server on (-p:UseSharedCompilation=true, on a pipe of its own, shut down between the two
# settings) and off: clean build, no-op build, edit-one-file build; medians of RUNS interleaved runs after a warm-up,
# plus the generated files' bytes and lines. Writes its section of benchmarks/RESULTS.md (between build-cost markers)
# and benchmarks/build-cost.svg (chart of edit-build time against model count).
#
# Usage: bash benchmarks/build-cost.sh [catalogue-folder]      (default: ../shared/corpus/catalogue next to the repo root)
#   RUNS=7                runs per figure (default 7)
#   ONLY=floor,seeds      a subset of consumers (development; then nothing is written to RESULTS.md unless OUT is set)
#   MODES=off,on          the compiler-server settings, in this order
#   CATLIB_CLEAN=1        also time the clean build of the library layout (the catalogue's clean build plus the app's)
#   OUT=path.md           where the section goes (default benchmarks/RESULTS.md for a full run, else only printed)
#   BUILD_TIMEOUT=900     seconds before one build counts as failed
#   KEEP=1                keep the work folder
# bash benchmarks/build-cost.sh --self-test      checks the report's medians, ratios, targets, chart and splicing (fast)
set -euo pipefail
{ # the whole script is read before it runs: editing this file during a run cannot change the run
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
if [ "${1:-}" = "--self-test" ]; then exec python3 "$here/build-cost-report.py" --self-test; fi

catalogue="$(cd "${1:-$repo/../shared/corpus/catalogue}" && pwd)" || { echo "build-cost: no catalogue folder ${1:-$repo/../shared/corpus/catalogue}" >&2; exit 2; }
runs="${RUNS:-7}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "build-cost: RUNS must be a positive number" >&2; exit 2; }
all_consumers="floor floorlib seeds docs100 catalogue catlib"
consumers="$(echo "${ONLY:-$all_consumers}" | tr ',' ' ')"
modes="$(echo "${MODES:-off,on}" | tr ',' ' ')"
case " $consumers " in *" floor "*) ;; *) consumers="floor $consumers";; esac # every ratio needs the floor
case " $consumers " in *" catlib "*) case " $consumers " in *" floorlib "*) ;; *) consumers="${consumers/floor/floor floorlib}";; esac;; esac
for c in $consumers; do case " $all_consumers " in *" $c "*) ;; *) echo "build-cost: unknown consumer $c (one of: $all_consumers)" >&2; exit 2;; esac; done
for m in $modes; do case "$m" in on|off) ;; *) echo "build-cost: MODES are on and off" >&2; exit 2;; esac; done
out="${OUT:-}"
if [ -z "$out" ] && [ -z "${ONLY:-}" ] && [ -z "${MODES:-}" ]; then out="$repo/benchmarks/RESULTS.md"; fi
timeout_s="${BUILD_TIMEOUT:-900}"

root="$(mktemp -d "${TMPDIR:-/tmp}/ltx-build-cost.XXXXXX")"
pipe="ltx-build-cost-$$"
sdk_dir="$(dotnet --list-sdks | awk -v v="$(cd "$repo" && dotnet --version)" '$1 == v { gsub(/[\[\]]/, "", $2); print $2 "/" v }')"
shutdown_server() { # only the compiler server this script started (its own pipe): other builds on the machine keep theirs
  dotnet exec "$sdk_dir/Roslyn/bincore/VBCSCompiler.dll" -shutdown -pipename:"$pipe" >/dev/null 2>&1 || true
}
cleanup() { shutdown_server; [ -n "${KEEP:-}" ] && echo "build-cost: kept $root" || rm -rf "$root"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
export NUGET_PACKAGES="$root/packages"
start_all=$(date +%s)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

version="0.1.0-buildcost.$(date +%s)"
echo "build-cost: packing LtxCodegen $version (work folder $root)"
dotnet pack "$repo/runtime/LtxCodegen.Runtime/LtxCodegen.Runtime.csproj" -c Release -o "$root/feed" -p:Version="$version" -tl:off -v:q -nologo -nodeReuse:false >"$root/pack.log" 2>&1 \
  || { cat "$root/pack.log"; exit 1; }
cat >"$root/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$root/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

# ---- consumers ----------------------------------------------------------------------------------------------------
app_files() { # $1 folder, $2 "floor" or the namespace of the generated code
  cat >"$1/Program.cs" <<'CS'
System.Console.WriteLine(Consumer.Other.Describe() + "; " + Consumer.Models.Count + " models");
CS
  cat >"$1/Other.cs" <<'CS'
namespace Consumer
{
    internal static class Other
    {
        public static string Describe() => "edit 0";
    }
}
CS
  if [ "$2" = floor ]; then
    printf 'namespace Consumer\n{\n    internal static class Models\n    {\n        public static int Count => 0;\n    }\n}\n' >"$1/Models.cs"
  else
    printf 'namespace Consumer\n{\n    internal static class Models\n    {\n        public static int Count => global::%s.ScenarioModels.All.Count;\n    }\n}\n' "$2" >"$1/Models.cs"
  fi
}
csproj() { # $1 file, $2 Exe|Library, $3 extra items
  cat >"$1" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>$2</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Consumer</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
$3
  </ItemGroup>
</Project>
XML
}
package_ref="    <PackageReference Include=\"LtxCodegen\" Version=\"$version\" />"
sources=("$repo"/tests/LtxCodegen.Generator.Tests/TestData/seeds/*.md
         "$repo"/tests/LtxCodegen.Generator.Tests/TestData/corpus/markdown/*.md
         "$repo"/tests/LtxCodegen.Generator.Tests/TestData/corpus/provider-pages/*.md
         "$repo"/tests/LtxCodegen.Generator.Tests/TestData/corpus/json/*.json)
copy_docs() { # $1 kind, $2 schemas folder
  mkdir -p "$2"
  case "$1" in
    seeds) cp "$repo"/schemas/*.md "$repo"/schemas/*.json "$2/" ;;
    docs100) for i in $(seq 0 99); do
               src="${sources[$((i % ${#sources[@]}))]}"
               sed -E "s/model_([a-z0-9]+([-.][a-z0-9]+)+)/model_b$i-\1/g" "$src" >"$2/$i-$(basename "$src")"
             done ;;
    catalogue) find "$catalogue" -maxdepth 1 -type f \( -name '*.md' -o -name '*.json' \) -exec cp {} "$2/" \; ;;
  esac
}
declare -A entry dirs edit_file # consumer -> folder built, project folders (cleaned), file edited
for c in $consumers; do
  d="$root/$c"
  mkdir -p "$d"
  case "$c" in
    floor) csproj "$d/Consumer.csproj" Exe ""; app_files "$d" floor; dirs[$c]="$d" ;;
    seeds|docs100|catalogue) csproj "$d/Consumer.csproj" Exe "$package_ref"; app_files "$d" Consumer; copy_docs "$c" "$d/schemas"; dirs[$c]="$d" ;;
    floorlib)
      mkdir -p "$d/Models" "$d/App"
      csproj "$d/Models/Models.csproj" Library ""
      sed -i 's#<RootNamespace>Consumer</RootNamespace>#<RootNamespace>Catalogue</RootNamespace>#' "$d/Models/Models.csproj"
      printf 'namespace Catalogue\n{\n    public static class ScenarioModels\n    {\n        public static System.Collections.Generic.IReadOnlyList<string> All { get; } = new string[0];\n    }\n}\n' >"$d/Models/Library.cs"
      csproj "$d/App/App.csproj" Exe "    <ProjectReference Include=\"../Models/Models.csproj\" />"
      app_files "$d/App" Catalogue
      dirs[$c]="$d/Models $d/App" ;;
    catlib)
      mkdir -p "$d/Models" "$d/App"
      csproj "$d/Models/Models.csproj" Library "$package_ref"
      sed -i 's#<RootNamespace>Consumer</RootNamespace>#<RootNamespace>Catalogue</RootNamespace>#' "$d/Models/Models.csproj"
      copy_docs catalogue "$d/Models/schemas"
      csproj "$d/App/App.csproj" Exe "    <ProjectReference Include=\"../Models/Models.csproj\" />
$package_ref"
      app_files "$d/App" Catalogue
      dirs[$c]="$d/Models $d/App" ;;
  esac
  entry[$c]="$d"; case "$c" in catlib|floorlib) entry[$c]="$d/App" ;; esac
  edit_file[$c]="${entry[$c]}/Other.cs"
done
echo "build-cost: consumers $consumers; $(ls "$root/docs100/schemas" 2>/dev/null | wc -l) docs in docs100, $(find "$catalogue" -maxdepth 1 -name '*.md' | wc -l) catalogue pages"

# ---- one build ----------------------------------------------------------------------------------------------------
server_args() { if [ "$1" = on ]; then echo "-p:UseSharedCompilation=true -p:SharedCompilationId=$pipe"; else echo "-p:UseSharedCompilation=false"; fi; }
build_cmd="dotnet build <project> --no-restore -nologo -v:q -tl:off -nodeReuse:false"
build_ms() { # $1 consumer, $2 mode, $3 log; prints ms, or "fail" (the log keeps why)
  local s e
  s=$(date +%s%N)
  # shellcheck disable=SC2046
  if (cd "${entry[$1]}" && timeout --kill-after=20 "$timeout_s" dotnet build --no-restore -nologo -v:q -tl:off -nodeReuse:false $(server_args "$2") >"$3" 2>&1); then
    e=$(date +%s%N); echo $(((e - s) / 1000000))
  else
    echo fail
  fi
}
first_error() { { grep -m1 -E 'error [A-Z]+[0-9]+' "$1" || grep -m1 -iE 'error|timed out' "$1" || echo "exit status non-zero, see log"; } | sed -E 's#^.*/##' | cut -c1-200; }
clean() { for d in ${dirs[$1]}; do rm -rf "$d/bin" "$d/obj/Debug"; done; }
edit_count=0
edit() { edit_count=$((edit_count + 1)); sed -i -E "s/\"edit [0-9]+\"/\"edit $edit_count\"/" "${edit_file[$1]}"; }

# ---- setup: restore, first build with the generated files written out, run the app --------------------------------
: >"$root/consumers.tsv"
declare -A status
setup_seconds=0
for c in $consumers; do
  (cd "${entry[$c]}" && dotnet restore -nologo -v:q -nodeReuse:false >"$root/$c-restore.log" 2>&1) || { cat "$root/$c-restore.log"; exit 1; }
  if [ "$c" = floor ] && grep -qi ltxcodegen "$root/floor/obj/project.assets.json"; then echo "build-cost: the floor references LtxCodegen" >&2; exit 1; fi
  if [ "$c" = floorlib ] && grep -qi ltxcodegen "$root/floorlib/App/obj/project.assets.json" "$root/floorlib/Models/obj/project.assets.json"; then echo "build-cost: the two-project floor references LtxCodegen" >&2; exit 1; fi
  s=$(date +%s)
  if (cd "${entry[$c]}" && timeout --kill-after=20 "$timeout_s" dotnet build --no-restore -nologo -v:q -tl:off -nodeReuse:false -p:UseSharedCompilation=false \
        -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$root/generated/$c" >"$root/$c-setup.log" 2>&1); then
    name=$(case "$c" in catlib|floorlib) echo App ;; *) echo Consumer ;; esac)
    printed="$(dotnet "${entry[$c]}/bin/Debug/net10.0/$name.dll")"
    models="$(echo "$printed" | sed -nE 's/.*; ([0-9]+) models$/\1/p')"
    [ -n "$models" ] || { echo "build-cost: $c printed \"$printed\"" >&2; exit 1; }
    status[$c]=ok
    setup_seconds=$((setup_seconds + $(date +%s) - s))
  else
    models=0
    status[$c]="$(first_error "$root/$c-setup.log")"
  fi
  files=0 bytes=0 lines=0
  if [ -d "$root/generated/$c" ]; then
    files=$(find "$root/generated/$c" -path '*LtxCodegen.Generator*' -name '*.cs' | wc -l)
    if [ "$files" -gt 0 ]; then
      bytes=$(find "$root/generated/$c" -path '*LtxCodegen.Generator*' -name '*.cs' -print0 | xargs -0 cat | wc -c)
      lines=$(find "$root/generated/$c" -path '*LtxCodegen.Generator*' -name '*.cs' -print0 | xargs -0 cat | wc -l)
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$models" "$files" "$bytes" "$lines" "${status[$c]}" >>"$root/consumers.tsv"
  echo "build-cost: $c: $([ "${status[$c]}" = ok ] && echo "builds in $(($(date +%s) - s)) s, $models models" || echo "BUILD FAILED: ${status[$c]}"); $files generated files, $bytes bytes, $lines lines"
done

# ---- timed runs ---------------------------------------------------------------------------------------------------
: >"$root/times.tsv"
ok_consumers=""
for c in $consumers; do [ "${status[$c]}" = ok ] && ok_consumers="$ok_consumers $c"; done
rounds_total=$(( $(echo $modes | wc -w) * (runs + 1) ))
rounds_done=0 timed_rounds=0 timed_seconds=0
fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
# The clean build of the library layout is the catalogue's clean build plus the app's: timed only with CATLIB_CLEAN=1.
kinds() { if [ "$2" -eq 0 ] || { [[ "$1" == catlib || "$1" == floorlib ]] && [ -z "${CATLIB_CLEAN:-}" ]; }; then echo "noop edit"; else echo "clean noop edit"; fi; }
echo "build-cost: rough estimate before the first round: $(fmt_time $((setup_seconds * 3 * (runs + 1) / 2))) for $runs runs (the setup's first builds took $(fmt_time "$setup_seconds"))"
for mode in $modes; do
  shutdown_server
  for run in $(seq 0 "$runs"); do # run 0 warms up (a fresh compiler server, MSBuild, the disk cache): no clean build, not recorded
    round_start=$(date +%s)
    for c in $ok_consumers; do
      for kind in $(kinds "$c" "$run"); do
        case "$kind" in clean) clean "$c" ;; edit) edit "$c" ;; esac
        ms="$(build_ms "$c" "$mode" "$root/last.log")"
        if [ "$ms" = fail ]; then
          cp "$root/last.log" "$root/$c-$mode-$kind-$run-failed.log"
          echo "build-cost: FAILED: $c $kind, server $mode, run $run: $(first_error "$root/last.log")"
        fi
        if [ "$run" -gt 0 ]; then printf '%s\t%s\t%s\t%s\t%s\n' "$mode" "$c" "$kind" "$run" "$ms" >>"$root/times.tsv"; fi
        printf 'build-cost: server %-3s run %d/%d %-9s %-5s %s\n' "$mode" "$run" "$runs" "$c" "$kind" "$([ "$ms" = fail ] && echo failed || echo "$ms ms")"
      done
    done
    rounds_done=$((rounds_done + 1))
    if [ "$run" -gt 0 ]; then timed_rounds=$((timed_rounds + 1)); timed_seconds=$((timed_seconds + $(date +%s) - round_start)); fi
    if [ "$timed_rounds" -gt 0 ]; then
      echo "build-cost: $rounds_done of $rounds_total rounds done, $(fmt_time $(($(date +%s) - start_all))) so far; about $(fmt_time $((timed_seconds * (rounds_total - rounds_done) / timed_rounds))) to go"
    fi
  done
done
shutdown_server

# ---- report -------------------------------------------------------------------------------------------------------
total=$(($(date +%s) - start_all))
echo "$runs" >"$root/runs.txt"
rel_catalogue="$(realpath -s --relative-to="$repo" "$catalogue")"
{
  echo '```bash'
  echo "${ONLY:+ONLY=$ONLY }${MODES:+MODES=$MODES }RUNS=$runs bash benchmarks/build-cost.sh $rel_catalogue"
  echo '```'
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) vCPU $(lscpu 2>/dev/null | sed -nE 's/^Model name: +//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, Linux $(uname -r), .NET SDK $(cd "$repo" && dotnet --version)."
  echo "Load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg). Whole run: $(fmt_time "$total") ($runs runs + 1 warm-up per setting)."
  echo
  echo "The package is packed (\`dotnet pack runtime/LtxCodegen.Runtime\`) into a folder feed and every consumer restores it"
  echo "from there (a fresh \`NUGET_PACKAGES\`). Each consumer is a net10.0 console app with the same three C# files (the"
  echo "floor's \`Models.cs\` returns 0 instead of \`ScenarioModels.All.Count\`); \`docs100\` cycles the seed pages and the"
  echo "corpus docs of tests/LtxCodegen.Generator.Tests/TestData with distinct model ids (\`model_b{i}-…\`); the catalogue is"
  echo "every \`.md\`/\`.json\` in \`$rel_catalogue\`. Every build, Debug:"
  echo
  echo '```bash'
  echo "$build_cmd -p:UseSharedCompilation=true -p:SharedCompilationId=ltx-build-cost-<pid>   # server on"
  echo "$build_cmd -p:UseSharedCompilation=false                                          # server off"
  echo '```'
  echo
  echo "clean = \`bin/\` and \`obj/Debug/\` deleted first (restore not timed); no-op = nothing changed; edit = one string in"
  echo "\`Other.cs\` changed. Each setting starts with a fresh compiler server (the script's own pipe, shut down between the"
  echo "settings; other builds on the machine keep theirs) and one warm-up round (no-op and edit, not recorded); each round"
  echo "builds every consumer in turn (interleaved)."
  echo "MSBuild node reuse is off in both (as this machine's environment sets it). Generated bytes and lines: the"
  echo "generator's files written out by \`-p:EmitCompilerGeneratedFiles=true\` in a first, untimed build."
  echo "\"Catalogue in its own library\" is the README's layout (\`Models\` library with the docs, \`App\` referencing it):"
  echo "\`dotnet build\` of the app, whose \`Other.cs\` is edited; its ratios are against the floor of the same two-project layout"
  echo "(\`floorlib\`: the same app referencing a library with one small class, no LtxCodegen in either). Its clean build (the"
  echo "catalogue's clean build plus the app's) is timed only with \`CATLIB_CLEAN=1\`, which keeps a full run near half an hour."
} >"$root/meta.txt"
if [ -n "$out" ]; then
  python3 "$here/build-cost-report.py" "$root" "$out" "$(dirname "$out")/build-cost.svg"
  echo "build-cost: wrote $out and $(dirname "$out")/build-cost.svg"
else
  python3 "$here/build-cost-report.py" "$root" "$root/section.md" "$root/build-cost.svg"
  echo "build-cost: a subset run writes nothing to benchmarks/RESULTS.md (set OUT=path to keep the section)"
fi
echo "build-cost: done in $(fmt_time "$total")"
exit 0
}
