#!/usr/bin/env bash
# Lays out the Unity (UPM) package com.ltxcodegen from the Release build:
#   package.json                  name, version, Unity 2022.3 minimum, the runtime's NuGet dependencies as UnityNuGet
#                                 org.nuget.* packages (declared, never bundled)
#   README.md
#   Runtime/LtxCodegen.Unity.asmdef + LtxCodegenPackage.cs
#                                 the package's own assembly: Unity applies an analyzer that sits in an asmdef folder to
#                                 that assembly and to every assembly referencing it (Assembly-CSharp does automatically)
#   Runtime/LtxCodegen.Runtime.dll (+ .xml)    netstandard2.0 runtime, all platforms
#   Runtime/Analyzers/            the Roslyn 4.3 generator, analyzer, LtxCodegen.Schema and Markdig: label RoslynAnalyzer, all platforms off
#   every file and folder with a .meta whose GUID is derived from its path (stable from build to build)
# Usage: packaging/unity/build-upm.sh [output-folder] (default artifacts/unity/com.ltxcodegen); run after the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/artifacts/unity/com.ltxcodegen}"
config="${CONFIGURATION:-Release}"
package="com.ltxcodegen"

prop() { sed -n "s:.*<$1[^>]*>\([^<]*\)</$1>.*:\1:p" "$2" | head -n 1; }
central() { sed -n "s:.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*:\1:p" "$root/Directory.Packages.props" | head -n 1; }
version="${LTXCODEGEN_VERSION:-$(prop Version "$root/Directory.Build.props")}"
stj="$(central System.Text.Json)"
logging="$(central Microsoft.Extensions.Logging.Abstractions)"

runtime_dir="$root/runtime/LtxCodegen.Runtime/bin/$config/netstandard2.0"
generator_dir="$root/generator/LtxCodegen.Generator.Roslyn4.3/bin/$config/netstandard2.0"
analyzers_dir="$root/generator/LtxCodegen.Analyzers.Roslyn4.3/bin/$config/netstandard2.0"
markdig="$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/markdig/$(central Markdig)/lib/netstandard2.0" -name Markdig.dll | head -n 1)"
for f in "$runtime_dir/LtxCodegen.Runtime.dll" "$runtime_dir/LtxCodegen.Runtime.xml" "$generator_dir/LtxCodegen.Generator.dll" "$generator_dir/LtxCodegen.Schema.dll" "$analyzers_dir/LtxCodegen.Analyzers.dll" "$markdig"; do
  [ -f "$f" ] || { echo "build-upm: missing $f (build the solution in $config first)" >&2; exit 1; }
done

# Written next to the target, then swapped in: never a half-written package.
staging="$(mktemp -d "$(dirname "$out")/.upm.XXXXXX" 2>/dev/null || { mkdir -p "$(dirname "$out")"; mktemp -d "$(dirname "$out")/.upm.XXXXXX"; })"
trap 'rm -rf "$staging"' EXIT

guid() { printf '%s' "$package/$1" | md5sum | cut -c1-32; }

folder_meta() { # $1 = relative path
  printf 'fileFormatVersion: 2\nguid: %s\nfolderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n  userData: \n  assetBundleName: \n  assetBundleVariant: \n' "$(guid "$1")" > "$staging/$1.meta"
}

text_meta() { # $1 = relative path, $2 = importer
  printf 'fileFormatVersion: 2\nguid: %s\n%s:\n  externalObjects: {}\n  userData: \n  assetBundleName: \n  assetBundleVariant: \n' "$(guid "$1")" "$2" > "$staging/$1.meta"
}

script_meta() { # $1 = relative path
  printf 'fileFormatVersion: 2\nguid: %s\nMonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n  executionOrder: 0\n  icon: {instanceID: 0}\n  userData: \n  assetBundleName: \n  assetBundleVariant: \n' "$(guid "$1")" > "$staging/$1.meta"
}

