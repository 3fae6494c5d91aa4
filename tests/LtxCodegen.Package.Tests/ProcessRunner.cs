using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Package.Tests
{
    /// <summary>The result of a finished child process.</summary>
    public sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
    {
        public override string ToString() => "$ " + CommandLine + " (exit " + ExitCode + ")\n" + Output;
    }

    /// <summary>Runs a child process with a timeout; the whole process tree is killed when it runs out.</summary>
    public static class ProcessRunner
    {
        public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            // A `dotnet test` host leaks MSBuild settings that would make a child `dotnet build` use the wrong SDK pieces.
            foreach (var key in new List<string>(EnvironmentKeys(info)))
            {
                if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    info.Environment.Remove(key);
                }
            }

            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var commandLine = fileName + " " + string.Join(" ", info.ArgumentList);
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                lock (output)
                {
                    throw new TimeoutException("Timed out after " + timeout + ": " + commandLine + "\n" + output);
                }
            }

            process.WaitForExit(); // flush the asynchronous readers
            lock (output)
            {
                return new ProcessResult(commandLine, process.ExitCode, output.ToString());
            }
        }

        private static IEnumerable<string> EnvironmentKeys(ProcessStartInfo info) => info.Environment.Keys;
    }
}
