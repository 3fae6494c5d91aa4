using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>
    /// <see cref="ScenarioJsonWriter"/> (what generated <c>WriteJson</c> calls) writes exactly the bytes, and throws
    /// exactly the exceptions, of the <see cref="Utf8JsonWriter"/> calls generated code made before it: for every kind
    /// of value, every escaping case, every writer position and writer option.
    /// </summary>
    public sealed class ScenarioJsonWriterTests
    {
        private const int Text = 0;
        private const int Size = 1;
        private const int Escaped = 2;

        private static readonly ScenarioModelDescriptor Model = new ScenarioModelDescriptor(
            "model_test",
            "Test",
            "Test",
            new[]
            {
                new ScenarioParameterDescriptor("text", "Text", ScenarioParameterType.String),
                new ScenarioParameterDescriptor("size", "Size", ScenarioParameterType.NumberArray, minimum: 8, maximum: 64, multipleOf: 8),
                new ScenarioParameterDescriptor("naïve \"<name>\"", "Naive", ScenarioParameterType.Json),
            });

        private static readonly ScenarioJsonNames Names = ScenarioJsonNames.For(Model);

        private static readonly JsonEncodedText[] Encoded = Model.Parameters.Select(p => JsonEncodedText.Encode(p.WireName)).ToArray();

        private delegate void Members(ScenarioJsonWriter json);

        public static IEnumerable<object?[]> Strings() => new[]
        {
            "", "plain text, with: punctuation; (and) [brackets] {braces} #1 ~ | ^ _ = * % $ @ ! ? /",
            "quote \" inside", "back\\slash", "\n\r\t\b\f", "\u0000\u0001\u001f\u007f", "<script>&'+`",
            "caf\u00e9", "\u65e5\u672c", "\ud83d\ude00 pair", "lone \ud800 high", "lone \udc00 low", "\udc00\ud800 reversed",
            "\u2028\u2029", "\ufeff\uffff", new string('x', 1 << 16), new string('x', (1 << 16) + 1),
            new string('y', 5000) + "\u00e9", new string('z', 100_000) + "\"", null,
        }.Select(s => new object?[] { s });

        [Theory]
        [MemberData(nameof(Strings))]
        public void A_string_is_written_as_the_writer_writes_it(string? value) =>
            AssertSame(default, json => json.String(Text, value), w => w.WriteString(Encoded[Text], value));

        [Fact]
        public void Every_single_character_is_escaped_as_the_writer_escapes_it()
        {
            for (var c = 0; c <= char.MaxValue; c++)
            {
                var value = "a" + (char)c + "b";
                AssertSame(default, json => json.String(Text, value), w => w.WriteString(Encoded[Text], value));
            }
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.0)]
        [InlineData(-1.0)]
        [InlineData(5.0)]
        [InlineData(0.1)]
        [InlineData(0.0001)]
        [InlineData(0.00015)]
        [InlineData(0.00001)]
        [InlineData(99_999_999_999.9999)]
        [InlineData(100_000_000_000.5)]
        [InlineData(-0.7)]
        [InlineData(1.25)]
        [InlineData(2.675)]
        [InlineData(0.8)]
        [InlineData(-123.456)]
        [InlineData(0.30000000000000004)]
        [InlineData(1e-7)]
        [InlineData(999_999_999_999_999.0)]
        [InlineData(-999_999_999_999_999.0)]
        [InlineData(1e15)]
        [InlineData(-1e15)]
        [InlineData(1e16)]
        [InlineData(9_007_199_254_740_993.0)]
        [InlineData(double.MaxValue)]
        [InlineData(double.MinValue)]
        [InlineData(double.Epsilon)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        public void A_number_is_written_as_the_writer_writes_it_and_a_non_finite_one_throws_as_it_does(double value) =>
            AssertSame(default, json => json.Number(Text, value), w => w.WriteNumber(Encoded[Text], value));

        [Fact]
        public void Many_decimal_and_random_numbers_are_written_as_the_writer_writes_them()
        {
            var random = new Random(13);
            var bits = new byte[8];
            for (var i = 0; i < 200_000; i++)
            {
                double value;
                switch (i % 3)
                {
                    case 0:
                        value = random.Next(-2_000_000, 2_000_000) / Math.Pow(10, random.Next(0, 8));
                        break;
                    case 1:
                        value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 17));
                        break;
                    default:
                        random.NextBytes(bits);
                        value = BitConverter.ToDouble(bits, 0);
                        break;
                }

                AssertSame(default, json => json.Number(Text, value), w => w.WriteNumber(Encoded[Text], value));
            }
        }

        [Fact]
        public void Negative_zero_is_written_as_the_writer_writes_it()
        {
            var negativeZero = -0.0;
            AssertSame(default, json => json.Number(Text, negativeZero), w => w.WriteNumber(Encoded[Text], negativeZero));
            Assert.Equal("{\"text\":-0}", Write(default, json => json.Number(Text, negativeZero)));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(-1L)]
        [InlineData(42L)]
        [InlineData(int.MaxValue)]
        [InlineData(int.MinValue)]
        [InlineData(long.MaxValue)]
        [InlineData(long.MinValue)]
        public void An_integer_is_written_as_the_writer_writes_it(long value)
        {
            AssertSame(default, json => json.Integer(Text, value), w => w.WriteNumber(Encoded[Text], value));
            if (value >= int.MinValue && value <= int.MaxValue)
            {
                AssertSame(default, json => json.Integer(Text, (int)value), w => w.WriteNumber(Encoded[Text], (int)value));
            }
        }

        [Fact]
        public void Several_members_booleans_and_an_escaped_name_are_written_as_the_writer_writes_them() =>
            AssertSame(
                default,
                json =>
                {
                    json.Boolean(Escaped, true);
                    json.String(Text, "a");
                    json.Boolean(Size, false);
                    json.Number(Text, 2.5);
                },
                w =>
                {
                    w.WriteBoolean(Encoded[Escaped], true);
                    w.WriteString(Encoded[Text], "a");
                    w.WriteBoolean(Encoded[Size], false);
                    w.WriteNumber(Encoded[Text], 2.5);
                });

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Unset_values_are_omitted_and_set_ones_written_as_the_writer_writes_them(bool indented)
        {
            var options = new JsonWriterOptions { Indented = indented };
            using var doc = JsonDocument.Parse("{\"a\":[1,\"x\"]}");
            var element = doc.RootElement.Clone();

            // Every optional overload with null writes nothing: the object stays empty.
            AssertSame(
                options,
                json =>
                {
                    json.OptionalString(Text, null);
                    json.Number(Text, (double?)null);
                    json.Integer(Size, (long?)null);
                    json.Integer(Size, (int?)null);
                    json.Boolean(Escaped, (bool?)null);
                    json.Element(Escaped, (JsonElement?)null);
                },
                w => { });

            // With values they write what the writer writes for the same calls, in order.
            AssertSame(
                options,
                json =>
                {
                    json.OptionalString(Text, "caf\u00e9 \"q\"");
                    json.Number(Text, (double?)2.5);
                    json.Integer(Size, (int?)-7);
                    json.Integer(Size, (long?)long.MaxValue);
                    json.Boolean(Escaped, (bool?)false);
                    json.Element(Escaped, (JsonElement?)element);
                },
                w =>
                {
                    w.WriteString(Encoded[Text], "caf\u00e9 \"q\"");
                    w.WriteNumber(Encoded[Text], 2.5);
                    w.WriteNumber(Encoded[Size], -7);
                    w.WriteNumber(Encoded[Size], long.MaxValue);
                    w.WriteBoolean(Encoded[Escaped], false);
                    w.WritePropertyName(Encoded[Escaped]);
                    element.WriteTo(w);
                });

            // A set non-finite number throws as the writer does.
            AssertSame(options, json => json.Number(Text, (double?)double.NaN), w => w.WriteNumber(Encoded[Text], double.NaN));
        }

        [Fact]
        public void Lists_are_written_as_the_writer_writes_them_a_null_list_omitted_numbers_normalized_when_asked()
        {
            var strings = new List<string?> { "a", null, "\u00e9\"" };
            var numbers = new List<double> { 9, 30.5, 1000, -0.0 };
            AssertSame(
                default,
                json =>
                {
                    json.Strings(Text, strings);
                    json.Strings(Escaped, Array.Empty<string>());
                    json.Strings(Text, null);
                    json.Numbers(Size, numbers, true);
                    json.Numbers(Text, numbers, false);
                    json.Numbers(Text, null, true);
                },
                w =>
                {
                    w.WriteStartArray(Encoded[Text]);
                    strings.ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                    w.WriteStartArray(Encoded[Escaped]);
                    w.WriteEndArray();
                    w.WriteStartArray(Encoded[Size]);
                    numbers.ForEach(n => w.WriteNumberValue(ScenarioRules.Normalize(Model.Parameters[Size], n)));
                    w.WriteEndArray();
                    w.WriteStartArray(Encoded[Text]);
                    numbers.ForEach(w.WriteNumberValue);
                    w.WriteEndArray();
                });
            Assert.Equal("{\"size\":[8,32,1000,0]}", Write(default, json => json.Numbers(Size, numbers, true)));
        }

        [Fact]
        public void Json_values_are_written_as_the_writer_writes_them_an_undefined_one_omitted()
        {
            using var document = JsonDocument.Parse("{\"a\": [1, 2.50, \"x\\u00e9\\\"\", null, true, {\"b\": {}}], \"c\": \"<\"}");
            var root = document.RootElement;
            var items = new List<JsonElement> { root, root.GetProperty("a"), root.GetProperty("c") };
            AssertSame(
                default,
                json =>
                {
                    json.Element(Escaped, root);
                    json.Element(Text, default);
                    json.Elements(Size, items);
                    json.Elements(Text, null);
                },
                w =>
                {
                    w.WritePropertyName(Encoded[Escaped]);
                    root.WriteTo(w);
                    w.WriteStartArray(Encoded[Size]);
                    items.ForEach(i => i.WriteTo(w));
                    w.WriteEndArray();
                });
        }

        [Fact]
        public void An_undefined_json_value_in_a_list_throws_as_the_writer_does() =>
            AssertSame(
                default,
                json => json.Elements(Size, new[] { default(JsonElement) }),
                w =>
                {
                    w.WriteStartArray(Encoded[Size]);
                    default(JsonElement).WriteTo(w);
                });

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_deep_json_value_hits_the_writer_depth_limit_exactly_where_the_writer_does(bool inList)
        {
            for (var maxDepth = 1; maxDepth <= 8; maxDepth++)
            {
                for (var nesting = 0; nesting <= 8; nesting++)
                {
                    using var document = JsonDocument.Parse(new string('[', nesting) + "1" + new string(']', nesting));
                    var value = document.RootElement.Clone();
                    var options = new JsonWriterOptions { MaxDepth = maxDepth };
                    if (inList)
                    {
                        AssertSame(options, json => json.Elements(Size, new[] { value }), w =>
                        {
                            w.WriteStartArray(Encoded[Size]);
                            value.WriteTo(w);
                            w.WriteEndArray();
                        });
                    }
                    else
                    {
                        AssertSame(options, json => json.Element(Size, value), w =>
                        {
                            w.WritePropertyName(Encoded[Size]);
                            value.WriteTo(w);
                        });
                    }
                }
            }
        }

        [Fact]
        public void Other_writer_options_get_the_writer_own_output()
        {
            var members = (Members)(json =>
            {
                json.String(Text, "caf\u00e9 <b>");
                json.Numbers(Size, new[] { 1.5, 2.0 }, false);
                json.Boolean(Escaped, true);
            });
            Action<Utf8JsonWriter> reference = w =>
            {
                w.WriteString(Encoded[Text], "caf\u00e9 <b>");
                w.WriteStartArray(Encoded[Size]);
                w.WriteNumberValue(1.5);
                w.WriteNumberValue(2.0);
                w.WriteEndArray();
                w.WriteBoolean(Encoded[Escaped], true);
            };
            AssertSame(new JsonWriterOptions { Indented = true }, members, reference);
            AssertSame(new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }, members, reference);
            AssertSame(new JsonWriterOptions { SkipValidation = true }, members, reference);
            Assert.Contains("caf\u00e9 <b>", Write(new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }, members), StringComparison.Ordinal);
        }

        [Fact]
        public void The_object_leaves_the_writer_ready_for_what_follows_in_an_array_or_as_a_property_value()
        {
            var members = (Members)(json => json.String(Text, "v"));
            Assert.Equal("[{\"text\":\"v\"},{\"text\":\"v\"},1]", Outcome(default, w =>
            {
                w.WriteStartArray();
                WriteObject(w, members);
                WriteObject(w, members);
                w.WriteNumberValue(1);
                w.WriteEndArray();
            }));
            Assert.Equal("{\"a\":{\"text\":\"v\"},\"b\":{}}", Outcome(default, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("a");
                WriteObject(w, members);
                w.WritePropertyName("b");
                WriteObject(w, _ => { });
                w.WriteEndObject();
            }));
        }

        [Fact]
        public void An_object_where_no_value_may_go_throws_as_the_writer_does()
        {
            var members = (Members)(json => json.String(Text, "v"));
            Action<Utf8JsonWriter> inObject = w => w.WriteStartObject();
            Action<Utf8JsonWriter> afterRoot = w => w.WriteNumberValue(1);
            foreach (var before in new[] { inObject, afterRoot })
            {
                var expected = Outcome(default, w =>
                {
                    before(w);
                    w.WriteStartObject();
                });
                Assert.Equal(nameof(InvalidOperationException), expected);
                Assert.Equal(expected, Outcome(default, w =>
                {
                    before(w);
                    WriteObject(w, members);
                }));
            }
        }

        [Fact]
        public void An_object_at_the_writer_depth_limit_throws_as_the_writer_does()
        {
            for (var depth = 0; depth <= 4; depth++)
            {
                var options = new JsonWriterOptions { MaxDepth = 3 };
                var open = depth;
                Assert.Equal(
                    Outcome(options, w => Nest(w, open, () => w.WriteStartObject(), () => w.WriteEndObject())),
                    Outcome(options, w => Nest(w, open, () => ScenarioJsonWriter.Start(w, Names).End(), () => { })));
            }
        }

        [Fact]
        public void Consecutive_objects_on_one_thread_do_not_share_bytes()
        {
            var first = Write(default, json => json.String(Text, new string('a', 3000)));
            var second = Write(default, json => json.Boolean(Text, true));
            Assert.Equal("{\"text\":\"" + new string('a', 3000) + "\"}", first);
            Assert.Equal("{\"text\":true}", second);
        }

        private static void Nest(Utf8JsonWriter writer, int depth, Action inner, Action close)
        {
            for (var i = 0; i < depth; i++)
            {
                writer.WriteStartArray();
            }

            inner();
            close();
            for (var i = 0; i < depth; i++)
            {
                writer.WriteEndArray();
            }
        }

        private static void WriteObject(Utf8JsonWriter writer, Members members)
        {
            var json = ScenarioJsonWriter.Start(writer, Names);
            members(json);
            json.End();
        }

        private static string Write(JsonWriterOptions options, Members members) => Outcome(options, w => WriteObject(w, members));

        private static void AssertSame(JsonWriterOptions options, Members members, Action<Utf8JsonWriter> reference)
        {
            var expected = Outcome(options, w =>
            {
                w.WriteStartObject();
                reference(w);
                w.WriteEndObject();
            });
            Assert.Equal(expected, Write(options, members));
        }

        /// <summary>The text written, or the exception's type name.</summary>
        private static string Outcome(JsonWriterOptions options, Action<Utf8JsonWriter> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using var writer = new Utf8JsonWriter(buffer, options);
            try
            {
                write(writer);
                writer.Flush();
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                return e.GetType().Name;
            }
        }
    }
}
