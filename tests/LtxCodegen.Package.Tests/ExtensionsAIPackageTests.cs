using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace LtxCodegen.Package.Tests
{
    /// <summary>LtxCodegen.Extensions.AI packs like the DI package: both runtimes, docs, readme, and a dependency on LtxCodegen.</summary>
    public sealed class ExtensionsAIPackageTests
    {
        private static readonly string RepositoryRoot = typeof(ExtensionsAIPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LtxCodegen.RepositoryRoot").Value!;

        /// <remarks>Packs the Release build of the solution (as .ci/run does), so run after `dotnet build LtxCodegen.sln -c Release`.</remarks>
        [Fact]
        public async Task The_package_holds_both_targets_and_depends_on_LtxCodegen_of_the_same_version()
        {
            var version = "0.1.0-ai." + DateTime.UtcNow.Ticks;
            var feed = Path.Combine(Path.GetTempPath(), "ltxcodegen-ai-pack-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            try
            {
                var pack = await ProcessRunner.RunAsync("dotnet",
                    new[] { "pack", Path.Combine(RepositoryRoot, "runtime", "LtxCodegen.Extensions.AI", "LtxCodegen.Extensions.AI.csproj"), "-c", "Release", "--no-build", "-o", feed, "-p:Version=" + version, "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
                    RepositoryRoot, new Dictionary<string, string?>(), PackageFixture.BuildTimeout);
                Assert.True(pack.ExitCode == 0, pack.ToString());

                using var package = ZipFile.OpenRead(Path.Combine(feed, "LtxCodegen.Extensions.AI." + version + ".nupkg"));
                var entries = package.Entries.Select(e => e.FullName).ToHashSet();
                foreach (var expected in new[]
                {
                    "lib/netstandard2.0/LtxCodegen.Extensions.AI.dll", "lib/netstandard2.0/LtxCodegen.Extensions.AI.xml",
                    "lib/net8.0/LtxCodegen.Extensions.AI.dll", "README.md",
                })
                {
                    Assert.Contains(expected, entries);
                }

                var nuspec = new StreamReader(package.GetEntry("LtxCodegen.Extensions.AI.nuspec")!.Open()).ReadToEnd();
                Assert.Contains("<dependency id=\"LtxCodegen\" version=\"" + version + "\"", nuspec);
                Assert.Contains("<dependency id=\"Microsoft.Extensions.AI.Abstractions\" version=\"11.0.0\"", nuspec);
                Assert.Contains("<readme>README.md</readme>", nuspec);
                Assert.DoesNotContain("exclude=\"Build,Analyzers\"", nuspec.Substring(nuspec.IndexOf("id=\"LtxCodegen\"", StringComparison.Ordinal), 120)); // the generator flows
                Assert.True(File.Exists(Path.Combine(feed, "LtxCodegen.Extensions.AI." + version + ".snupkg")));
            }
            finally
            {
                try
                {
                    Directory.Delete(feed, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
