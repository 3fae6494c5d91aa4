using System;
using System.Collections.Generic;

namespace LtxCodegen.Batch
{
    /// <summary>How one line ended in a run.</summary>
    public sealed class ScenarioBatchLineResult
    {
        internal ScenarioBatchLineResult(ScenarioBatchLine line, ScenarioBatchLinePhase phase, string? jobId, IReadOnlyList<string> files, double? cost, string? error, bool isServiceError, bool wasAlreadyDone)
        {
            Line = line;
            Phase = phase;
            JobId = jobId;
            Files = files;
            Cost = cost;
            Error = error;
            IsServiceError = isServiceError;
            WasAlreadyDone = wasAlreadyDone;
        }

        /// <summary>The line.</summary>
        public ScenarioBatchLine Line { get; }

        /// <summary>How it ended: <see cref="ScenarioBatchLinePhase.Done"/>, <see cref="ScenarioBatchLinePhase.Failed"/>, ...</summary>
        public ScenarioBatchLinePhase Phase { get; }

        /// <summary>The job id, when there is one.</summary>
        public string? JobId { get; }

        /// <summary>The full paths of its outputs (when done).</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>The billed cost, when known.</summary>
        public double? Cost { get; }

        /// <summary>Why it did not end done (sanitized for a terminal).</summary>
        public string? Error { get; }

        /// <summary>True when the line failed because of the service or the network rather than the job itself.</summary>
        public bool IsServiceError { get; }

        /// <summary>True when an earlier run had already finished it (nothing was downloaded again).</summary>
        public bool WasAlreadyDone { get; }

        /// <inheritdoc />
        public override string ToString() => Line.Id + " " + Phase + (Error is null ? "" : ": " + Error);
    }

    /// <summary>How a whole run ended.</summary>
    public sealed class ScenarioBatchResult
    {
        internal ScenarioBatchResult(IReadOnlyList<ScenarioBatchLineResult> lines, double spent)
        {
            Lines = lines ?? throw new ArgumentNullException(nameof(lines));
            Spent = spent;
        }

        /// <summary>Every line, in file order.</summary>
        public IReadOnlyList<ScenarioBatchLineResult> Lines { get; }

        /// <summary>The creative units billed for the batch's jobs (this run and earlier ones).</summary>
        public double Spent { get; }

        /// <summary>Lines done.</summary>
        public int Done => Count(ScenarioBatchLinePhase.Done);

        /// <summary>Lines failed.</summary>
        public int Failed => Count(ScenarioBatchLinePhase.Failed);

        /// <summary>Lines needing a decision.</summary>
        public int NeedsDecision => Count(ScenarioBatchLinePhase.NeedsDecision);

        /// <summary>Lines interrupted.</summary>
        public int Interrupted => Count(ScenarioBatchLinePhase.Interrupted);

        /// <summary>Lines not sent because of the cost cap.</summary>
        public int OverBudget => Count(ScenarioBatchLinePhase.OverBudget);

        private int Count(ScenarioBatchLinePhase phase)
        {
            var n = 0;
            foreach (var line in Lines)
            {
                if (line.Phase == phase)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
