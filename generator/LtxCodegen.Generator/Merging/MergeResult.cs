using LtxCodegen.Generator.Diagnostics;
using LtxCodegen.Generator.Model;

namespace LtxCodegen.Generator.Merging
{
    /// <summary>Every model of the compilation after merging, with the problems merging found.</summary>
    internal sealed record MergeResult(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);
}
