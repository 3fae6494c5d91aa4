using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// The issue's "done when": TestData/Consumer, a project that references the generator and the analyzer the way an
    /// in-repo consumer does, built with the real SDK compiler (C# 14 and C# 9). It builds with the expected warnings,
    /// and -warnaserror turns them into errors. Bounded: each build is killed after 5 minutes.
    /// </summary>
    public sealed class ConsumerProjectTests : IDisposable
    {
        private static readonly string[] Expected =
        {
            "LTX1001: model_ltx-2-19b-video-to-video: fps must be between 1 and 60 (got 120).",
            "LTX1001: model_ltx-2-19b-video-to-video: duration must be between 3 and 20 (got 25).",
            "LTX1004: model_ltx-2-19b-video-to-video: width must be used with height. It is set here without it.",
        };

        private readonly string _scenario = "run-" + Guid.NewGuid().ToString("N");

        [Theory]
        [InlineData("14")]
        [InlineData("9")]
        public void Builds_with_the_expected_warnings(string languageVersion)
        {
            var (exitCode, output) = Build(languageVersion, warningsAsErrors: false);
            Assert.True(exitCode == 0, output);
            Assert.Equal(Expected.OrderBy(x => x, StringComparer.Ordinal), Found(output, "warning"));
        }

        [Fact]
        public void Warnaserror_turns_them_into_errors()
        {
            var (exitCode, output) = Build("14", warningsAsErrors: true);
            Assert.NotEqual(0, exitCode);
            Assert.Equal(Expected.OrderBy(x => x, StringComparer.Ordinal), Found(output, "error"));
        }

        public void Dispose()
        {
            foreach (var folder in new[] { "obj", "bin" })
            {
                var path = Path.Combine(ConsumerDirectory(), folder, _scenario);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }

        private static string[] Found(string output, string severity) =>
            Regex.Matches(output, @"Program\.cs\(\d+,\d+\): " + severity + @" (LTX\d{4}: [^\[\r\n]*?) \(https://")
                .Select(m => m.Groups[1].Value)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(x => x, StringComparer.Ordinal)
                .ToArray();

        private static string ConsumerDirectory() => Path.Combine(RepoRoot(), "tests", "LtxCodegen.Analyzer.Tests", "TestData", "Consumer");

        private (int ExitCode, string Output) Build(string languageVersion, bool warningsAsErrors)
        {
            var root = RepoRoot();
            var project = Path.Combine(ConsumerDirectory(), "Consumer.csproj");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            foreach (var argument in new[]
            {
                "build", project, "-c", Configuration(), "-nologo", "-v:q", "-clp:NoSummary",
            })
            {
                start.ArgumentList.Add(argument);
            }

            if (warningsAsErrors)
            {
                start.ArgumentList.Add("-warnaserror");
            }

            start.Environment["LTX_CONSUMER_LANGVERSION"] = languageVersion;
            start.Environment["LTX_CONSUMER_SCENARIO"] = _scenario;
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The consumer build took more than 5 minutes.");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        /// <summary>Debug or Release, as this test assembly was built (so the referenced projects are up to date).</summary>
        private static string Configuration() =>
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        private static string RepoRoot()
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
    }
}
