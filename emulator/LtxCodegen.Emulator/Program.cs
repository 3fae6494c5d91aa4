using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator
{
    /// <summary>The standalone emulator: <c>dotnet run --project emulator/LtxCodegen.Emulator -- --port 5181 --api-key K --api-secret S</c>.</summary>
    public static class Program
    {
        private const string Usage =
            "Usage: LtxCodegen.Emulator [--port N] [--api-key KEY] [--api-secret SECRET] [--queued-ms N] [--running-ms N] [--url-lifetime-s N] [--max-parallel-jobs N] [--schemas DIR]\n" +
            "  --port            TCP port on 127.0.0.1 (default 5181; 0 picks a free port)\n" +
            "  --api-key         accepted API key (default: $SCENARIO_API_KEY, else " + ScenarioEmulatorOptions.DefaultApiKey + ")\n" +
            "  --api-secret      accepted API secret (default: $SCENARIO_API_SECRET, else " + ScenarioEmulatorOptions.DefaultApiSecret + ")\n" +
            "  --queued-ms       how long jobs stay queued (default 1000)\n" +
            "  --running-ms      how long jobs run (default 4000)\n" +
            "  --url-lifetime-s  how long signed download URLs stay valid (default 900)\n" +
            "  --max-parallel-jobs  custom jobs one API key may run at once; one more answers 429 parallel-custom-jobs (default: no limit)\n" +
            "  --schemas         folder of model docs (*.md, *.json) to serve and run besides the built-in models (default: $LTX_SCHEMAS)";

        /// <summary>Runs the emulator until Ctrl+C (SIGINT) or SIGTERM. Returns 0 after a clean stop, 2 for bad arguments.</summary>
        public static async Task<int> Main(string[] args)
        {
            var options = new ScenarioEmulatorOptions
            {
                Port = 5181,
                ApiKey = Environment.GetEnvironmentVariable("SCENARIO_API_KEY") is { Length: > 0 } k ? k : ScenarioEmulatorOptions.DefaultApiKey,
                ApiSecret = Environment.GetEnvironmentVariable("SCENARIO_API_SECRET") is { Length: > 0 } s ? s : ScenarioEmulatorOptions.DefaultApiSecret,
                SchemasDirectory = Environment.GetEnvironmentVariable("LTX_SCHEMAS") is { Length: > 0 } schemas ? schemas : null,
            };
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name is "-h" or "--help")
                {
                    Console.WriteLine(Usage);
                    return 0;
                }

                if (i + 1 >= args.Length)
                {
                    return Fail("Missing value after " + name + ".");
                }

                var value = args[++i];
                switch (name)
                {
                    case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                        options.Port = port;
                        break;
                    case "--api-key":
                        options.ApiKey = value;
                        break;
                    case "--api-secret":
                        options.ApiSecret = value;
                        break;
                    case "--queued-ms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var q):
                        options.QueuedDuration = TimeSpan.FromMilliseconds(q);
                        break;
                    case "--running-ms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r):
                        options.RunningDuration = TimeSpan.FromMilliseconds(r);
                        break;
                    case "--url-lifetime-s" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u > 0:
                        options.UrlLifetime = TimeSpan.FromSeconds(u);
                        break;
                    case "--schemas":
                        options.SchemasDirectory = value;
                        break;
                    case "--max-parallel-jobs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m):
                        options.MaxParallelJobs = m;
                        break;
                    default:
                        return Fail("Unknown option or bad value: " + name + " " + value);
                }
            }

            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });

            ScenarioEmulator emulator;
            try
            {
                emulator = await ScenarioEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
            }
            catch (System.IO.DirectoryNotFoundException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            catch (System.IO.IOException e)
            {
                Console.Error.WriteLine("Cannot listen on 127.0.0.1:" + options.Port + ": " + e.Message);
                return 1;
            }

            await using (emulator.ConfigureAwait(false))
            {
                // Bad docs are reported with their place; the good models are served regardless.
                foreach (var d in emulator.DocDiagnostics)
                {
                    Console.Error.WriteLine(d.ToString());
                }

                Console.WriteLine("Scenario emulator listening on " + emulator.BaseAddress);
                Console.WriteLine("API key: " + options.ApiKey + " (secret as given). Models: " +
                                  (emulator.Models.Count == 0 ? "(none)" : string.Join(", ", ModelIds(emulator))));
                Console.WriteLine("Press Ctrl+C to stop.");
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM.
                }

                Console.WriteLine("Stopping...");
            }

            Console.CancelKeyPress -= onCancel;
            Console.WriteLine("Scenario emulator stopped.");
            return 0;
        }

        private static System.Collections.Generic.IEnumerable<string> ModelIds(ScenarioEmulator emulator)
        {
            foreach (var m in emulator.Models)
            {
                yield return m.Id;
            }
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine(message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
