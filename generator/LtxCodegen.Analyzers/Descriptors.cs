using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>
    /// The diagnostics the analyzer reports. Each message is "model id: " followed by the runtime's own sentence for the
    /// same verdict (<see cref="ScenarioRuleMessages"/>, linked in), so the words match <c>Validate()</c>, the CLI and
    /// the emulator; a fix suggestion may follow.
    /// </summary>
    internal static class Descriptors
    {
        internal const string Category = "LtxCodegen.Usage";
        /// <summary>The page every diagnostic links to: the package readme (shipped in the package as README.md), one anchor per id.</summary>
        internal const string HelpPage = "https://github.com/ltxcodegen/ltxcodegen/blob/main/docs/package-readme.md";

        internal static readonly DiagnosticDescriptor OutOfRange = Create(
            DiagnosticIds.OutOfRange,
            "Parameter value is outside its documented range",
            "{0}: {1}",
            DiagnosticSeverity.Warning,
            "The model's documentation gives an inclusive range for this parameter; the service rejects other values.");

        internal static readonly DiagnosticDescriptor UnknownOption = Create(
            DiagnosticIds.UnknownOption,
            "Parameter value is not one of the documented options",
            "{0}: {1} Did you mean {2}?",
            DiagnosticSeverity.Warning,
            "The model's documentation lists every value this parameter accepts; the service rejects other values.");

        internal static readonly DiagnosticDescriptor UndocumentedOption = Create(
            DiagnosticIds.UndocumentedOption,
            "Parameter value is not a documented option",
            "{0}: {1} Did you mean {2}?",
            DiagnosticSeverity.Info,
            "The model's documentation lists some of the values this parameter accepts, maybe not all; check the value.");

        internal static readonly DiagnosticDescriptor PairBroken = Create(
            DiagnosticIds.PairBroken,
            "Parameter must be used together with its partner",
            "{0}: {1} It is set here without it.",
            DiagnosticSeverity.Warning,
            "The model's documentation says these two parameters must be used together; set both in the same initializer.");

        internal static readonly DiagnosticDescriptor RoundedToMultiple = Create(
            DiagnosticIds.RoundedToMultiple,
            "Parameter value will be rounded to the documented multiple",
            "{0}: {1}",
            DiagnosticSeverity.Info,
            "The model's documentation says this parameter is rounded to a multiple; the request sends the rounded value.");

        internal static readonly DiagnosticDescriptor NotAMultiple = Create(
            DiagnosticIds.NotAMultiple,
            "Parameter value is not the required multiple",
            "{0}: {1} Nearest multiple: {2}.",
            DiagnosticSeverity.Warning,
            "The model's documentation says this parameter must be a multiple of a step; the service rejects other values.");

        internal static readonly DiagnosticDescriptor RequiredMissing = Create(
            DiagnosticIds.RequiredMissing,
            "Required parameter is not set",
            "{0}: {1} It is not set in this object creation ({2}).",
            DiagnosticSeverity.Warning,
            "The parameter is required; this compilation cannot mark it 'required' (C# 11), so the compiler does not enforce it and Validate() fails at run time.");

        internal static readonly DiagnosticDescriptor TooLong = Create(
            DiagnosticIds.TooLong,
            "Parameter value is longer than the documented maximum",
            "{0}: {1}",
            DiagnosticSeverity.Warning,
            "The model's documentation gives a maximum length for this parameter; the service rejects longer values.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkFor(id));

        /// <summary>The help link of a diagnostic: its own anchor (the id in lower case) in <see cref="HelpPage"/>.</summary>
        internal static string HelpLinkFor(string id) => HelpPage + "#" + id.ToLowerInvariant();
    }
}
