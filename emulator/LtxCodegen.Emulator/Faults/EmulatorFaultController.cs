using System;
using System.Collections.Generic;
using System.Net;

namespace LtxCodegen.Emulator.Faults
{
    /// <summary>
    /// The fault switches of a running emulator: targeted one-shot faults that tests arm precisely, and the seeded
    /// random faults of <see cref="EmulatorFaultOptions"/>. Thread-safe.
    /// </summary>
    public sealed class EmulatorFaultController
    {
        private static readonly EmulatorFaultKind[] HttpKinds =
        {
            EmulatorFaultKind.RateLimit, EmulatorFaultKind.InternalServerError, EmulatorFaultKind.BadGateway,
            EmulatorFaultKind.ServiceUnavailable, EmulatorFaultKind.ConnectionReset, EmulatorFaultKind.SlowResponse,
            EmulatorFaultKind.MalformedJson,
        };

        private readonly object _gate = new object();
        private readonly List<EmulatorFault> _armed = new List<EmulatorFault>();
        private readonly EmulatorFaultOptions _options;
        private readonly Random _random;

        internal EmulatorFaultController(EmulatorFaultOptions options)
        {
            _options = options;
            _random = new Random(options.Seed);
        }

        /// <summary>The random fault settings (change rates at run time through <see cref="SetRate"/>).</summary>
        public EmulatorFaultOptions Options => _options;

        /// <summary>Targeted faults that still have hits left, oldest first.</summary>
        public IReadOnlyList<EmulatorFault> Armed
        {
            get
            {
                lock (_gate)
                {
                    return _armed.FindAll(f => !f.IsSpent);
                }
            }
        }

        /// <summary>Arms a targeted fault. Rules are tried oldest first; one request meets at most one HTTP fault.</summary>
        public EmulatorFault Add(EmulatorFaultRule rule)
        {
            if (rule is null)
            {
                throw new ArgumentNullException(nameof(rule));
            }

            if (rule.Count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Count, "A fault rule hits at least one request.");
            }

            if (rule.Kind == EmulatorFaultKind.HttpError && rule.StatusCode is null)
            {
                throw new ArgumentException("An HttpError rule needs a StatusCode.", nameof(rule));
            }

            var fault = new EmulatorFault(rule);
            lock (_gate)
            {
                _armed.Add(fault);
            }

            return fault;
        }

