using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LtxCodegen.Emulator;

namespace LtxCodegen.Package.Tests
{
    /// <summary>
    /// The package as a user gets it: projects made by `dotnet new` plus a PackageReference to the packed LtxCodegen.
    /// The console project is created once and reused (a third doc, an out-of-range literal), in this order.
    /// </summary>
    [TestCaseOrderer("LtxCodegen.Package.Tests.AlphabeticalOrderer", "LtxCodegen.Package.Tests")]
    public sealed class ConsumerPackageTests : IClassFixture<PackageFixture>
    {
        private const string ConsoleName = "LtxConsole";
        private static string? s_console;
        private readonly PackageFixture _fixture;

        public ConsumerPackageTests(PackageFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A1_console_app_builds_clean_and_runs_extend_video_against_the_emulator()
        {
            var directory = await ConsoleAsync();
            File.Copy(Path.Combine(_fixture.RepositoryRoot, "emulator", "LtxCodegen.Emulator", "Resources", "sample.mp4"), Path.Combine(directory, "clip.mp4"), overwrite: true);
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
            {
                ApiKey = "package-key",
                ApiSecret = "package-secret",
                QueuedDuration = TimeSpan.FromMilliseconds(200),
                RunningDuration = TimeSpan.FromMilliseconds(600),
            });
            var environment = new Dictionary<string, string?>(_fixture.Environment)
            {
                ["SCENARIO_API_URL"] = emulator.BaseAddress.ToString(),
                ["SCENARIO_API_KEY"] = "package-key",
                ["SCENARIO_API_SECRET"] = "package-secret",
            };

            var run = await ProcessRunner.RunAsync("dotnet",
                new[] { Path.Combine(directory, "bin", "Release", "net10.0", ConsoleName + ".dll"), Path.Combine(directory, "clip.mp4"), Path.Combine(directory, "extended.mp4") },
                directory, environment, TimeSpan.FromMinutes(1));

            Assert.True(run.ExitCode == 0, run.ToString());
            var size = Regex.Match(run.Output, @"Downloaded (\d+) bytes");
            Assert.True(size.Success, run.ToString());
            Assert.True(long.Parse(size.Groups[1].Value) > 0, run.ToString());
            Assert.Equal(new FileInfo(Path.Combine(directory, "extended.mp4")).Length, long.Parse(size.Groups[1].Value));
        }

        [Fact]
        public async Task A2_netstandard20_library_with_CSharp9_builds_clean()
        {
            var directory = await _fixture.NewProjectAsync("classlib", "LtxLibrary", "<LangVersion>9</LangVersion><ImplicitUsings>disable</ImplicitUsings>");
            var csproj = Path.Combine(directory, "LtxLibrary.csproj");
            File.WriteAllText(csproj, Regex.Replace(File.ReadAllText(csproj), "<TargetFramework>[^<]*</TargetFramework>", "<TargetFramework>netstandard2.0</TargetFramework>"));
            foreach (var file in Directory.GetFiles(directory, "*.cs"))
            {
                File.Delete(file);
            }

            File.WriteAllText(Path.Combine(directory, "Requests.cs"),
                "using LtxCodegen;\n" +
                "namespace LtxLibrary\n{\n" +
                "    public static class Requests\n    {\n" +
                "        public static IScenarioRequest Extend(string video) => new Ltx2_19bExtendVideoRequest(\"The camera keeps gliding\", video) { Fps = 24 };\n" +
                "        public static int ModelCount => ScenarioModels.All.Count;\n" +
                "        public static string VideoToVideoId => Ltx2_19bVideoToVideoModel.Id;\n" +
                "    }\n}\n");

            var build = await _fixture.BuildAsync(directory);

            PackageFixture.AssertCleanBuild(build);
            Assert.True(File.Exists(Path.Combine(directory, "bin", "Release", "netstandard2.0", "LtxLibrary.dll")));
        }

        [Fact]
        public async Task A3_a_third_doc_dropped_into_schemas_adds_its_request_type_with_no_csproj_edit()
        {
            var directory = await ConsoleAsync();
            var csprojBefore = File.ReadAllText(Path.Combine(directory, ConsoleName + ".csproj"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "model_cartwheel-text-to-motion.json"), Path.Combine(directory, "schemas", "model_cartwheel-text-to-motion.json"));
            File.WriteAllText(Path.Combine(directory, "ThirdModel.cs"),
                "namespace LtxConsole\n{\n    internal static class ThirdModel\n    {\n" +
                "        public static System.Type RequestType => typeof(CartwheelTextToMotionRequest);\n" +
                "        public static string Id => CartwheelTextToMotionModel.Id;\n    }\n}\n");

            var build = await _fixture.BuildAsync(directory);

            PackageFixture.AssertCleanBuild(build);
            Assert.Equal(csprojBefore, File.ReadAllText(Path.Combine(directory, ConsoleName + ".csproj")));
        }

