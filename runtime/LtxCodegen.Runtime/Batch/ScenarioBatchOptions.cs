using System;

namespace LtxCodegen.Batch
{
    /// <summary>How a <see cref="ScenarioBatch"/> runs.</summary>
    public sealed class ScenarioBatchOptions
    {
        /// <summary>Creates options for a batch writing its outputs to <paramref name="outputDirectory"/>.</summary>
        public ScenarioBatchOptions(string outputDirectory)
        {
            if (string.IsNullOrWhiteSpace(outputDirectory))
            {
                throw new ArgumentException("The output folder is empty.", nameof(outputDirectory));
            }

            OutputDirectory = System.IO.Path.GetFullPath(outputDirectory);
        }

        /// <summary>Where the outputs land, as <c>&lt;id&gt;.&lt;ext&gt;</c> (further outputs of one job: <c>&lt;id&gt;.2.&lt;ext&gt;</c>, ...).</summary>
        public string OutputDirectory { get; }

        /// <summary>How many lines are worked on at once (uploading, submitting, waiting, downloading). Default 4.</summary>
        public int Concurrency { get; set; } = 4;

        /// <summary>
        /// The most the whole batch may cost, in creative units: the sum of the dry-run estimates (and of the billed cost of
        /// the jobs already run) must stay under it, or nothing is sent; while running, a line is not submitted when the billed
        /// and estimated costs so far plus its own estimate would go over. Null: no cap.
        /// </summary>
        public double? MaxCost { get; set; }

        /// <summary>
        /// Sends again a line (or uploads again a file) whose earlier POST may or may not have reached the service and
        /// could not be resolved: the explicit way to pay again. Default false: such lines are reported as needing a decision.
        /// </summary>
        public bool ResubmitUnknown { get; set; }

        /// <summary>
        /// How long after a cut-off submit the job list is trusted to show the job if it was created (a job not listed by then
        /// is taken as never received). Default 10 s.
        /// </summary>
        public TimeSpan ReconcileSettleTime { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>When the engine reads the time (tests use their own).</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
