using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>
    /// Issue 16: a clone has no <c>ltx</c> command until the tool is installed. Packs the CLI as a dotnet tool (from the
    /// build this test run already made), installs it into a temporary tool path from that local feed only, and runs
    /// <c>ltx --help</c> — the README's recipe. Every process is bounded in time and killed by id on timeout.
    /// </summary>
    public sealed class ToolPackageTests
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

        [Fact]
        public async Task The_cli_packs_as_a_dotnet_tool_that_installs_from_a_local_feed_and_runs()
        {
            var root = RepositoryRoot();

            // The README's recipe is the one this test follows.
            var readme = File.ReadAllText(Path.Combine(root, "README.md"));
            Assert.Contains("dotnet pack cli/LtxCodegen.Cli -c Release -o artifacts/tool", readme, StringComparison.Ordinal);
            Assert.Contains("dotnet tool install --global LtxCodegen.Cli --add-source artifacts/tool", readme, StringComparison.Ordinal);
            var temp = Path.Combine(Path.GetTempPath(), "ltx-tool-test-" + Guid.NewGuid().ToString("N"));
            var feed = Path.Combine(temp, "feed");
            var tools = Path.Combine(temp, "tools");
            Directory.CreateDirectory(feed);
            try
            {
                // A version of its own, so no NuGet cache can hand back an older package of the same version.
                var version = "0.0.0-tooltest." + Guid.NewGuid().ToString("N").Substring(0, 12);
                var pack = await RunAsync(root, "dotnet", "pack", "cli/LtxCodegen.Cli", "-c", Configuration, "--no-build", "-o", feed, "-p:Version=" + version, "-nologo");
                Assert.True(pack.Code == 0, pack.Output);
                Assert.True(File.Exists(Path.Combine(feed, "LtxCodegen.Cli." + version + ".nupkg")), pack.Output);

                // Only the local feed: the install needs nothing from nuget.org (the tool package carries its dependencies).
                var config = Path.Combine(temp, "nuget.config");
                File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear />"
                    + "<add key=\"local\" value=\"" + feed + "\" /></packageSources></configuration>\n");
                var install = await RunAsync(temp, "dotnet", "tool", "install", "LtxCodegen.Cli", "--tool-path", tools, "--add-source", feed,
                    "--configfile", config, "--version", version);
                Assert.True(install.Code == 0, install.Output);

                var ltx = Path.Combine(tools, OperatingSystem.IsWindows() ? "ltx.exe" : "ltx");
                var help = await RunAsync(temp, ltx, "--help");
                Assert.True(help.Code == 0, help.Output);
                Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
                Assert.Contains("demo", help.Output, StringComparison.Ordinal);
                Assert.Contains("models", help.Output, StringComparison.Ordinal);
            }
            finally
            {
                try
                {
                    Directory.Delete(temp, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LtxCodegen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("LtxCodegen.sln not found above " + AppContext.BaseDirectory);
        }

        private static async Task<(int Code, string Output)> RunAsync(string workingDirectory, string fileName, params string[] args)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(StepTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (-1, fileName + " " + string.Join(" ", args) + " timed out after " + StepTimeout + "\n" + await stdout + await stderr);
            }

            return (process.ExitCode, fileName + " " + string.Join(" ", args) + "\n" + await stdout + await stderr);
        }
    }
}
