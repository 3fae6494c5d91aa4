using System;
using System.Collections.Generic;

namespace LtxCodegen.Batch
{
    /// <summary>
    /// A batch checked against its ledger and priced, before anything paid is sent: the estimate of every line, what
    /// earlier runs did, and every reason not to start (changed lines, files in the way, the cost cap).
    /// </summary>
    public sealed class ScenarioBatchPreparation
    {
        internal ScenarioBatchPreparation(ScenarioBatchPlan plan, IReadOnlyDictionary<string, ScenarioBatchLineRecord> records,
            IReadOnlyCollection<string> changed, IReadOnlyList<ScenarioBatchError> errors, double total, double alreadySpent, int alreadyDone, int toSubmit, int unpriced)
        {
            Plan = plan;
            Changed = changed;
            Records = records;
            Errors = errors;
            TotalEstimate = total;
            AlreadySpent = alreadySpent;
            AlreadyDone = alreadyDone;
            ToSubmit = toSubmit;
            Unpriced = unpriced;
        }

        /// <summary>The plan.</summary>
        public ScenarioBatchPlan Plan { get; }

        internal IReadOnlyDictionary<string, ScenarioBatchLineRecord> Records { get; }

        /// <summary>The ids whose records are new or changed (written when the run starts).</summary>
        internal IReadOnlyCollection<string> Changed { get; }

        /// <summary>Every reason not to start; empty when the batch may run.</summary>
        public IReadOnlyList<ScenarioBatchError> Errors { get; }

        /// <summary>
        /// The cost of the whole batch in creative units: billed cost for jobs that ended, the dry-run estimate for the rest.
        /// </summary>
        public double TotalEstimate { get; }

        /// <summary>The creative units already billed by earlier runs.</summary>
        public double AlreadySpent { get; }

        /// <summary>Lines whose outputs an earlier run already downloaded.</summary>
        public int AlreadyDone { get; }

        /// <summary>Lines that this run will submit (not sent yet, or failed before).</summary>
        public int ToSubmit { get; }

        /// <summary>
        /// Lines the service would not price before their local files are uploaded (not in <see cref="TotalEstimate"/>): each
        /// is priced after its upload, before its generate call, and is not sent if it would go over the cap.
        /// </summary>
        public int Unpriced { get; }

        /// <summary>The estimate (or billed cost) of one line, when known.</summary>
        public double? CostOf(string id) =>
            Records.TryGetValue(id ?? throw new ArgumentNullException(nameof(id)), out var record) ? record.Cost ?? record.Estimate : null;
    }
}
