#!/usr/bin/env bash
# Build overhead of the generator, as a user sees it: `dotnet build` of a consumer with 100 model docs that references
# the LtxCodegen package, against the same project with the generated files checked in as plain sources and the
# generator removed (the analyzer stays in both). Two cases, each timed `runs` times after a warm-up, interleaved:
#   no-op       nothing changed since the last build
#   one file    one C# file of the consumer changed (the docs did not)
# Target: generator / plain <= 1.03 (medians). Prints a markdown table for benchmarks/RESULTS.md.
# Usage: benchmarks/build-overhead.sh [runs=7] [docs=100]     (from anywhere; default MSBuild node reuse and
# compiler server, as a user's `dotnet build` has them)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${1:-7}"
docs="${2:-100}"
root="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$root"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

version="0.1.0-buildbench.$(date +%s)"
echo "build-overhead: packing LtxCodegen $version"
dotnet pack "$repo/runtime/LtxCodegen.Runtime/LtxCodegen.Runtime.csproj" -c Release -o "$root/feed" -p:Version="$version" -tl:off -v:q -nologo >"$root/pack.log" 2>&1 \
  || { cat "$root/pack.log"; exit 1; }
export NUGET_PACKAGES="$root/packages"
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

# The real docs (seed pages and corpus), each copy with its own model ids.
sources=("$repo"/tests/LtxCodegen.Generator.Tests/TestData/seeds/*.md
         "$repo"/tests/LtxCodegen.Generator.Tests/TestData/corpus/markdown/*.md
         "$repo"/tests/LtxCodegen.Generator.Tests/TestData/corpus/provider-pages/*.md
         "$repo"/tests/LtxCodegen.Generator.Tests/TestData/corpus/json/*.json)
project() { # $1 folder
  mkdir -p "$1"
  cat >"$1/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Consumer</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="LtxCodegen" Version="$version" />
  </ItemGroup>
</Project>
XML
  cat >"$1/Program.cs" <<'CS'
using Consumer;
System.Console.WriteLine(ScenarioModels.All.Count + " models; " + Other.Describe());
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
}
project "$root/gen"
mkdir -p "$root/gen/schemas"
for i in $(seq 0 $((docs - 1))); do
  src="${sources[$((i % ${#sources[@]}))]}"
  sed -E "s/model_([a-z0-9]+([-.][a-z0-9]+)+)/model_b$i-\1/g" "$src" >"$root/gen/schemas/$i-$(basename "$src")"
done

echo "build-overhead: restoring and extracting the generated sources"
(cd "$root" && dotnet restore gen -v:q -nologo >"$root/restore.log" 2>&1) || { cat "$root/restore.log"; exit 1; }
(cd "$root" && dotnet build gen --no-restore -v:q -nologo -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$root/extracted" >"$root/extract.log" 2>&1) \
  || { cat "$root/extract.log"; exit 1; }

project "$root/plain"
mkdir -p "$root/plain/Generated"
find "$root/extracted" -path '*LtxCodegen.Generator*' -name '*.cs' -exec cp {} "$root/plain/Generated/" \;
count="$(find "$root/plain/Generated" -name '*.cs' | wc -l)"
# Plain: the same package, the generator and its Markdig taken out of the compiler's analyzers.
sed -i 's#</Project>#  <Target Name="RemoveLtxCodegenGenerator" BeforeTargets="CoreCompile">\n    <ItemGroup>\n      <Analyzer Remove="@(Analyzer)" Condition="'"'"'%(Filename)'"'"' == '"'"'LtxCodegen.Generator'"'"' Or '"'"'%(Filename)'"'"' == '"'"'Markdig'"'"'" />\n    </ItemGroup>\n  </Target>\n</Project>#' "$root/plain/Consumer.csproj"
(cd "$root" && dotnet restore plain -v:q -nologo >>"$root/restore.log" 2>&1) || { cat "$root/restore.log"; exit 1; }

# Both must build and run the same program; the compiler must get the generator in gen and not in plain.
for p in gen plain; do
  touch "$root/$p/Other.cs"
  (cd "$root" && dotnet build "$p" --no-restore -nologo -v:d >"$root/$p-first.log" 2>&1) || { tail -n 50 "$root/$p-first.log"; exit 1; }
  echo "build-overhead: $p prints \"$(dotnet "$root/$p/bin/Debug/net10.0/Consumer.dll")\"; analyzers: $(grep -o '/analyzer:[^ ]*LtxCodegen[^ ]*' "$root/$p-first.log" | sort -u | sed 's#.*/##' | tr '\n' ' ')"
done
grep -q '/analyzer:[^ ]*LtxCodegen.Generator.dll' "$root/gen-first.log" || { echo "the generator is not given to the compiler in gen" >&2; exit 1; }
if grep -q '/analyzer:[^ ]*LtxCodegen.Generator.dll' "$root/plain-first.log"; then echo "the generator is still given to the compiler in plain" >&2; exit 1; fi
[ "$(dotnet "$root/gen/bin/Debug/net10.0/Consumer.dll")" = "$(dotnet "$root/plain/bin/Debug/net10.0/Consumer.dll")" ] || { echo "the two programs differ" >&2; exit 1; }
echo "build-overhead: $docs docs, $count generated files checked in as plain sources"

ms() { local s e; s=$(date +%s%N); (cd "$root" && dotnet build "$1" --no-restore -nologo -v:q >"$root/last.log" 2>&1) || { cat "$root/last.log"; exit 1; }; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
edit=0
declare -A times
for run in $(seq 0 "$runs"); do
  for p in gen plain; do
    noop="$(ms "$p")"
    edit=$((edit + 1))
    sed -i "s/\"edit [0-9]*\"/\"edit $edit\"/" "$root/$p/Other.cs"
    one="$(ms "$p")"
    if [ "$run" -gt 0 ]; then # run 0 is the warm-up
      times[$p-noop]+="$noop "
      times[$p-one]+="$one "
    fi
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
echo "| Build | Generator (median ms) | Checked-in sources (median ms) | Ratio | Target ≤ 1.03× | All runs, generator / plain (ms) |"
echo "|---|---:|---:|---:|---|---|"
for c in noop one; do
  g="$(echo "${times[gen-$c]}" | median)"; p="$(echo "${times[plain-$c]}" | median)"
  r="$(awk -v g="$g" -v p="$p" 'BEGIN { printf "%.3f", g / p }')"
  met="$(awk -v r="$r" 'BEGIN { print (r <= 1.03) ? "met" : "not met" }')"
  name=$([ "$c" = noop ] && echo "no-op" || echo "one C# file changed")
  echo "| $name | $g | $p | ${r}× | $met | ${times[gen-$c]}/ ${times[plain-$c]}|"
done
