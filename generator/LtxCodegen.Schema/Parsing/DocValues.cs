using System.Linq;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>Turns a default's normalized JSON text (from <see cref="Literals"/>) into a typed <see cref="DocValue"/>, once.</summary>
    internal static class DocValues
    {
        /// <summary>Largest magnitude a <c>long</c> holds (2^63, exclusive for positives).</summary>
        private const double LongLimit = 9223372036854775808.0;

        public static DocValue? FromJson(string? json)
        {
            if (json is null)
            {
                return null;
            }

            try
            {
                return From(JsonReader.Parse(json), json);
            }
            catch (JsonSyntaxException)
            {
                return null;
            }
        }

        private static DocValue From(JsonNode node, string json)
        {
            switch (node.Kind)
            {
                case JsonKind.True:
                case JsonKind.False:
                    return new DocValue(DocValueKind.Boolean, json) { Boolean = node.Kind == JsonKind.True };
                case JsonKind.Number:
                    var n = node.Number;
                    var whole = n == System.Math.Floor(n) && n >= -LongLimit && n < LongLimit;
                    return new DocValue(DocValueKind.Number, json) { Number = n, Integer = whole ? (long)n : null };
                case JsonKind.String:
                    return new DocValue(DocValueKind.String, json) { Text = node.Text ?? string.Empty };
                case JsonKind.Array:
                    return new DocValue(DocValueKind.List, json)
                    {
                        Items = node.Items.Select(i => From(i, Literals.ToJson(i))).ToEquatableArray(),
                    };
                case JsonKind.Object:
                    return new DocValue(DocValueKind.Object, json);
                default:
                    return new DocValue(DocValueKind.Null, json);
            }
        }
    }
}
