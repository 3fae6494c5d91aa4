using System;
using System.IO;
using System.Threading.Tasks;
using LtxCodegen.Emulator;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>Runs <c>ltx</c> in process against an emulator on loopback (as if credentials were set).</summary>
    internal sealed class CliRun : IAsyncDisposable
    {
        private CliRun(ScenarioEmulator emulator, string temp)
        {
            Emulator = emulator;
            Temp = temp;
        }

        public ScenarioEmulator Emulator { get; }

        public string Temp { get; }

        public StringWriter Out { get; } = new();

        public StringWriter Error { get; } = new();

        public static ScenarioEmulatorOptions FastOptions() => new()
        {
            ApiKey = "cli-key",
            ApiSecret = "cli-secret",
            QueuedDuration = TimeSpan.FromMilliseconds(50),
            RunningDuration = TimeSpan.FromMilliseconds(300),
        };

        public static async Task<CliRun> StartAsync(ScenarioEmulatorOptions? options = null)
        {
            var temp = Path.Combine(Path.GetTempPath(), "ltx-cli-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temp);
            return new CliRun(await ScenarioEmulator.StartAsync(options ?? FastOptions()), temp);
        }

        public CliHost Host(bool withCredentials = true) => Host(Emulator.BaseAddress, withCredentials);

        /// <summary>A host talking to <paramref name="baseAddress"/> (e.g. a stub server), temp files under <see cref="Temp"/>.</summary>
        public CliHost Host(Uri baseAddress, bool withCredentials = true) => new()
        {
            Out = Out,
            Error = Error,
            ApiKey = withCredentials ? "cli-key" : null,
            ApiSecret = withCredentials ? "cli-secret" : null,
            BaseAddress = baseAddress,
            EmulatorOptions = FastOptions,
            PollInterval = TimeSpan.FromMilliseconds(50),
            RedirectedWidth = 80,
            TempDirectory = Temp,
        };

        public Task<int> RunAsync(params string[] args) => Program.RunAsync(args, Host());

        public Task<int> RunAsync(string[] args, System.Threading.CancellationToken cancellationToken) => Program.RunAsync(args, Host(), cancellationToken);

        public string SampleClip()
        {
            var path = Path.Combine(Temp, "clip.mp4");
            File.WriteAllBytes(path, SampleMedia.GetVideo());
            return path;
        }

        public string Output => Out.ToString() + Error.ToString();

        public async ValueTask DisposeAsync()
        {
            await Emulator.DisposeAsync();
            try
            {
                Directory.Delete(Temp, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
