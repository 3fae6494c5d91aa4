using System;
using System.Collections.Generic;

namespace LtxCodegen.Emulator.Faults
{
    /// <summary>
    /// Random faults: each kind fires with its rate (0 to 1), drawn from a generator seeded with <see cref="Seed"/>, so
    /// the same sequence of requests meets the same faults on every run.
    /// </summary>
    public sealed class EmulatorFaultOptions
    {
        /// <summary>The seed of the random generator.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>The rate of each kind, from 0 (never, the default) to 1 (always).</summary>
        public IDictionary<EmulatorFaultKind, double> Rates { get; } = new Dictionary<EmulatorFaultKind, double>();

        /// <summary>The wait a 429 asks for (<c>Retry-After</c>, rounded up to whole seconds, and <c>remainingSeconds</c>, exact).</summary>
        public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How long a slow response is delayed.</summary>
        public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>
        /// Which requests (method, path) random HTTP faults may hit; null for every request. Job and URL faults are
        /// drawn when a job is created or an asset URL issued.
        /// </summary>
        public Func<string, string, bool>? AppliesTo { get; set; }

        /// <summary>Sets the rate of one kind and returns these options (for object initializers and chaining).</summary>
        public EmulatorFaultOptions WithRate(EmulatorFaultKind kind, double rate)
        {
            if (rate < 0 || rate > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "A fault rate is between 0 and 1.");
            }

            Rates[kind] = rate;
            return this;
        }
    }
}
