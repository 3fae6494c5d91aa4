namespace LtxCodegen.Schema.Model
{
    /// <summary>What kind of JSON value a <see cref="DocValue"/> is.</summary>
    public enum DocValueKind
    {
        Null = 0,
        Boolean = 1,
        Number = 2,
        String = 3,
        List = 4,
        Object = 5,
    }

    /// <summary>
    /// A value a doc states (a parameter's default), read once by the model library: typed, and with its compact
    /// JSON text (what descriptors carry). Value-equal, so the incremental pipeline can compare it. Consumers read
    /// the typed members; nothing downstream parses <see cref="Json"/> again.
    /// </summary>
    public sealed record DocValue
    {
        internal DocValue(DocValueKind kind, string json)
        {
            Kind = kind;
            Json = json;
        }

        public DocValueKind Kind { get; }

        /// <summary>The value as compact JSON (numbers normalized: <c>1</c>, <c>0.5</c>, <c>1E+16</c>).</summary>
        public string Json { get; }

        /// <summary>For <see cref="DocValueKind.Boolean"/>: the value.</summary>
        public bool Boolean { get; init; }

        /// <summary>For <see cref="DocValueKind.Number"/>: the value (finite).</summary>
        public double Number { get; init; }

        /// <summary>For <see cref="DocValueKind.Number"/>: the exact integer when the number is whole and a <c>long</c> holds it; else null.</summary>
        public long? Integer { get; init; }

        /// <summary>For <see cref="DocValueKind.String"/>: the string (unescaped).</summary>
        public string? Text { get; init; }

        /// <summary>For <see cref="DocValueKind.List"/>: the items.</summary>
        public EquatableArray<DocValue> Items { get; init; } = EquatableArray<DocValue>.Empty;

        /// <summary>True when both are numbers of the same value, or the same value altogether.</summary>
        public bool SameValue(DocValue other) =>
            Equals(other) || (Kind == DocValueKind.Number && other.Kind == DocValueKind.Number && Number == other.Number);
    }
}
