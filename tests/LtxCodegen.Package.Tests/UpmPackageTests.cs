using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace LtxCodegen.Package.Tests
{
    /// <summary>
    /// packaging/unity/build-upm.sh: the com.ltxcodegen layout, .meta files (stable GUIDs, RoslynAnalyzer labels, platforms),
    /// and that every assembly the runtime references is in the package or comes with a declared org.nuget.* dependency.
    /// </summary>
    public sealed class UpmPackageTests : IDisposable
    {
        private static readonly string Repository = Metadata("LtxCodegen.RepositoryRoot");
        private static readonly string Configuration = Metadata("LtxCodegen.Configuration");
        private static readonly string[] Analyzers = { "Runtime/Analyzers/LtxCodegen.Generator.dll", "Runtime/Analyzers/LtxCodegen.Analyzers.dll", "Runtime/Analyzers/LtxCodegen.Schema.dll", "Runtime/Analyzers/Markdig.dll" };
        private readonly string _temp = Path.Combine(Path.GetTempPath(), "ltxcodegen-upm-" + System.Guid.NewGuid().ToString("N").Substring(0, 12));

        public void Dispose()
        {
            try
            {
                Directory.Delete(_temp, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        [Fact]
        public async Task The_package_has_the_UPM_layout_and_a_meta_with_a_stable_unique_guid_for_every_file_and_folder()
        {
            var package = await BuildAsync("first");
            var again = await BuildAsync("second");

            var assets = Files(package).Where(f => !f.EndsWith(".meta", StringComparison.Ordinal)).ToArray();
            Assert.Equal(
                new[]
                {
                    "README.md", "Runtime", "Runtime/Analyzers", "Runtime/Analyzers/LtxCodegen.Analyzers.dll", "Runtime/Analyzers/LtxCodegen.Generator.dll",
                    "Runtime/Analyzers/LtxCodegen.Schema.dll", "Runtime/Analyzers/Markdig.dll", "Runtime/LtxCodegen.Runtime.dll", "Runtime/LtxCodegen.Runtime.xml", "Runtime/LtxCodegen.Unity.asmdef",
                    "Runtime/LtxCodegenPackage.cs", "package.json",
                },
                assets);
            Assert.Equal(assets.Select(a => a + ".meta"), Files(package).Where(f => f.EndsWith(".meta", StringComparison.Ordinal)));
            var guids = assets.Select(a => Guid(package, a)).ToArray();
            Assert.All(guids, g => Assert.Matches("^[0-9a-f]{32}$", g));
            Assert.Equal(guids.Length, guids.Distinct().Count());
            Assert.Equal(guids, assets.Select(a => Guid(again, a)));
            Assert.Contains("folderAsset: yes", File.ReadAllText(Path.Combine(package, "Runtime/Analyzers.meta")));
        }

        [Fact]
        public async Task Generator_and_analyzer_are_the_Roslyn_43_builds_labelled_RoslynAnalyzer_with_every_platform_off()
        {
            var package = await BuildAsync("analyzers");

            foreach (var analyzer in Analyzers)
            {
                var meta = File.ReadAllText(Path.Combine(package, analyzer + ".meta"));
                Assert.Contains("labels:\n- RoslynAnalyzer\n", meta, StringComparison.Ordinal);
                Assert.DoesNotMatch(new Regex(@"enabled: 1"), meta);
                Assert.DoesNotMatch(new Regex(@"Exclude [A-Za-z0-9]+: 0"), meta);
            }

            foreach (var name in new[] { "LtxCodegen.Generator", "LtxCodegen.Analyzers" })
            {
                var references = References(Path.Combine(package, "Runtime/Analyzers", name + ".dll"));
                Assert.Equal(new Version(4, 3, 0, 0), references["Microsoft.CodeAnalysis"]);
                Assert.Equal(new Version(4, 3, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
            }

            var runtimeMeta = File.ReadAllText(Path.Combine(package, "Runtime/LtxCodegen.Runtime.dll.meta"));
            Assert.DoesNotContain("RoslynAnalyzer", runtimeMeta, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"Any: \n    second:\n      enabled: 1"), runtimeMeta);
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(Repository, "runtime", "LtxCodegen.Runtime", "bin", Configuration, "netstandard2.0", "LtxCodegen.Runtime.dll")),
                File.ReadAllBytes(Path.Combine(package, "Runtime/LtxCodegen.Runtime.dll")));
            using var asmdef = JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "Runtime/LtxCodegen.Unity.asmdef")));
            Assert.Equal("LtxCodegen.Unity", asmdef.RootElement.GetProperty("name").GetString());
            Assert.True(asmdef.RootElement.GetProperty("autoReferenced").GetBoolean());
        }

        [Fact]
        public async Task Every_assembly_the_runtime_references_is_in_the_package_or_comes_with_a_declared_dependency_and_none_twice()
        {
            var package = await BuildAsync("dependencies");
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "package.json")));
            Assert.Equal("com.ltxcodegen", manifest.RootElement.GetProperty("name").GetString());
            Assert.Equal("2022.3", manifest.RootElement.GetProperty("unity").GetString());
            var declared = manifest.RootElement.GetProperty("dependencies").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.Equal(new[] { "org.nuget.microsoft.extensions.logging.abstractions", "org.nuget.system.text.json" }, declared.Keys.OrderBy(k => k, StringComparer.Ordinal));

            // What the declared UnityNuGet packages bring: the NuGet packages of the same id and version, with their
            // .NET Standard dependencies, as the restore of the runtime left them in the global packages folder.
            var provided = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (id, version) in declared.Select(d => (d.Key.Substring("org.nuget.".Length), d.Value)))
            {
                Collect(id, version, provided);
            }

            var inPackage = Directory.GetFiles(package, "*.dll", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(inPackage, provided.ContainsKey); // never bundled twice
            var runtime = References(Path.Combine(package, "Runtime/LtxCodegen.Runtime.dll"));
            Assert.Contains("System.Text.Json", runtime.Keys);
            Assert.Contains("Microsoft.Extensions.Logging.Abstractions", runtime.Keys);
            var missing = runtime.Keys.Where(r => r != "netstandard" && !inPackage.Contains(r) && !provided.ContainsKey(r)).ToArray();
            Assert.True(missing.Length == 0, "not in the package and not declared: " + string.Join(", ", missing));
        }

        private async Task<string> BuildAsync(string name)
        {
            var output = Path.Combine(_temp, name, "com.ltxcodegen");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var run = await ProcessRunner.RunAsync("bash", new[] { Path.Combine(Repository, "packaging", "unity", "build-upm.sh"), output }, Repository,
                new Dictionary<string, string?> { ["CONFIGURATION"] = Configuration }, TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 0, run.ToString());
            return output;
        }

        // Adds the assemblies of NuGet package id/version and of its dependencies as a .NET Standard 2.1 project (Unity)
        // gets them: lib/netstandard2.1 and its dependency group, else netstandard2.0.
        private static void Collect(string id, string version, Dictionary<string, string> provided)
        {
            var folder = Path.Combine(PackagesFolder(), id.ToLowerInvariant(), version.ToLowerInvariant());
            Assert.True(Directory.Exists(folder), "the global packages folder has no " + id + " " + version);
            var lib = new[] { "netstandard2.1", "netstandard2.0" }.Select(t => Path.Combine(folder, "lib", t)).FirstOrDefault(Directory.Exists);
            if (lib is not null && File.Exists(Path.Combine(lib, "_._")))
            {
                // Part of .NET Standard 2.1 (Unity's profile): the package is empty there and the platform has the assembly.
                provided.TryAdd(id, ".NET Standard 2.1");
                return;
            }

            foreach (var dll in lib is null ? Array.Empty<string>() : Directory.GetFiles(lib, "*.dll"))
            {
                if (!provided.TryAdd(Path.GetFileNameWithoutExtension(dll), id))
                {
                    return;
                }
            }

            var nuspec = XDocument.Load(Directory.GetFiles(folder, "*.nuspec").Single());
            var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToList();
            var group = groups.FirstOrDefault(g => (string?)g.Attribute("targetFramework") == ".NETStandard2.1")
                ?? groups.FirstOrDefault(g => (string?)g.Attribute("targetFramework") == ".NETStandard2.0");
            foreach (var dependency in group?.Elements().Where(e => e.Name.LocalName == "dependency") ?? Enumerable.Empty<XElement>())
            {
                var range = (string)dependency.Attribute("version")!;
                Collect((string)dependency.Attribute("id")!, range.Trim('[', ']', '(', ')').Split(',')[0].Trim(), provided);
            }
        }

        private static string PackagesFolder() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        private static string[] Files(string root) =>
            Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        private static string Guid(string package, string asset) =>
            Regex.Match(File.ReadAllText(Path.Combine(package, asset + ".meta")), @"^guid: (\S+)$", RegexOptions.Multiline).Groups[1].Value;

        private static Dictionary<string, Version> References(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences.Select(reader.GetAssemblyReference).ToDictionary(r => reader.GetString(r.Name), r => r.Version);
        }

        private static string Metadata(string key) =>
            typeof(UpmPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}
