using System;
using System.Collections.Generic;

namespace LtxCodegen
{
    /// <summary>
    /// What <see cref="ScenarioClient.FindSubmittedJobAsync"/> found: the jobs created since a given time whose model and
    /// request echo (<c>metadata.input</c>) match a request.
    /// </summary>
    public sealed class ScenarioJobSearchResult
    {
        /// <summary>Creates a result.</summary>
        public ScenarioJobSearchResult(IReadOnlyList<ScenarioJob> matches, bool isComplete, int jobsExamined)
        {
            Matches = matches ?? throw new ArgumentNullException(nameof(matches));
            IsComplete = isComplete;
            JobsExamined = jobsExamined;
        }

        /// <summary>Every matching job, newest first.</summary>
        public IReadOnlyList<ScenarioJob> Matches { get; }

        /// <summary>The one matching job; null when none matched or when several did (see <see cref="IsAmbiguous"/>).</summary>
        public ScenarioJob? Job => Matches.Count == 1 ? Matches[0] : null;

        /// <summary>
        /// True when several jobs match: identical requests were submitted more than once since the given time, and the
        /// service's echo cannot tell them apart. Identical requests give interchangeable jobs, so a caller with N unresolved
        /// identical submits may pair them with the candidates in any order (excluding the ids it already knows).
        /// </summary>
        public bool IsAmbiguous => Matches.Count > 1;

        /// <summary>
        /// True when the listing was read back past the given time (or to its end), so every job created since then was
        /// examined. Only then does "no match" say the submit did not create a job (see the docs for the remaining caveat:
        /// a request still in transit).
        /// </summary>
        public bool IsComplete { get; }

        /// <summary>How many listed jobs were examined.</summary>
        public int JobsExamined { get; }

        /// <inheritdoc />
        public override string ToString() =>
            Matches.Count == 0 ? "no match" + (IsComplete ? "" : " (listing not read completely)")
            : Matches.Count == 1 ? "match " + Matches[0].JobId
            : Matches.Count + " matches (ambiguous)";
    }
}
