using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LtxCodegen.Cli.Tests
{
    /// <summary><c>ltx generate</c>: the generator's bytes, located diagnostics, exit 2 and no partial output, code that builds without the generator.</summary>
    public sealed class GenerateCommandTests : IDisposable
    {
        private static readonly string Repository = Metadata("LtxCodegen.RepositoryRoot");
        private static readonly string Configuration = Metadata("LtxCodegen.Configuration");
        private readonly string _temp = Path.Combine(Path.GetTempPath(), "ltx-generate-tests-" + Guid.NewGuid().ToString("N"));
        private readonly StringWriter _out = new();
        private readonly StringWriter _error = new();

        public GenerateCommandTests() => Directory.CreateDirectory(_temp);

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
        public async Task Writes_the_same_bytes_as_the_generator_in_the_CLIs_own_build()
        {
            // The CLI project runs the generator on schemas/ (namespace LtxCodegen.Cli.Models, latest C#) and keeps its files (EmitCompilerGeneratedFiles).
            var emitted = Path.Combine(Repository, "cli", "LtxCodegen.Cli", "obj", Configuration, "net10.0", "generated", "LtxCodegen.Generator", "LtxCodegen.Generator.LtxCodegenGenerator");
            var output = Path.Combine(_temp, "Generated");

            var code = await RunAsync("generate", "--schemas", Path.Combine(Repository, "schemas"), "--out", output, "--namespace", "LtxCodegen.Cli.Models", "--lang-version", "latest");

            Assert.True(code == 0, _error.ToString());
            var expected = Directory.GetFiles(emitted).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "Ltx2_19bExtendVideo.g.cs", "Ltx2_19bVideoToVideo.g.cs", "ScenarioModels.g.cs" }, expected);
            Assert.Equal(expected, Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray());
            foreach (var file in expected)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(emitted, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file!))), file + " differs from the generator's");
            }
        }

        [Fact]
        public async Task A_doc_error_is_printed_with_its_location_exits_2_and_leaves_the_previous_output_untouched()
        {
            var schemas = CopySchemas();
            var output = Path.Combine(_temp, "Generated");
            Assert.Equal(0, await RunAsync("generate", "--schemas", schemas, "--out", output, "--lang-version", "9"));
            var before = Snapshot(output);
            File.WriteAllText(Path.Combine(schemas, "broken.json"), "{\n  \"model\": {\n    \"id\": \"model_broken\",\n    \"inputs\": [ }\n}\n");

            var code = await RunAsync("generate", "--schemas", schemas, "--out", output, "--lang-version", "9");

            Assert.Equal(2, code);
            Assert.Matches(new Regex(Regex.Escape(Path.Combine(schemas, "broken.json")) + @"\(4,\d+\): error LTXG0001: "), _error.ToString());
            Assert.Equal(before, Snapshot(output));
            Assert.Equal(new[] { "Generated", "schemas" }, Directory.GetFileSystemEntries(_temp).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public async Task A_folder_with_files_it_did_not_write_is_never_replaced()
        {
            var output = Path.Combine(_temp, "src");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "Program.cs"), "// mine");

            var code = await RunAsync("generate", "--schemas", CopySchemas(), "--out", output);

            Assert.Equal(2, code);
            Assert.Contains("Program.cs, which ltx generate did not write", _error.ToString(), StringComparison.Ordinal);
            Assert.Equal(new[] { "Program.cs" }, Directory.GetFiles(output).Select(Path.GetFileName).ToArray());
        }

        [Fact]
        public async Task Terminal_escape_sequences_in_a_doc_never_reach_the_terminal()
        {
            var schemas = Path.Combine(_temp, "schemas");
            Directory.CreateDirectory(schemas);
            File.WriteAllText(Path.Combine(schemas, "evil.json"), "{\"model\": {\"id\": \"model_\u001b]0;pwned\u0007\u202e\", \"inputs\": 5}}");

            await RunAsync("generate", "--schemas", schemas, "--out", Path.Combine(_temp, "out"));

            Assert.DoesNotContain('\u001b', _error.ToString());
            Assert.DoesNotContain('\u0007', _error.ToString());
            Assert.DoesNotContain('\u202e', _error.ToString());
        }

        [Fact]
        public async Task The_written_files_build_warning_free_with_only_the_runtime_at_CSharp9_and_latest()
        {
            var schemas = CopySchemas();
            var project = Path.Combine(_temp, "CheckedIn");
            Assert.Equal(0, await RunAsync("generate", "--schemas", schemas, "--out", Path.Combine(project, "Generated9"), "--namespace", "CheckedIn.Scenario", "--lang-version", "9"));
            Assert.Equal(0, await RunAsync("generate", "--schemas", schemas, "--out", Path.Combine(project, "GeneratedLatest"), "--namespace", "CheckedIn.Scenario", "--lang-version", "latest"));

            // No generator anywhere: the runtime DLLs the repository built, and the runtime's own package dependencies.
            var packages = File.ReadAllText(Path.Combine(Repository, "Directory.Packages.props"));
            string Version(string id) => Regex.Match(packages, "Include=\"" + Regex.Escape(id) + "\" Version=\"([^\"]+)\"").Groups[1].Value;
            var runtimeBin = Path.Combine(Repository, "runtime", "LtxCodegen.Runtime", "bin", Configuration);
            File.WriteAllText(Path.Combine(project, "CheckedIn.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                "  <PropertyGroup>\n    <TargetFrameworks>netstandard2.1;net10.0</TargetFrameworks>\n    <Nullable>enable</Nullable>\n" +
                "    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>\n  </PropertyGroup>\n" +
                "  <PropertyGroup Condition=\"'$(TargetFramework)' == 'netstandard2.1'\"><LangVersion>9</LangVersion></PropertyGroup>\n" +
                "  <PropertyGroup Condition=\"'$(TargetFramework)' == 'net10.0'\"><LangVersion>latest</LangVersion></PropertyGroup>\n" +
                "  <ItemGroup Condition=\"'$(TargetFramework)' == 'netstandard2.1'\">\n    <Compile Include=\"Generated9/*.cs;Use.cs\" />\n" +
                "    <Reference Include=\"LtxCodegen.Runtime\" HintPath=\"" + Path.Combine(runtimeBin, "netstandard2.0", "LtxCodegen.Runtime.dll") + "\" />\n" +
                "    <PackageReference Include=\"System.Text.Json\" Version=\"" + Version("System.Text.Json") + "\" />\n  </ItemGroup>\n" +
                "  <ItemGroup Condition=\"'$(TargetFramework)' == 'net10.0'\">\n    <Compile Include=\"GeneratedLatest/*.cs;Use.cs\" />\n" +
                "    <Reference Include=\"LtxCodegen.Runtime\" HintPath=\"" + Path.Combine(runtimeBin, "net8.0", "LtxCodegen.Runtime.dll") + "\" />\n  </ItemGroup>\n" +
                "  <ItemGroup>\n    <PackageReference Include=\"Microsoft.Extensions.Logging.Abstractions\" Version=\"" + Version("Microsoft.Extensions.Logging.Abstractions") + "\" />\n  </ItemGroup>\n" +
                "</Project>\n");
            File.WriteAllText(Path.Combine(project, "Use.cs"),
                "using System.Threading;\nusing System.Threading.Tasks;\nusing CheckedIn.Scenario;\nusing LtxCodegen;\n" +
                "namespace CheckedIn\n{\n    public static class Use\n    {\n" +
                "        public static Task<ScenarioJob> Extend(ScenarioClient client, CancellationToken ct) =>\n" +
                "            client.RunLtx2_19bExtendVideoAsync(new Ltx2_19bExtendVideoRequest(\"The camera keeps gliding\", \"asset_1\") { Fps = 24 }, null, ct);\n" +
                "        public static int Models => ScenarioModels.All.Count;\n    }\n}\n");
            File.Copy(Path.Combine(Repository, "nuget.config"), Path.Combine(project, "nuget.config"));

            var build = await DotnetBuildAsync(project);

            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
            Assert.DoesNotContain("LtxCodegen.Generator", build.Output, StringComparison.Ordinal);
        }

        private async Task<int> RunAsync(params string[] args) =>
            await Program.RunAsync(args, new CliHost { Out = _out, Error = _error });

        private string CopySchemas()
        {
            var schemas = Path.Combine(_temp, "schemas");
            Directory.CreateDirectory(schemas);
            foreach (var file in Directory.GetFiles(Path.Combine(Repository, "schemas")))
            {
                File.Copy(file, Path.Combine(schemas, Path.GetFileName(file)), overwrite: true);
            }

            return schemas;
        }

        private static Dictionary<string, string> Snapshot(string folder) =>
            Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToBase64String(File.ReadAllBytes(f)));

        private static async Task<(int ExitCode, string Output)> DotnetBuildAsync(string directory)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "build", "-c", "Release", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
            {
                info.ArgumentList.Add(argument);
            }

            // A `dotnet test` host leaks MSBuild settings that would make a child build use the wrong SDK pieces.
            foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(key);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(4));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout + await stderr);
        }

        private static string Metadata(string key) =>
            typeof(GenerateCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}
