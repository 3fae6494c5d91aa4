using System;
using System.Globalization;

namespace LtxCodegen
{
    /// <summary>Why the client refused a paid call.</summary>
    public enum ScenarioSpendRefusal
    {
        /// <summary>
        /// <see cref="ScenarioClientOptions.NoSpend"/> (or <c>SCENARIO_NO_SPEND=1</c>) is set: every generate and upload is refused.
        /// </summary>
        NoSpend,

        /// <summary>The service's estimate is above <see cref="ScenarioClientOptions.MaxCostPerJob"/>.</summary>
        CostLimit,
    }

    /// <summary>
    /// The client refused a paid call before sending it: nothing was generated or uploaded, nothing was charged.
    /// (For <see cref="ScenarioSpendRefusal.CostLimit"/>, only the free <c>?dryRun=true</c> estimate was sent.)
    /// </summary>
    public sealed class ScenarioSpendRefusedException : ScenarioException
    {
        private ScenarioSpendRefusedException(string message, ScenarioSpendRefusal refusal, string operation, ScenarioCostEstimate? estimate, double? limit)
            : base(message, null, null)
        {
            Refusal = refusal;
            Operation = operation;
            Estimate = estimate;
            Limit = limit;
        }

        /// <summary>Why the call was refused.</summary>
        public ScenarioSpendRefusal Refusal { get; }

        /// <summary>What was refused, e.g. <c>generate model_ltx-2-19b-extend-video</c> or <c>upload clip.mp4</c>.</summary>
        public string Operation { get; }

        /// <summary>For <see cref="ScenarioSpendRefusal.CostLimit"/>: the service's estimate.</summary>
        public ScenarioCostEstimate? Estimate { get; }

        /// <summary>For <see cref="ScenarioSpendRefusal.CostLimit"/>: the cap that was exceeded (creative units).</summary>
        public double? Limit { get; }

        /// <summary>The error for a paid call refused because spending is switched off.</summary>
        public static ScenarioSpendRefusedException NoSpend(string operation) =>
            new ScenarioSpendRefusedException(
                "Refused to " + (operation ?? throw new ArgumentNullException(nameof(operation))) +
                ": spending is switched off (ScenarioClientOptions.NoSpend / SCENARIO_NO_SPEND=1). Nothing was sent. " +
                "Cost estimates and reads still work.",
                ScenarioSpendRefusal.NoSpend, operation, null, null);

        /// <summary>The error for a request whose estimate is above the cap.</summary>
        public static ScenarioSpendRefusedException CostLimit(ScenarioCostEstimate estimate, double limit) =>
            new ScenarioSpendRefusedException(
                "Refused to generate " + (estimate ?? throw new ArgumentNullException(nameof(estimate))).ModelId + ": the service estimates " +
                estimate.CreativeUnits.ToString("0.###", CultureInfo.InvariantCulture) + " creative units, above the cap of " +
                limit.ToString("0.###", CultureInfo.InvariantCulture) + " (ScenarioClientOptions.MaxCostPerJob). Nothing was generated or charged.",
                ScenarioSpendRefusal.CostLimit, "generate " + estimate.ModelId, estimate, limit);
    }
}
