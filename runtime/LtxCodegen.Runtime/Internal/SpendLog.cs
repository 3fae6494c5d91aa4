using System;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Internal
{
    /// <summary>Precompiled log lines of cost estimates, spend refusals, slot waits and reconciliation. No credentials, no bodies.</summary>
    internal static class SpendLog
    {
        private static readonly Action<ILogger, string, string, Exception?> s_costEstimated = LoggerMessage.Define<string, string>(
            LogLevel.Debug, ScenarioLogEvents.CostEstimated, "Estimated a job of {ModelId}: {Estimate}");

        private static readonly Action<ILogger, string, string, Exception?> s_spendRefused = LoggerMessage.Define<string, string>(
            LogLevel.Warning, ScenarioLogEvents.SpendRefused, "Refused to {Operation} before sending: {Why}");

        private static readonly Action<ILogger, string, string, Exception?> s_waitingForSlot = LoggerMessage.Define<string, string>(
            LogLevel.Information, ScenarioLogEvents.WaitingForSlot, "A job of {ModelId} waits for a slot: {Why}");

        private static readonly Action<ILogger, string, string, int, Exception?> s_reconciled = LoggerMessage.Define<string, string, int>(
            LogLevel.Information, ScenarioLogEvents.SubmitReconciled, "Looked for a submitted job of {ModelId}: {Outcome} ({Examined} job(s) examined)");

        public static void CostEstimated(ILogger l, ScenarioCostEstimate estimate) => s_costEstimated(l, estimate.ModelId, estimate.ToString(), null);
        public static void SpendRefused(ILogger l, ScenarioSpendRefusedException e) => s_spendRefused(l, e.Operation, e.Refusal.ToString(), null);
        public static void WaitingForSlot(ILogger l, string modelId, string why) => s_waitingForSlot(l, modelId, why, null);
        public static void Reconciled(ILogger l, string modelId, ScenarioJobSearchResult result) => s_reconciled(l, modelId, result.ToString(), result.JobsExamined, null);
    }
}
