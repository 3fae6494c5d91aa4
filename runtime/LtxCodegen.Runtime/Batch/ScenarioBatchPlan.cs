using System;
using System.Collections.Generic;

namespace LtxCodegen.Batch
{
    /// <summary>A batch file read and checked: its valid lines and every problem found (a plan with errors must not run).</summary>
    public sealed class ScenarioBatchPlan
    {
        /// <summary>Creates a plan.</summary>
        public ScenarioBatchPlan(string source, IReadOnlyList<ScenarioBatchLine> lines, IReadOnlyList<ScenarioBatchError> errors)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Lines = lines ?? throw new ArgumentNullException(nameof(lines));
            Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        }

        /// <summary>The batch file the plan was read from.</summary>
        public string Source { get; }

        /// <summary>The valid lines, in file order.</summary>
        public IReadOnlyList<ScenarioBatchLine> Lines { get; }

        /// <summary>Every problem, in file order; empty when the whole file is valid.</summary>
        public IReadOnlyList<ScenarioBatchError> Errors { get; }

        /// <summary>True when the file has no problem and at least one line.</summary>
        public bool IsValid => Errors.Count == 0 && Lines.Count > 0;
    }
}
