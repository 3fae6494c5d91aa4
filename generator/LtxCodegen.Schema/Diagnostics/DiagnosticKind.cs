namespace LtxCodegen.Schema.Diagnostics
{
    /// <summary>How serious a doc problem is: an error means the doc (or that model) is not usable as written.</summary>
    public enum DiagnosticSeverity
    {
        Warning,
        Error,
    }

    /// <summary>One kind of doc problem (LTXG0001...): id, title, message format (<c>{0}</c>-style), severity.</summary>
    public sealed record DiagnosticKind(string Id, string Title, string MessageFormat, DiagnosticSeverity Severity);
}
