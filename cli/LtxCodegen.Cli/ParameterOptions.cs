using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtxCodegen.Cli
{
    /// <summary>One command-line option per parameter of a model descriptor, and the JSON body built from their values.</summary>
    internal sealed class ParameterOptions
    {
        private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "out", "dry-run", "help", "version" };
        private readonly List<(ScenarioParameterDescriptor Parameter, Option Option)> _options = new();

        public ParameterOptions(ScenarioModelDescriptor model)
        {
            Model = model;
            foreach (var parameter in model.Parameters)
            {
                var name = Kebab(parameter.WireName);
                if (Reserved.Contains(name))
                {
                    name = "param-" + name;
                }

                var optionName = "--" + name;
                Option option = parameter.Type switch
                {
                    ScenarioParameterType.Number => new Option<double?>(optionName) { CustomParser = r => ValueParsers.Number(r, optionName) },
                    ScenarioParameterType.Integer => new Option<long?>(optionName) { CustomParser = r => ValueParsers.Integer(r, optionName) },
                    ScenarioParameterType.Boolean => new Option<bool?>(optionName) { CustomParser = r => ValueParsers.Boolean(r, optionName) },
                    ScenarioParameterType.NumberArray => new Option<double[]>(optionName)
                    {
                        AllowMultipleArgumentsPerToken = true,
                        CustomParser = r => ValueParsers.Numbers(r, optionName),
                    },
                    ScenarioParameterType.AssetArray or ScenarioParameterType.StringArray or ScenarioParameterType.ModelArray
                        => new Option<string[]>("--" + name) { AllowMultipleArgumentsPerToken = true },
                    _ => new Option<string>("--" + name),
                };
                option.Description = Describe(parameter);
                _options.Add((parameter, option));
            }
        }

        public ScenarioModelDescriptor Model { get; }

        public IEnumerable<Option> Options => _options.Select(o => o.Option);

        /// <summary>The wire names of asset parameters, whose values may be local files to upload.</summary>
        public static bool IsAsset(ScenarioParameterDescriptor p) => p.Type is ScenarioParameterType.Asset or ScenarioParameterType.AssetArray;

        /// <summary>The body from the given values; only options given on the command line are sent.</summary>
        public JsonObject BuildBody(ParseResult parse, Func<ScenarioParameterDescriptor, string, string>? mapAsset = null)
        {
            var body = new JsonObject();
            foreach (var (parameter, option) in _options)
            {
                var result = parse.GetResult(option);
                if (result is null || result.Implicit)
                {
                    continue;
                }

                JsonNode? node = option switch
                {
                    // Numbers are normalized as the typed client's WriteJson does (ScenarioRules.Normalize): same body bytes.
                    Option<double?> d => JsonValue.Create(Normalize(parameter, parse.GetValue(d))),
                    Option<long?> l => JsonValue.Create(Normalize(parameter, parse.GetValue(l))),
                    Option<bool?> b => JsonValue.Create(parse.GetValue(b) ?? true),
                    Option<double[]> da => new JsonArray((parse.GetValue(da) ?? Array.Empty<double>()).Select(v => (JsonNode?)JsonValue.Create(ScenarioRules.Normalize(parameter, v))).ToArray()),
                    Option<string[]> sa => new JsonArray((parse.GetValue(sa) ?? Array.Empty<string>())
                        .Select(v => (JsonNode?)JsonValue.Create(mapAsset is not null && IsAsset(parameter) ? mapAsset(parameter, v) : v)).ToArray()),
                    Option<string> s => StringNode(parameter, parse.GetValue(s) ?? "", mapAsset),
                    _ => null,
                };
                body[parameter.WireName] = node;
            }

            return body;
        }

        private static double? Normalize(ScenarioParameterDescriptor parameter, double? value) =>
            value is double v ? ScenarioRules.Normalize(parameter, v) : null;

        private static long? Normalize(ScenarioParameterDescriptor parameter, long? value) =>
            value is long v ? (long)ScenarioRules.Normalize(parameter, v) : null;

        private static JsonNode? StringNode(ScenarioParameterDescriptor parameter, string value, Func<ScenarioParameterDescriptor, string, string>? mapAsset)
        {
            if (parameter.Type == ScenarioParameterType.Json)
            {
                try
                {
                    return JsonNode.Parse(value);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(value); // the validator reports the type error
                }
            }

            return JsonValue.Create(mapAsset is not null && IsAsset(parameter) ? mapAsset(parameter, value) : value);
        }

        public static string Kebab(string wireName)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < wireName.Length; i++)
            {
                var c = wireName[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && sb.Length > 0 && sb[^1] != '-')
                    {
                        sb.Append('-');
                    }

                    sb.Append(char.ToLowerInvariant(c));
                }
                else if (c == '_' || c == '.' || c == ' ')
                {
                    sb.Append('-');
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        public static string TypeText(ScenarioParameterDescriptor p) =>
            p.Type + (p.AssetKind is null ? "" : " (" + p.AssetKind + ")");

        public static string RangeText(ScenarioParameterDescriptor p)
        {
            var parts = new List<string>();
            if (p.Minimum is not null || p.Maximum is not null)
            {
                parts.Add(Num(p.Minimum) + ".." + Num(p.Maximum));
            }

            if (p.MultipleOf is double step)
            {
                parts.Add("step " + Num(step));
            }

            if (p.MaxLength is int max)
            {
                parts.Add("max " + max.ToString(CultureInfo.InvariantCulture) + " chars");
            }

            if (p.PairedWith is not null)
            {
                parts.Add("with " + p.PairedWith);
            }

            return string.Join(", ", parts);
        }

        private static string Num(double? v) => v is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : "";

        private static string Describe(ScenarioParameterDescriptor p)
        {
            var text = new StringBuilder();
            if (p.IsRequired)
            {
                text.Append("[required] ");
            }

            text.Append(p.Description ?? p.WireName);
            var range = RangeText(p);
            if (range.Length > 0)
            {
                text.Append(" [" + range + "]");
            }

            if (p.Options.Count > 0)
            {
                text.Append(" [" + string.Join("|", p.Options) + "]");
            }

            if (p.DefaultJson is not null)
            {
                text.Append(" [default: " + p.DefaultJson + "]");
            }

            if (IsAsset(p))
            {
                text.Append(" (a local file is uploaded; otherwise an asset id)");
            }

            // Doc text (compiled in, or read at run time) reaches the terminal: no escape, control or bidi codes.
            return TerminalText.StripControls(text.ToString());
        }
    }
}
