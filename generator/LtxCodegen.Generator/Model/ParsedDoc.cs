using LtxCodegen.Generator.Diagnostics;

namespace LtxCodegen.Generator.Model
{
    /// <summary>What one doc file yields: its models and the problems found in it.</summary>
    internal sealed record ParsedDoc(string Path, EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>One doc file's text, as read from an AdditionalFile.</summary>
    internal sealed record DocInput(string Path, string Text);
}