        /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="status"/> (an error body with reason and trace id).</summary>
        public EmulatorFault FailNext(string? method, string? pathPrefix, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, int count = 1, bool afterHandling = false) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.HttpError, Method = method, PathPrefix = pathPrefix, StatusCode = status, Count = count, AfterHandling = afterHandling });

        /// <summary>Answers the next <paramref name="count"/> matching requests with 429, <c>Retry-After</c> and <c>remainingSeconds</c>.</summary>
        public EmulatorFault RateLimitNext(string? method, string? pathPrefix, TimeSpan? retryAfter = null, int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.RateLimit, Method = method, PathPrefix = pathPrefix, RetryAfter = retryAfter, Count = count });

        /// <summary>Aborts the connection of the next <paramref name="count"/> matching requests (after running them when <paramref name="afterHandling"/>).</summary>
        public EmulatorFault ResetNext(string? method, string? pathPrefix, int count = 1, bool afterHandling = false) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.ConnectionReset, Method = method, PathPrefix = pathPrefix, Count = count, AfterHandling = afterHandling });

        /// <summary>Delays the next <paramref name="count"/> matching responses by <paramref name="delay"/>.</summary>
        public EmulatorFault DelayNext(string? method, string? pathPrefix, TimeSpan delay, int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.SlowResponse, Method = method, PathPrefix = pathPrefix, Delay = delay, Count = count });

        /// <summary>Cuts the JSON body of the next <paramref name="count"/> matching responses in half (the request itself runs).</summary>
        public EmulatorFault MalformNext(string? method, string? pathPrefix, int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.MalformedJson, Method = method, PathPrefix = pathPrefix, Count = count });

        /// <summary>Sends the headers (with the full <c>Content-Length</c>) and <paramref name="afterBytes"/> bytes of the next download(s), then aborts the connection.</summary>
        public EmulatorFault ResetNextDownload(long afterBytes, int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.ConnectionReset, Method = "GET", PathPrefix = "/cdn/", AfterBytes = afterBytes, Count = count });

        /// <summary>Issues the next <paramref name="count"/> asset URLs (from <c>GET /v1/assets/{id}</c>) already expired: downloading them answers 403.</summary>
        public EmulatorFault ExpireNextAssetUrl(int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.ExpiredUrl, Count = count });

        /// <summary>Makes the next <paramref name="count"/> created jobs end in <c>failure</c> with the given error and hint.</summary>
        public EmulatorFault FailNextJob(string? error = null, string? hint = null, int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.JobFailure, Error = error, Hint = hint, Count = count });

        /// <summary>Makes the next <paramref name="count"/> created jobs end <c>canceled</c> part-way through.</summary>
        public EmulatorFault CancelNextJob(int count = 1) =>
            Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.JobCancellation, Count = count });

        /// <summary>Changes the rate of a random fault kind while the emulator runs (0 turns it off).</summary>
        public void SetRate(EmulatorFaultKind kind, double rate)
        {
            lock (_gate)
            {
                _options.WithRate(kind, rate);
            }
        }

        /// <summary>Disarms every targeted fault (random rates stay as configured).</summary>
        public void Clear()
        {
            lock (_gate)
            {
                foreach (var fault in _armed)
                {
                    fault.Disarm();
                }

                _armed.Clear();
            }
        }

        /// <summary>The HTTP fault for one request: a targeted rule first, else a random draw; null for none.</summary>
        internal FaultDecision? ForRequest(string method, string path)
        {
            lock (_gate)
            {
                foreach (var fault in _armed)
                {
                    if (IsHttpKind(fault.Rule.Kind) && fault.Rule.Matches(method, path) && fault.TryConsume())
                    {
                        return FromRule(fault.Rule);
                    }
                }

                if (_options.Rates.Count == 0 || (_options.AppliesTo is { } applies && !applies(method, path)))
                {
                    return null;
                }

                // One draw per kind in a fixed order keeps the sequence reproducible for a given seed.
                FaultDecision? chosen = null;
                foreach (var kind in HttpKinds)
                {
                    var draw = _random.NextDouble();
                    if (chosen is null && _options.Rates.TryGetValue(kind, out var rate) && draw < rate)
                    {
                        chosen = new FaultDecision(kind, StatusFor(kind), _options.RetryAfter, _options.SlowResponseDelay, null, false, null, null);
                    }
                }

                return chosen;
            }
        }

        /// <summary>The job fault for a new job (<see cref="EmulatorFaultKind.JobFailure"/> or <see cref="EmulatorFaultKind.JobCancellation"/>), or null.</summary>
        internal FaultDecision? ForNewJob() =>
            ForEvent(EmulatorFaultKind.JobFailure, EmulatorFaultKind.JobCancellation);

        /// <summary>True when the asset URL about to be issued must be already expired.</summary>
        internal bool ForNewUrl() => ForEvent(EmulatorFaultKind.ExpiredUrl, null) is not null;

        private FaultDecision? ForEvent(EmulatorFaultKind first, EmulatorFaultKind? second)
        {
            lock (_gate)
            {
                foreach (var fault in _armed)
                {
                    if ((fault.Rule.Kind == first || fault.Rule.Kind == second) && fault.TryConsume())
                    {
                        return FromRule(fault.Rule);
                    }
                }

                foreach (var kind in second is null ? new[] { first } : new[] { first, second.Value })
                {
                    if (_options.Rates.TryGetValue(kind, out var rate) && rate > 0 && _random.NextDouble() < rate)
                    {
                        return new FaultDecision(kind, null, _options.RetryAfter, _options.SlowResponseDelay, null, false, null, null);
                    }
                }

                return null;
            }
        }

        private FaultDecision FromRule(EmulatorFaultRule rule) =>
            new FaultDecision(
                rule.Kind,
                rule.Kind == EmulatorFaultKind.HttpError ? rule.StatusCode : StatusFor(rule.Kind),
                rule.RetryAfter ?? _options.RetryAfter,
                rule.Delay ?? _options.SlowResponseDelay,
                rule.AfterBytes,
                rule.AfterHandling,
                rule.Error,
                rule.Hint);

        private static bool IsHttpKind(EmulatorFaultKind kind) =>
            kind == EmulatorFaultKind.HttpError || Array.IndexOf(HttpKinds, kind) >= 0;

        private static HttpStatusCode? StatusFor(EmulatorFaultKind kind) => kind switch
        {
            EmulatorFaultKind.RateLimit => HttpStatusCode.TooManyRequests,
            EmulatorFaultKind.InternalServerError => HttpStatusCode.InternalServerError,
            EmulatorFaultKind.BadGateway => HttpStatusCode.BadGateway,
            EmulatorFaultKind.ServiceUnavailable => HttpStatusCode.ServiceUnavailable,
            _ => null,
        };
    }

    /// <summary>A fault chosen for one request, job or URL.</summary>
    internal sealed record FaultDecision(
        EmulatorFaultKind Kind,
        HttpStatusCode? StatusCode,
        TimeSpan RetryAfter,
        TimeSpan Delay,
        long? AfterBytes,
        bool AfterHandling,
        string? Error,
        string? Hint);
}
