using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LtxCodegen.Package.Tests
{
    /// <summary>
    /// Packs LtxCodegen once into a temporary folder feed (unique version), with a temporary NUGET_PACKAGES and a
    /// nuget.config naming the feed and nuget.org; consumer projects are created under the same temporary root.
    /// </summary>
    public sealed class PackageFixture : IAsyncLifetime
    {
        public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

        public string RepositoryRoot { get; } = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LtxCodegen.RepositoryRoot").Value!;

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "ltxcodegen-package-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.Ticks;

        public string Feed => Path.Combine(Root, "feed");

        public Dictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Feed);
            Environment["NUGET_PACKAGES"] = Path.Combine(Root, "packages");
            Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            Environment["DOTNET_NOLOGO"] = "1";
            Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            File.WriteAllText(Path.Combine(Root, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
                "    <add key=\"local\" value=\"" + Feed + "\" />\n" +
                "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />\n  </packageSources>\n</configuration>\n");

            // The pack itself uses the machine's package cache (the repository's own dependencies).
            var pack = await ProcessRunner.RunAsync("dotnet",
                new[] { "pack", Path.Combine(RepositoryRoot, "runtime", "LtxCodegen.Runtime", "LtxCodegen.Runtime.csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
                RepositoryRoot, new Dictionary<string, string?>(), BuildTimeout);
            if (pack.ExitCode != 0 || !File.Exists(Path.Combine(Feed, "LtxCodegen." + Version + ".nupkg")))
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + pack);
            }
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            return Task.CompletedTask;
        }

        public Task<ProcessResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
            ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, Environment, BuildTimeout);

        /// <summary>`dotnet new {template}` in a fresh folder, a PackageReference to the packed LtxCodegen, and the repository's schemas/ docs.</summary>
        public async Task<string> NewProjectAsync(string template, string name, string? extraProperties = null)
        {
            var directory = Path.Combine(Root, name);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true); // what an earlier, failed attempt left
            }

            var created = await DotnetAsync(Root, "new", template, "-n", name, "-o", directory, "--no-restore");
            Assert.True(created.ExitCode == 0, created.ToString());
            var csproj = Path.Combine(directory, name + ".csproj");
            var text = File.ReadAllText(csproj);
            text = text.Replace("</Project>",
                "  <PropertyGroup>" + (extraProperties ?? "") + "</PropertyGroup>\n" +
                "  <ItemGroup>\n    <PackageReference Include=\"LtxCodegen\" Version=\"" + Version + "\" />\n  </ItemGroup>\n</Project>");
            File.WriteAllText(csproj, text);
            Directory.CreateDirectory(Path.Combine(directory, "schemas"));
            // The two seed pages and the repository's JSON docs that complete them (video input, LTX option lists).
            foreach (var doc in Directory.GetFiles(Path.Combine(RepositoryRoot, "schemas")))
            {
                File.Copy(doc, Path.Combine(directory, "schemas", Path.GetFileName(doc)));
            }

            return directory;
        }

        public Task<ProcessResult> BuildAsync(string directory) =>
            DotnetAsync(directory, "build", "-c", "Release", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false");

        /// <summary>Asserts a successful build without a single warning.</summary>
        public static void AssertCleanBuild(ProcessResult build)
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            foreach (var id in new[] { "CS8785", "CS8032", "CS9057", "LTXG" })
            {
                Assert.DoesNotContain(id, build.Output, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(new Regex(@":\s+warning\s", RegexOptions.IgnoreCase), build.Output);
            var summary = Regex.Match(build.Output, @"(\d+) Warning\(s\)");
            Assert.True(summary.Success, build.ToString());
            Assert.Equal("0", summary.Groups[1].Value);
        }
    }
}
