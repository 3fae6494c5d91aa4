using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LtxCodegen.Emulator.Logging
{
    /// <summary>
    /// The requests an emulator received, in arrival order: the latest ones, bounded in count
    /// (<see cref="ScenarioEmulatorOptions.MaxLoggedRequests"/>) and size (<see cref="ScenarioEmulatorOptions.MaxRequestLogBytes"/>);
    /// the oldest entries are dropped first (<see cref="Dropped"/> counts them). Thread-safe.
    /// </summary>
    public sealed class EmulatorRequestLog
    {
        private readonly object _gate = new object();
        private readonly Queue<EmulatorRequest> _entries = new Queue<EmulatorRequest>();
        private readonly int _maxEntries;
        private readonly long _maxBytes;
        private long _bytes;
        private long _dropped;
        private long _sequence;

        /// <summary>A log without limits beyond the defaults of <see cref="ScenarioEmulatorOptions"/>.</summary>
        public EmulatorRequestLog()
            : this(ScenarioEmulatorOptions.DefaultMaxLoggedRequests, ScenarioEmulatorOptions.DefaultMaxRequestLogBytes)
        {
        }

        /// <summary>A log that keeps at most <paramref name="maxEntries"/> entries of at most <paramref name="maxBytes"/> bytes in all.</summary>
        public EmulatorRequestLog(int maxEntries, long maxBytes)
        {
            if (maxEntries < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(maxEntries), maxEntries, "The request log must keep at least one entry.");
            }

            if (maxBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The request log needs a positive size.");
            }

            _maxEntries = maxEntries;
            _maxBytes = maxBytes;
        }

        /// <summary>How many entries were dropped (oldest first) to keep the log within its bounds.</summary>
        public long Dropped
        {
            get
            {
                lock (_gate)
                {
                    return _dropped;
                }
            }
        }

        /// <summary>The memory the kept entries' texts take, approximately (UTF-16 bytes of path, query and body).</summary>
        public long Bytes
        {
            get
            {
                lock (_gate)
                {
                    return _bytes;
                }
            }
        }

        /// <summary>A copy of the log as it is now.</summary>
        public IReadOnlyList<EmulatorRequest> Snapshot()
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }

        /// <summary>The requests with this method whose path starts with <paramref name="pathPrefix"/>.</summary>
        public IReadOnlyList<EmulatorRequest> Find(string method, string pathPrefix) =>
            Snapshot().Where(r => r.Is(method, pathPrefix)).ToArray();

        /// <summary>How many requests with this method have a path starting with <paramref name="pathPrefix"/>.</summary>
        public int Count(string method, string pathPrefix) => Find(method, pathPrefix).Count;

        /// <summary>How many requests were logged.</summary>
        public int Total
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }
        }

        /// <summary>Forgets every entry (sequence numbers keep counting).</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _entries.Clear();
                _bytes = 0;
            }
        }

        internal long NextSequence() => Interlocked.Increment(ref _sequence);

        internal void Add(EmulatorRequest request)
        {
            var size = SizeOf(request);
            lock (_gate)
            {
                _entries.Enqueue(request);
                _bytes += size;
                while (_entries.Count > _maxEntries || (_bytes > _maxBytes && _entries.Count > 0))
                {
                    _bytes -= SizeOf(_entries.Dequeue());
                    _dropped++;
                }
            }
        }

        private static long SizeOf(EmulatorRequest request) =>
            256 + (2L * (request.Path.Length + request.Query.Length + (request.Body?.Length ?? 0) + (request.Fault?.Length ?? 0)));
    }
}
