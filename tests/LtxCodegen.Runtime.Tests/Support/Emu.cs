using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>A fast emulator on 127.0.0.1 (timings in milliseconds) and clients pointed at it.</summary>
    internal static class Emu
    {
        public const string Key = "test-key";
        public const string Secret = "s3cr3t-Zq9-never-shown";

        public static string ClipPath => Path.Combine(AppContext.BaseDirectory, "TestData", "clip.mp4");

        public static string FramePath => Path.Combine(AppContext.BaseDirectory, "TestData", "frame.png");

        public static Task<ScenarioEmulator> StartAsync(Action<ScenarioEmulatorOptions>? configure = null)
        {
            var options = new ScenarioEmulatorOptions
            {
                ApiKey = Key,
                ApiSecret = Secret,
                QueuedDuration = TimeSpan.FromMilliseconds(20),
                RunningDuration = TimeSpan.FromMilliseconds(120),
                ProgressSteps = 4,
                Models = LtxCodegen.Models.ScenarioModels.All,
            };
            configure?.Invoke(options);
            return ScenarioEmulator.StartAsync(options);
        }

        public static ScenarioClientOptions Options(ScenarioEmulator emulator, Action<ScenarioClientOptions>? configure = null)
        {
            var options = new ScenarioClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                ApiKey = Key,
                ApiSecret = Secret,
                PollInterval = TimeSpan.FromMilliseconds(10),
                MaxPollInterval = TimeSpan.FromMilliseconds(40),
                RetryDelay = TimeSpan.FromMilliseconds(5),
                MaxRetryDelay = TimeSpan.FromSeconds(2),
                RequestTimeout = TimeSpan.FromSeconds(10),
                JobTimeout = TimeSpan.FromSeconds(20),
                MaxRetries = 3,
            };
            configure?.Invoke(options);
            return options;
        }

        public static ScenarioClient Client(ScenarioEmulator emulator, Action<ScenarioClientOptions>? configure = null, ILoggerFactory? logs = null) =>
            new ScenarioClient(Options(emulator, configure), logs);

        public static ScenarioClient Client(ScenarioEmulator emulator, HttpClient http, Action<ScenarioClientOptions>? configure = null) =>
            new ScenarioClient(http, Options(emulator, configure));

        private static readonly string s_tempRoot = CreateTempRoot();

        public static string TempFile(string extension)
        {
            var dir = Path.Combine(s_tempRoot, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return Path.Combine(dir, "out" + extension);
        }

        /// <summary>One folder per test run, removed when the test process ends.</summary>
        private static string CreateTempRoot()
        {
            var root = Path.Combine(Path.GetTempPath(), "ltxcodegen-rt-tests-" + Environment.ProcessId);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            };
            return root;
        }
    }
}
