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
    /// Packs LtxCodegen once per test process (shared by the test classes) into a temporary folder feed (unique version), with a temporary NUGET_PACKAGES and a
    /// nuget.config naming the feed and nuget.org; consumer projects are created under the same temporary root.
    /// </summary>
    public sealed class PackageFixture : IAsyncLifetime
    {
        public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

        // The pack rebuilds the runtime and both Roslyn flavours with the test version; under a loaded CI (every test
        // assembly at once) that took over 3 minutes.
        public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

        public string RepositoryRoot { get; } = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LtxCodegen.RepositoryRoot").Value!;

        // One pack per test process, shared by every class that uses this fixture: test classes run in parallel, and
        // two `dotnet pack` runs of the same project at once would write the same obj/ files.
        private static readonly System.Threading.SemaphoreSlim s_gate = new System.Threading.SemaphoreSlim(1, 1);
        private static SharedPack? s_pack;
        private static int s_users;
        private SharedPack? _pack;

        public string Root => Pack.Root;

        public string Version => Pack.Version;

        public string Feed => Path.Combine(Root, "feed");

        public Dictionary<string, string?> Environment => Pack.Environment;

        private SharedPack Pack => _pack ?? throw new InvalidOperationException("the package fixture is not initialized");

        public async Task InitializeAsync()
        {
            await s_gate.WaitAsync();
            try
            {
                if (s_pack is null)
                {
                    var pack = new SharedPack();
                    await pack.CreateAsync(RepositoryRoot);
                    s_pack = pack;
                }

                s_users++;
                _pack = s_pack;
            }
            finally
            {
                s_gate.Release();
            }
        }

        public async Task DisposeAsync()
        {
            await s_gate.WaitAsync();
            try
            {
                if (_pack is not null && --s_users == 0 && s_pack is not null)
                {
                    s_pack.Delete();
                    s_pack = null;
                }
            }
            finally
            {
                s_gate.Release();
            }
        }

        private sealed class SharedPack
        {
            public string Root { get; } = Path.Combine(Path.GetTempPath(), "ltxcodegen-package-" + Guid.NewGuid().ToString("N").Substring(0, 12));

            public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.Ticks;

            public Dictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

            public async Task CreateAsync(string repositoryRoot)
            {
                var feed = Path.Combine(Root, "feed");
                Directory.CreateDirectory(feed);
                Environment["NUGET_PACKAGES"] = Path.Combine(Root, "packages");
                Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                Environment["DOTNET_NOLOGO"] = "1";
                Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
                Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
                File.WriteAllText(Path.Combine(Root, "nuget.config"),
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
                    "    <add key=\"local\" value=\"" + feed + "\" />\n" +
                    "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />\n  </packageSources>\n</configuration>\n");

                // The pack itself uses the machine's package cache (the repository's own dependencies).
                var pack = await ProcessRunner.RunAsync("dotnet",
                    new[] { "pack", Path.Combine(repositoryRoot, "runtime", "LtxCodegen.Runtime", "LtxCodegen.Runtime.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + Version, "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
                    repositoryRoot, new Dictionary<string, string?>(), PackTimeout);
                if (pack.ExitCode != 0 || !File.Exists(Path.Combine(feed, "LtxCodegen." + Version + ".nupkg")))
                {
                    Delete();
                    throw new InvalidOperationException("dotnet pack failed:\n" + pack);
                }
            }

            public void Delete()
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
            }
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
