using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Reads the model record of <c>GET /v1/models/{modelId}</c>: <c>{"model": {"id", "name", "inputs": [...]}}</c>, each
    /// input with <c>name</c>, <c>type</c>, <c>description</c>, <c>default</c>, <c>min</c>, <c>max</c>, <c>step</c>,
    /// <c>allowedValues</c>, <c>maxLength</c>, <c>kind</c> and <c>required</c> (<c>always</c>, <c>ifDefined</c>,
    /// <c>ifNotDefined</c>).
    /// </summary>
    internal sealed class ModelJsonParser
    {
        private readonly DocText _doc;
        private readonly List<DiagnosticInfo> _diagnostics;

        private ModelJsonParser(DocText doc, List<DiagnosticInfo> diagnostics)
        {
            _doc = doc;
            _diagnostics = diagnostics;
        }

        public static List<ModelSpec> Parse(DocText doc, List<DiagnosticInfo> diagnostics)
        {
            JsonNode root;
            try
            {
                root = JsonReader.Parse(doc.Text);
            }
            catch (JsonSyntaxException e)
            {
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InvalidJson, doc.Locate(e.Offset, 1), e.Message));
                return new List<ModelSpec>();
            }

            return new ModelJsonParser(doc, diagnostics).ReadRoot(root);
        }

        private List<ModelSpec> ReadRoot(JsonNode root)
        {
            var models = new List<ModelSpec>();
            var model = root.Kind == JsonKind.Object ? root.Get("model") ?? (root.Get("inputs") is not null ? root : null) : null;
            if (model is null || model.Kind != JsonKind.Object)
            {
                Report(root, "The JSON has no \"model\" object ({\"model\": {\"id\", \"name\", \"inputs\": [...]}}); it is ignored");
                return models;
            }

            var idNode = model.Get("id");
            if (idNode is null || idNode.Kind != JsonKind.String || string.IsNullOrWhiteSpace(idNode.Text))
            {
                _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.NoModelId, Locate(idNode ?? model), "expected a string \"model.id\""));
                return models;
            }

            var id = idNode.Text!.Trim();
            var inputs = model.Get("inputs");
            if (inputs is null || inputs.Kind != JsonKind.Array)
            {
                _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.NoParameterTable, Locate(inputs ?? idNode), id));
                return models;
            }

            var parameters = new List<ParameterSpec>();
            var seen = new Dictionary<string, DocLocation>(StringComparer.Ordinal);
            for (var i = 0; i < inputs.Items.Count; i++)
            {
                var input = inputs.Items[i];
                if (i == DocLimits.MaxTableRows)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.LimitExceeded, Locate(input), "The \"inputs\" of '" + id + "'",
                        DocLimits.MaxTableRows.ToString(System.Globalization.CultureInfo.InvariantCulture), "entries", "this entry and the entries after it are not read"));
                    break;
                }

                var spec = ReadInput(input);
                if (spec is null)
                {
                    continue;
                }

                if (seen.TryGetValue(spec.WireName, out var first))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.DuplicateParameter, spec.Location, spec.WireName, id, first.Describe()));
                    continue;
                }

                seen[spec.WireName] = spec.Location;
                parameters.Add(spec);
            }

            models.Add(new ModelSpec
            {
                Id = id,
                Name = StringOf(model.Get("name")),
                Description = StringOf(model.Get("shortDescription")) ?? StringOf(model.Get("description")),
                Parameters = parameters.ToEquatableArray(),
                Location = Locate(idNode),
            });
            return models;
        }

        private ParameterSpec? ReadInput(JsonNode input)
        {
            if (input.Kind != JsonKind.Object)
            {
                Report(input, "An entry of \"inputs\" is not an object; it is ignored");
                return null;
            }

            var nameNode = input.Get("name");
            if (nameNode is null || nameNode.Kind != JsonKind.String || string.IsNullOrWhiteSpace(nameNode.Text))
            {
                Report(input, "An input has no string \"name\"; it is ignored");
                return null;
            }

            var name = nameNode.Text!.Trim();
            var typeNode = input.Get("type");
            var rawType = typeNode?.Kind == JsonKind.String ? typeNode.Text! : "";
            if (!ParameterTypes.TryParse(rawType, out var kind))
            {
                _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.UnknownType, Locate(typeNode ?? nameNode), name, rawType.Length == 0 ? "(none)" : rawType));
            }

            var min = Number(input.Get("min"), name, "min");
            var max = Number(input.Get("max"), name, "max");
            var step = Number(input.Get("step"), name, "step");
            var defaultNode = input.Get("default");

            // A whole step of 1 or more on a number says it is an integer; a step above 1 is a multiple the service rounds to.
            double? multipleOf = null;
            if (kind == ParameterKind.Number && step is double s && s >= 1 && s == Math.Floor(s)
                && (min is null || min == Math.Floor(min.Value))
                && (defaultNode is null || defaultNode.Kind != JsonKind.Number || defaultNode.Number == Math.Floor(defaultNode.Number)))
            {
                kind = ParameterKind.Integer;
            }

            if ((ParameterTypes.IsNumeric(kind) || kind == ParameterKind.NumberArray) && step is double st && st > 1 && st == Math.Floor(st))
            {
                multipleOf = st;
            }

            string? defaultJson = null;
            if (defaultNode is not null && defaultNode.Kind != JsonKind.Null)
            {
                var emptyString = defaultNode.Kind == JsonKind.String && defaultNode.Text!.Length == 0 && kind != ParameterKind.String;
                if (!emptyString && !Literals.TryDefaultFromJson(defaultNode, kind, out defaultJson))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InvalidDefault, Locate(defaultNode), Literals.ToJson(defaultNode), name, rawType));
                }
            }

            var options = new List<string>();
            var seenOptions = new HashSet<string>(StringComparer.Ordinal);
            var allowed = input.Get("allowedValues");
            if (allowed is not null)
            {
                if (allowed.Kind != JsonKind.Array)
                {
                    Report(allowed, "\"allowedValues\" of '" + name + "' is not an array; it is ignored");
                }
                else
                {
                    foreach (var item in allowed.Items)
                    {
                        var value = item.Kind == JsonKind.String ? item.Text! : item.Kind == JsonKind.Number ? Literals.FormatNumber(item.Number) : null;
                        if (value is null)
                        {
                            Report(item, "An allowed value of '" + name + "' is neither a string nor a number; it is ignored");
                        }
                        else if (seenOptions.Add(value))
                        {
                            options.Add(value);
                        }
                    }
                }
            }

            int? maxLength = null;
            var maxLengthValue = Number(input.Get("maxLength"), name, "maxLength");
            if (maxLengthValue is double ml)
            {
                if (ml >= 0 && ml == Math.Floor(ml) && ml <= int.MaxValue)
                {
                    maxLength = (int)ml;
                }
                else
                {
                    Report(input.Get("maxLength")!, "\"maxLength\" of '" + name + "' is not a whole number; it is ignored");
                }
            }

            var kindNode = input.Get("kind");
            var spec = new ParameterSpec
            {
                WireName = name,
                Kind = kind,
                RawType = rawType,
                Description = StringOf(input.Get("description")),
                Default = DocValues.FromJson(defaultJson),
                Minimum = Sourced.Of(min, RuleOrigin.Structured),
                Maximum = Sourced.Of(max, RuleOrigin.Structured),
                MultipleOf = Sourced.Of(multipleOf, RuleOrigin.Structured),
                Options = OptionSet.Of(options, isClosed: true, RuleOrigin.Structured),
                MaxLength = Sourced.Of(maxLength, RuleOrigin.Structured),
                AssetKind = kindNode?.Kind == JsonKind.String ? kindNode.Text : null,
                Location = Locate(nameNode),
            };
            spec = ReadRequired(input.Get("required"), spec);
            return DocRules.Complete(spec, _diagnostics);
        }

        private ParameterSpec ReadRequired(JsonNode? required, ParameterSpec spec)
        {
            if (required is null || required.Kind == JsonKind.Null)
            {
                return spec;
            }

            if (required.IsBool)
            {
                return spec with { Required = required.Kind == JsonKind.True };
            }

            if (required.Kind != JsonKind.Object)
            {
                Report(required, "\"required\" of '" + spec.WireName + "' is not an object; it is ignored");
                return spec;
            }

            var conditions = new List<ConditionSpec>();
            foreach (var member in required.Members)
            {
                switch (member.Key)
                {
                    case "always":
                        if (member.Value.IsBool)
                        {
                            spec = spec with { Required = member.Value.Kind == JsonKind.True };
                        }
                        else
                        {
                            Report(member.Value, "\"required.always\" of '" + spec.WireName + "' is not a boolean; it is ignored");
                        }

                        break;
                    case "ifDefined":
                    case "ifNotDefined":
                        if (member.Value.Kind != JsonKind.Object)
                        {
                            Report(member.Value, "\"required." + member.Key + "\" of '" + spec.WireName + "' is not an object; it is ignored");
                            break;
                        }

                        foreach (var other in member.Value.Members)
                        {
                            var message = other.Value.Kind == JsonKind.Object ? StringOf(other.Value.Get("message")) : null;
                            conditions.Add(new ConditionSpec(other.Key, member.Key == "ifDefined", message));
                        }

                        break;
                    default:
                        // conditionalValues and future rule kinds: not checked on the client.
                        break;
                }
            }

            return conditions.Count == 0 ? spec : spec with { Conditions = conditions.ToEquatableArray() };
        }

        private double? Number(JsonNode? node, string name, string field)
        {
            if (node is null || node.Kind == JsonKind.Null)
            {
                return null;
            }

            if (node.Kind == JsonKind.Number)
            {
                return node.Number;
            }

            Report(node, "\"" + field + "\" of '" + name + "' is not a number; it is ignored");
            return null;
        }

        private static string? StringOf(JsonNode? node) =>
            node is not null && node.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(node.Text) ? node.Text : null;

        private void Report(JsonNode node, string message) =>
            _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InvalidField, Locate(node), message));

        private DocLocation Locate(JsonNode node) => _doc.Locate(node.Start, Math.Max(1, node.End - node.Start));
    }
}
