using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using LtxCodegen.Extensions.Tests.Models;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Extensions.Tests
{
    /// <summary>An emulator serving the two image models of TestData/schemas (plus its built-in ones), with fast jobs.</summary>
    internal static class TestEmulator
    {
        public const string Key = "meai-key";
        public const string Secret = "meai-secret";

        public static Task<ScenarioEmulator> StartAsync() => ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
        {
            ApiKey = Key,
            ApiSecret = Secret,
            Models = ScenarioModels.All,
            QueuedDuration = TimeSpan.FromMilliseconds(50),
            RunningDuration = TimeSpan.FromMilliseconds(150),
        });

        public static ScenarioClient Client(ScenarioEmulator emulator) => new ScenarioClient(new ScenarioClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            ApiKey = Key,
            ApiSecret = Secret,
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(100),
        });

        public static int Generates(ScenarioEmulator emulator) => emulator.Requests.Count("POST", "/v1/generate/");

        public static int Uploads(ScenarioEmulator emulator) => emulator.Requests.Count("POST", "/v1/assets") + emulator.Requests.Count("POST", "/v1/uploads");
    }

    /// <summary>Collects log lines (category, level, message) for assertions.</summary>
    internal sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class ListLogger : ILogger
        {
            private readonly ListLoggerProvider _owner;
            private readonly string _category;

            public ListLogger(ListLoggerProvider owner, string category)
            {
                _owner = owner;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                _owner.Lines.Enqueue((_category, logLevel, formatter(state, exception)));
        }
    }
}
