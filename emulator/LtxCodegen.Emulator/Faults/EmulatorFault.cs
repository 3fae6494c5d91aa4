using System.Threading;

namespace LtxCodegen.Emulator.Faults
{
    /// <summary>A targeted fault armed on a running emulator: how often it fired, how many hits remain.</summary>
    public sealed class EmulatorFault
    {
        private int _remaining;
        private int _hits;

        internal EmulatorFault(EmulatorFaultRule rule)
        {
            Rule = rule;
            _remaining = rule.Count;
        }

        /// <summary>The rule.</summary>
        public EmulatorFaultRule Rule { get; }

        /// <summary>How many more requests it will hit.</summary>
        public int Remaining => Volatile.Read(ref _remaining);

        /// <summary>How many requests it hit so far.</summary>
        public int Hits => Volatile.Read(ref _hits);

        /// <summary>True when it has no hits left.</summary>
        public bool IsSpent => Remaining <= 0;

        internal bool TryConsume()
        {
            while (true)
            {
                var current = Volatile.Read(ref _remaining);
                if (current <= 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
                {
                    Interlocked.Increment(ref _hits);
                    return true;
                }
            }
        }

        internal void Disarm() => Interlocked.Exchange(ref _remaining, 0);

        /// <inheritdoc />
        public override string ToString() => Rule + " (hits " + Hits + ", remaining " + Remaining + ")";
    }
}
