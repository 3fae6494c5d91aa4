using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Merging
{
    /// <summary>Every model of the compilation after merging, with the problems merging found.</summary>
    public sealed record MergeResult(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);
}
