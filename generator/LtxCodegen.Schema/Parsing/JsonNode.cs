using System.Collections.Generic;

namespace LtxCodegen.Schema.Parsing
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A parsed JSON value that remembers where it is in the file.</summary>
    internal sealed class JsonNode
    {
        public JsonNode(JsonKind kind, int start, int end)
        {
            Kind = kind;
            Start = start;
            End = end;
        }

        public JsonKind Kind { get; }

        public int Start { get; }

        public int End { get; set; }

        /// <summary>String value, or the number's text as written.</summary>
        public string? Text { get; set; }

        public double Number { get; set; }

        public List<KeyValuePair<string, JsonNode>> Members { get; } = new List<KeyValuePair<string, JsonNode>>();

        public List<JsonNode> Items { get; } = new List<JsonNode>();

        public JsonNode? Get(string name)
        {
            foreach (var m in Members)
            {
                if (m.Key == name)
                {
                    return m.Value;
                }
            }

            return null;
        }

        public bool IsBool => Kind == JsonKind.True || Kind == JsonKind.False;
    }
}