        [Fact]
        public async Task A4_an_out_of_range_literal_is_reported_by_the_analyzer()
        {
            var directory = await ConsoleAsync();
            var file = Path.Combine(directory, "OutOfRange.cs");
            File.WriteAllText(file,
                "namespace LtxConsole\n{\n    internal static class OutOfRange\n    {\n" +
                "        public static Ltx2_19bExtendVideoRequest Make() => new Ltx2_19bExtendVideoRequest { Prompt = \"p\", Video = \"asset_1\", Fps = 120 };\n" +
                "    }\n}\n");
            try
            {
                var build = await _fixture.BuildAsync(directory);

                Assert.True(build.ExitCode == 0, build.ToString()); // a warning, not an error
                Assert.Matches(new Regex(@"OutOfRange\.cs\(\d+,\d+\): warning LTX1001: model_[^:]+: fps must be between 1 and 60 \(got 120\)\."), build.Output);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A0_the_package_holds_runtime_analyzers_build_files_and_metadata()
        {
            using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_fixture.Feed, "LtxCodegen." + _fixture.Version + ".nupkg"));
            var entries = package.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var expected in new[]
            {
                "lib/netstandard2.0/LtxCodegen.Runtime.dll", "lib/netstandard2.0/LtxCodegen.Runtime.xml", "lib/net8.0/LtxCodegen.Runtime.dll",
                "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.Generator.dll", "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.Analyzers.dll",
                "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.CodeFixes.dll", "analyzers/dotnet/roslyn4.8/cs/LtxCodegen.Schema.dll", "analyzers/dotnet/roslyn4.8/cs/Markdig.dll",
                "buildTransitive/LtxCodegen.props", "buildTransitive/LtxCodegen.targets", "README.md",
            })
            {
                Assert.Contains(expected, entries);
            }

            Assert.Equal(
                File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "generator", "LtxCodegen.Generator", "build", "LtxCodegen.props")),
                new StreamReader(package.GetEntry("buildTransitive/LtxCodegen.props")!.Open()).ReadToEnd());
            var nuspec = new StreamReader(package.GetEntry("LtxCodegen.nuspec")!.Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
            Assert.Contains("<readme>README.md</readme>", nuspec);
            Assert.Contains("<repository type=\"git\" url=\"https://", nuspec);
            Assert.DoesNotContain("Markdig", nuspec); // shipped inside, never a dependency
            Assert.True(File.Exists(Path.Combine(_fixture.Feed, "LtxCodegen." + _fixture.Version + ".snupkg")));
        }

        [Fact]
        public async Task A5_a_compiler_older_than_required_fails_with_a_clear_error()
        {
            var directory = await ConsoleAsync();

            var build = await _fixture.DotnetAsync(directory, "build", "-c", "Release", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:LtxCodegenMinimumMSBuildVersion=99.0");

            Assert.NotEqual(0, build.ExitCode);
            Assert.Matches(new Regex(@"error LTXG0100: LtxCodegen needs the C# compiler from the \.NET SDK 6\.0\.400"), build.Output);
        }

        private async Task<string> ConsoleAsync()
        {
            if (s_console is not null && Directory.Exists(s_console))
            {
                return s_console;
            }

            var directory = await _fixture.NewProjectAsync("console", ConsoleName);
            File.WriteAllText(Path.Combine(directory, "Program.cs"),
                "using System;\nusing System.IO;\nusing LtxCodegen;\nusing LtxConsole;\n\n" +
                "// Credentials and the service address from SCENARIO_API_KEY / SCENARIO_API_SECRET / SCENARIO_API_URL.\n" +
                "using var client = new ScenarioClient(new ScenarioClientOptions());\n" +
                "var video = await client.UploadAssetAsync(args[0]);\n" +
                "var request = new Ltx2_19bExtendVideoRequest { Prompt = \"The camera keeps gliding over the hills\", Video = video, ExtendDuration = 4 };\n" +
                "var job = await client.RunLtx2_19bExtendVideoAsync(request, new Progress<ScenarioJob>(j => Console.WriteLine($\"{j.Status} {j.Progress:P0}\")));\n" +
                "await client.DownloadAssetAsync(job.AssetIds[0], args[1]);\n" +
                "Console.WriteLine($\"Downloaded {new FileInfo(args[1]).Length} bytes from job {job.JobId}\");\n");

            var build = await _fixture.BuildAsync(directory);

            PackageFixture.AssertCleanBuild(build);
            s_console = directory;
            return directory;
        }
    }
}
