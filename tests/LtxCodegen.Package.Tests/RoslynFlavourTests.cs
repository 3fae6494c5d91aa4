using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LtxCodegen.Package.Tests
{
    /// <summary>
    /// The two generator flavours of the package: analyzers/dotnet/roslyn4.8/cs (code fixes included) and
    /// analyzers/dotnet/roslyn4.3/cs (Unity). A consumer's SDK build resolves exactly one of them; a netstandard2.1
    /// library at C# 9 (Unity's profile) builds clean with either.
    /// </summary>
    [TestCaseOrderer("LtxCodegen.Package.Tests.AlphabeticalOrderer", "LtxCodegen.Package.Tests")]
    public sealed class RoslynFlavourTests : IClassFixture<PackageFixture>
    {
        private const string LibraryName = "LtxUnityLike";
        private static string? s_library;
        private readonly PackageFixture _fixture;

        public RoslynFlavourTests(PackageFixture fixture) => _fixture = fixture;

        [Fact]
        public void B0_each_flavour_is_built_against_its_roslyn_version_and_only_48_has_code_fixes()
        {
            using var package = ZipFile.OpenRead(Path.Combine(_fixture.Feed, "LtxCodegen." + _fixture.Version + ".nupkg"));
            var analyzers = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("analyzers/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

            Assert.Equal(
                new[]
                {
                    "analyzers/dotnet/roslyn4.3/cs/LtxCodegen.Analyzers.dll", "analyzers/dotnet/roslyn4.3/cs/LtxCodegen.Generator.dll", "analyzers/dotnet/roslyn4.3/cs/LtxCodegen.Schema.dll", "analyzers/dotnet/roslyn4.3/cs/Markdig.dll",
                    "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.Analyzers.dll", "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.CodeFixes.dll", "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.Generator.dll", "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.Schema.dll", "analyzers/dotnet/roslyn4.8/cs/Markdig.dll",
                },
                analyzers);
            foreach (var (flavour, version) in new[] { ("roslyn4.3", new Version(4, 3, 0, 0)), ("roslyn4.8", new Version(4, 8, 0, 0)) })
            {
                foreach (var name in new[] { "LtxCodegen.Generator", "LtxCodegen.Analyzers" })
                {
                    var references = AssemblyReferences(package, "analyzers/dotnet/" + flavour + "/cs/" + name + ".dll");
                    Assert.Equal(version, references["Microsoft.CodeAnalysis"]);
                    Assert.Equal(version, references["Microsoft.CodeAnalysis.CSharp"]);
                }
            }
        }

        [Fact]
        public async Task B1_netstandard21_library_at_CSharp9_builds_clean_and_the_SDK_resolves_only_the_48_flavour()
        {
            var directory = await LibraryAsync();

            var analyzers = await ResolvedAnalyzersAsync(directory);

            Assert.NotEmpty(analyzers);
            Assert.All(analyzers, a => Assert.Contains("/analyzers/dotnet/roslyn4.8/cs/", a, StringComparison.Ordinal));
            Assert.Contains(analyzers, a => a.EndsWith("/LtxCodegen.Generator.dll", StringComparison.Ordinal));
            Assert.Contains(analyzers, a => a.EndsWith("/LtxCodegen.CodeFixes.dll", StringComparison.Ordinal));
            Assert.Equal(analyzers.Length, analyzers.Select(Path.GetFileName).Distinct().Count());
        }

        [Fact]
        public async Task B2_a_Roslyn_43_compiler_gets_only_the_43_flavour_and_it_generates_the_client()
        {
            var directory = await LibraryAsync();
            const string Roslyn43 = "-p:CompilerApiVersion=roslyn4.3";

            var analyzers = await ResolvedAnalyzersAsync(directory, Roslyn43);
            Assert.NotEmpty(analyzers);
            Assert.All(analyzers, a => Assert.Contains("/analyzers/dotnet/roslyn4.3/cs/", a, StringComparison.Ordinal));
            Assert.DoesNotContain(analyzers, a => a.EndsWith("/LtxCodegen.CodeFixes.dll", StringComparison.Ordinal));

            // The Roslyn 4.3 generator inside today's compiler: the library's code needs the generated types.
            var build = await _fixture.DotnetAsync(directory, "build", "-c", "Release", "--no-incremental", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false", Roslyn43);
            PackageFixture.AssertCleanBuild(build);
        }

        private async Task<string[]> ResolvedAnalyzersAsync(string directory, params string[] extra)
        {
            var query = await _fixture.DotnetAsync(directory, new[] { "msbuild", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-p:Configuration=Release", "-nodeReuse:false" }.Concat(extra).ToArray());
            Assert.True(query.ExitCode == 0, query.ToString());
            var json = query.Output.Substring(query.Output.IndexOf('{'));
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
                .Select(i => i.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
                .Where(p => p.Contains("/ltxcodegen/", StringComparison.OrdinalIgnoreCase))
                .ToArray();
        }

        private async Task<string> LibraryAsync()
        {
            if (s_library is not null && Directory.Exists(s_library))
            {
                return s_library;
            }

            // Unity's profile: .NET Standard 2.1, C# 9.
            var directory = await _fixture.NewProjectAsync("classlib", LibraryName, "<LangVersion>9</LangVersion><ImplicitUsings>disable</ImplicitUsings>");
            var csproj = Path.Combine(directory, LibraryName + ".csproj");
            File.WriteAllText(csproj, Regex.Replace(File.ReadAllText(csproj), "<TargetFramework>[^<]*</TargetFramework>", "<TargetFramework>netstandard2.1</TargetFramework>"));
            foreach (var file in Directory.GetFiles(directory, "*.cs"))
            {
                File.Delete(file);
            }

            // What a MonoBehaviour does (README "Unity"): one run with a cancellation token, the typed result.
            File.WriteAllText(Path.Combine(directory, "VideoExtender.cs"),
                "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing LtxCodegen;\n" +
                "namespace LtxUnityLike\n{\n" +
                "    public sealed class VideoExtender : IDisposable\n    {\n" +
                "        private readonly ScenarioClient _client = new ScenarioClient(new ScenarioClientOptions());\n" +
                "        public async Task<string> ExtendAsync(string videoAssetId, CancellationToken cancellationToken)\n        {\n" +
                "            var request = new Ltx2_19bExtendVideoRequest(\"The camera keeps gliding over the hills\", videoAssetId) { Fps = 24 };\n" +
                "            ScenarioJob job = await _client.RunLtx2_19bExtendVideoAsync(request, null, cancellationToken).ConfigureAwait(false);\n" +
                "            return job.AssetIds[0];\n        }\n" +
                "        public void Dispose() => _client.Dispose();\n" +
                "    }\n}\n");

            var build = await _fixture.BuildAsync(directory);

            PackageFixture.AssertCleanBuild(build);
            Assert.True(File.Exists(Path.Combine(directory, "bin", "Release", "netstandard2.1", LibraryName + ".dll")));
            s_library = directory;
            return directory;
        }

        private static Dictionary<string, Version> AssemblyReferences(ZipArchive package, string entry)
        {
            using var stream = new MemoryStream();
            using (var source = package.GetEntry(entry)!.Open())
            {
                source.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences.Select(reader.GetAssemblyReference).ToDictionary(r => reader.GetString(r.Name), r => r.Version);
        }
    }
}
