using System.Collections.Generic;

namespace LtxCodegen.Schema.Diagnostics
{
    /// <summary>
    /// Every problem reading a model doc can report, as plain data. The generator turns each into a Roslyn descriptor
    /// of the same id; the CLI and the emulator print them with the doc's path, line and column.
    /// </summary>
    public static class SchemaDiagnostics
    {
        public static readonly DiagnosticKind InvalidJson = Error(
            "LTXG0001", "Model JSON is not valid JSON", "Invalid JSON: {0}");

        public static readonly DiagnosticKind NoParameterTable = Warning(
            "LTXG0002", "Model doc has no parameter table", "No parameter table found for model '{0}': a table whose header starts with 'Parameter' and has a 'Type' column; no request class is generated");

        public static readonly DiagnosticKind TruncatedRow = Warning(
            "LTXG0003", "Parameter table row is cut off", "The table row for '{0}' is cut off ({1}); {2}");

        public static readonly DiagnosticKind UnknownType = Warning(
            "LTXG0004", "Unknown parameter type", "Parameter '{0}' has the unknown type '{1}'; it is generated as a raw JSON value (System.Text.Json.JsonElement)");

        public static readonly DiagnosticKind DuplicateParameter = Warning(
            "LTXG0005", "Duplicate parameter", "Parameter '{0}' is listed twice for model '{1}' (first at {2}); the repeat is ignored");

        public static readonly DiagnosticKind InvalidIdentifier = Warning(
            "LTXG0006", "Parameter name is not a valid C# identifier", "Parameter name '{0}' is not a valid C# identifier; the property is named '{1}' and the wire name is kept");

        public static readonly DiagnosticKind KeywordName = Warning(
            "LTXG0007", "Parameter name is a C# keyword", "Parameter name '{0}' is a C# keyword; the property is named '{1}' and the wire name is kept");

        public static readonly DiagnosticKind Conflict = Error(
            "LTXG0008", "Model docs disagree", "Model '{0}', parameter '{1}': {2} is {3} here but {4} in {5}; the first value is used");

        public static readonly DiagnosticKind NoModelId = Warning(
            "LTXG0009", "Model doc names no model id", "No model id found in this doc ({0}); it is ignored");

        public static readonly DiagnosticKind InvalidDefault = Warning(
            "LTXG0010", "Default value does not fit the type", "Default value '{0}' of parameter '{1}' is not a valid {2}; no default is generated");

        public static readonly DiagnosticKind UnknownPartner = Warning(
            "LTXG0011", "Rule names a parameter the model does not have", "Parameter '{0}' refers to '{1}', which model '{2}' does not have; the rule is ignored");

        public static readonly DiagnosticKind InvalidField = Warning(
            "LTXG0012", "Doc field has an unexpected value", "{0}");

        public static readonly DiagnosticKind DuplicateTypeName = Error(
            "LTXG0014", "Two models map to the same type name", "Models '{0}' and '{1}' both map to the type name '{2}'; '{1}' is not generated");

        public static readonly DiagnosticKind InternalError = Error(
            "LTXG0015", "The generator failed on a doc", "LtxCodegen could not process this doc: {0}");

        public static readonly DiagnosticKind EmptyModel = Warning(
            "LTXG0016", "Model has no usable parameters", "Model '{0}' has no usable parameter; no request class is generated");

        public static readonly DiagnosticKind InvalidRange = Warning(
            "LTXG0017", "Minimum is greater than maximum", "Parameter '{0}': minimum {1} is greater than maximum {2}; the range is ignored");

        public static readonly DiagnosticKind TypeNameTaken = Warning(
            "LTXG0018", "Generated type name is already used", "The type name '{0}' for the values of parameter '{1}' of model '{2}' is already used by {3}; the struct is named '{4}'");

        public static readonly DiagnosticKind LimitExceeded = Warning(
            "LTXG0019", "Doc exceeds a generator limit", "{0} exceeds the limit of {1} {2}; {3}");

        public static readonly DiagnosticKind ConfusableName = Warning(
            "LTXG0020", "Name mixes scripts or looks like another", "{0}");

        public static readonly DiagnosticKind ProseTimeout = Warning(
            "LTXG0021", "Description rules could not be read", "The rules in the description of '{0}' could not be read in time; no rule is taken from its words");

        public static readonly DiagnosticKind SettledConflict = Warning(
            "LTXG0022", "Model docs disagree; a rule settles it", "Model '{0}', parameter '{1}': {2} is {3} in {4} but {5} in {6}; {7} is kept: {8}");

        private static readonly Dictionary<string, DiagnosticKind> ById = BuildIndex();

        /// <summary>Every kind, in id order.</summary>
        public static IEnumerable<DiagnosticKind> All => ById.Values;

        /// <summary>The kind of an id, or null for an id this library does not report (the generator's own).</summary>
        public static DiagnosticKind? Find(string id) => ById.TryGetValue(id, out var kind) ? kind : null;

        private static Dictionary<string, DiagnosticKind> BuildIndex()
        {
            var all = new[]
            {
                InvalidJson, NoParameterTable, TruncatedRow, UnknownType, DuplicateParameter, InvalidIdentifier,
                KeywordName, Conflict, NoModelId, InvalidDefault, UnknownPartner, InvalidField, DuplicateTypeName,
                InternalError, EmptyModel, InvalidRange, TypeNameTaken, LimitExceeded, ConfusableName, ProseTimeout, SettledConflict,
            };
            var index = new Dictionary<string, DiagnosticKind>();
            foreach (var d in all)
            {
                index.Add(d.Id, d);
            }

            return index;
        }

        private static DiagnosticKind Error(string id, string title, string message) =>
            new DiagnosticKind(id, title, message, DiagnosticSeverity.Error);

        private static DiagnosticKind Warning(string id, string title, string message) =>
            new DiagnosticKind(id, title, message, DiagnosticSeverity.Warning);
    }
}
