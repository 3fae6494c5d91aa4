using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CsCheck;
using LtxCodegen.Cli.Models;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>
    /// One rule engine: the typed client (generated Validate/WriteJson), the JSON validator (CLI, emulator) and the CLI's
    /// body agree. One test per disagreement the issue measured, then property tests over every model of schemas/, the
    /// generator's test corpus and a sample of catalogue pages.
    /// </summary>
    public sealed class RuleAgreementTests
    {
        private const string Extend = "model_ltx-2-19b-extend-video";

        private static byte[] Body(IScenarioRequest request)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                request.WriteJson(writer);
            }

            return stream.ToArray();
        }

        private static string[] Show(IEnumerable<ValidationError> errors) =>
            errors.Select(e => e.Parameter + "|" + e.Rule + "|" + e.Message).ToArray();

        private static string[] JsonErrors(IScenarioRequest request)
        {
            using var doc = JsonDocument.Parse(Body(request));
            return Show(ScenarioRequestValidator.Validate(request.Descriptor, doc.RootElement));
        }

        private static byte[] Compact(string json)
        {
            using var doc = JsonDocument.Parse(json);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                doc.RootElement.WriteTo(writer);
            }

            return stream.ToArray();
        }

        private static async Task<byte[]> DryRunBodyAsync(params string[] args)
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(0, await cli.RunAsync(new[] { "run", Extend, "--dry-run" }.Concat(args).ToArray()));
            var text = cli.Out.ToString();
            return Compact(text.Substring(text.IndexOf('{'), text.LastIndexOf('}') - text.IndexOf('{') + 1));
        }

        [Fact]
        public async Task Rounding_to_a_multiple_on_send_is_the_same_in_the_typed_client_and_the_cli()
        {
            var typed = new Ltx2_19bExtendVideoRequest("hills", "asset_x") { Width = 1000, Height = 720 };
            var body = Body(typed);
            Assert.Contains("\"width\":1024", Encoding.UTF8.GetString(body));
            Assert.Contains("\"height\":704", Encoding.UTF8.GetString(body));
            var cli = await DryRunBodyAsync("--prompt", "hills", "--video", "asset_x", "--width", "1000", "--height", "720");
            Assert.Equal(Encoding.UTF8.GetString(body), Encoding.UTF8.GetString(cli));
        }

        [Fact]
        public void Rounding_stays_inside_the_range_and_counts_from_zero()
        {
            var size = new ScenarioParameterDescriptor("size", "Size", ScenarioParameterType.Integer, minimum: 90, maximum: 1000, multipleOf: 64);
            Assert.Equal(960, ScenarioRules.Normalize(size, 1000)); // 1024 is past the maximum: the multiple below
            Assert.Equal(128, ScenarioRules.Normalize(size, 90));   // 64 is below the minimum: the multiple above
            Assert.Equal(640, ScenarioRules.Normalize(size, 650));  // multiples of 64 from 0, not from 90
            Assert.Equal(1984, ScenarioRules.Normalize(size, 2000)); // out of range: only rounded, the range check reports it
            Assert.Equal("0", ScenarioRules.Normalize(size, -3).ToString("R", System.Globalization.CultureInfo.InvariantCulture)); // not "-0"
            foreach (var v in new[] { -1250.0, 3, 90, 1000, 5000 })
            {
                Assert.Equal(ScenarioRules.Normalize(size, v), ScenarioRules.Normalize(size, ScenarioRules.Normalize(size, v)));
            }
        }

        [Fact]
        public void One_tolerance_policy_a_value_past_a_bound_is_refused_everywhere()
        {
            var typed = new Ltx2_19bExtendVideoRequest("hills", "asset_x") { Fps = 60.000000000001 };
            var expected = new[] { "fps|Range|fps must be between 1 and 60 (got 60.000000000001)." };
            Assert.Equal(expected, Show(typed.Validate()));
            Assert.Equal(expected, JsonErrors(typed));
            typed.Fps = 60;
            Assert.Empty(typed.Validate());
            Assert.Empty(JsonErrors(typed));
        }

        [Fact]
        public void A_blank_required_prompt_is_refused_by_the_typed_client_and_the_json_engine()
        {
            var typed = new Ltx2_19bExtendVideoRequest("   ", "asset_x");
            var expected = new[] { "prompt|Required|prompt is required and must not be blank." };
            Assert.Equal(expected, Show(typed.Validate()));
            Assert.Equal(expected, JsonErrors(typed));
        }

        [Fact]
        public void Multiples_count_from_zero_in_the_typed_rules_the_json_engine_and_the_analyzer_math()
        {
            // A step that is an error, with a minimum that is not a multiple: multiples of 8 are 8, 16, ... not 3, 11, ...
            var steps = new ScenarioParameterDescriptor("steps", "Steps", ScenarioParameterType.Integer, minimum: 3, maximum: 50, multipleOf: 8, multipleOfIsError: true);
            var model = new ScenarioModelDescriptor("model_x", "X", "X", new[] { steps });
            foreach (var (value, ok) in new[] { (8, true), (16, true), (11, false), (3, false) })
            {
                var check = new ScenarioRuleCheck(model);
                check.Number(0, value);
                var typed = Show(check.Finish());
                using var doc = JsonDocument.Parse("{\"steps\":" + value + "}");
                Assert.Equal(typed, Show(ScenarioRequestValidator.Validate(model, doc.RootElement)));
                Assert.Equal(ok, typed.Length == 0);
                if (!ok)
                {
                    Assert.Equal("steps|MultipleOf|steps must be a multiple of 8 (got " + value + ").", Assert.Single(typed));
                }
            }
        }

        [Fact]
        public void Messages_are_one_set_out_of_range_reads_the_same_in_every_host()
        {
            var typed = new Ltx2_19bExtendVideoRequest("hills", "asset_x") { Fps = 120 };
            var expected = new[] { "fps|Range|fps must be between 1 and 60 (got 120)." };
            Assert.Equal(expected, Show(typed.Validate()));
            Assert.Equal(expected, JsonErrors(typed));
        }

        /// <summary>
        /// Every typed request: the CLI's (schemas/) and this project's, generated from the generator's test corpus and a
        /// sample of catalogue pages (tests/TestData/agreement-catalogue).
        /// </summary>
        private static readonly Type[] RequestTypes = new[] { typeof(Ltx2_19bExtendVideoRequest).Assembly, typeof(RuleAgreementTests).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IScenarioRequest).IsAssignableFrom(t) && t.GetCustomAttribute<Metadata.ScenarioModelAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();

        [Fact]
        public void The_property_tests_cover_schemas_the_test_corpus_and_the_catalogue_sample()
        {
            Assert.Contains(RequestTypes, t => t.Namespace == "LtxCodegen.Cli.Models");
            Assert.True(RequestTypes.Count(t => t.Namespace == "LtxCodegen.Cli.Tests.Corpus") >= 40, "corpus and catalogue models: " + RequestTypes.Length);
        }

        [Fact]
        public void For_random_values_typed_validate_equals_the_json_engine_on_writejson_body_for_every_model()
        {
            Gen.Select(Gen.Int[0, RequestTypes.Length - 1], Gen.Int).Sample((index, seed) =>
            {
                var request = RandomRequest(RequestTypes[index], new Random(seed));
                var typed = Show(request.Validate());
                var json = JsonErrors(request);
                Assert.True(typed.SequenceEqual(json), request.Descriptor.Id + "\ntyped:\n" + string.Join("\n", typed) + "\njson:\n" + string.Join("\n", json) + "\nbody: " + Encoding.UTF8.GetString(Body(request)));
            }, iter: 1500, threads: 1);
        }

        [Fact]
        public void For_random_values_the_cli_body_is_byte_identical_to_writejson_for_every_model()
        {
            Gen.Select(Gen.Int[0, RequestTypes.Length - 1], Gen.Int).Sample((index, seed) =>
            {
                var request = WithoutEmptyLists(RandomRequest(RequestTypes[index], new Random(seed)));
                var typed = Encoding.UTF8.GetString(Body(request));
                var args = CommandLine(request);
                if (args is null)
                {
                    return; // a JSON null (a required text left null) has no command-line form
                }

                var cli = Encoding.UTF8.GetString(CliBody(request.Descriptor, args));
                Assert.True(typed == cli, request.Descriptor.Id + "\nargs: " + string.Join(" ", args.Select(a => "[" + a + "]")) + "\ntyped: " + typed + "\ncli:   " + cli);
            }, iter: 1500, threads: 1);
        }

        /// <summary>An empty list has no command-line form (an option needs a value): those are left unset.</summary>
        private static IScenarioRequest WithoutEmptyLists(IScenarioRequest request)
        {
            foreach (var property in request.GetType().GetProperties())
            {
                if (property.CanWrite && property.GetValue(request) is System.Collections.ICollection { Count: 0 } && property.GetIndexParameters().Length == 0)
                {
                    property.SetValue(request, null);
                }
            }

            return request;
        }

        /// <summary>The command line a user would type for the values set on <paramref name="request"/>.</summary>
        private static string[]? CommandLine(IScenarioRequest request)
        {
            var args = new List<string>();
            var options = new ParameterOptions(request.Descriptor).Options.ToArray();
            using var body = JsonDocument.Parse(Body(request));
            for (var i = 0; i < request.Descriptor.Parameters.Count; i++)
            {
                if (!body.RootElement.TryGetProperty(request.Descriptor.Parameters[i].WireName, out _))
                {
                    continue;
                }

                var value = request.GetType().GetProperty(request.Descriptor.Parameters[i].PropertyName)!.GetValue(request);
                if (value is null)
                {
                    return null;
                }

                var tokens = Tokens(value).ToList();
                if (tokens.Any(t => t is null))
                {
                    return null; // a null inside a list, or an option value left null, has no command-line form
                }

                args.Add(options[i].Name);
                args.AddRange(tokens!);
            }

            return args.ToArray();
        }

        private static IEnumerable<string?> Tokens(object? value) => value switch
        {
            double d => new string?[] { d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
            int n => new string?[] { n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            long n => new string?[] { n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            bool b => new string?[] { b ? "true" : "false" },
            string text => new string?[] { text },
            IList<string?> texts => texts,
            IList<double> numbers => numbers.Select(n => (string?)n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            JsonElement element => new string?[] { element.GetRawText() },
            IList<JsonElement> elements => new string?[] { "[" + string.Join(",", elements.Select(e => e.GetRawText())) + "]" }, // one JSON value
            _ when value?.GetType().GetProperty("Value") is { } text => new string?[] { (string?)text.GetValue(value) },
            _ => throw new InvalidOperationException("No command-line form for " + value?.GetType()),
        };

        /// <summary>The body the CLI builds and sends for <paramref name="args"/>, written as it is sent.</summary>
        private static byte[] CliBody(ScenarioModelDescriptor model, string[] args)
        {
            var options = new ParameterOptions(model);
            var command = new System.CommandLine.RootCommand();
            foreach (var option in options.Options)
            {
                command.Options.Add(option);
            }

            var parse = command.Parse(args);
            Assert.True(parse.Errors.Count == 0, string.Join("\n", parse.Errors.Select(e => e.Message)) + "\nargs: " + string.Join(" ", args));
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                options.BuildBody(parse).WriteTo(writer);
            }

            return stream.ToArray();
        }

        private static IScenarioRequest RandomRequest(Type type, Random random)
        {
            var request = (IScenarioRequest)RuntimeHelpers.GetUninitializedObject(type);
            foreach (var p in request.Descriptor.Parameters)
            {
                var property = type.GetProperty(p.PropertyName)!;
                if (random.Next(3) == 0 && Nullable.GetUnderlyingType(property.PropertyType) is null && property.PropertyType.IsValueType)
                {
                    continue;
                }

                property.SetValue(request, random.Next(3) == 0 && !property.PropertyType.IsValueType || random.Next(4) == 0 && Nullable.GetUnderlyingType(property.PropertyType) is not null
                    ? null
                    : RandomValue(property.PropertyType, p, random));
            }

            return request;
        }

        private static object? RandomValue(Type type, ScenarioParameterDescriptor p, Random random)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t == typeof(double) || t == typeof(int) || t == typeof(long))
            {
                var lo = p.Minimum ?? -100;
                var hi = p.Maximum ?? 100;
                var candidates = new[] { lo, hi, lo - 1, hi + 1, hi + 1e-12, (lo + hi) / 2, lo + (hi - lo) * random.NextDouble(), random.Next(-5000, 5000) };
                var value = candidates[random.Next(candidates.Length)];
                if (p.Options.Count > 0 && random.Next(2) == 0 && double.TryParse(p.Options[random.Next(p.Options.Count)], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var option))
                {
                    value = option;
                }

                return t == typeof(double) ? value : t == typeof(int) ? (object)(int)Math.Max(int.MinValue, Math.Min(int.MaxValue, Math.Round(value))) : (long)Math.Round(value);
            }

            if (t == typeof(bool))
            {
                return random.Next(2) == 0;
            }

            if (t == typeof(string))
            {
                return RandomText(p, random);
            }

            if (t.IsValueType && t.GetProperty("IsKnown") is not null)
            {
                return Activator.CreateInstance(t, RandomText(p, random));
            }

            if (t == typeof(IList<string>))
            {
                var count = random.Next((p.MaxLength ?? 3) + 2);
                return Enumerable.Range(0, count).Select(_ => RandomText(p, random)).ToList();
            }

            if (t == typeof(IList<double>))
            {
                var count = random.Next((p.MaxLength ?? 3) + 2);
                return Enumerable.Range(0, count).Select(_ => (double)RandomValue(typeof(double), p, random)!).ToList();
            }

            if (t == typeof(JsonElement))
            {
                return random.Next(2) == 0 ? default(JsonElement) : JsonDocument.Parse("{\"a\":1}").RootElement.Clone();
            }

            if (t == typeof(IList<JsonElement>))
            {
                return Enumerable.Range(0, random.Next((p.MaxLength ?? 2) + 2)).Select(_ => JsonDocument.Parse("1").RootElement.Clone()).ToList();
            }

            throw new InvalidOperationException("No generator for " + t + " (" + p.WireName + ").");
        }

        private static string RandomText(ScenarioParameterDescriptor p, Random random)
        {
            switch (random.Next(5))
            {
                case 0:
                    return "";
                case 1:
                    return "  ";
                case 2 when p.Options.Count > 0:
                case 3 when p.Options.Count > 0:
                    return p.Options[random.Next(p.Options.Count)];
                default:
                    return new string('x', random.Next((p.MaxLength ?? 10) + 3)) + "é";
            }
        }
    }
}
