using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Generator.Diagnostics
{
    /// <summary>Every diagnostic the generator reports (LTXG0001...), located in the model doc.</summary>
    internal static class GeneratorDiagnostics
    {
        private const string Category = "LtxCodegen.ModelDocs";

        /// <summary>The page every diagnostic links to: the package readme (shipped in the package as README.md), one anchor per id.</summary>
        internal const string HelpPage = "https://github.com/ltxcodegen/ltxcodegen/blob/main/docs/package-readme.md";

        public static readonly DiagnosticDescriptor InvalidJson = Error(
            "LTXG0001", "Model JSON is not valid JSON", "Invalid JSON: {0}");

        public static readonly DiagnosticDescriptor NoParameterTable = Warning(
            "LTXG0002", "Model doc has no parameter table", "No parameter table found for model '{0}': a table whose header starts with 'Parameter' and has a 'Type' column; no request class is generated");

        public static readonly DiagnosticDescriptor TruncatedRow = Warning(
            "LTXG0003", "Parameter table row is cut off", "The table row for '{0}' is cut off ({1}); {2}");

        public static readonly DiagnosticDescriptor UnknownType = Warning(
            "LTXG0004", "Unknown parameter type", "Parameter '{0}' has the unknown type '{1}'; it is generated as a raw JSON value (System.Text.Json.JsonElement)");

        public static readonly DiagnosticDescriptor DuplicateParameter = Warning(
            "LTXG0005", "Duplicate parameter", "Parameter '{0}' is listed twice for model '{1}' (first at {2}); the repeat is ignored");

        public static readonly DiagnosticDescriptor InvalidIdentifier = Warning(
            "LTXG0006", "Parameter name is not a valid C# identifier", "Parameter name '{0}' is not a valid C# identifier; the property is named '{1}' and the wire name is kept");

        public static readonly DiagnosticDescriptor KeywordName = Warning(
            "LTXG0007", "Parameter name is a C# keyword", "Parameter name '{0}' is a C# keyword; the property is named '{1}' and the wire name is kept");

        public static readonly DiagnosticDescriptor Conflict = Error(
            "LTXG0008", "Model docs disagree", "Model '{0}', parameter '{1}': {2} is {3} here but {4} in {5}; the first value is used");

        public static readonly DiagnosticDescriptor NoModelId = Warning(
            "LTXG0009", "Model doc names no model id", "No model id found in this doc ({0}); it is ignored");

        public static readonly DiagnosticDescriptor InvalidDefault = Warning(
            "LTXG0010", "Default value does not fit the type", "Default value '{0}' of parameter '{1}' is not a valid {2}; no default is generated");

        public static readonly DiagnosticDescriptor UnknownPartner = Warning(
            "LTXG0011", "Rule names a parameter the model does not have", "Parameter '{0}' refers to '{1}', which model '{2}' does not have; the rule is ignored");

        public static readonly DiagnosticDescriptor InvalidField = Warning(
            "LTXG0012", "Doc field has an unexpected value", "{0}");

        public static readonly DiagnosticDescriptor RuntimeMissing = Warning(
            "LTXG0013", "LtxCodegen.Runtime is not referenced", "Model docs were found but the compilation does not reference LtxCodegen.Runtime (type LtxCodegen.IScenarioRequest); nothing is generated");

        public static readonly DiagnosticDescriptor DuplicateTypeName = Error(
            "LTXG0014", "Two models map to the same type name", "Models '{0}' and '{1}' both map to the type name '{2}'; '{1}' is not generated");

        public static readonly DiagnosticDescriptor InternalError = Error(
            "LTXG0015", "The generator failed on a doc", "LtxCodegen could not process this doc: {0}");

        public static readonly DiagnosticDescriptor EmptyModel = Warning(
            "LTXG0016", "Model has no usable parameters", "Model '{0}' has no usable parameter; no request class is generated");

        public static readonly DiagnosticDescriptor InvalidRange = Warning(
            "LTXG0017", "Minimum is greater than maximum", "Parameter '{0}': minimum {1} is greater than maximum {2}; the range is ignored");

        public static readonly DiagnosticDescriptor TypeNameTaken = Warning(
            "LTXG0018", "Generated type name is already used", "The type name '{0}' for the values of parameter '{1}' of model '{2}' is already used by {3}; the struct is named '{4}'");

        public static readonly DiagnosticDescriptor LimitExceeded = Warning(
            "LTXG0019", "Doc exceeds a generator limit", "{0} exceeds the limit of {1} {2}; {3}");

        public static readonly DiagnosticDescriptor ConfusableName = Warning(
            "LTXG0020", "Name mixes scripts or looks like another", "{0}");

        public static readonly DiagnosticDescriptor ProseTimeout = Warning(
            "LTXG0021", "Description rules could not be read", "The rules in the description of '{0}' could not be read in time; no rule is taken from its words");

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

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkFor(id));

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkFor(id));

        /// <summary>The help link of a diagnostic: its own anchor (the id in lower case) in <see cref="HelpPage"/>.</summary>
        internal static string HelpLinkFor(string id) => HelpPage + "#" + id.ToLowerInvariant();
    }
}