# $1 = relative path, $2 = 1 for a runtime plugin (any platform, editor included), 0 for an analyzer (every platform off)
plugin_meta() {
  local enabled="$2" labels=""
  [ "$enabled" = 0 ] && labels=$'labels:\n- RoslynAnalyzer\n'
  {
    printf 'fileFormatVersion: 2\nguid: %s\n%sPluginImporter:\n' "$(guid "$1")" "$labels"
    printf '  externalObjects: {}\n  serializedVersion: 2\n  iconMap: {}\n  executionOrder: {}\n  defineConstraints: []\n'
    printf '  isPreloaded: 0\n  isOverridable: 0\n  isExplicitlyReferenced: 0\n  validateReferences: 1\n  platformData:\n'
    printf '  - first:\n      : Any\n    second:\n      enabled: 0\n      settings:\n        Exclude Editor: %s\n        Exclude Linux64: %s\n        Exclude OSXUniversal: %s\n        Exclude Win: %s\n        Exclude Win64: %s\n' \
      "$((1 - enabled))" "$((1 - enabled))" "$((1 - enabled))" "$((1 - enabled))" "$((1 - enabled))"
    printf '  - first:\n      Any: \n    second:\n      enabled: %s\n      settings: {}\n' "$enabled"
    printf '  - first:\n      Editor: Editor\n    second:\n      enabled: %s\n      settings:\n        DefaultValueInitialized: true\n' "$enabled"
    printf '  userData: \n  assetBundleName: \n  assetBundleVariant: \n'
  } > "$staging/$1.meta"
}

mkdir -p "$staging/Runtime/Analyzers"
cat > "$staging/package.json" <<JSON
{
  "name": "$package",
  "version": "$version",
  "displayName": "LtxCodegen",
  "description": "Typed C# clients for Scenario's generative models (LTX-2 19B video and more), generated at compile time from the models' API docs. Needs the UnityNuGet scoped registry (org.nuget) for System.Text.Json and Microsoft.Extensions.Logging.Abstractions.",
  "unity": "2022.3",
  "unityRelease": "12f1",
  "license": "MIT",
  "keywords": ["scenario", "ltx", "video", "generative-ai", "source-generator"],
  "author": { "name": "LtxCodegen contributors" },
  "dependencies": {
    "org.nuget.system.text.json": "$stj",
    "org.nuget.microsoft.extensions.logging.abstractions": "$logging"
  }
}
JSON
text_meta package.json TextScriptImporter
cp "$root/packaging/unity/README.md" "$staging/README.md"
text_meta README.md TextScriptImporter

folder_meta Runtime
cat > "$staging/Runtime/LtxCodegen.Unity.asmdef" <<'JSON'
{
  "name": "LtxCodegen.Unity",
  "rootNamespace": "LtxCodegen.Unity",
  "references": [],
  "includePlatforms": [],
  "excludePlatforms": [],
  "allowUnsafeCode": false,
  "overrideReferences": true,
  "precompiledReferences": ["LtxCodegen.Runtime.dll"],
  "autoReferenced": true,
  "defineConstraints": [],
  "versionDefines": [],
  "noEngineReferences": true
}
JSON
text_meta Runtime/LtxCodegen.Unity.asmdef AssemblyDefinitionImporter
sed "s/@VERSION@/$version/" "$root/packaging/unity/LtxCodegenPackage.cs" > "$staging/Runtime/LtxCodegenPackage.cs"
script_meta Runtime/LtxCodegenPackage.cs

cp "$runtime_dir/LtxCodegen.Runtime.dll" "$runtime_dir/LtxCodegen.Runtime.xml" "$staging/Runtime/"
plugin_meta Runtime/LtxCodegen.Runtime.dll 1
text_meta Runtime/LtxCodegen.Runtime.xml TextScriptImporter

folder_meta Runtime/Analyzers
cp "$generator_dir/LtxCodegen.Generator.dll" "$generator_dir/LtxCodegen.Schema.dll" "$analyzers_dir/LtxCodegen.Analyzers.dll" "$markdig" "$staging/Runtime/Analyzers/"
# LtxCodegen.Schema (the model library) and Markdig are loaded by the generator; labelled too, so Unity hands it to the compiler with the generator.
for dll in LtxCodegen.Generator.dll LtxCodegen.Schema.dll LtxCodegen.Analyzers.dll Markdig.dll; do
  plugin_meta "Runtime/Analyzers/$dll" 0
done

rm -rf "$out.old"
[ -d "$out" ] && mv "$out" "$out.old"
mv "$staging" "$out"
rm -rf "$out.old"
trap - EXIT
echo "build-upm: $package $version -> $out"
