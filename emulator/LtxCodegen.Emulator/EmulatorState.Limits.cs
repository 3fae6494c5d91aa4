using LtxCodegen.Emulator.State;

namespace LtxCodegen.Emulator
{
    /// <summary>The parallel-jobs limit: how many custom jobs one team (API key) may have running at once.</summary>
    internal sealed partial class EmulatorState
    {
        private readonly object _admission = new object();

        /// <summary>
        /// Starts and stores a new custom job unless its owner already has <see cref="ScenarioEmulatorOptions.MaxParallelJobs"/>
        /// custom jobs that have not ended (read on every call, so tests may change it at run time). Counting and adding happen
        /// under one lock, so concurrent submits cannot overshoot the limit.
        /// </summary>
        public bool TryAdmit(JobState job, out int running, out int limit)
        {
            lock (_admission)
            {
                running = 0;
                limit = Options.MaxParallelJobs ?? 0;
                if (Options.MaxParallelJobs is int max)
                {
                    var now = Now;
                    foreach (var other in Store.JobsOf(job.Owner))
                    {
                        if (other.JobType == "custom" && !other.Observe(now, Timings).IsTerminal)
                        {
                            running++;
                        }
                    }

                    if (running >= max)
                    {
                        return false;
                    }
                }

                job.Start(Now, null, null);
                Store.Add(job);
                return true;
            }
        }
    }
}
