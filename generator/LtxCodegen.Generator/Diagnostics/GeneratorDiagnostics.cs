using System.Collections.Generic;
using DiagnosticKind = LtxCodegen.Schema.Diagnostics.DiagnosticKind;
using SchemaDiagnostics = LtxCodegen.Schema.Diagnostics.SchemaDiagnostics;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports (LTXG0001...), located in the model doc: one descriptor per kind of the
    /// model library (<see cref="SchemaDiagnostics"/>), made from that kind, and the generator's own (LTXG0013, LTXG005x).
    /// </summary>
    internal static class GeneratorDiagnostics
    {
        private const string Category = "LtxCodegen.ModelDocs";

        /// <summary>The page every diagnostic links to: the package readme (shipped in the package as README.md), one anchor per id.</summary>
        internal const string HelpPage = "https://github.com/ltxcodegen/ltxcodegen/blob/main/docs/package-readme.md";

        public static readonly DiagnosticDescriptor InvalidJson = Error(
            "LTXG0001", SchemaDiagnostics.InvalidJson);

        public static readonly DiagnosticDescriptor NoParameterTable = Warning(
            "LTXG0002", SchemaDiagnostics.NoParameterTable);

        public static readonly DiagnosticDescriptor TruncatedRow = Warning(
            "LTXG0003", SchemaDiagnostics.TruncatedRow);

        public static readonly DiagnosticDescriptor UnknownType = Warning(
            "LTXG0004", SchemaDiagnostics.UnknownType);

        public static readonly DiagnosticDescriptor DuplicateParameter = Warning(
            "LTXG0005", SchemaDiagnostics.DuplicateParameter);

        public static readonly DiagnosticDescriptor InvalidIdentifier = Warning(
            "LTXG0006", SchemaDiagnostics.InvalidIdentifier);

        public static readonly DiagnosticDescriptor KeywordName = Warning(
            "LTXG0007", SchemaDiagnostics.KeywordName);

        public static readonly DiagnosticDescriptor Conflict = Error(
            "LTXG0008", SchemaDiagnostics.Conflict);

        public static readonly DiagnosticDescriptor NoModelId = Warning(
            "LTXG0009", SchemaDiagnostics.NoModelId);

        public static readonly DiagnosticDescriptor InvalidDefault = Warning(
            "LTXG0010", SchemaDiagnostics.InvalidDefault);

        public static readonly DiagnosticDescriptor UnknownPartner = Warning(
            "LTXG0011", SchemaDiagnostics.UnknownPartner);

        public static readonly DiagnosticDescriptor InvalidField = Warning(
            "LTXG0012", SchemaDiagnostics.InvalidField);

        public static readonly DiagnosticDescriptor RuntimeMissing = Warning(
            "LTXG0013", "LtxCodegen.Runtime is not referenced", "Model docs were found but the compilation does not reference LtxCodegen.Runtime (type LtxCodegen.IScenarioRequest); nothing is generated");

        public static readonly DiagnosticDescriptor DuplicateTypeName = Error(
            "LTXG0014", SchemaDiagnostics.DuplicateTypeName);

        public static readonly DiagnosticDescriptor InternalError = Error(
            "LTXG0015", SchemaDiagnostics.InternalError);

        public static readonly DiagnosticDescriptor EmptyModel = Warning(
            "LTXG0016", SchemaDiagnostics.EmptyModel);

        public static readonly DiagnosticDescriptor InvalidRange = Warning(
            "LTXG0017", SchemaDiagnostics.InvalidRange);

        public static readonly DiagnosticDescriptor TypeNameTaken = Warning(
            "LTXG0018", SchemaDiagnostics.TypeNameTaken);

        public static readonly DiagnosticDescriptor LimitExceeded = Warning(
            "LTXG0019", SchemaDiagnostics.LimitExceeded);

        public static readonly DiagnosticDescriptor ConfusableName = Warning(
            "LTXG0020", SchemaDiagnostics.ConfusableName);

        public static readonly DiagnosticDescriptor ProseTimeout = Warning(
            "LTXG0021", SchemaDiagnostics.ProseTimeout);

        public static readonly DiagnosticDescriptor SettledConflict = Warning(
            "LTXG0022", "Model docs disagree; a rule settles it", "Model '{0}', parameter '{1}': {2} is {3} in {4} but {5} in {6}; {7} is kept: {8}");

        // LTXG005x: the generator's own inputs (Unity options file), kept apart from the model-doc diagnostics.
        public static readonly DiagnosticDescriptor InvalidOptions = Error(
            "LTXG0050", "LtxCodegen options file is invalid", "LtxCodegen options file: {0}");
        public static readonly DiagnosticDescriptor IgnoredOption = Warning(
            "LTXG0051", "LtxCodegen options file has an ignored entry", "LtxCodegen options file: {0}");

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = BuildIndex();

        public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

        public static DiagnosticDescriptor Find(string id) => ById[id];

        /// <summary>Whether <paramref name="id"/> has a descriptor.</summary>
        public static bool Has(string id) => ById.ContainsKey(id);

        private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
        {
            var all = new[]
            {
                InvalidJson, NoParameterTable, TruncatedRow, UnknownType, DuplicateParameter, InvalidIdentifier,
                KeywordName, Conflict, NoModelId, InvalidDefault, UnknownPartner, InvalidField, RuntimeMissing,
                DuplicateTypeName, InternalError, EmptyModel, InvalidRange, TypeNameTaken, LimitExceeded, ConfusableName,
                ProseTimeout, SettledConflict, InvalidOptions, IgnoredOption,
            };
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var d in all)
            {
                index.Add(d.Id, d);
            }

            return index;
        }

        // A model-library kind's descriptor: the title and message come from the kind (the text lives once); the id and
        // severity are spelled here because the analyzer release tracking (AnalyzerReleases.*.md) reads them from
        // constants, and SchemaLibraryTests checks that they agree with the kind.
        private static DiagnosticDescriptor Error(string id, DiagnosticKind kind) => Error(id, kind.Title, kind.MessageFormat);

        private static DiagnosticDescriptor Warning(string id, DiagnosticKind kind) => Warning(id, kind.Title, kind.MessageFormat);

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkFor(id));

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkFor(id));

        /// <summary>The help link of a diagnostic: its own anchor (the id in lower case) in <see cref="HelpPage"/>.</summary>
        internal static string HelpLinkFor(string id) => HelpPage + "#" + id.ToLowerInvariant();
    }
}
