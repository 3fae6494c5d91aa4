using LtxCodegen.Schema.Diagnostics;

namespace LtxCodegen.Schema.Model
{
    /// <summary>What one doc file yields: its models and the problems found in it.</summary>
    public sealed record ParsedDoc(string Path, EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>One doc file's text, as read from an AdditionalFile.</summary>
    public sealed record DocInput(string Path, string Text);
}
