using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LtxCodegen.Emulator.Logging
{
    /// <summary>Every request an emulator received, in arrival order. Thread-safe.</summary>
    public sealed class EmulatorRequestLog
    {
        private readonly object _gate = new object();
        private readonly List<EmulatorRequest> _entries = new List<EmulatorRequest>();
        private long _sequence;

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
            }
        }

        internal long NextSequence() => Interlocked.Increment(ref _sequence);

        internal void Add(EmulatorRequest request)
        {
            lock (_gate)
            {
                _entries.Add(request);
            }
        }
    }
}
