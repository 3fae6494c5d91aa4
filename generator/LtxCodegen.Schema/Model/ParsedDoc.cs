using System;
using LtxCodegen.Schema.Diagnostics;

namespace LtxCodegen.Schema.Model
{
    /// <summary>What one doc file yields: its models and the problems found in it.</summary>
    public sealed record ParsedDoc(string Path, EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>
        /// The date the doc states for itself ("Last updated: 2026-04-09" on a provider page), or null. A file's
        /// modification time never counts: only what the doc's own text says.
        /// </summary>
        public DateTime? StatedDate { get; init; }

        /// <summary>True for model JSON (the user's own refinement of a model); false for a markdown page.</summary>
        public bool IsModelJson { get; init; }
    }

    /// <summary>One doc file's text, as read from an AdditionalFile.</summary>
    public sealed record DocInput(string Path, string Text);
}
