using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using LtxCodegen.Emulator.Faults;

namespace LtxCodegen.Emulator.State
{
    /// <summary>A job as the emulator keeps it. Its status is computed from the clock, so no timer runs per job.</summary>
    internal sealed class JobState
    {
        private readonly object _gate = new object();

        public JobState(string id, string owner, string jobType, DateTimeOffset createdAt)
        {
            Id = id;
            Owner = owner;
            JobType = jobType;
            CreatedAt = createdAt;
        }

        public string Id { get; }

        public string Owner { get; }

        public string JobType { get; }

        public DateTimeOffset CreatedAt { get; }

        public string? ModelId { get; init; }

        public JsonObject? Input { get; init; }

        public double Cost { get; init; }

        /// <summary>The cost's items (<c>billing.cuCostDetails</c>), when priced.</summary>
        public JsonObject? CostDetails { get; init; }

        public FaultDecision? Fault { get; init; }

        public IReadOnlyList<string> OutputAssetIds { get; init; } = Array.Empty<string>();

        /// <summary>When the job was started (null while an upload waits for its parts).</summary>
        public DateTimeOffset? StartedAt { get; private set; }

        /// <summary>For upload jobs: the asset the job imports.</summary>
        public string? OutputEntityId { get; private set; }

        /// <summary>A failure decided when the job started (e.g. an upload that is not the file it claims to be).</summary>
        public string? StartFailure { get; private set; }

        public DateTimeOffset? CanceledAt { get; private set; }

        public void Start(DateTimeOffset at, string? outputEntityId, string? failure)
        {
            lock (_gate)
            {
                StartedAt = at;
                OutputEntityId = outputEntityId;
                StartFailure = failure;
            }
        }

        /// <summary>Cancels the job unless it already ended; returns false when it had.</summary>
        public bool TryCancel(DateTimeOffset now, JobTimings timings)
        {
            lock (_gate)
            {
                if (Observe(now, timings).IsTerminal)
                {
                    return false;
                }

                CanceledAt = now;
                return true;
            }
        }

        public JobSnapshot Observe(DateTimeOffset now, JobTimings timings)
        {
            lock (_gate)
            {
                var history = new List<(DateTimeOffset, string)>();
                if (StartedAt is not DateTimeOffset started)
                {
                    history.Add((CreatedAt, "pending"));
                    if (CanceledAt is DateTimeOffset c0)
                    {
                        history.Add((c0, "canceled"));
                        return new JobSnapshot("canceled", 0, history, c0, null, null);
                    }

                    return new JobSnapshot("pending", 0, history, CreatedAt, null, null);
                }

                var runningAt = started + timings.Queued;
                var endAt = runningAt + timings.Running;

                // The earliest of: user cancel, fault cancel, natural end.
                DateTimeOffset? cancelAt = CanceledAt;
                if (Fault?.Kind == EmulatorFaultKind.JobCancellation)
                {
                    var faultCancel = runningAt + TimeSpan.FromTicks(timings.Running.Ticks / 2);
                    if (cancelAt is null || faultCancel < cancelAt)
                    {
                        cancelAt = faultCancel;
                    }
                }

                history.Add((started, "queued"));
                string status;
                double progress;
                DateTimeOffset updatedAt;
                string? error = null;
                string? hint = null;
                if (cancelAt is DateTimeOffset ca && ca < endAt && ca <= now)
                {
                    if (ca >= runningAt)
                    {
                        history.Add((runningAt, "in-progress"));
                    }

                    history.Add((ca, "canceled"));
                    status = "canceled";
                    progress = ProgressAt(ca, runningAt, timings);
                    updatedAt = ca;
                    if (CanceledAt != ca)
                    {
                        error = "The job was canceled by the service.";
                    }
                }
                else if (now < runningAt)
                {
                    status = "queued";
                    progress = 0;
                    updatedAt = started;
                }
                else if (now < endAt)
                {
                    history.Add((runningAt, "in-progress"));
                    status = "in-progress";
                    progress = ProgressAt(now, runningAt, timings);
                    updatedAt = runningAt + TimeSpan.FromTicks((long)(progress * timings.Running.Ticks));
                }
                else
                {
                    history.Add((runningAt, "in-progress"));
                    updatedAt = endAt;
                    if (StartFailure is not null || Fault?.Kind == EmulatorFaultKind.JobFailure)
                    {
                        status = "failure";
                        progress = ProgressAt(endAt - TimeSpan.FromTicks(1), runningAt, timings);
                        error = StartFailure ?? Fault?.Error ?? "The model failed to generate an output (emulated failure).";
                        hint = StartFailure is null ? Fault?.Hint ?? "Try again; if it keeps failing, change the seed or the prompt." : "Upload a valid file.";
                    }
                    else
                    {
                        status = "success";
                        progress = 1;
                    }

                    history.Add((endAt, status));
                }

                return new JobSnapshot(status, progress, history, updatedAt, error, hint);
            }
        }

        private static double ProgressAt(DateTimeOffset at, DateTimeOffset runningAt, JobTimings timings)
        {
            if (at <= runningAt || timings.Running <= TimeSpan.Zero)
            {
                return 0;
            }

            var fraction = Math.Min(1, (at - runningAt).Ticks / (double)timings.Running.Ticks);
            var step = Math.Min(timings.Steps - 1, (int)Math.Floor(fraction * timings.Steps));
            return step / (double)timings.Steps;
        }
    }

    /// <summary>The lifecycle timings of jobs.</summary>
    internal readonly record struct JobTimings(TimeSpan Queued, TimeSpan Running, int Steps);

    /// <summary>A job as seen at one instant.</summary>
    internal sealed record JobSnapshot(
        string Status,
        double Progress,
        IReadOnlyList<(DateTimeOffset Date, string Status)> History,
        DateTimeOffset UpdatedAt,
        string? Error,
        string? Hint)
    {
        public bool IsTerminal => Status is "success" or "failure" or "canceled";
    }
}
