using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>The standalone emulator as a real process: prints its address, serves, stops cleanly on Ctrl+C (SIGINT).</summary>
    public class StandaloneProcessTests
    {
        private static readonly Regex AddressLine = new Regex(@"listening on (http://127\.0\.0\.1:\d+/v1/)", RegexOptions.CultureInvariant);

        [Fact]
        public async Task Built_emulator_prints_its_address_serves_and_stops_cleanly_on_ctrl_c()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "LtxCodegen.Emulator.dll");
            using var process = Start("dotnet", "\"" + dll + "\" --port 0 --api-key K --api-secret S");
            try
            {
                var output = new StringBuilder();
                var address = await ReadAddressAsync(process, output);
                await AssertServesAsync(address);

                using (var kill = Process.Start(new ProcessStartInfo("kill", "-INT " + process.Id) { UseShellExecute = false })!)
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                Assert.Equal(0, process.ExitCode);
                Assert.Contains("Scenario emulator stopped.", rest);

                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(address + "jobs/x"));
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        [Fact]
        public async Task Documented_dotnet_run_command_starts_the_emulator()
        {
            var configuration = AppContext.BaseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Release" : "Debug";
            var project = Path.Combine(EmulatorTestBase.RepoRoot, "emulator", "LtxCodegen.Emulator");
            using var process = Start("dotnet", "run --project \"" + project + "\" --no-build -c " + configuration + " -- --port 0 --api-key K --api-secret S");
            try
            {
                var address = await ReadAddressAsync(process, new StringBuilder());
                await AssertServesAsync(address);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        [Fact]
        public async Task Bad_arguments_exit_with_code_2_and_usage()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "LtxCodegen.Emulator.dll");
            using var process = Start("dotnet", "\"" + dll + "\" --port nope");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(2, process.ExitCode);
            Assert.Contains("Usage:", error);
        }

        private static Process Start(string file, string arguments)
        {
            var info = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            return Process.Start(info)!;
        }

        private static async Task<string> ReadAddressAsync(Process process, StringBuilder output)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    throw new InvalidOperationException("The emulator exited before printing its address. Output: " + output +
                                                        " Errors: " + await process.StandardError.ReadToEndAsync());
                }

                output.AppendLine(line);
                var match = AddressLine.Match(line);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }
        }

        private static async Task AssertServesAsync(string address)
        {
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("jobs/x")).StatusCode);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("K:S")));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("jobs/x")).StatusCode);
        }
    }
}
