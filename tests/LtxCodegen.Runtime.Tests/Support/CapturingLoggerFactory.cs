using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>Keeps every log line (formatted message, state values and exception text).</summary>
    internal sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
    {
        public ConcurrentQueue<(EventId Id, LogLevel Level, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (state is System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>> values)
            {
                foreach (var pair in values)
                {
                    text += " | " + pair.Key + "=" + pair.Value;
                }
            }

            if (exception is not null)
            {
                text += " | " + exception;
            }

            Lines.Enqueue((eventId, logLevel, text));
        }
    }
}
